import type { Command } from 'commander';
import { Db } from '../../store/db.ts';
import { resolutionReport } from '../../store/queries/coverage.ts';
import { type GlobalOptions, dbPath } from '../context.ts';
import { printJson, printTable } from '../output.ts';

export function resolveCommand(program: Command): void {
  program
    .command('resolve')
    .description('entity resolution: the merges each input made (how), and the ambiguities left open')
    .option('--report', 'print the report (the default and only mode)')
    .action(async (_opts: unknown, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      const db = await Db.open({ path: dbPath(g), readOnly: true });
      try {
        const report = await resolutionReport(db);
        if (g.json) return printJson(report);
        process.stdout.write(`Merges (${report.merges.length}): a name in an input resolved onto an existing entity\n`);
        printTable(report.merges, ['dataset', 'raw_name', 'entity_id', 'name', 'method']);
        process.stdout.write(
          `\nOpen ambiguities (${report.ambiguities.length}): equally likely candidates, not guessed\n`,
        );
        printTable(report.ambiguities, ['dataset', 'line', 'value', 'message']);
      } finally {
        db.close();
      }
    });
}
