/**
 * The snapshot sync end to end, on a generated OpenAlex-shaped snapshot (SYNTHETIC: bench/openalex/generate.ts):
 * counts against an independent DuckDB read_json over the same files, merged_ids deletions, idempotence, bad
 * input mid-sync, and kill -9 safety with a child process.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { gunzipSync, gzipSync } from 'node:zlib';
import { type GenerateResult, generateSnapshot } from '../../bench/openalex/generate.ts';
import { ROOT, bundledDb } from '../../test/support/bundled.ts';
import { InputError } from '../model/errors.ts';
import { Db } from '../store/db.ts';
import { tableChecksums } from '../store/queries/integrity.ts';
import { listRuns } from '../store/queries/runs.ts';
import { listSyncUnits } from '../store/queries/openalex.ts';
import { sql } from '../store/sql.ts';
import { INGEST_TABLES } from './tables.ts';
import { ingestOpenAlexAggregates, reduceOpenAlexSnapshot, writeOpenAlexSubjects } from './openalex-aggregates.ts';
import { ingestOpenAlexSnapshot } from './openalex-snapshot.ts';

const TABLE_NAMES = [
  ...INGEST_TABLES.map((t) => t.name),
  'openalex_works',
  'openalex_institutions',
  'openalex_topics',
  'openalex_sync',
];
const DATASET = 'openalex-snapshot';
const tmp = mkdtempSync(join(tmpdir(), 'neijuan-openalex-snapshot-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

type Counts = Map<string, number>;
const asMap = (rows: { k: string; n: number }[]): Counts => new Map(rows.map((r) => [r.k, r.n]));

/** The lines of a gzipped works file. */
const readLines = (file: string) => gunzipSync(readFileSync(file)).toString().trimEnd().split('\n');

/** Writes the `index`th works file of a generated snapshot anew, with its manifest entry to match. */
function rewriteWorksFile(root: string, files: readonly string[], index: number, lines: readonly string[]): void {
  const gz = gzipSync(`${lines.join('\n')}\n`);
  writeFileSync(files[index] as string, gz);
  const manifestPath = join(root, 'data', 'works', 'manifest');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as {
    entries: { meta: { content_length: number; record_count: number } }[];
  };
  const entry = manifest.entries[index] as { meta: { content_length: number; record_count: number } };
  entry.meta = { content_length: gz.length, record_count: lines.length };
  writeFileSync(manifestPath, JSON.stringify(manifest));
}

/** Our counts of one metric, keyed "<subject> <year>". */
async function stored(db: Db, metric: string, like: string): Promise<Counts> {
  return asMap(
    await db.all(sql`SELECT subject_id || ' ' || period AS k, value::INT AS n FROM observations
      WHERE dataset = ${DATASET} AND metric = ${metric} AND subject_id LIKE ${like}`),
  );
}

/**
 * The same counts straight from the files with DuckDB's own JSON reader: the latest copy of each work wins, AI works
 * only (primary topic in subfield 1702), minus the ids in `removed`; whole counting by distinct country.
 */
async function independent(
  db: Db,
  root: string,
  removed: readonly string[],
  upTo = '9999',
): Promise<{
  works: number;
  byCountry: Counts;
  byInstitution: Counts;
  byTopicCountry: Counts;
  byCityBeijing: Counts;
}> {
  const glob = join(root, 'data', 'works', '**', '*.gz');
  const inst = join(root, 'data', 'institutions', '**', '*.gz');
  // One pass over the files: each work's latest copy; then one row per (work, institution).
  await db.run(sql`CREATE OR REPLACE TEMP TABLE expected_latest AS
    SELECT id, year, primary_topic.id AS topic, flatten(list_transform(authorships, a -> a.institutions)) AS insts
    FROM (SELECT * FROM (
        SELECT id, publication_year AS year, authorships, primary_topic, filename FROM read_json(${glob},
          format = 'newline_delimited', filename = true)
        WHERE regexp_extract(filename, 'updated_date=([0-9-]+)', 1) <= ${upTo}
        QUALIFY row_number() OVER (PARTITION BY id ORDER BY filename DESC) = 1)
      WHERE primary_topic.subfield.id = 'https://openalex.org/subfields/1702'
        AND NOT list_contains(${removed}::VARCHAR[], replace(id, 'https://openalex.org/', '')))`);
  await db.exec(`CREATE OR REPLACE TEMP TABLE expected_flat AS SELECT id, year, topic, i.id AS inst,
    i.country_code AS country FROM (SELECT id, year, topic, unnest(insts) AS i FROM temp.expected_latest)`);
  const works = await db.one<{ n: number }>(sql`SELECT count(*)::INT AS n FROM temp.expected_latest`);
  const byCountry = await db.all<{ k: string; n: number }>(sql`SELECT 'country:' || lower(country) || ' ' || year AS k,
    count(DISTINCT id)::INT AS n FROM temp.expected_flat WHERE country IS NOT NULL GROUP BY ALL`);
  const byInstitution = await db.all<{ k: string; n: number }>(sql`SELECT replace(inst, 'https://openalex.org/', '')
    || ' ' || year AS k, count(DISTINCT id)::INT AS n FROM temp.expected_flat WHERE inst IS NOT NULL GROUP BY ALL`);
  const byTopicCountry = await db.all<{ k: string; n: number }>(sql`SELECT 'country:' || lower(country) || ' ' || year
    AS k, count(DISTINCT id)::INT AS n FROM temp.expected_flat
    WHERE topic = 'https://openalex.org/T99001' AND country IS NOT NULL GROUP BY ALL`);
  const byCityBeijing = await db.all<{ k: string; n: number }>(sql`SELECT 'city:beijing ' || f.year AS k,
    count(DISTINCT f.id)::INT AS n FROM temp.expected_flat f JOIN read_json(${inst}, format = 'newline_delimited') r
      ON r.id = f.inst WHERE r.geo.city = 'Beijing' AND r.country_code = 'CN' GROUP BY ALL`);
  return {
    works: works?.n ?? 0,
    byCountry: asMap(byCountry),
    byInstitution: asMap(byInstitution),
    byTopicCountry: asMap(byTopicCountry),
    byCityBeijing: asMap(byCityBeijing),
  };
}

/** Our per-institution counts keyed by OpenAlex id, through the institution → entity table (one to one here). */
async function storedByInstitution(db: Db): Promise<Counts> {
  const map = await db.all<{ i: string; e: string }>(sql`SELECT institution_id AS i, entity_id AS e
    FROM openalex_institutions WHERE dataset = ${DATASET} AND entity_id IS NOT NULL`);
  assert.equal(new Set(map.map((m) => m.e)).size, map.length, 'each institution counts under its own entity');
  const byEntity = await stored(db, 'openalex.works', 'org:%');
  const out: Counts = new Map();
  for (const { i, e } of map) {
    for (const [k, n] of byEntity) if (k.startsWith(`${e} `)) out.set(`${i} ${k.slice(e.length + 1)}`, n);
  }
  return out;
}

function runChild(
  dir: string,
  dbPath: string,
  killAfterFirstWorks: boolean,
): Promise<{ lines: string[]; killed: boolean }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(ROOT, 'bench', 'openalex', 'ingest.ts'), '--dir', dir, '--db', dbPath],
      {
        cwd: ROOT,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const lines: string[] = [];
    let killed = false;
    let pending = '';
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      pending += d.toString();
      const parts = pending.split('\n');
      pending = parts.pop() ?? '';
      for (const line of parts) {
        lines.push(line);
        if (killAfterFirstWorks && !killed && line.startsWith('committed works ')) {
          killed = true;
          child.kill('SIGKILL');
        }
      }
    });
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (killAfterFirstWorks ? signal === 'SIGKILL' : code === 0) resolvePromise({ lines, killed });
      else reject(new Error(`child ended with ${code ?? signal}: ${stderr}`));
    });
  });
}

describe('OpenAlex snapshot sync (generated snapshot)', () => {
  let gen: GenerateResult;
  const dir = join(tmp, 'snapshot');
  const mergedAside = join(tmp, 'merged-aside');
  let db: Db;

  before(async () => {
    gen = generateSnapshot({ works: 8_000, merged: 100, out: dir, seed: 7, partitions: 6, perFile: 600 });
    db = await bundledDb();
  });
  after(() => db?.close());

  test('counts equal an independent read_json count over the same files', async () => {
    // First without the merged_ids file: every work of the snapshot, the updated copies replacing the first ones.
    renameSync(join(dir, 'data', 'merged_ids'), mergedAside);
    const summary = await ingestOpenAlexSnapshot(db, dir, { batchSize: 1000 });
    renameSync(mergedAside, join(dir, 'data', 'merged_ids'));
    assert.equal(summary.units.length, 1 + 6, 'one institutions partition, six works partitions');
    assert.equal(summary.read, gen.lines + gen.institutions);
    const want = await independent(db, dir, []);
    assert.ok(want.works > 6_000);
    const index = await db.one<{ n: number }>(
      sql`SELECT count(*)::INT AS n FROM openalex_works WHERE dataset = ${DATASET}`,
    );
    assert.equal(index?.n, want.works);
    assert.deepEqual(await stored(db, 'openalex.works', 'country:%'), want.byCountry);
    assert.deepEqual(await storedByInstitution(db), want.byInstitution);
    assert.deepEqual(await stored(db, 'openalex.works.topic.T99001', 'country:%'), want.byTopicCountry);
    assert.deepEqual(await stored(db, 'openalex.works', 'city:beijing'), want.byCityBeijing);
    assert.ok((want.byCityBeijing.get('city:beijing 2024') ?? 0) > 100);
  });

  test('a merged_ids file removes exactly its works from the counts', async () => {
    const before = await db.all<{ w: string }>(sql`SELECT work_id AS w FROM openalex_works WHERE dataset = ${DATASET}`);
    const summary = await ingestOpenAlexSnapshot(db, dir);
    assert.deepEqual(
      summary.units.map((u) => `${u.entity} ${u.unit}`),
      ['merged_ids/works 2025-03-07'],
      'only the new unit is read',
    );
    const indexed = new Set(before.map((r) => r.w));
    const expectedGone = gen.mergedIds.filter((id) => indexed.has(id));
    assert.ok(expectedGone.length > 50);
    assert.equal(summary.removed, expectedGone.length);
    const afterRows = await db.all<{ w: string }>(
      sql`SELECT work_id AS w FROM openalex_works WHERE dataset = ${DATASET}`,
    );
    const now = new Set(afterRows.map((r) => r.w));
    assert.deepEqual([...indexed].filter((w) => !now.has(w)).sort(), expectedGone.sort());
    const want = await independent(db, dir, gen.mergedIds);
    assert.deepEqual(await stored(db, 'openalex.works', 'country:%'), want.byCountry);
    assert.deepEqual(await storedByInstitution(db), want.byInstitution);
    assert.deepEqual(await stored(db, 'openalex.works.topic.T99001', 'country:%'), want.byTopicCountry);
  });

  test('is idempotent: another run reads nothing; a full re-read changes no table', async () => {
    const before = await tableChecksums(db, TABLE_NAMES);
    const again = await ingestOpenAlexSnapshot(db, dir);
    assert.equal(again.status, 'unchanged');
    assert.equal(again.skipped, 8);
    assert.deepEqual(await tableChecksums(db, TABLE_NAMES), before);
    const full = await ingestOpenAlexSnapshot(db, dir, { full: true, batchSize: 777 });
    assert.equal(full.units.length, 8);
    assert.deepEqual(await tableChecksums(db, TABLE_NAMES), before, 'every work replaced by itself: same counts');
  });

  test("scale-out: the same SQL reduced outside the sync, through Parquet, stores exactly the sync's counts", async () => {
    const out = join(tmp, 'scale-out');
    mkdirSync(out, { recursive: true });
    const other = await bundledDb();
    try {
      const date = '2025-03-07';
      // 1. The institutions partitions only (a small local copy); 2. the institutions the counted works name.
      await ingestOpenAlexSnapshot(other, dir, { institutionsOnly: true });
      await reduceOpenAlexSnapshot(other, dir, { kind: 'institutions', out: join(out, 'seen.parquet') });
      // 3. Mapped as the sync maps them; every institution's subjects written out.
      const mapped = await writeOpenAlexSubjects(other, join(out, 'seen.parquet'), join(out, 'subjects.parquet'), {
        snapshotDate: date,
      });
      assert.ok(mapped.institutions > 100 && mapped.subjects >= mapped.institutions);
      // 4. The counts over the whole snapshot (updates and merges applied); 5. stored.
      const counts = join(out, 'counts.parquet');
      await reduceOpenAlexSnapshot(other, dir, {
        kind: 'counts',
        subjects: join(out, 'subjects.parquet'),
        out: counts,
      });
      const summary = await ingestOpenAlexAggregates(other, counts, { snapshotDate: date });
      assert.equal(summary.deleted, 0);
      const all = (d: Db, dataset: string) =>
        d.all<{ k: string; n: number }>(sql`SELECT metric || ' ' || subject_id || ' ' || period AS k, value::INT AS n
          FROM observations WHERE dataset = ${dataset} AND starts_with(metric, 'openalex.works') ORDER BY k`);
      const mine = await all(db, DATASET);
      assert.ok(mine.length > 1000);
      assert.deepEqual(await all(other, 'openalex-aggregates'), mine);
      // Stored again, the same file changes nothing; beside another dataset's counts, it is refused.
      assert.equal((await ingestOpenAlexAggregates(other, counts, { snapshotDate: date })).inserted, mine.length);
      await assert.rejects(ingestOpenAlexAggregates(db, counts, { snapshotDate: date }), /would count works twice/);
      // A bad row is named by its row number and field, and nothing is written.
      const bad = join(out, 'bad.parquet');
      await other.exec(`COPY (SELECT * FROM read_parquet('${counts}') UNION ALL
        SELECT 'org:nobody-at-all', 2024, NULL, 3) TO '${bad}' (FORMAT parquet)`);
      await assert.rejects(
        ingestOpenAlexAggregates(other, bad, { snapshotDate: date }),
        (e: unknown) =>
          e instanceof InputError &&
          e.field === 'subject_id' &&
          e.line === mine.length + 1 &&
          /no entity/.test(e.message),
      );
      assert.deepEqual(await all(other, 'openalex-aggregates'), mine);
    } finally {
      other.close();
    }
  });

  test('a work listed twice in one partition is indexed and counted once, as its copy in the later file', async () => {
    const twice = join(tmp, 'twice');
    const g = generateSnapshot({ works: 400, out: twice, seed: 5, partitions: 1, perFile: 200, merged: 0, updates: 0 });
    assert.equal(g.files.length, 2);
    const [first, second] = [readLines(g.files[0] as string), readLines(g.files[1] as string)];
    // A counted work of the first file, copied into the second with another publication year.
    const line = first.find((l) => l.includes('"https://openalex.org/subfields/1702"')) as string;
    const work = JSON.parse(line) as { id: string; publication_year: number };
    const year = work.publication_year === 2016 ? 2017 : 2016;
    const copy = JSON.stringify({ ...work, publication_year: year });
    rewriteWorksFile(twice, g.files, 1, [...second, copy]);

    const summary = await ingestOpenAlexSnapshot(db, twice, { dataset: 'twice' });
    assert.equal(summary.read, 401 + g.institutions);
    const key = work.id.replace('https://openalex.org/', '');
    const rows = await db.all<{
      year: number;
      n: number;
      d: number;
    }>(sql`SELECT any_value(year) FILTER (work_id = ${key})
        AS year, count(*)::INT AS n, count(DISTINCT work_id)::INT AS d FROM openalex_works WHERE dataset = 'twice'`);
    assert.deepEqual(rows, [{ year, n: summary.counted, d: summary.counted }]);
    // Each subject's counts over the years add up to the works counted under it, once each.
    const total = await db.one<{ n: number }>(sql`SELECT sum(value)::INT AS n FROM observations
      WHERE dataset = 'twice' AND metric = 'openalex.works' AND starts_with(subject_id, 'country:')`);
    const expected = await db.one<{ n: number }>(sql`SELECT sum(len(list_filter(subject_ids,
        s -> starts_with(s, 'country:'))))::INT AS n FROM openalex_works WHERE dataset = 'twice' AND year IS NOT NULL`);
    assert.equal(total?.n, expected?.n);
  });

  test('a work in the older shape (no primary topic) counts under its best-scored topic, as in the 2025 shape', async () => {
    // Two copies of one snapshot; in the second, a counted work of the second partition loses its primary topic and
    // lists its topics worst first. The first partition is read lean (without the topics' subfields); the second
    // holds a work whose topic comes from its topics, so it is read again with them.
    const options = { works: 400, seed: 11, partitions: 2, perFile: 200, merged: 0, updates: 0 };
    const newer = join(tmp, 'shape-2025');
    const older = join(tmp, 'shape-older');
    generateSnapshot({ ...options, out: newer });
    const g = generateSnapshot({ ...options, out: older });
    assert.equal(g.files.length, 2);
    const lines = readLines(g.files[1] as string);
    const at = lines.findIndex(
      (l) => l.includes('"https://openalex.org/subfields/1702"') && (JSON.parse(l) as { topics: [] }).topics.length > 1,
    );
    assert.ok(at >= 0, 'a counted work with several topics');
    const { primary_topic: primary, ...work } = JSON.parse(lines[at] as string) as {
      id: string;
      primary_topic: { id: string };
      topics: { id: string }[];
    };
    lines[at] = JSON.stringify({ ...work, topics: [...work.topics].reverse() });
    rewriteWorksFile(older, g.files, 1, lines);

    await ingestOpenAlexSnapshot(db, newer, { dataset: 'shape-2025' });
    await ingestOpenAlexSnapshot(db, older, { dataset: 'shape-older' });
    const key = work.id.replace('https://openalex.org/', '');
    const row = await db.one<{ topic: string }>(
      sql`SELECT topic FROM openalex_works WHERE dataset = 'shape-older' AND work_id = ${key}`,
    );
    assert.equal(row?.topic, primary.id.replace('https://openalex.org/', ''));
    const counts = (dataset: string) =>
      db.all(sql`SELECT metric, subject_id, period, value FROM observations WHERE dataset = ${dataset} ORDER BY ALL`);
    const both = await counts('shape-2025');
    assert.ok(both.length > 50);
    assert.deepEqual(await counts('shape-older'), both);
  });

  test('a copy without institutions partitions takes every institution from its works, and counts the same countries', async () => {
    const options = { works: 600, seed: 9, partitions: 2, perFile: 200, merged: 0 };
    const withRecords = join(tmp, 'with-records');
    const worksOnly = join(tmp, 'works-only');
    generateSnapshot({ ...options, out: withRecords });
    generateSnapshot({ ...options, out: worksOnly });
    rmSync(join(worksOnly, 'data', 'institutions'), { recursive: true });
    await ingestOpenAlexSnapshot(db, withRecords, { dataset: 'with-records' });
    const summary = await ingestOpenAlexSnapshot(db, worksOnly, { dataset: 'works-only' });
    assert.deepEqual(
      summary.units.map((u) => u.entity),
      ['works', 'works', 'merged_ids/works'],
    );
    // Every institution a counted work names has an entity, named as the works name it, with no city (only full
    // records give one).
    const institutions = await db.one<{ n: number; named: number; cities: number }>(sql`SELECT count(*)::INT AS n,
        count(entity_id)::INT AS named, count(city)::INT AS cities FROM openalex_institutions WHERE dataset = 'works-only'`);
    assert.ok((institutions?.n ?? 0) > 20);
    assert.equal(institutions?.named, institutions?.n);
    assert.equal(institutions?.cities, 0);
    const byCountry = (dataset: string) =>
      db.all(sql`SELECT metric, subject_id, period, value FROM observations
        WHERE dataset = ${dataset} AND starts_with(subject_id, 'country:') ORDER BY ALL`);
    const counted = await byCountry('works-only');
    assert.ok(counted.length > 50);
    assert.deepEqual(counted, await byCountry('with-records'));
  });

  test('bad input mid-sync: earlier partitions stay, the bad one is not half-written, and the error names the line', async () => {
    const bad = join(tmp, 'bad');
    const g = generateSnapshot({ works: 600, out: bad, seed: 3, partitions: 3, merged: 0, updates: 0 });
    const part = g.files[1] as string;
    const lines = gunzipSync(readFileSync(part)).toString().split('\n');
    lines[4] = lines[4]?.replace('"publication_year":', '"publication_year":"x",  "ignored":') ?? '';
    const damaged = gzipSync(lines.join('\n'));
    writeFileSync(part, damaged);
    // Keep the manifest true to the damaged file, as a snapshot with a bad record would be.
    const manifestPath = join(bad, 'data', 'works', 'manifest');
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as {
      entries: { meta: { content_length: number } }[];
    };
    (manifest.entries[1] as { meta: { content_length: number } }).meta.content_length = damaged.length;
    writeFileSync(manifestPath, JSON.stringify(manifest));
    // Into the shared database under a dataset of its own: the other datasets' rows are not touched.
    await assert.rejects(ingestOpenAlexSnapshot(db, bad, { dataset: 'bad' }), (e: unknown) => {
      assert.ok(e instanceof InputError);
      assert.match(e.message, /updated_date=2025-03-02\/part_000\.gz, line 5, field "publication_year"/);
      return true;
    });
    const units = await listSyncUnits(db, 'bad');
    assert.deepEqual(
      units.map((u) => `${u.entity} ${u.unit}`),
      ['institutions 2025-02-28', 'works 2025-03-01'],
    );
    const partitions = await db.all<{ p: string }>(
      sql`SELECT DISTINCT partition AS p FROM openalex_works WHERE dataset = 'bad'`,
    );
    assert.deepEqual(partitions, [{ p: '2025-03-01' }]);
    const [run] = await listRuns(db, 1);
    assert.equal(run?.status, 'failed');
  });

  test('kill -9 after the first works partition: each unit is all in or not at all, and a rerun ends identical', async () => {
    // Both start from an empty database (created and migrated by the child): resolution onto bundled entities is
    // covered above, and this test is about what a kill leaves.
    const killedDb = join(tmp, 'killed.duckdb');
    const cleanDb = join(tmp, 'clean.duckdb');
    // The uninterrupted run goes on alongside.
    const clean = runChild(dir, cleanDb, false);
    const first = await runChild(dir, killedDb, true);
    assert.ok(first.killed);
    const mid = await Db.open({ path: killedDb });
    try {
      const units = await listSyncUnits(mid, DATASET);
      const works = units.filter((u) => u.entity === 'works');
      assert.ok(works.length >= 1 && units.length < 8, `killed after ${units.length} units`);
      // Exactly the committed partitions are in: the index and the counts match those partitions, no more.
      const upTo = works.at(-1)?.unit ?? '';
      const want = await independent(mid, dir, [], upTo);
      const index = await mid.one<{ n: number }>(
        sql`SELECT count(*)::INT AS n FROM openalex_works WHERE dataset = ${DATASET}`,
      );
      assert.equal(index?.n, want.works);
      assert.deepEqual(await stored(mid, 'openalex.works', 'country:%'), want.byCountry);
    } finally {
      mid.close();
    }
    const resumed = await runChild(dir, killedDb, false);
    assert.ok(!resumed.lines.some((l) => l.startsWith('committed institutions')), 'committed units are not read again');
    await clean;
    const sums: Record<string, string>[] = [];
    for (const path of [killedDb, cleanDb]) {
      const d = await Db.open({ path, readOnly: true });
      sums.push(await tableChecksums(d, TABLE_NAMES));
      d.close();
    }
    assert.deepEqual(sums[0], sums[1]);
  });

  test('the generator is deterministic: same seed, same bytes', () => {
    const digest = (out: string, seed: number) => {
      const r = generateSnapshot({ works: 300, out, seed, partitions: 2 });
      const h = createHash('sha256');
      for (const f of [...r.files, r.mergedFile]) h.update(readFileSync(f));
      h.update(readFileSync(join(out, 'data', 'institutions', 'manifest')));
      return h.digest('hex');
    };
    assert.equal(digest(join(tmp, 'd1'), 11), digest(join(tmp, 'd2'), 11));
    assert.notEqual(digest(join(tmp, 'd3'), 11), digest(join(tmp, 'd4'), 12));
  });
});
