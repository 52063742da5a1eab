/** `neijuan build`: the whole database from the bundled data/ directory alone, offline, replaced atomically. */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename, dirname, join } from 'node:path';
import type { Bundle } from '../model/bundle.ts';
import { Db } from '../store/db.ts';
import { refreshDerived } from '../store/derived.ts';
import { recordChanges, wholeDatabase } from '../store/queries/changes.ts';
import { literal, raw, sql } from '../store/sql.ts';
import { WriterLock } from '../store/writer-lock.ts';
import { bundledInputs } from './bundled-inputs.ts';
import { mapAhead, mapInput } from './bundled-mapping.ts';
import { loadFirst } from './first-load.ts';
import { KnownSoFar } from './known-names.ts';
import { type IngestSummary, type Progress, ingest } from './pipeline.ts';

/** A hash of every bundled input file and of the code's migrations: equal hashes build equal databases. */
export function dataFingerprint(dataDir: string): string {
  const hash = createHash('sha256');
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else hash.update(entry.name).update(readFileSync(path));
    }
  };
  walk(dataDir);
  walk(new URL('../store/migrations', import.meta.url).pathname);
  walk(new URL('../sources', import.meta.url).pathname);
  return hash.digest('hex');
}

/**
 * Ingests the bundled data into an open database (used by `build` and by tests on an in-memory one): every input the
 * list marks bundled, in its order (the curated set first, so later inputs resolve onto it). Each input is read and
 * mapped while the ones before it are merged (bundled-mapping.ts). Into a database no input was loaded into (every
 * build), all of them go in one transaction (first-load.ts); into any other, each is ingested on its own.
 */
export async function loadBundled(
  db: Db,
  dataDir: string,
  progress?: Progress,
  mapped?: (bundles: Bundle[]) => void,
): Promise<IngestSummary[]> {
  const out: IngestSummary[] = [];
  const inputs = await bundledInputs(dataDir);
  const known = new KnownSoFar();
  await known.load(db);
  // A database no input was ever loaded into (every build): the fast path.
  const runs = await db.one<{ n: number }>(sql`SELECT count(*)::INT AS n FROM ingest_runs`);
  if (runs?.n === 0) return loadFirst(db, inputs, known, progress, mapped);
  const jobs = mapAhead(inputs, known, mapped);
  for (const [i, { connector, input }] of inputs.entries()) {
    // Null: the names of an input before this one could not be told; those of the input just merged are read.
    let job = await jobs[i];
    if (!job) {
      const before = out.at(-1);
      if (before) await known.changed(db, before.dataset);
      job = mapInput({ connector, input }, known);
    }
    out.push(
      await ingest(db, connector, input, progress, {
        recordChanges: false,
        refreshDerived: false,
        reading: job.reading,
        mapping: job.mapping,
      }),
    );
  }
  // Once for all the bundled inputs: none of them reads a derived table while it is ingested.
  await db.transaction(() => refreshDerived(db));
  return out;
}

export interface BuildResult {
  path: string;
  skipped: boolean;
  fingerprint: string;
  runs: IngestSummary[];
  /** Datasets the old database held that the bundled data does not make (live syncs, CSV imports): carried over. */
  kept: { dataset: string; rows: number }[];
  /** Seconds per step, in the order they ran (what `npm run bench:start` reports of a build). */
  steps: { step: string; seconds: number }[];
}

/** Removes `<db>.building-<pid>` files of builds whose process is gone (a build killed mid-way). */
function removeStaleBuilds(path: string): void {
  const dir = dirname(path);
  const prefix = `${basename(path)}.building-`;
  for (const name of existsSync(dir) ? readdirSync(dir) : []) {
    if (!name.startsWith(prefix)) continue;
    const pid = Number(name.slice(prefix.length).replace(/\.wal$/, ''));
    let running = false;
    try {
      process.kill(pid, 0);
      running = true;
    } catch (error) {
      running = (error as NodeJS.ErrnoException).code === 'EPERM';
    }
    if (!running || pid === process.pid) rmSync(join(dir, name), { force: true });
  }
}

/**
 * Builds into a temporary file and renames it over `path`, so a failed build leaves the old database. Holds the
 * database's writer lock throughout: an ingest cannot run into a database that is about to be replaced. Datasets the
 * old database has and the bundled data does not make are carried into the new one. Neither file has a write-ahead
 * log when the rename happens (both are checkpointed first), so a crash at any point leaves one whole database.
 */
export async function buildDatabase(
  path: string,
  dataDir: string,
  options: {
    ifStale?: boolean;
    progress?: Progress;
    /** Called just before the rename (tests check that no WAL is left to replay into the new file). */
    beforeSwap?: (files: { path: string; tmp: string }) => void;
    /**
     * Called with the new database (not yet swapped in) and the one it replaces, after the build's own changes are
     * recorded: the CLI adds the metric moves there (ingest/ does not compute payloads).
     */
    afterChanges?: (db: Db, replaced: { path: string; run: BuildRun }) => Promise<void>;
    /** Called when the build starts (it was not skipped), before the first input is read. */
    started?: () => void;
    /** Told every input's bundle once the last is mapped (the CLI has the names tokenised for the search index). */
    mapped?: (bundles: Bundle[]) => void;
    /** Called last on the new database, before it is checkpointed: the CLI stores what the server reads there. */
    prepare?: (db: Db) => Promise<void>;
  } = {},
): Promise<BuildResult> {
  const steps: BuildResult['steps'] = [];
  let mark = performance.now();
  const step = (name: string) => {
    const now = performance.now();
    steps.push({ step: name, seconds: Math.round(now - mark) / 1000 });
    mark = now;
  };
  const fingerprint = dataFingerprint(dataDir);
  step('fingerprint');
  const lock = WriterLock.acquire(path);
  try {
    removeStaleBuilds(path);
    if (options.ifStale && existsSync(path)) {
      try {
        const db = await Db.open({ path, readOnly: true });
        const row = await db.one<{ value: string }>(sql`SELECT value FROM build_info WHERE key = 'fingerprint'`);
        db.close();
        if (row?.value === fingerprint) return { path, skipped: true, fingerprint, runs: [], kept: [], steps };
      } catch {
        // An unreadable or older database is simply rebuilt.
      }
    }
    // The old database, migrated and checkpointed (its WAL folded in), so that it can be read and nothing of it
    // is left in a WAL the renamed file could replay.
    const old = existsSync(path);
    if (old) await settleOld(path);
    step('old database');
    const tmp = `${path}.building-${process.pid}`;
    rmSync(tmp, { force: true });
    rmSync(`${tmp}.wal`, { force: true });
    const db = await Db.open({ path: tmp });
    await db.exec(
      [
        // No checkpoint at a commit: the inputs' commit goes to the write-ahead log (0.12 s) and their tables are
        // written into the file by a checkpoint beside the prepare step (below). At DuckDB's default of 16 MB the
        // commit wrote them itself (0.25 s), with the main thread and the worker idle.
        `SET checkpoint_threshold = '1GB'`,
        // FSST, DuckDB's string compressor, spent a third of the final checkpoint building symbol tables (0.13 s of
        // 0.37 s) to make the file 2 % smaller. Strings are still dictionary-compressed where that pays.
        `SET disabled_compression_methods = 'fsst'`,
        // A core for JavaScript (mapping the inputs, then the payloads): DuckDB's threads take the others. On two
        // cores its second thread only contended with the main thread and the worker, and cost more CPU than it
        // saved: with one, a build took 3.47–3.71 s against 3.64–3.86 s, and 5.2–5.5 s of user CPU against 5.6–6.0 s.
        `SET threads = ${Math.max(1, availableParallelism() - 1)}`,
      ].join(';\n'),
    );
    step('open');
    options.started?.();
    try {
      const runs = await loadBundled(db, dataDir, options.progress, options.mapped);
      step('ingest');
      // The old database must be readable to be replaced: its own datasets are carried over, never dropped unseen.
      let kept: BuildResult['kept'] = [];
      if (old) {
        try {
          kept = await carryOver(db, path, new Set(runs.map((r) => r.dataset)));
        } catch (error) {
          throw new Error(
            `cannot read ${path} to carry its own datasets into the new build (${(error as Error).message}); ` +
              'nothing was replaced. Stop what holds it, or move the file away to build from the bundled data alone',
          );
        }
        step('carry over');
      }
      if (old) {
        // The change log is a convenience: an old database it cannot read (an older schema held open by a reader)
        // does not stop the build, it only leaves this build without recorded changes.
        const run = await recordBuildChanges(db, path, dataDir).catch(() => null);
        if (run) await options.afterChanges?.(db, { path, run });
        step('changes');
      }
      // The tables written so far go into the file on another connection while the prepare step reads them: a core
      // does it that the prepare step leaves free at times (mostly waiting on DuckDB's reads and the worker), instead
      // of the commit or the final checkpoint doing it alone. Its own write waits for this checkpoint to end.
      // Six alternated pairs: 2.65–2.84 s (median 2.78) against 2.75–2.93 s (median 2.84), with the process start.
      const written = db.beside((other) => other.exec('CHECKPOINT'));
      try {
        await options.prepare?.(db);
      } finally {
        await written.catch(() => {});
      }
      await written;
      step('prepare');
      await db.run(sql`INSERT INTO build_info VALUES ('fingerprint', ${fingerprint}), ('built', now()::VARCHAR)`);
      await db.exec('CHECKPOINT');
      db.close();
      step('checkpoint');
      if (existsSync(`${path}.wal`)) {
        throw new Error(`${path}.wal appeared during the build: another process wrote the database; not replacing it`);
      }
      options.beforeSwap?.({ path, tmp });
      renameSync(tmp, path);
      return { path, skipped: false, fingerprint, runs, kept, steps };
    } catch (error) {
      db.close();
      rmSync(tmp, { force: true });
      rmSync(`${tmp}.wal`, { force: true });
      throw error;
    }
  } finally {
    lock.release();
  }
}

/**
 * Opens the database being replaced for writing (under the build's lock) to migrate it and fold its WAL in. One that
 * cannot be opened for writing (a server is reading it) is read as it is, if it has no WAL to lose.
 */
async function settleOld(path: string): Promise<void> {
  try {
    const db = await Db.open({ path, writerLockHeld: true });
    await db.exec('CHECKPOINT');
    db.close();
  } catch (error) {
    if (existsSync(`${path}.wal`)) {
      throw new Error(
        `cannot replace ${path}: it has a write-ahead log that could not be checkpointed ` +
          `(${(error as Error).message}); stop what holds it and build again`,
      );
    }
  }
}

export interface BuildRun {
  id: string;
  at: string;
  kind: 'build';
  label: string;
}

/**
 * Records what the new build changed against the database it replaces (every dataset, slot by slot), and carries the
 * older change history over. An old database without a change log (an older schema read as it is) just has none.
 */
async function recordBuildChanges(db: Db, oldPath: string, dataDir: string): Promise<BuildRun | null> {
  await db.exec(`ATTACH ${literal(oldPath)} AS old (READ_ONLY)`);
  try {
    const has = await db.one<{ n: number }>(sql`
      SELECT count(*)::INT AS n FROM information_schema.tables
      WHERE table_catalog = 'old' AND table_name IN ('changes', 'change_runs')`);
    if (has?.n === 2) {
      await db.exec('INSERT OR IGNORE INTO main.changes SELECT * FROM old.main.changes');
      await db.exec('INSERT OR IGNORE INTO main.change_runs SELECT * FROM old.main.change_runs');
    }
    const at = (await db.one<{ at: string }>(sql`SELECT strftime(now(), '%Y-%m-%d %H:%M:%S') AS at`))?.at ?? '';
    const run: BuildRun = {
      id: `build:${at.replace(' ', 'T')}Z`,
      at,
      kind: 'build',
      label: `the bundled ${basename(dataDir)}/ against the database it replaced`,
    };
    const n = await recordChanges(db, run, wholeDatabase('old'), wholeDatabase(null));
    return n > 0 ? run : null;
  } finally {
    await db.exec('DETACH old');
  }
}

/** Copies every dataset of the old database that the build did not make into the new one, and reports them. */
async function carryOver(db: Db, oldPath: string, built: ReadonlySet<string>): Promise<BuildResult['kept']> {
  // ATTACH takes no bound parameter: the path is quoted as a SQL string literal.
  await db.exec(`ATTACH ${literal(oldPath)} AS old (READ_ONLY)`);
  try {
    const tables = await db.all<{ table_name: string }>(sql`
      SELECT t.table_name FROM information_schema.columns t
      WHERE t.table_catalog = current_database() AND t.table_schema = 'main' AND t.column_name = 'dataset'
        AND t.table_name NOT IN ('ingest_runs', 'changes')
        AND t.table_name IN (SELECT table_name FROM information_schema.columns
                             WHERE table_catalog = 'old' AND column_name = 'dataset')
      ORDER BY t.table_name`);
    const counts = new Map<string, number>();
    for (const { table_name: table } of tables) {
      const rows = await db.all<{ dataset: string; n: number }>(sql`
        SELECT dataset, count(*)::INT AS n FROM old.main.${raw(table)} GROUP BY dataset`);
      const keep = rows.filter((r) => !built.has(r.dataset));
      if (keep.length === 0) continue;
      for (const r of keep) counts.set(r.dataset, (counts.get(r.dataset) ?? 0) + r.n);
      // OR IGNORE: a key the bundled data now holds itself (an entity the curated set has since added) stays bundled.
      await db.run(sql`
        INSERT OR IGNORE INTO main.${raw(table)} BY NAME
        SELECT * FROM old.main.${raw(table)} WHERE list_contains(${keep.map((r) => r.dataset)}::VARCHAR[], dataset)`);
    }
    if (counts.size > 0) {
      const copied = await db.all<{ id: number }>(sql`
        INSERT INTO ingest_runs (connector, dataset, input, input_sha256, started, finished, rows_read, rows_inserted,
          rows_updated, rows_deleted, status, error)
        SELECT connector, dataset, input, input_sha256, started, finished, rows_read, rows_inserted, rows_updated,
          rows_deleted, status, error
        FROM old.main.ingest_runs WHERE list_contains(${[...counts.keys()]}::VARCHAR[], dataset) ORDER BY id
        RETURNING id::INT AS id`);
      for (const { id } of copied) {
        await db.run(
          sql`INSERT INTO ingest_run_notes VALUES (${id}, 'carried over from the database this build replaced')`,
        );
      }
      await refreshDerived(db);
    }
    return [...counts.entries()].sort().map(([dataset, rows]) => ({ dataset, rows }));
  } finally {
    await db.exec('DETACH old');
  }
}
