// Core migrations and each connector's own: which tables come from where, applied once, kept on re-open.
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import { CONNECTOR_DEFINITIONS } from '../sources/registry.ts';
import { connectorMigrations, Db } from './db.ts';
import { sql } from './sql.ts';

const HERE = dirname(fileURLToPath(import.meta.url));
const created = (text: string) => [...text.matchAll(/CREATE TABLE (?:IF NOT EXISTS )?([a-z_0-9]+)/g)].map((m) => m[1]);

test("a connector's tables come from its own folder, not the core migrations", () => {
  const core = readdirSync(join(HERE, 'migrations')).flatMap((f) =>
    created(readFileSync(join(HERE, 'migrations', f), 'utf8')),
  );
  const own = connectorMigrations().map((m) => ({
    ...m,
    tables: created(readFileSync(join(HERE, '..', 'sources', m.connector, 'migrations', m.file), 'utf8')),
  }));
  const names = new Set(CONNECTOR_DEFINITIONS.map((d) => d.name));
  for (const m of own) assert.ok(names.has(m.connector), `${m.connector}/migrations: not a registered connector`);
  const tables = own.flatMap((m) => m.tables);
  for (const t of ['epoch_models', 'epoch_model_countries', 'genai_filings', 'openalex_works', 'openalex_sync'])
    assert.ok(tables.includes(t), `${t} is no connector's`);
  assert.deepEqual(
    tables.filter((t) => core.includes(t)),
    [],
    'a table created by both the core and a connector',
  );
  // Each connector table is created IF NOT EXISTS: databases built when the core created it keep theirs.
  for (const m of own)
    for (const t of m.tables)
      assert.match(
        readFileSync(join(HERE, '..', 'sources', m.connector, 'migrations', m.file), 'utf8'),
        new RegExp(`CREATE TABLE IF NOT EXISTS ${t} `),
      );
});

test('connector migrations run once on a new database, are recorded, and re-opening keeps their rows', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'neijuan-migrations-'));
  try {
    const path = join(dir, 'n.duckdb');
    let db = await Db.open({ path });
    const recorded = await db.all<{ connector: string; version: number }>(
      sql`SELECT connector, version::INT AS version FROM connector_migrations ORDER BY ALL`,
    );
    assert.deepEqual(
      recorded.map((r) => `${r.connector}/${r.version}`),
      connectorMigrations().map((m) => `${m.connector}/${m.version}`),
    );
    await db.exec(
      "INSERT INTO epoch_models VALUES ('d', 'model:x', 'src:x', 2, 'X', '2024-01-01', '[]', '[]', '[]', true, NULL)",
    );
    db.close();
    // A database from before connector migrations were recorded: its tables exist, its record does not.
    db = await Db.open({ path });
    await db.exec('DELETE FROM connector_migrations');
    db.close();
    db = await Db.open({ path });
    assert.equal((await db.one<{ n: number }>(sql`SELECT count(*)::INT AS n FROM epoch_models`))?.n, 1);
    assert.equal(
      (await db.one<{ n: number }>(sql`SELECT count(*)::INT AS n FROM connector_migrations`))?.n,
      connectorMigrations().length,
    );
    db.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("OpenAlex's works index: a database from before migration 2 keeps its rows, without the columns nothing read", async () => {
  const dir = mkdtempSync(join(tmpdir(), 'neijuan-migrations-'));
  try {
    const path = join(dir, 'n.duckdb');
    let db = await Db.open({ path });
    // The index as migration 1 created it, with a row, and migration 2 not yet applied.
    await db.exec(`DROP TABLE openalex_works;
      CREATE TABLE openalex_works (dataset VARCHAR NOT NULL, work_id VARCHAR NOT NULL, year INTEGER,
        institution_ids VARCHAR[] NOT NULL, countries VARCHAR[] NOT NULL, subject_ids VARCHAR[] NOT NULL,
        topic VARCHAR, partition VARCHAR NOT NULL, PRIMARY KEY (dataset, work_id));
      INSERT INTO openalex_works VALUES ('d', 'W1', 2024, ['I1'], ['CN'], ['country:cn', 'org:x'], 'T1', '2025-03-01');
      DELETE FROM connector_migrations WHERE connector = 'openalex' AND version = 2;`);
    db.close();
    db = await Db.open({ path });
    const columns = await db.all<{ name: string }>(
      sql`SELECT column_name AS name FROM duckdb_columns() WHERE table_name = 'openalex_works' ORDER BY column_index`,
    );
    assert.deepEqual(
      columns.map((c) => c.name),
      ['dataset', 'work_id', 'year', 'subject_ids', 'topic', 'partition'],
    );
    assert.deepEqual(await db.all(sql`SELECT * FROM openalex_works`), [
      {
        dataset: 'd',
        work_id: 'W1',
        year: 2024,
        subject_ids: ['country:cn', 'org:x'],
        topic: 'T1',
        partition: '2025-03-01',
      },
    ]);
    db.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
