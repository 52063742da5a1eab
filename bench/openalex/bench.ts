/**
 * The OpenAlex snapshot sync against the floor it is measured against: DuckDB's own read_json over the same files
 * (native, multi-threaded; STACK.md measured ~255-285 MB/s). The snapshot is generated (SYNTHETIC, seeded) into
 * bench/out/ and reused while its options are the same; the sync runs into an in-memory database holding the
 * bundled data, as a real sync would. Goal: the sync takes at most `--max-slowdown` (default 1, the goal of issue 5) times as long as
 * read_json takes to parse the works.
 *
 *   npx tsx bench/openalex/bench.ts [--works 100000] [--seed 1] [--max-slowdown 1]
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadBundled } from '../../src/ingest/build.ts';
import { ingestOpenAlexSnapshot } from '../../src/ingest/openalex-snapshot.ts';
import { Db } from '../../src/store/db.ts';
import { sql } from '../../src/store/sql.ts';
import {
  BENCH_DIR,
  DATA_DIR,
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

const db = await Db.open({ path: ':memory:' });
try {
  await loadBundled(db, DATA_DIR);
  const glob = join(dir, 'data', 'works', '**', '*.gz');
  // The floor: DuckDB decompresses and parses every line, down to the fields the sync counts.
  t = performance.now();
  const floor = await db.one<{ n: number }>(sql`SELECT count(*)::INT AS n,
    sum(len(flatten(list_transform(authorships, a -> a.institutions))))::INT AS institutions,
    count(primary_topic.id)::INT AS topics FROM read_json(${glob}, format = 'newline_delimited')`);
  const floorSeconds = (performance.now() - t) / 1000;
  if (floor?.n !== lines) throw new Error(`read_json read ${floor?.n} lines, the manifest lists ${lines}`);

  t = performance.now();
  const summary = await ingestOpenAlexSnapshot(db, dir);
  const syncSeconds = (performance.now() - t) / 1000;
  const slowdown = round(syncSeconds / floorSeconds, 2);
  const g = goal('sync time / read_json time', slowdown, '×', maxSlowdown, 'max');
  const perSecond = (seconds: number) => Math.round(lines / seconds).toLocaleString('en');
  process.stdout.write(
    `snapshot: ${dir} (${lines.toLocaleString('en')} work lines; ` +
      `${generated ? `generated in ${generateSeconds.toFixed(1)} s` : 'reused'})\n` +
      `read_json: ${floorSeconds.toFixed(2)} s, ${perSecond(floorSeconds)} lines/s\n` +
      `sync:      ${syncSeconds.toFixed(2)} s, ${perSecond(syncSeconds)} lines/s; ${summary.counted} works counted, ` +
      `${summary.removed} removed, ${summary.units.length} units\n` +
      `${formatGoal(g)}\n`,
  );
  const out = writeResult('openalex', `npx tsx bench/openalex/bench.ts --works ${works} --seed ${seed}`, {
    works,
    lines,
    read_json_seconds: round(floorSeconds, 2),
    sync_seconds: round(syncSeconds, 2),
    counted: summary.counted,
    removed: summary.removed,
    goals: [g],
    met: g.met,
  });
  process.stdout.write(`written ${out}\n`);
} finally {
  db.close();
}
