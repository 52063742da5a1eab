// The first load of the bundled inputs (every build) writes what ingesting them one by one writes, and refuses what
// `ingest` refuses, with nothing written.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { emptyBundle, type Bundle } from '../model/bundle.ts';
import type { Connector } from '../sources/source.ts';
import { Db } from '../store/db.ts';
import { refreshDerived } from '../store/derived.ts';
import { tableChecksums } from '../store/queries/integrity.ts';
import { raw, sql } from '../store/sql.ts';
import { DATA_DIR } from '../../test/support/bundled.ts';
import { loadBundled } from './build.ts';
import { bundledInputs } from './bundled-inputs.ts';
import { loadFirst } from './first-load.ts';
import { KnownSoFar } from './known-names.ts';
import { ingest } from './pipeline.ts';
import { INGEST_TABLES } from './tables.ts';

const TABLE_NAMES = INGEST_TABLES.map((t) => t.name);

/** The run log without what differs from run to run (ids, times). */
async function runLog(db: Db): Promise<Record<string, unknown>[]> {
  return db.all(sql`SELECT connector, dataset, input, input_sha256, rows_read::INT AS rows_read,
    rows_inserted::INT AS rows_inserted, rows_updated::INT AS rows_updated, rows_deleted::INT AS rows_deleted, status,
    error, started <= finished AS ordered FROM ingest_runs ORDER BY id`);
}

test('the first load of the bundled inputs writes what ingesting them one by one writes', async () => {
  const first = await Db.open({ path: ':memory:' });
  const oneByOne = await Db.open({ path: ':memory:' });
  try {
    const runs = await loadBundled(first, DATA_DIR);
    for (const { connector, input } of await bundledInputs(DATA_DIR)) {
      await ingest(oneByOne, connector, input, undefined, { recordChanges: false, refreshDerived: false });
    }
    await oneByOne.transaction(() => refreshDerived(oneByOne));
    assert.deepEqual(await tableChecksums(first, TABLE_NAMES), await tableChecksums(oneByOne, TABLE_NAMES));
    for (const t of ['entity_place', 'release_segments', 'llm_releases', 'org_profile']) {
      assert.deepEqual(await tableChecksums(first, [t]), await tableChecksums(oneByOne, [t]), t);
    }
    const log = await runLog(first);
    assert.deepEqual(log, await runLog(oneByOne));
    assert.ok(log.every((r) => r.ordered === true && r.status === 'ok'));
    const ids = await first.all<{ id: number }>(sql`SELECT id::INT AS id FROM ingest_runs ORDER BY id`);
    assert.deepEqual(
      runs.map((r) => r.runId),
      ids.map((r) => r.id),
    );
    assert.deepEqual(
      runs.map((r) => r.inserted),
      log.map((r) => r.rows_inserted),
    );
    // No staging table is left behind.
    const temp = await first.all(sql`SELECT table_name FROM duckdb_tables() WHERE temporary`);
    assert.deepEqual(temp, []);
  } finally {
    first.close();
    oneByOne.close();
  }
});

/** A connector of one input whose bundle is `bundle` (its dataset the input's name). */
function connectorOf(bundles: Record<string, Bundle>): Connector<never> {
  return {
    name: 'test',
    read: async (input) => ({ dataset: `test:${input}`, input, sha256: input, records: [], rowsRead: 1 }),
    map: (read) => bundles[read.input] ?? emptyBundle(),
  };
}

const source = (id: string, title: string) => ({
  id,
  title,
  url: `https://example.org/${id}`,
  publisher: 'Example',
  published: null,
  retrieved: '2026-12-02',
  licence: 'CC BY 4.0',
});

const org = (name: string) => ({
  id: `org:${name}`,
  kind: 'organization' as const,
  nameEn: name.toUpperCase(),
  nameZh: null,
  namePinyin: null,
  description: null,
});

async function refusedAndEmpty(bundles: Record<string, Bundle>, expected: RegExp): Promise<void> {
  const db = await Db.open({ path: ':memory:' });
  try {
    const known = new KnownSoFar();
    await known.load(db);
    const connector = connectorOf(bundles);
    const inputs = Object.keys(bundles).map((input) => ({ connector, input }));
    await assert.rejects(loadFirst(db, inputs, known), expected);
    for (const t of [...TABLE_NAMES, 'ingest_runs']) {
      assert.equal((await db.one<{ n: number }>(sql`SELECT count(*)::INT AS n FROM ${raw(t)}`))?.n, 0, t);
    }
  } finally {
    db.close();
  }
}

test('a first load refuses a reference to an entity no input before defines, and writes nothing', async () => {
  const a = emptyBundle();
  a.sources.push(source('src:a', 'A'));
  a.entities.push(org('a'));
  const b = emptyBundle();
  b.sources.push(source('src:b', 'B'));
  // org:c comes only with the input after: as ingesting one by one, that is too late.
  b.relations.push({ subjectId: 'org:a', predicate: 'invested_in', objectId: 'org:c', sourceId: 'src:b' });
  const c = emptyBundle();
  c.sources.push(source('src:c', 'C'));
  c.entities.push(org('c'));
  await refusedAndEmpty({ a, b, c }, /^InputError: b, field "relations\.object": unknown reference "org:c"/);
});

test('a first load refuses an input that redefines an earlier input’s source, and writes nothing', async () => {
  const a = emptyBundle();
  a.sources.push(source('src:shared', 'As A cites it'));
  const b = emptyBundle();
  b.sources.push(source('src:shared', 'Retitled'));
  await refusedAndEmpty({ a, b }, /b, field "source\.id": source id src:shared belongs to dataset test:a/);
  // The same definition may be cited again.
  const same = emptyBundle();
  same.sources.push(source('src:shared', 'As A cites it'));
  const db = await Db.open({ path: ':memory:' });
  try {
    const known = new KnownSoFar();
    await known.load(db);
    const connector = connectorOf({ a, same });
    const runs = await loadFirst(
      db,
      ['a', 'same'].map((input) => ({ connector, input })),
      known,
    );
    assert.deepEqual(
      runs.map((r) => [r.dataset, r.inserted]),
      [
        ['test:a', 1],
        ['test:same', 1],
      ],
    );
  } finally {
    db.close();
  }
});
