// What changed, and take it with you: changes recorded by ingests and builds (on real vintages and real recorded
// syncs), `diff` of two files and what it refuses, watchlists, the Atom feed (read by a real feed parser), and exports
// read back by DuckDB and checked against the Frictionless Data profiles.
import assert from 'node:assert/strict';
import { copyFileSync, cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { parseFeed } from '@rowanmanning/feed-parser';
import { Ajv } from 'ajv';
import { SearchIndex } from '../src/analytics/search-index.ts';
import { createApp } from '../src/api/app.ts';
import { buildDatabase } from '../src/ingest/build.ts';
import { ingest } from '../src/ingest/pipeline.ts';
import { exportAll } from '../src/payloads/export.ts';
import { curatedConnector } from '../src/sources/curated/source.ts';
import { epochConnector } from '../src/sources/epoch/source.ts';
import { huggingfaceConnector } from '../src/sources/huggingface/source.ts';
import { Db } from '../src/store/db.ts';
import { diffDatabases } from '../src/store/diff.ts';
import { PUBLIC_TABLES } from '../src/store/export.ts';
import { listChanges } from '../src/store/queries/changes.ts';
import { searchDocuments } from '../src/store/queries/entities.ts';
import { raw, sql } from '../src/store/sql.ts';
import { writeWatchlists } from '../src/store/watchlists.ts';
import { WriterLock } from '../src/store/writer-lock.ts';
import { DATA_DIR, ROOT, copyBundled } from './support/bundled.ts';

const dir = mkdtempSync(join(tmpdir(), 'neijuan-changes-'));
const HF = join(ROOT, 'src', 'sources', 'huggingface', 'fixtures');
const EPOCH_2025 = join(DATA_DIR, 'epoch', 'all_ai_models_2025-03.csv');
const EPOCH_2026 = join(DATA_DIR, 'epoch', 'notable_ai_models_2026-01.csv');

/** A file database with the curated set and one Epoch vintage. */
async function vintage(file: string, epoch: string): Promise<void> {
  const db = await Db.open({ path: file });
  try {
    await ingest(db, curatedConnector, join(DATA_DIR, 'curated'), undefined, { recordChanges: false });
    await ingest(db, epochConnector, epoch, undefined, { recordChanges: false });
    await db.exec('CHECKPOINT');
  } finally {
    db.close();
  }
}

const older = join(dir, 'epoch-2025-03.duckdb');
const newer = join(dir, 'epoch-2026-01.duckdb');
before(async () => {
  await vintage(older, EPOCH_2025);
  await vintage(newer, EPOCH_2026);
});

test('diff of two real Epoch vintages: every added entity and changed compute is there, counted once', async () => {
  const rows = await diffDatabases(older, newer);
  const db = await Db.open({ path: ':memory:' });
  try {
    await db.exec(`ATTACH '${older}' AS a (READ_ONLY); ATTACH '${newer}' AS b (READ_ONLY)`);
    // Independently: entities only in the newer file, and models whose training compute differs.
    const added = await db.all<{ id: string }>(
      sql`SELECT id FROM b.main.entities EXCEPT SELECT id FROM a.main.entities ORDER BY id`,
    );
    const diffAdded = rows.filter((r) => r.kind === 'entity' && r.op === 'added').map((r) => r.entity_id);
    assert.deepEqual(diffAdded.sort(), added.map((a) => a.id).sort());
    assert.ok(added.length > 100, `the 2026 notable file brings new models (${added.length})`);
    const compute = await db.all<{ id: string }>(sql`
      WITH x AS (SELECT entity_id, string_agg(DISTINCT value, '; ' ORDER BY value) AS v FROM a.main.facts
                 WHERE attr = 'training_compute' GROUP BY ALL),
           y AS (SELECT entity_id, string_agg(DISTINCT value, '; ' ORDER BY value) AS v FROM b.main.facts
                 WHERE attr = 'training_compute' GROUP BY ALL)
      SELECT x.entity_id AS id FROM x JOIN y USING (entity_id) WHERE x.v <> y.v ORDER BY 1`);
    const diffCompute = rows
      .filter((r) => r.kind === 'fact' && r.op === 'changed' && r.what === 'training_compute')
      .map((r) => r.entity_id);
    assert.deepEqual(diffCompute.sort(), compute.map((c) => c.id).sort());
    assert.ok(compute.length > 10, `Epoch revised compute estimates between vintages (${compute.length})`);
    // Every change names what it is about and where the new value comes from.
    const facts = rows.filter((r) => r.kind === 'fact' && r.op !== 'removed');
    assert.ok(
      facts.every((r) => r.entity_id && r.source_id),
      'each fact change has its entity and source',
    );
    assert.equal(new Set(rows.map((r) => `${r.kind}|${r.entity_id}|${r.what}`)).size, rows.length, 'no slot twice');
  } finally {
    db.close();
  }
});

test('diff refuses what is not a Neijuan database of this version, or is being written, and writes nothing', async () => {
  const text = join(dir, 'notes.txt');
  writeFileSync(text, 'not a database');
  await assert.rejects(diffDatabases(text, newer), /notes\.txt: is not a DuckDB database/);
  await assert.rejects(diffDatabases(join(dir, 'missing.duckdb'), newer), /missing\.duckdb: no such database file/);
  const foreign = join(dir, 'foreign.duckdb');
  const f = await Db.open({ path: ':memory:' });
  await f.exec(`ATTACH '${foreign}' AS x; CREATE TABLE x.main.t (a INT); DETACH x`);
  f.close();
  await assert.rejects(diffDatabases(older, foreign), /foreign\.duckdb: is a DuckDB file but not a Neijuan database/);
  const oldSchema = join(dir, 'old-schema.duckdb');
  copyFileSync(older, oldSchema);
  const o = await Db.open({ path: ':memory:' });
  await o.exec(`ATTACH '${oldSchema}' AS x; DELETE FROM x.main.schema_migrations WHERE version > 10; DETACH x`);
  o.close();
  await assert.rejects(
    diffDatabases(oldSchema, newer),
    /old-schema\.duckdb: has schema version 10; this Neijuan reads \d+/,
  );
  const busy = join(dir, 'busy.duckdb');
  copyFileSync(newer, busy);
  const lock = WriterLock.acquire(busy);
  try {
    await assert.rejects(diffDatabases(older, busy), /busy\.duckdb is being written by process/);
  } finally {
    lock.release();
  }
  writeFileSync(`${busy}.wal`, '');
  await assert.rejects(diffDatabases(older, busy), /busy\.duckdb: is being written \(it has a write-ahead log\)/);
});

test('two recorded Hugging Face syncs in sequence: the second records what moved since the first', async () => {
  const db = await Db.open({ path: ':memory:' });
  try {
    await ingest(db, curatedConnector, join(DATA_DIR, 'curated'), undefined, { recordChanges: false });
    await ingest(db, huggingfaceConnector, join(HF, 'huggingface-2026-11-22'));
    const second = await ingest(db, huggingfaceConnector, join(HF, 'huggingface-2026-11-29'));
    const page = await listChanges(db, {
      since: null,
      kind: 'observation',
      entity: null,
      segment: null,
      city: null,
      entities: null,
      limit: 1000,
      offset: 0,
    });
    const moved = page.rows.filter((r) => r.op === 'changed' && r.run.includes(`:${second.runId}:`));
    assert.ok(moved.length > 0, 'downloads and likes moved between the syncs');
    for (const m of moved) {
      // Check each against the stored series: the previous sync's value, then this one's.
      const series = await db.all<{ period: string; value: number }>(sql`
        SELECT period, value FROM observations WHERE subject_id = ${m.entity_id ?? ''} AND metric = ${m.what}
        ORDER BY period DESC LIMIT 2`);
      const [latest, previous] = series;
      assert.match(m.new_value ?? '', new RegExp(`^${latest?.value} .*\\(${latest?.period}\\)$`));
      assert.match(m.old_value ?? '', new RegExp(`^${previous?.value} .*\\(${previous?.period}\\)$`));
    }
    // The same sync again changes nothing, and records nothing.
    const runs = (await db.one<{ n: number }>(sql`SELECT count(*)::INT AS n FROM change_runs`))?.n;
    await ingest(db, huggingfaceConnector, join(HF, 'huggingface-2026-11-29'));
    assert.equal((await db.one<{ n: number }>(sql`SELECT count(*)::INT AS n FROM change_runs`))?.n, runs);
  } finally {
    db.close();
  }
});

test('a build records what it changed against the database it replaces, and keeps the older history', async () => {
  const data = join(dir, 'data');
  cpSync(DATA_DIR, data, { recursive: true });
  // The database of the bundled data as it stands (what a first build makes), then two builds over it.
  const file = await copyBundled(join(dir, 'built.duckdb'));
  // One edit an analyst would make: DeepSeek's founding year, from 2023 to 2022 (then back, to see history kept).
  const yaml = join(data, 'curated', 'insead-giants.yaml');
  const original = readFileSync(yaml, 'utf8');
  const edited = original.replace(/(id: org:deepseek[\s\S]*?attr: founded, value: )2023/, '$12022');
  assert.notEqual(edited, original, 'the fixture edit applies');
  writeFileSync(yaml, edited);
  await buildDatabase(file, data);
  writeFileSync(yaml, original);
  await buildDatabase(file, data);
  const db = await Db.open({ path: file, readOnly: true });
  try {
    const changes = await db.all<{ run: string; op: string; old_value: string; new_value: string }>(sql`
      SELECT run, op, old_value, new_value FROM changes
      WHERE entity_id = 'org:deepseek' AND what = 'founded' ORDER BY recorded, run`);
    assert.equal(changes.length, 2, JSON.stringify(changes));
    assert.deepEqual(
      changes.map((c) => [c.op, c.old_value.includes('2023'), c.new_value.includes('2022')]),
      [
        ['changed', true, true],
        ['changed', false, false],
      ],
    );
    const runs = await db.all<{ kind: string }>(sql`SELECT kind FROM change_runs ORDER BY recorded`);
    assert.equal(runs.length, 2, 'two builds that changed something, each once');
    assert.ok(runs.every((r) => r.kind === 'build'));
  } finally {
    db.close();
  }
});

// The API on the HF database above, rebuilt here with a watchlist file beside it.
let app: ReturnType<typeof createApp>;
let apiDb: Db;
before(async () => {
  apiDb = await Db.open({ path: ':memory:' });
  await ingest(apiDb, curatedConnector, join(DATA_DIR, 'curated'), undefined, { recordChanges: false });
  await ingest(apiDb, huggingfaceConnector, join(HF, 'huggingface-2026-11-22'));
  await ingest(apiDb, huggingfaceConnector, join(HF, 'huggingface-2026-11-29'));
  const watchlists = join(dir, 'api.watchlists.json');
  writeWatchlists(watchlists, { qwen: ['org:alibaba-cloud'], mine: ['org:deepseek'] });
  app = createApp({
    db: apiDb,
    search: new SearchIndex(await searchDocuments(apiDb)),
    webRoot: null,
    docsRoot: null,
    version: 'test',
    watchlistsFile: watchlists,
  });
});
after(() => apiDb.close());

test('/api/changes pages and filters; each change links to its entity and source; a bad watchlist is a 400', async () => {
  const all = (await (await app.request('/api/changes?limit=500')).json()) as {
    total: number;
    changes: {
      entity_id: string | null;
      source_id: string | null;
      links: { entity: string | null; source: string | null };
    }[];
    sources: { id: string; url: string }[];
  };
  assert.ok(all.total > 0);
  for (const c of all.changes) {
    if (c.entity_id) assert.equal(c.links.entity, `/api/entities/${encodeURIComponent(c.entity_id)}`);
    if (c.source_id) assert.equal(c.links.source, all.sources.find((s) => s.id === c.source_id)?.url);
  }
  const page = (await (await app.request('/api/changes?kind=observation&limit=2&offset=1')).json()) as {
    total: number;
    changes: { kind: string }[];
  };
  assert.equal(page.changes.length, 2);
  assert.ok(page.changes.every((c) => c.kind === 'observation'));
  const alibaba = (await (await app.request('/api/changes?watchlist=qwen')).json()) as {
    changes: { entity_id: string }[];
  };
  assert.ok(alibaba.changes.length > 0);
  const models = await apiDb.all<{ id: string }>(
    sql`SELECT object_id AS id FROM relations WHERE subject_id = 'org:alibaba-cloud' AND predicate = 'developed'`,
  );
  const allowed = new Set(['org:alibaba-cloud', ...models.map((m) => m.id)]);
  // A watchlist follows its entities and the models they made, nothing else.
  assert.ok(
    alibaba.changes.every((c) => allowed.has(c.entity_id)),
    'only Alibaba and its models',
  );
  const bad = await app.request('/api/changes?watchlist=org:deepseek,org:no-such-org');
  assert.equal(bad.status, 400);
  assert.match(((await bad.json()) as { error: string }).error, /unknown entity id in the watchlist: org:no-such-org/);
  const noList = await app.request('/api/changes?watchlist=nobody');
  assert.equal(noList.status, 400);
  assert.match(
    ((await noList.json()) as { error: string }).error,
    /no watchlist named "nobody" \(there are: mine, qwen\)/,
  );
  const lists = (await (await app.request('/api/watchlists')).json()) as { lists: Record<string, string[]> };
  assert.deepEqual(lists.lists, { mine: ['org:deepseek'], qwen: ['org:alibaba-cloud'] });
});

test('the Atom feed parses with a real feed parser, per watchlist and per entity too', async () => {
  for (const path of ['/feed.xml', '/feed.xml?watchlist=qwen', '/feed.xml?kind=observation']) {
    const res = await app.request(`http://neijuan.test${path}`);
    assert.equal(res.status, 200, path);
    assert.match(res.headers.get('content-type') ?? '', /^application\/atom\+xml/);
    const text = await res.text();
    const feed = parseFeed(text);
    assert.equal(feed.meta.type, 'atom');
    assert.ok(feed.title?.startsWith('Neijuan: what changed'), feed.title ?? '');
    assert.ok(feed.items.length > 0, path);
    for (const item of feed.items) {
      assert.ok(item.id && item.title && item.updated, 'each entry has an id, a title and an updated date');
      assert.ok(item.url?.startsWith('http://neijuan.test/'), item.url ?? '');
    }
    assert.equal(new Set(feed.items.map((i) => i.id)).size, feed.items.length, 'entry ids are unique');
  }
  assert.equal((await app.request('/feed.xml?watchlist=org:nope')).status, 400);
  assert.equal((await app.request('/feed.xml?segment=bogus')).status, 400);
});

test('exports: Parquet read back equals every table; CSV and DuckDB too; the data package passes the profiles', async () => {
  const db = await Db.open({ path: ':memory:' });
  try {
    await ingest(db, curatedConnector, join(DATA_DIR, 'curated'));
    await ingest(db, huggingfaceConnector, join(HF, 'huggingface-2026-11-22'));
    const out = join(dir, 'export-parquet');
    const result = await exportAll(db, out, 'parquet', { version: 'test' });
    for (const table of PUBLIC_TABLES) {
      const file = join(out, `${table}.parquet`);
      assert.ok(existsSync(file), file);
      const [a, b] = await Promise.all([
        db.one<{ n: number; h: string }>(
          sql`SELECT count(*)::INT AS n, coalesce(sum(hash(t))::VARCHAR, '0') AS h FROM main.${raw(table)} t`,
        ),
        db.one<{ n: number; h: string }>(
          sql`SELECT count(*)::INT AS n, coalesce(sum(hash(t))::VARCHAR, '0') AS h FROM read_parquet(${file}) t`,
        ),
      ]);
      assert.deepEqual(b, a, `${table}: rows and checksum`);
    }
    assert.ok(result.tables.some((t) => t.name === 'city_league' && t.rows > 0));
    assert.ok(
      result.tables.some((t) => t.name === 'payload_sources' && t.rows > 0),
      'payload tables carry sources',
    );

    const ajv = new Ajv({ strict: false, allErrors: true });
    const profile = (name: string) =>
      JSON.parse(readFileSync(join(ROOT, 'test', 'fixtures', 'frictionless', name), 'utf8')) as object;
    const validPackage = ajv.compile(profile('datapackage-1.0.json'));
    const validSchema = ajv.compile(profile('tableschema-1.0.json'));
    const pkg = JSON.parse(readFileSync(join(out, 'datapackage.json'), 'utf8')) as {
      resources: { name: string; path: string; schema: object; profile: string }[];
    };
    assert.ok(validPackage(pkg), JSON.stringify(validPackage.errors));
    for (const r of pkg.resources) {
      assert.ok(validSchema(r.schema), `${r.name}: ${JSON.stringify(validSchema.errors)}`);
      assert.ok(existsSync(join(out, r.path)), r.path);
    }

    const csv = await exportAll(db, join(dir, 'export-csv'), 'csv', { version: 'test' });
    const facts = await db.one<{ n: number }>(sql`SELECT count(*)::INT AS n FROM facts`);
    assert.equal(csv.tables.find((t) => t.name === 'facts')?.rows, facts?.n);
    const csvPkg = JSON.parse(readFileSync(join(dir, 'export-csv', 'datapackage.json'), 'utf8')) as object;
    assert.ok(validPackage(csvPkg), JSON.stringify(validPackage.errors));

    const duck = await exportAll(db, join(dir, 'export-duckdb'), 'duckdb', { version: 'test' });
    assert.deepEqual(duck.files.map((f) => f.replace(/.*\//, '')).sort(), ['datapackage.json', 'neijuan.duckdb']);
    await db.exec(`ATTACH '${join(dir, 'export-duckdb', 'neijuan.duckdb')}' AS exported (READ_ONLY)`);
    const copied = await db.one<{ n: number }>(sql`SELECT count(*)::INT AS n FROM exported.main.facts`);
    assert.equal(copied?.n, facts?.n);
    await db.exec('DETACH exported');
  } finally {
    db.close();
  }
});

test('/api/export serves a table as Parquet and the database file, and 404s anything else', async () => {
  const res = await app.request('/api/export/facts.parquet');
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('content-type'), 'application/vnd.apache.parquet');
  const file = join(dir, 'served-facts.parquet');
  writeFileSync(file, Buffer.from(await res.arrayBuffer()));
  const n = await apiDb.one<{ a: number; b: number }>(
    sql`SELECT (SELECT count(*) FROM facts)::INT AS a, (SELECT count(*) FROM read_parquet(${file}))::INT AS b`,
  );
  assert.equal(n?.b, n?.a);
  const duck = await app.request('/api/export/neijuan.duckdb');
  assert.equal(duck.status, 200);
  assert.ok((await duck.arrayBuffer()).byteLength > 100_000);
  assert.equal((await app.request('/api/export/ingest_runs.parquet')).status, 404);
  assert.equal((await app.request('/api/export/..%2Fetc.parquet')).status, 404);
});
