// The first load of the bundled inputs (every build) writes what ingesting them one by one writes, and refuses what
// `ingest` refuses, with nothing written.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { emptyBundle, type Bundle } from '../model/bundle.ts';
import { InputError } from '../model/errors.ts';
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
import { mapInputAlone } from './map-read.ts';
import { ingest } from './pipeline.ts';
import { INGEST_TABLES } from './tables.ts';

const TABLE_NAMES = INGEST_TABLES.map((t) => t.name);

/** The run log without what differs from run to run (ids, times). */
async function runLog(db: Db): Promise<Record<string, unknown>[]> {
  return db.all(sql`SELECT connector, dataset, input, input_sha256, rows_read::INT AS rows_read,
    rows_inserted::INT AS rows_inserted, rows_updated::INT AS rows_updated, rows_deleted::INT AS rows_deleted, status,
    error, started <= finished AS ordered FROM ingest_runs ORDER BY id`);
}

test('the first load of the bundled inputs writes what ingesting them one by one writes, its first input mapped here or elsewhere', async () => {
  const first = await Db.open({ path: ':memory:' });
  const oneByOne = await Db.open({ path: ':memory:' });
  const elsewhere = await Db.open({ path: ':memory:' });
  try {
    const runs = await loadBundled(first, DATA_DIR);
    const inputs = await bundledInputs(DATA_DIR);
    for (const { connector, input } of inputs) {
      await ingest(oneByOne, connector, input, undefined, { recordChanges: false, refreshDerived: false });
    }
    await oneByOne.transaction(() => refreshDerived(oneByOne));
    // As a build gives it: the first input read and mapped apart (the CLI's worker thread runs the same function).
    const [head] = inputs;
    assert.ok(head);
    await loadBundled(
      elsewhere,
      DATA_DIR,
      undefined,
      mapInputAlone({ connector: head.connector.name, input: head.input }),
    );
    for (const other of [oneByOne, elsewhere]) {
      assert.deepEqual(await tableChecksums(first, TABLE_NAMES), await tableChecksums(other, TABLE_NAMES));
      for (const t of ['entity_place', 'release_segments', 'llm_releases', 'org_profile']) {
        assert.deepEqual(await tableChecksums(first, [t]), await tableChecksums(other, [t]), t);
      }
    }
    const log = await runLog(first);
    assert.deepEqual(log, await runLog(oneByOne));
    assert.deepEqual(log, await runLog(elsewhere));
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
    elsewhere.close();
  }
});

test('a first input that failed elsewhere, or was mapped for another input, is read and mapped here', async () => {
  const a = emptyBundle();
  a.sources.push(source('src:a', 'A'));
  a.entities.push(org('a'));
  const b = emptyBundle();
  b.sources.push(source('src:b', 'B'));
  b.relations.push({ subjectId: 'org:b', predicate: 'invested_in', objectId: 'org:a', sourceId: 'src:b' });
  b.entities.push(org('b'));
  const connector = connectorOf({ a, b });
  const inputs = ['a', 'b'].map((input) => ({ connector, input }));
  const wrong = { dataset: 'test:b', input: 'b', sha256: 'b', rowsRead: 1, bundle: b };
  const died = () => Promise.reject(new Error('the worker died'));
  for (const first of [died, () => Promise.resolve(wrong)]) {
    const db = await Db.open({ path: ':memory:' });
    try {
      const known = new KnownSoFar();
      await known.load(db);
      const runs = await loadFirst(db, inputs, known, undefined, first());
      assert.deepEqual(
        runs.map((r) => [r.dataset, r.inserted]),
        [
          ['test:a', 2],
          ['test:b', 3],
        ],
      );
    } finally {
      db.close();
    }
  }
  // An input this thread refuses is refused as this thread says it (its file, line and field), whatever the worker
  // said.
  const refusing: Connector<never> = {
    ...connectorOf({}),
    map: (read) => {
      throw new InputError(read.input, 7, 'entities.0.id', 'not an id');
    },
  };
  const db = await Db.open({ path: ':memory:' });
  try {
    const known = new KnownSoFar();
    await known.load(db);
    await assert.rejects(
      loadFirst(db, [{ connector: refusing, input: 'bad.yaml' }], known, undefined, died()),
      /^InputError: bad\.yaml, line 7, field "entities\.0\.id": not an id/,
    );
  } finally {
    db.close();
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
