import type { Command } from 'commander';
import { ingest } from '../../ingest/pipeline.ts';
import { cacConnector } from '../../sources/cac/source.ts';
import { moeListConnector } from '../../sources/cn-universities/source.ts';
import { curatedConnector } from '../../sources/curated/source.ts';
import { epochConnector } from '../../sources/epoch/source.ts';
import { llmListConnector } from '../../sources/llms-in-china/source.ts';
import { owidConnector } from '../../sources/owid/source.ts';
import type { Connector } from '../../sources/source.ts';
import { Db } from '../../store/db.ts';
import { type GlobalOptions, dbPath } from '../context.ts';
import { printJson, printTable, progressBar } from '../output.ts';

/** The connectors `neijuan ingest <name>` knows. */
const CONNECTORS: Readonly<Record<string, Connector<unknown>>> = {
  epoch: epochConnector,
  curated: curatedConnector,
  'llms-in-china': llmListConnector,
  'cn-universities': moeListConnector,
  cac: cacConnector,
  owid: owidConnector,
};

export function ingestCommand(program: Command): void {
  program
    .command('ingest')
    .description(
      `ingest one input into the database (${Object.keys(CONNECTORS).join(', ')}); re-running it changes nothing`,
    )
    .argument('<connector>', Object.keys(CONNECTORS).join(' | '))
    .requiredOption('--file <path>', 'input file (or directory, for curated)')
    .action(async (name: string, opts: { file: string }, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      const connector = CONNECTORS[name];
      if (!connector) throw new Error(`unknown connector "${name}"; known: ${Object.keys(CONNECTORS).join(', ')}`);
      const db = await Db.open({ path: dbPath(g) });
      const bar = progressBar(!g.json);
      try {
        const summary = await ingest(db, connector, opts.file, bar.progress);
        bar.stop();
        if (g.json) printJson(summary);
        else printTable([{ ...summary }]);
      } finally {
        bar.stop();
        db.close();
      }
    });
}
