import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { checkBundledData } from '../../ingest/data-check.ts';
import { DEFAULT_DATA_DIR, type GlobalOptions, PROJECT_ROOT } from '../context.ts';
import { printJson } from '../output.ts';

export function checkDataCommand(program: Command): void {
  program
    .command('check-data')
    .description(
      'check the bundled dataset (schema, sources, references, names, coverage) and print its coverage report',
    )
    .option('--data <dir>', 'bundled data directory', DEFAULT_DATA_DIR)
    .option('--write', 'also write the report to docs/DATA.md')
    .action(async (opts: { data: string; write?: boolean }, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      const result = await checkBundledData(opts.data);
      if (opts.write) writeFileSync(join(PROJECT_ROOT, 'docs', 'DATA.md'), result.report);
      if (g.json) printJson(result);
      else process.stdout.write(`${result.report}\n`);
      if (result.problems.length > 0) {
        throw new Error(`${result.problems.length} problem(s) in the bundled data:\n  ${result.problems.join('\n  ')}`);
      }
    });
}
