import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { InputError } from '../model/errors.ts';
import { epochConnector } from '../sources/epoch/source.ts';
import { tableChecksums } from '../store/queries/integrity.ts';
import { listRuns } from '../store/queries/runs.ts';
import { sql } from '../store/sql.ts';
import { INGEST_TABLES } from './tables.ts';
import { bundledDb, DATA_DIR } from '../../test/support/bundled.ts';
import { loadBundled } from './build.ts';
import { bundledInputs } from './bundled-inputs.ts';
import { ingest } from './pipeline.ts';
import { Db } from '../store/db.ts';
import { refreshDerived } from '../store/derived.ts';

const TABLE_NAMES = INGEST_TABLES.map((t) => t.name);
// Two vintages are bundled in data/; the third (another schema) is a fixture beside the connector.
const EPOCH_FILES = [
  join(DATA_DIR, 'epoch', 'notable_ai_models_2026-01.csv'),
  join(DATA_DIR, 'epoch', 'all_ai_models_2025-03.csv'),
  join(import.meta.dirname, '..', 'sources', 'epoch', 'fixtures', 'large_scale_ai_models_2025-04.csv'),
];
let db: Db;

before(async () => {
  db = await bundledDb();
});
after(() => db.close());

test('all three Epoch vintages ingest despite their schema drift', async () => {
  for (const file of EPOCH_FILES) {
    const summary = await ingest(db, epochConnector, file);
    assert.ok(summary.read > 300, `${file}: read ${summary.read}`);
  }
  const rows = await db.all<{ dataset: string; n: number }>(
    sql`SELECT dataset, count(*)::INT AS n FROM epoch_models GROUP BY dataset ORDER BY dataset`,
  );
  // Rows without a model name are refused as data issues, not models: 2,228 rows less 3 unnamed.
  assert.deepEqual(rows, [
    { dataset: 'epoch:all_ai_models_2025-03', n: 2225 },
    { dataset: 'epoch:large_scale_ai_models_2025-04', n: 311 },
    { dataset: 'epoch:notable_ai_models_2026-01', n: 976 },
  ]);
});

test('ingesting the same file twice leaves every data table unchanged', async () => {
  for (const file of EPOCH_FILES) {
    const path = file;
    await ingest(db, epochConnector, path);
    const before = await tableChecksums(db, TABLE_NAMES);
    const again = await ingest(db, epochConnector, path);
    assert.deepEqual(await tableChecksums(db, TABLE_NAMES), before, file);
    assert.equal(again.status, 'unchanged');
    assert.deepEqual([again.inserted, again.updated, again.deleted], [0, 0, 0]);
  }
  const [last] = await listRuns(db, 1);
  assert.equal(last?.status, 'unchanged');
  assert.equal(last?.rows_read, 311);
});

test('a truncated copy fails with file and line and leaves the database as it was', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'neijuan-'));
  const full = readFileSync(EPOCH_FILES[0] as string, 'utf8');
  // Cut inside a quoted cell (mid-record), as an interrupted download would.
  const cut = full.slice(0, full.indexOf('"', Math.floor(full.length / 2)) + 5);
  const file = join(dir, 'notable_ai_models_2026-01.csv');
  writeFileSync(file, cut);
  const before = await tableChecksums(db, TABLE_NAMES);
  await assert.rejects(
    ingest(db, epochConnector, file),
    (e: unknown) => e instanceof InputError && e.file === file && e.line !== null && e.line > 1000,
  );
  assert.deepEqual(await tableChecksums(db, TABLE_NAMES), before);
  const [failed] = await listRuns(db, 1);
  assert.equal(failed?.status, 'failed');
  assert.match(failed?.error ?? '', /line \d+/);
});

test('a missing required column is named', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'neijuan-'));
  const file = join(dir, 'renamed.csv');
  const text = readFileSync(EPOCH_FILES[2] as string, 'utf8');
  writeFileSync(file, text.replace('Publication date', 'Published on'));
  await assert.rejects(
    ingest(db, epochConnector, file),
    /renamed\.csv, line 1, field "publicationDate": missing column "Publication date"/,
  );
});

test('a non-number in a numeric column names line and column', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'neijuan-'));
  const file = join(dir, 'bad.csv');
  copyFileSync(join(import.meta.dirname, '..', 'sources', 'epoch', 'fixtures', 'notable-sample.csv'), file);
  writeFileSync(file, readFileSync(file, 'utf8').replace(',102000000000.0,', ',lots,'));
  await assert.rejects(ingest(db, epochConnector, file), /bad\.csv, line 2, field "Parameters": not a number: "lots"/);
});

test('a bundled load over a database that holds its first input: each later input resolves against the names read back', async () => {
  const loaded = await Db.open({ path: ':memory:' });
  const oneByOne = await Db.open({ path: ':memory:' });
  try {
    const inputs = await bundledInputs(DATA_DIR);
    const first = inputs[0] as (typeof inputs)[number];
    for (const db of [loaded, oneByOne]) await ingest(db, first.connector, first.input);
    // The first dataset is held already: no input's names can be told ahead (bundled-mapping.ts); each is mapped
    // after the ingest before it, with the names that ingest wrote read back, as ingesting one by one reads them.
    const runs = await loadBundled(loaded, DATA_DIR);
    for (const { connector, input } of inputs.slice(1)) {
      await ingest(oneByOne, connector, input, undefined, { recordChanges: false, refreshDerived: false });
    }
    await oneByOne.transaction(() => refreshDerived(oneByOne));
    assert.equal(runs.length, inputs.length);
    assert.deepEqual(await tableChecksums(loaded, TABLE_NAMES), await tableChecksums(oneByOne, TABLE_NAMES));
  } finally {
    loaded.close();
    oneByOne.close();
  }
});
