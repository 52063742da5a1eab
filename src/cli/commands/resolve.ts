import type { Command } from 'commander';
import { resolutionReport } from '../../store/queries/coverage.ts';
import { type GlobalOptions, withReadOnlyDb } from '../context.ts';
import { printJson, printTable } from '../output.ts';

export function resolveCommand(program: Command): void {
  program
    .command('resolve')
    .description('entity resolution: the merges each input made (how), and the ambiguities left open')
    .option('--report', 'list every merge and every open ambiguity (default: counts per input and method)')
    .action(async (opts: { report?: boolean }, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      const report = await withReadOnlyDb(g, (db) => resolutionReport(db));
      if (!opts.report) {
        // The summary: how many merges each input made, by method, and how many ambiguities it left.
        const counts = new Map<string, { dataset: string; method: string; merges: number }>();
        for (const m of report.merges) {
          const key = `${m.dataset}\t${m.method}`;
          const row = counts.get(key) ?? { dataset: m.dataset, method: m.method, merges: 0 };
          row.merges++;
          counts.set(key, row);
        }
        const ambiguities = new Map<string, number>();
        for (const a of report.ambiguities) ambiguities.set(a.dataset, (ambiguities.get(a.dataset) ?? 0) + 1);
        const summary = {
          merges: [...counts.values()],
          ambiguities: [...ambiguities.entries()].map(([dataset, n]) => ({ dataset, ambiguities: n })),
        };
        if (g.json) return printJson(summary);
        printTable(summary.merges, ['dataset', 'method', 'merges']);
        printTable(summary.ambiguities, ['dataset', 'ambiguities']);
        process.stdout.write('--report lists every merge and ambiguity\n');
        return;
      }
      if (g.json) return printJson(report);
      process.stdout.write(`Merges (${report.merges.length}): a name in an input resolved onto an existing entity\n`);
      printTable(report.merges, ['dataset', 'raw_name', 'entity_id', 'name', 'method']);
      process.stdout.write(
        `\nOpen ambiguities (${report.ambiguities.length}): equally likely candidates, not guessed\n`,
      );
      printTable(report.ambiguities, ['dataset', 'line', 'value', 'message']);
    });
}
