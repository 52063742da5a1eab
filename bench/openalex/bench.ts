/**
 * The OpenAlex snapshot sync against the floor it is measured against: DuckDB's own read_json over the same files
 * (native, multi-threaded; STACK.md measured ~255-285 MB/s), both with every file read once before (warm cache). The sync
 * runs as a user runs it, in a process of its own. The snapshot is generated (SYNTHETIC, seeded) into
 * bench/out/ and reused while its options are the same; the sync runs into an in-memory database holding the
 * bundled data, as a real sync would. Goal: the sync takes at most `--max-slowdown` (default 1, the goal of issue 5) times as long as
 * read_json takes to parse the works.
 *
 *   npx tsx bench/openalex/bench.ts [--works 100000] [--seed 1] [--max-slowdown 1]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadBundled } from '../../src/ingest/build.ts';
import { readSnapshotPlan } from '../../src/sources/openalex/snapshot-reader.ts';
import { Db } from '../../src/store/db.ts';
import { countsSql, writeSubjects } from '../../src/store/openalex/reduce.ts';
import { sql } from '../../src/store/sql.ts';
import {
  BENCH_DIR,
  DATA_DIR,
  PROJECT_ROOT,
  formatGoal,
  goal,
  header,
  numberFlag,
  round,
  writeResult,
} from '../support/bench-report.ts';
import { generateSnapshot } from './generate.ts';

const works = numberFlag('works', 100_000);
const seed = numberFlag('seed', 1);
// Issue 5's goal: at least DuckDB's own throughput, i.e. the sync takes no longer than read_json (slowdown ≤ 1).
const maxSlowdown = numberFlag('max-slowdown', 1);

header(`bench:openalex — snapshot sync of ${works.toLocaleString('en')} generated works`);
const dir = join(BENCH_DIR, 'out', `openalex-snapshot-${works}-s${seed}`);
const manifest = join(dir, 'data', 'works', 'manifest');
let t = performance.now();
const generated = !existsSync(manifest);
if (generated) generateSnapshot({ works, out: dir, seed });
const generateSeconds = (performance.now() - t) / 1000;
const entries = (JSON.parse(readFileSync(manifest, 'utf8')) as { entries: { meta: { record_count: number } }[] })
  .entries;
const lines = entries.reduce((s, e) => s + e.meta.record_count, 0);

// Every file read once before timing, so neither pass gets a page cache the other warmed.
for (const f of readdirSync(join(dir, 'data', 'works'), { recursive: true }) as string[]) {
  if (f.endsWith('.gz')) readFileSync(join(dir, 'data', 'works', f));
}
const tmp = mkdtempSync(join(tmpdir(), 'neijuan-bench-openalex-'));
const dbPath = join(tmp, 'sync.duckdb');
try {
  const glob = join(dir, 'data', 'works', '**', '*.gz');
  // The sync, as a user runs it: its own process (its peak memory is its own), into a file holding the bundled data.
  const target = await Db.open({ path: dbPath });
  await loadBundled(target, DATA_DIR);
  await target.exec('CHECKPOINT');
  target.close();
  t = performance.now();
  const child = spawnSync(
    process.execPath,
    ['--import', 'tsx', join(PROJECT_ROOT, 'bench', 'openalex', 'ingest.ts'), '--dir', dir, '--db', dbPath],
    { cwd: PROJECT_ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  const syncSeconds = (performance.now() - t) / 1000;
  if (child.status !== 0) throw new Error(`sync failed: ${child.stderr}`);
  const summary = JSON.parse(child.stdout.trim().split('\n').at(-1) ?? '{}') as {
    counted: number;
    removed: number;
    units: number;
    ms: number;
    max_rss_mb: number;
  };

  const db = await Db.open({ path: dbPath });
  // The floor (issue 15): DuckDB's own read_json, every column inferred as a plain read_json does, into the same
  // counts in one statement (latest copies, merged ids, each work once per subject), with the institutions' subjects
  // the sync mapped. Its result is checked against the sync's counts, row for row.
  const plan = await readSnapshotPlan(dir);
  const subjects = join(tmp, 'subjects.parquet');
  await writeSubjects(db, 'openalex-snapshot', subjects);
  t = performance.now();
  await db.exec(
    `CREATE TEMP TABLE floor_counts AS ${countsSql(
      {
        works: plan.works.flatMap((p) => p.files.map((f) => f.path)),
        merged: plan.mergedWorks.map((m) => m.path),
        subjects,
      },
      { kind: 'subfield', ids: ['1702'] },
      'detect',
    )}`,
  );
  const floorSeconds = (performance.now() - t) / 1000;
  const differ = await db.one<{ n: number; rows: number }>(sql`
    WITH f AS (SELECT CASE WHEN topic_id IS NULL THEN 'openalex.works' ELSE 'openalex.works.topic.' || topic_id END
        AS metric, subject_id, year::VARCHAR AS period, works::DOUBLE AS value FROM temp.floor_counts),
      o AS (SELECT metric, subject_id, period, value FROM observations
        WHERE dataset = 'openalex-snapshot' AND starts_with(metric, 'openalex.works'))
    SELECT (SELECT count(*) FROM (SELECT * FROM f EXCEPT SELECT * FROM o))::INT
      + (SELECT count(*) FROM (SELECT * FROM o EXCEPT SELECT * FROM f))::INT AS n, (SELECT count(*) FROM f)::INT AS rows`);
  if (differ?.n !== 0) throw new Error(`the floor's counts and the sync's differ in ${differ?.n} rows`);
  // For comparison with earlier runs: read_json parsing alone, down to the fields counted.
  t = performance.now();
  const parsed = await db.one<{ n: number }>(sql`SELECT count(*)::INT AS n,
    sum(len(flatten(list_transform(authorships, a -> a.institutions))))::INT AS institutions,
    count(primary_topic.id)::INT AS topics FROM read_json(${glob}, format = 'newline_delimited')`);
  const parseSeconds = (performance.now() - t) / 1000;
  if (parsed?.n !== lines) throw new Error(`read_json read ${parsed?.n} lines, the manifest lists ${lines}`);
  db.close();

  // The sync's own time, measured in its process from the call to its return (as the in-process figure was before);
  // the process's start (loading the CLI code, opening the file) is reported beside it.
  const ownSeconds = summary.ms / 1000;
  const slowdown = round(ownSeconds / floorSeconds, 2);
  const g = goal('sync time / read_json time', slowdown, '×', maxSlowdown, 'max');
  // Peak resident memory of the sync's process (DuckDB runs inside it): the issue's limit is 2 GB.
  const peakGb = round(summary.max_rss_mb / 1024, 2);
  const memory = goal('peak resident memory of the sync', peakGb, 'GB', 2, 'max');
  const perSecond = (seconds: number) => Math.round(lines / seconds).toLocaleString('en');
  process.stdout.write(
    `snapshot: ${dir} (${lines.toLocaleString('en')} work lines; ` +
      `${generated ? `generated in ${generateSeconds.toFixed(1)} s` : 'reused'})\n` +
      `read_json into the same counts: ${floorSeconds.toFixed(2)} s, ${perSecond(floorSeconds)} lines/s ` +
      `(${differ.rows.toLocaleString('en')} counts, equal to the sync's); parsing alone ${parseSeconds.toFixed(2)} s\n` +
      `sync:      ${ownSeconds.toFixed(2)} s, ${perSecond(ownSeconds)} lines/s ` +
      `(${syncSeconds.toFixed(2)} s with the process's start); ` +
      `${summary.counted} works counted, ${summary.removed} removed, ${summary.units} units\n` +
      `${formatGoal(g)}\n${formatGoal(memory)}\n`,
  );
  const out = writeResult('openalex', `npx tsx bench/openalex/bench.ts --works ${works} --seed ${seed}`, {
    works,
    lines,
    read_json_counts_seconds: round(floorSeconds, 2),
    read_json_parse_seconds: round(parseSeconds, 2),
    sync_seconds: round(ownSeconds, 2),
    sync_process_seconds: round(syncSeconds, 2),
    counted: summary.counted,
    removed: summary.removed,
    peak_rss_gb: peakGb,
    goals: [g, memory],
    met: g.met && memory.met,
  });
  process.stdout.write(`written ${out}\n`);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
