/**
 * What recording changes costs: re-ingesting the Epoch notable file (12,800 rows) into a copy of the bundled build,
 * with the change log on and off (goal: on costs less than 1.25× off, median of 5), and `neijuan export` of every
 * public and payload table to Parquet (goal < 10 s).
 *
 *   npm run bench:changes [-- --runs 5]
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildDatabase } from '../src/ingest/build.ts';
import { ingest } from '../src/ingest/pipeline.ts';
import { exportAll } from '../src/payloads/export.ts';
import { epochConnector } from '../src/sources/epoch/source.ts';
import { Db } from '../src/store/db.ts';
import {
  DATA_DIR,
  commandLine,
  formatGoal,
  goal,
  header,
  median,
  numberFlag,
  round,
  writeResult,
} from './support/bench-report.ts';

const runs = numberFlag('runs', 5);
const dir = mkdtempSync(join(tmpdir(), 'neijuan-bench-changes-'));
const base = join(dir, 'base.duckdb');
const NOTABLE = join(DATA_DIR, 'epoch', 'notable_ai_models_2026-01.csv');

header('Change log and exports');
await buildDatabase(base, DATA_DIR);

async function timedIngest(record: boolean, n: number): Promise<number> {
  const file = join(dir, `run-${record}-${n}.duckdb`);
  copyFileSync(base, file);
  const db = await Db.open({ path: file });
  try {
    const t0 = performance.now();
    await ingest(db, epochConnector, NOTABLE, undefined, { recordChanges: record });
    return performance.now() - t0;
  } finally {
    db.close();
    rmSync(file, { force: true });
  }
}

const off: number[] = [];
const on: number[] = [];
for (let i = 0; i < runs; i++) {
  off.push(await timedIngest(false, i));
  on.push(await timedIngest(true, i));
}
const ratio = median(on) / median(off);
const overhead = goal('ingest with the change log / without', round(ratio, 2), '×', 1.25, 'max');

const db = await Db.open({ path: base, readOnly: true });
const t0 = performance.now();
await exportAll(db, join(dir, 'export'), 'parquet', { version: 'bench' });
const exportMs = performance.now() - t0;
db.close();
const exported = goal('export, Parquet, every table', round(exportMs / 1000, 2), 's', 10, 'max');

console.log(`ingest without the change log: median ${Math.round(median(off))} ms (${off.map(Math.round).join(', ')})`);
console.log(`ingest with the change log:    median ${Math.round(median(on))} ms (${on.map(Math.round).join(', ')})`);
console.log(formatGoal(overhead));
console.log(formatGoal(exported));
const path = writeResult('changes', commandLine('bench:changes'), {
  runs,
  ingest_ms: { off, on },
  goals: [overhead, exported],
});
console.log(`written ${path}`);
rmSync(dir, { recursive: true, force: true });
