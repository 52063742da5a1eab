// Every table an ingest writes is declared once, core or connector, and the declaration is the table the migrations make.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type Bundle, emptyBundle } from '../model/bundle.ts';
import { EPOCH_MODEL_COUNTRIES } from '../sources/epoch/tables.ts';
import { CONNECTOR_DEFINITIONS } from '../sources/registry.ts';
import type { Connector } from '../sources/source.ts';
import { Db } from '../store/db.ts';
import { sql } from '../store/sql.ts';
import { ingest } from './pipeline.ts';
import { INGEST_TABLES } from './tables.ts';

const DUCK_TYPE = { varchar: 'VARCHAR', double: 'DOUBLE', integer: 'INTEGER', boolean: 'BOOLEAN' } as const;

test('each declared table is the table its migration makes: the same columns, in order, of the same types', async () => {
  const db = await Db.open({ path: ':memory:' });
  try {
    const names = INGEST_TABLES.map((t) => t.name);
    assert.equal(new Set(names).size, names.length, 'a table is declared once');
    assert.ok(names.includes('epoch_models') && names.includes('genai_filings'), 'the connectors’ own tables are in');
    for (const spec of INGEST_TABLES) {
      const columns = await db.all<{ name: string; type: string }>(sql`
        SELECT column_name AS name, data_type AS type FROM information_schema.columns
        WHERE table_schema = 'main' AND table_name = ${spec.name} ORDER BY ordinal_position`);
      assert.deepEqual(
        columns,
        spec.columns.map(([name, type]) => ({ name, type: DUCK_TYPE[type] })),
        spec.name,
      );
      assert.ok(
        spec.columns.some(([c]) => c === 'dataset'),
        `${spec.name}: every row carries its dataset`,
      );
      for (const k of spec.key)
        assert.ok(
          spec.columns.some(([c]) => c === k),
          `${spec.name}: key column ${k}`,
        );
    }
  } finally {
    db.close();
  }
});

test('the registry lists the tables each connector declares', async () => {
  const ctx = { geo: async () => ({ countriesOf: new Map() }), qidFacts: async () => [] };
  for (const def of CONNECTOR_DEFINITIONS) {
    if (def.name === 'csv') continue; // made from a mapping file; it has no tables of its own
    const connector = await def.create(ctx);
    assert.deepEqual(def.tables ?? [], connector.tables ?? [], def.name);
    // The pipeline puts the dataset in front of a connector's rows.
    for (const spec of connector.tables ?? []) assert.equal(spec.columns[0]?.[0], 'dataset', spec.name);
  }
});

test('rows for a table the connector does not declare, or of another width, are refused and nothing is written', async () => {
  const db = await Db.open({ path: ':memory:' });
  try {
    const source = {
      id: 'src:t',
      title: 't',
      url: 'https://example.org/t',
      publisher: 'p',
      published: null,
      retrieved: '2026-12-02',
      licence: 'CC0',
    };
    const connector = (
      own: Bundle['own'],
      tables: Connector<null>['tables'] = [EPOCH_MODEL_COUNTRIES],
    ): Connector<null> => ({
      name: 'epoch',
      tables,
      read: async () => ({ dataset: 'epoch:t', input: 't', sha256: '', records: [], rowsRead: 1 }),
      map: () => ({ ...emptyBundle(), sources: [source], own }),
    });
    await assert.rejects(
      ingest(db, connector({ genai_filings: [['x']] }), 't'),
      /gave rows for table genai_filings, which it does not declare/,
    );
    await assert.rejects(
      ingest(db, connector({ epoch_model_countries: [['model:x']] }), 't'),
      /a row of 1 cells for epoch_model_countries, which has 2 besides dataset/,
    );
    assert.deepEqual(await db.all(sql`SELECT count(*)::INT AS n FROM sources`), [{ n: 0 }]);
    // Declared and of the right width, the rows land with their dataset.
    await ingest(db, connector({ epoch_model_countries: [['model:x', 'CN']] }), 't');
    assert.deepEqual(await db.all(sql`SELECT * FROM epoch_model_countries`), [
      { dataset: 'epoch:t', model_id: 'model:x', country: 'CN' },
    ]);
  } finally {
    db.close();
  }
});
