/** The `neijuan` command line: one file per verb under commands/. */
import { Command } from 'commander';
import { analyticsCommands } from './commands/analytics.ts';
import { buildCommand } from './commands/build.ts';
import { changeCommands } from './commands/changes.ts';
import { checkDataCommand } from './commands/check-data.ts';
import { resolveCommand } from './commands/resolve.ts';
import { ingestCommand } from './commands/ingest.ts';
import { lookupCommands } from './commands/lookup.ts';
import { serveCommand } from './commands/serve.ts';
import { VERSION } from './context.ts';

export function createProgram(): Command {
  const program = new Command('neijuan')
    .description("Neijuan: an open observatory of China's AI ecosystem, from open, cited data")
    .version(VERSION)
    .option('--db <path>', 'database file (default: $NEIJUAN_DB or ./neijuan.duckdb)')
    .option('--json', 'print JSON instead of tables');
  buildCommand(program);
  serveCommand(program);
  ingestCommand(program);
  lookupCommands(program);
  checkDataCommand(program);
  resolveCommand(program);
  analyticsCommands(program);
  changeCommands(program);
  return program;
}
