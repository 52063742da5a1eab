// kill -9 during an ingest, at several points: the database is the old state or the new one, never a mix, and the
// next run ends identical to an uninterrupted run.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, test } from 'node:test';
import { ingest } from '../src/ingest/pipeline.ts';
import { curatedConnector } from '../src/sources/curated/source.ts';
import { epochConnector } from '../src/sources/epoch/source.ts';
import { Db } from '../src/store/db.ts';
import { tableChecksums } from '../src/store/queries/integrity.ts';
import { INGEST_TABLES } from '../src/ingest/tables.ts';
import { DATA_DIR, ROOT } from './support/bundled.ts';

const TABLE_NAMES = INGEST_TABLES.map((t) => t.name);
const CHILD = join(ROOT, 'test', 'support', 'ingest-child.ts');
const dir = mkdtempSync(join(tmpdir(), 'neijuan-crash-'));
const base = join(dir, 'base.duckdb');
// The first 300 models of a bundled Epoch file: every step of the pipeline runs (the merge has a fixed number of
// statements), in a fraction of the whole file's time.
const INPUT = join(dir, 'epoch-first-300.csv');

function copyDb(to: string): string {
  copyFileSync(base, to);
  if (existsSync(`${base}.wal`)) copyFileSync(`${base}.wal`, `${to}.wal`);
  return to;
}

async function checksum(file: string): Promise<Record<string, string>> {
  const db = await Db.open({ path: file });
  try {
    return await tableChecksums(db, TABLE_NAMES);
  } finally {
    db.close();
  }
}

/** Runs the child and kills it with SIGKILL as soon as it prints `killAt` (a point in the pipeline). */
function runChild(file: string, killAt: string): Promise<{ killed: boolean; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, file, INPUT], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.split('\n').includes(killAt)) child.kill('SIGKILL');
    });
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve({ killed: true, out });
      else if (code === 0) resolve({ killed: false, out });
      else reject(new Error(`child exited ${code}: ${err}`));
    });
  });
}

/** The run after a crash, as the next `neijuan ingest` makes it (in this process: only the killed run needs a child). */
async function resume(file: string): Promise<void> {
  const db = await Db.open({ path: file });
  try {
    await ingest(db, epochConnector, INPUT);
  } finally {
    db.close();
  }
}

let oldState: Record<string, string>;
let newState: Record<string, string>;

before(async () => {
  const db = await Db.open({ path: base });
  const whole = join(DATA_DIR, 'epoch', 'all_ai_models_2025-03.csv');
  await db.exec(`COPY (SELECT * FROM read_csv('${whole}', all_varchar = true, header = true) LIMIT 300)
    TO '${INPUT}' (HEADER, DELIMITER ',')`);
  await ingest(db, curatedConnector, join(DATA_DIR, 'curated'));
  await db.exec('CHECKPOINT');
  db.close();
  oldState = await checksum(base);
  const clean = copyDb(join(dir, 'clean.duckdb'));
  await resume(clean);
  newState = await checksum(clean);
  assert.notDeepEqual(newState, oldState);
});

// Points: right after opening, after reading, in the middle of the merge transaction, just before its commit,
// and right after the commit (before the run log is closed).
for (const point of ['started', 'read 1', 'merge 5', 'merge 12', 'merge 13', 'committed 1']) {
  test(`killed at "${point}": old or new state, then resumes to the new state`, async (t) => {
    const file = copyDb(join(dir, `killed-${point.replace(/\s/g, '-')}.duckdb`));
    const run = await runChild(file, point);
    const after = await checksum(file);
    const which =
      JSON.stringify(after) === JSON.stringify(oldState)
        ? 'old'
        : JSON.stringify(after) === JSON.stringify(newState)
          ? 'new'
          : 'mixed';
    assert.notEqual(which, 'mixed', `killed=${run.killed}: the database is neither the old nor the new state`);
    t.diagnostic(`killed: ${run.killed}; state after the kill: ${which}`);
    await resume(file);
    assert.deepEqual(await checksum(file), newState);
  });
}
