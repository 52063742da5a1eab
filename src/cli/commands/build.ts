import type { Command } from 'commander';
import { type BuildResult, buildDatabase } from '../../ingest/build.ts';
import type { Progress } from '../../ingest/pipeline.ts';
import { prepareServing } from '../../api/serving.ts';
import { CpuWorker } from '../../analytics/cpu-worker.ts';
import { metricMoves } from '../../payloads/moves.ts';
import { Db } from '../../store/db.ts';
import { recordMetricMoves } from '../../store/queries/changes.ts';
import { DEFAULT_DATA_DIR, type GlobalOptions, dbPath } from '../context.ts';
import { printJson, printTable, progressBar } from '../output.ts';

/**
 * `neijuan build`'s work, also run by `serve --build-if-stale`: the bundled data into `path`, the metric moves against
 * the database it replaces recorded, and what the server reads stored.
 */
export function buildBundled(
  path: string,
  dataDir: string,
  options: { ifStale: boolean; progress?: Progress },
): Promise<BuildResult> {
  // The worker that lays out the network and indexes the names, started as the ingest starts: its libraries load while
  // the main thread maps the inputs.
  const cpu = new CpuWorker();
  return buildDatabase(path, dataDir, {
    ifStale: options.ifStale,
    started: () => cpu.warm(),
    // The names tokenised on the worker once every input is mapped: the main thread then only waits for DuckDB to
    // insert the last inputs and commit (0.3–0.4 s on one core), and the search index, computed after the ingest,
    // looks them up. Sent each as it was mapped, they took a core from the mapping instead (the ingest 0.15–0.2 s
    // longer, the build no shorter).
    mapped: (bundles) => {
      cpu.run('nameTerms', [...new Set(bundles.flatMap((b) => b.names.map((n) => n.name)))]).catch(() => {});
    },
    ...(options.progress ? { progress: options.progress } : {}),
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
      await prepareServing(db, cpu);
    },
  }).finally(() => cpu.close());
}

/**
 * What a build ends by saying (after its table of inputs): that the file was up to date, or the datasets it carried
 * over, where it built, how long it took and each step's seconds.
 */
export function buildReport(result: BuildResult, seconds: number, dataDir: string): string {
  if (result.skipped) return `${result.path} is up to date with ${dataDir}\n`;
  const kept = result.kept.map(
    (k) => `kept ${k.dataset} (${k.rows.toLocaleString('en')} rows) from the database it replaced\n`,
  );
  const steps = result.steps.map((s) => `${s.step} ${s.seconds} s`).join(', ');
  return `${kept.join('')}built ${result.path} in ${seconds} s (${steps})\n`;
}

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
      const result = await buildBundled(dbPath(g), opts.data, {
        ifStale: opts.ifStale ?? false,
        progress: bar.progress,
      });
      bar.stop();
      const seconds = Math.round(performance.now() - started) / 1000;
      if (g.json) return printJson({ ...result, seconds });
      if (!result.skipped) {
        printTable(
          result.runs.map((r) => ({
            input: r.input,
            read: r.read,
            inserted: r.inserted,
            updated: r.updated,
            issues: r.issues,
          })),
        );
      }
      process.stdout.write(buildReport(result, seconds, opts.data));
    });
}
