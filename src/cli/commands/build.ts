import type { Command } from 'commander';
import { buildDatabase } from '../../ingest/build.ts';
import { prepareServing } from '../../api/serving.ts';
import { metricMoves } from '../../payloads/moves.ts';
import { Db } from '../../store/db.ts';
import { recordMetricMoves } from '../../store/queries/changes.ts';
import { DEFAULT_DATA_DIR, type GlobalOptions, dbPath } from '../context.ts';
import { printJson, printTable, progressBar } from '../output.ts';

export function buildCommand(program: Command): void {
  program
    .command('build')
    .description('build the database from the bundled data/ directory alone (offline); replaces it atomically')
    .option('--data <dir>', 'bundled data directory', DEFAULT_DATA_DIR)
    .option('--if-stale', 'skip the build when the database was built from exactly this data')
    .action(async (opts: { data: string; ifStale?: boolean }, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      const bar = progressBar(!g.json);
      const started = performance.now();
      const result = await buildDatabase(dbPath(g), opts.data, {
        ifStale: opts.ifStale ?? false,
        progress: bar.progress,
        // What the build changed in the figures users quote, recorded beside the data changes.
        afterChanges: async (db, replaced) => {
          const before = await Db.open({ path: replaced.path, readOnly: true });
          try {
            await recordMetricMoves(db, replaced.run, await metricMoves(before, db));
          } finally {
            before.close();
          }
        },
        // The search index and the default responses, stored so a server neither builds nor computes them.
        prepare: async (db) => {
          await prepareServing(db);
        },
      });
      bar.stop();
      const seconds = Math.round(performance.now() - started) / 1000;
      if (g.json) return printJson({ ...result, seconds });
      if (result.skipped) {
        process.stdout.write(`${result.path} is up to date with ${opts.data}\n`);
        return;
      }
      printTable(
        result.runs.map((r) => ({
          input: r.input,
          read: r.read,
          inserted: r.inserted,
          updated: r.updated,
          issues: r.issues,
        })),
      );
      for (const k of result.kept) {
        process.stdout.write(`kept ${k.dataset} (${k.rows.toLocaleString('en')} rows) from the database it replaced\n`);
      }
      process.stdout.write(
        `built ${result.path} in ${seconds} s (${result.steps.map((s) => `${s.step} ${s.seconds} s`).join(', ')})\n`,
      );
    });
}
