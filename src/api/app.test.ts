import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { parseCsv } from '../sources/csv-reader.ts';
import { COUNTRY_CODES } from '../model/countries.ts';
import type { Db } from '../store/db.ts';
import { sql } from '../store/sql.ts';
import { SearchIndex } from '../analytics/search-index.ts';
import { createApp } from './app.ts';
import { entityPayloadBodies } from '../payloads/entity.ts';
import { entityPayload } from '../payloads/lookups.ts';
import { bundledApp, DATA_DIR } from '../../test/support/bundled.ts';

let db: Db;
let app: Awaited<ReturnType<typeof bundledApp>>['app'];

before(async () => {
  ({ db, app } = await bundledApp());
});
after(() => db.close());

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- test payloads are checked field by field below
async function json(path: string, status = 200): Promise<any> {
  const res = await app.request(path);
  assert.equal(res.status, status, `${path} → ${res.status}: ${await res.clone().text()}`);
  return res.json();
}

test('health reports a loaded database', async () => {
  const body = await json('/api/health');
  assert.equal(body.status, 'ok');
  assert.ok(body.entities > 1000);
});

for (const q of ['深度求索', 'deepseek', 'shen du qiu suo', 'DeepSeek', '深度求索 ']) {
  test(`search "${q}" returns org:deepseek first, in Hangzhou`, async () => {
    const body = await json(`/api/search?q=${encodeURIComponent(q)}`);
    assert.equal(body.results[0].id, 'org:deepseek');
    assert.equal(body.results[0].city, 'city:hangzhou');
  });
}

test('search understands 智谱, Zhipu, Z.ai and traditional 智譜 alike', async () => {
  for (const q of ['智谱', 'Zhipu', 'Z.ai', '智譜', 'zhi pu']) {
    const body = await json(`/api/search?q=${encodeURIComponent(q)}`);
    assert.equal(body.results[0]?.id, 'org:zhipu-ai', q);
  }
});

test('entities filter by kind, segment and city, and page', async () => {
  const llm = await json('/api/entities?segment=llm&limit=500');
  assert.ok(llm.entities.some((e: { id: string }) => e.id === 'org:deepseek'));
  assert.ok(llm.entities.every((e: { segments: string[] }) => e.segments.includes('llm')));
  const hz = await json('/api/entities?city=city:hangzhou&kind=company&limit=100');
  const ids = hz.entities.map((e: { id: string }) => e.id);
  for (const id of ['org:deepseek', 'org:unitree']) assert.ok(ids.includes(id), id);
  const page = await json('/api/entities?kind=city&limit=2&offset=1');
  assert.equal(page.entities.length, 2);
  assert.ok(page.total > 20);
});

test('lists answer ?format=csv', async () => {
  const res = await app.request('/api/entities?kind=city&limit=5&format=csv');
  assert.equal(res.headers.get('content-type'), 'text/csv; charset=utf-8');
  const { header, records } = parseCsv(await res.text(), 'response');
  assert.deepEqual(header.slice(0, 3), ['id', 'kind', 'name_en']);
  assert.equal(records.length, 5);
});

test('bad parameters get a 400 naming the parameter', async () => {
  const cases: [string, RegExp][] = [
    ['/api/entities?limit=abc', /limit/],
    ['/api/entities?limit=1e9', /limit/],
    ['/api/entities?offset=-1', /offset/],
    ['/api/entities?kind=spaceship', /kind/],
    ['/api/search', /q/],
    ['/api/indicators/notable-models?by=planet', /by/],
    ['/api/indicators/notable-models?from=2024&to=2020', /from/],
    ["/api/entities/org:x'%20OR%201=1", /id/],
  ];
  for (const [path, pattern] of cases) {
    const body = await json(path, 400);
    assert.match(body.error, pattern, path);
  }
  assert.equal((await json('/api/entities/org:no-such-thing', 404)).error, 'no entity with id org:no-such-thing');
});

test('an entity comes with names, facts, relations and the sources they cite', async () => {
  const body = await json('/api/entities/org:deepseek');
  assert.equal(body.entity.name_zh, '深度求索');
  assert.equal(body.entity.name_pinyin, 'shen du qiu suo');
  assert.ok(body.facts.some((f: { attr: string }) => f.attr === 'founded'));
  assert.ok(
    body.relations.some(
      (r: { predicate: string; other_id: string }) =>
        r.predicate === 'headquartered_in' && r.other_id === 'city:hangzhou',
    ),
  );
  const cited = new Set(body.sources.map((s: { id: string }) => s.id));
  for (const row of [...body.facts, ...body.relations, ...body.names])
    assert.ok(cited.has(row.source_id), row.source_id);
  for (const s of body.sources) assert.match(s.url, /^https?:\/\//);
});

test('every entity, fact, relation and name in the database has a source with a URL', async () => {
  const orphans = await db.all(sql`
    WITH s AS (SELECT DISTINCT id FROM sources WHERE url LIKE 'http%')
    SELECT 'entity' AS what, id FROM entities WHERE id NOT IN (SELECT entity_id FROM entity_sources WHERE source_id IN (SELECT id FROM s))
    UNION ALL SELECT 'fact', entity_id FROM facts WHERE source_id NOT IN (SELECT id FROM s)
    UNION ALL SELECT 'relation', subject_id FROM relations WHERE source_id NOT IN (SELECT id FROM s)
    UNION ALL SELECT 'name', entity_id FROM entity_names WHERE source_id NOT IN (SELECT id FROM s)
    LIMIT 5`);
  assert.deepEqual(orphans, []);
});

test('notable models by country match an independent count of the bundled Epoch file', async () => {
  // Independent count: DuckDB's own CSV reader and SQL, not our parser or mapper. A model counts once per
  // distinct country among its organisations; its year is the year of its publication date.
  const file = join(DATA_DIR, 'epoch', 'notable_ai_models_2026-01.csv');
  const codes = Object.entries(COUNTRY_CODES).map(([name, code]) => ({ name, code }));
  await db.run(
    sql`CREATE OR REPLACE TEMP TABLE codes AS SELECT unnest(${JSON.stringify(codes)}::JSON::STRUCT(name VARCHAR, code VARCHAR)[], recursive := true)`,
  );
  const expected = await db.all<{ year: number; country: string; models: number }>(sql`
    WITH raw AS (SELECT "Model" AS model, "Publication date" AS d, "Country (of organization)" AS c
                 FROM read_csv(${file}, header = true, all_varchar = true)),
    pairs AS (SELECT DISTINCT model, year(d::DATE) AS year, trim(unnest(string_split(c, ','))) AS name FROM raw WHERE d IS NOT NULL)
    SELECT p.year::INT AS year, k.code AS country, count(DISTINCT p.model)::INT AS models
    FROM pairs p JOIN temp.codes k ON k.name = p.name GROUP BY ALL ORDER BY year, country`);
  const body = await json('/api/indicators/notable-models?by=country');
  assert.deepEqual(body.rows, expected);
  const total = (rows: { country: string; models: number }[], c: string) =>
    rows.filter((r) => r.country === c).reduce((n, r) => n + r.models, 0);
  assert.ok(total(body.rows, 'CN') > 100 && total(body.rows, 'US') > 400);
  assert.equal(body.sources[0].url, 'https://epoch.ai/data/notable_ai_models.csv');
  assert.equal(body.metric, 'notable-models');
  const raw = readFileSync(file, 'utf8');
  assert.ok(raw.length > 1_000_000);
});

test('notable models by group put a model once into "rest" however many other countries it has', async () => {
  const g = await json('/api/indicators/notable-models?by=group&from=2024&to=2024');
  assert.deepEqual([...new Set(g.rows.map((r: { country: string }) => r.country))].sort(), ['CN', 'US', 'rest']);
  assert.ok(g.rows.every((r: { year: number }) => r.year === 2024));
});

test('sources list every source with publisher, licence and use count; CSV too', async () => {
  const body = await json('/api/sources');
  assert.ok(body.total > 100);
  assert.ok(body.sources.every((s: { url: string; licence: string }) => s.url && s.licence));
  const epoch = body.sources.find((s: { id: string }) => s.id === 'src:epoch-notable-2026-01');
  assert.ok(epoch.uses > 1000);
  const res = await app.request('/api/sources?format=csv');
  assert.match(await res.text(), /^id,title,url,publisher/);
});

test('the OpenAPI document lists every route', async () => {
  const doc = await json('/api/openapi.json');
  for (const path of [
    '/api/search',
    '/api/entities',
    '/api/entities/{id}',
    '/api/indicators/notable-models',
    '/api/sources',
  ]) {
    assert.ok(doc.paths[path], path);
  }
});

test('the methodology each payload links to is served', async () => {
  const res = await app.request('/docs/METHODOLOGY.md');
  assert.equal(res.status, 200);
  assert.match(await res.text(), /## notable-models/);
  assert.equal((await app.request('/docs/..%2Fpackage.json')).status, 404);
});

test('unknown API paths are 404 JSON; static files cannot escape their root', async () => {
  assert.match((await json('/api/nothing', 404)).error, /no such endpoint/);
  const res = await app.request('/%2e%2e/%2e%2e/package.json');
  assert.notEqual(res.status, 200);
});

test('a merged id answers 301 to the survivor; the survivor carries both names', async () => {
  for (const [old, survivor] of [
    ['org:zhong-guo-yi-dong', 'org:china-mobile'],
    ['org:hua-dong-li-gong-da-xue', 'org:east-china-university-of-science-and-technology'],
    ['model:dou-bao', 'model:doubao'],
    ['model:ernie-4-0', 'model:ernie-4'],
  ] as const) {
    const res = await app.request(`/api/entities/${old}`);
    assert.equal(res.status, 301, old);
    assert.equal(res.headers.get('location'), `/api/entities/${encodeURIComponent(survivor)}`);
    assert.equal((await json(`/api/entities/${survivor}`)).entity.id, survivor);
  }
  const mobile = await json('/api/entities/org:china-mobile');
  assert.deepEqual([mobile.entity.name_en, mobile.entity.name_zh], ['China Mobile', '中国移动']);
  assert.equal((await json('/api/entities/org:no-such-thing', 404)).error, 'no entity with id org:no-such-thing');
});

test('each organisation says its AI class and what it rests on; adopters are not AI organisations', async () => {
  const bank = await json('/api/entities/org:china-mobile');
  assert.equal(bank.ai_class.class, 'adopter');
  assert.ok(
    bank.sources.some((s: { id: string }) => s.id === bank.ai_class.source_id),
    'the class cites a source',
  );
  assert.equal((await json('/api/entities/org:deepseek')).ai_class.class, 'maker');
  assert.equal((await json('/api/entities/org:zhejiang-university')).ai_class.class, 'research');
  // The city league counts makers and public research; adopters are a column of their own.
  const cities = await json('/api/cities');
  const beijing = cities.cities.find((c: { city: string }) => c.city === 'city:beijing');
  assert.ok(beijing.ai_adopters > 0, 'Beijing has adopters with a filed model');
  const counted = await db.one<{ n: number }>(sql`
    SELECT count(*)::INT AS n FROM org_profile op JOIN entity_place p ON p.entity_id = op.entity_id
    WHERE p.city = 'city:beijing' AND op.ai_class = 'adopter'
      AND (EXISTS (SELECT 1 FROM entity_segments s WHERE s.entity_id = op.entity_id)
        OR EXISTS (SELECT 1 FROM relations r WHERE r.subject_id = op.entity_id AND r.predicate = 'developed'))`);
  assert.equal(beijing.ai_adopters, counted?.n);
  // No adopter is a player of the LLM segment.
  const llm = await json('/api/segments?segment=llm');
  const players = new Set(llm.players.map((p: { org: string }) => p.org));
  for (const adopter of ['org:china-mobile', 'org:china-telecom', 'org:china-unicom'])
    assert.ok(!players.has(adopter), adopter);
});

test('the panel figure of 33 is a claim beside the published counts, not a disputed fact', async () => {
  const zju = await json('/api/entities/org:zhejiang-university');
  assert.deepEqual(zju.disputed, []);
  assert.ok(
    !zju.facts.some((f: { attr: string; value: string }) => f.attr === 'listed_alumni_companies' && f.value === '33'),
  );
  const claim = zju.claims.find((c: { id: string }) => c.id === 'claim:zju-33-listed-alumni-companies');
  assert.equal(claim.status, 'uncorroborated');
  assert.match(claim.speaker, /Weiru Chen/);
  const other33s = claim.evidence
    .filter((e: { value: string | null }) => e.value === '33')
    .map((e: { attr: string }) => e.attr);
  // Another 33 (unicorns) is linked with what it counts; the A-share-chairmen 33 was found only in reposts.
  assert.deepEqual(other33s, ['alumni_unicorn_companies']);
  const official = claim.evidence.filter((e: { attr: string }) => e.attr === 'alumni_companies_newly_listed');
  assert.ok(official.length >= 2, 'ZJU’s own yearly counts are beside the claim');
  // Two currencies of one price and a dual listing are not disputes.
  assert.deepEqual((await json('/api/entities/robot:unitree-g1')).disputed, []);
  assert.deepEqual((await json('/api/entities/org:xpeng')).disputed, []);
});

test('every entity’s payload, written for all at once as the build stores them, is the one written for it alone', async () => {
  const all = await entityPayloadBodies(db, null);
  const total = await db.one<{ n: number }>(sql`SELECT count(*)::INT AS n FROM entities`);
  assert.equal(all.size, total?.n);
  for (const [id, body] of all) {
    const parsed = entityPayload.safeParse(JSON.parse(body));
    assert.ok(parsed.success, `${id}: ${parsed.error?.message}`);
  }
  // Those with the most of each part (claims as subject or occasion or in evidence, disputes, relations both ways,
  // a full timeline), and others.
  const sample = await db.all<{ id: string }>(sql`
    (SELECT subject_id AS id FROM claims UNION SELECT occasion_id FROM claims WHERE occasion_id IS NOT NULL
      UNION SELECT entity_id FROM claim_evidence WHERE entity_id IS NOT NULL)
    UNION (SELECT subject_id FROM relations GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 5)
    UNION (SELECT object_id FROM relations GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 5)
    UNION (SELECT entity_id FROM facts GROUP BY 1 ORDER BY count(DISTINCT attr) DESC, 1 LIMIT 5)
    UNION (SELECT id FROM entities ORDER BY hash(id) LIMIT 40)
    UNION SELECT 'org:sensetime' UNION SELECT 'org:xpeng'`);
  assert.ok(sample.length > 50, `${sample.length} entities`);
  const disputed = [...all.values()].filter((b) => !b.includes('"disputed":[]')).length;
  assert.ok(disputed > 0, 'some entity has a dispute');
  for (const { id } of sample) {
    const one = await entityPayloadBodies(db, [id]);
    assert.equal(one.get(id), all.get(id), id);
  }
  assert.equal((await entityPayloadBodies(db, ['org:no-such-thing'])).size, 0);
});

test('/api/filings lists each list in its own order: its filed services, then its registered apps, as it gives them', async () => {
  const { records } = await json('/api/filings');
  // The bundled file's order (a filing listed again is kept where it first came; one whose id does not parse is not
  // ingested), lists by date, filed before registered: the August 2026 list numbers a second section from 1 again,
  // after its main list.
  const { header, records: rows } = parseCsv(readFileSync(join(DATA_DIR, 'cac', 'genai_filings.csv'), 'utf8'), 'csv');
  const at = (name: string) => header.indexOf(name);
  const listed = new Set(records.map((r: { filing_id: string }) => r.filing_id));
  const seen = new Set<string>();
  const expected = rows
    .map((r) => ({
      list: r.cells[at('list_id')] ?? '',
      kind: r.cells[at('kind')] ?? '',
      id: r.cells[at('filing_id')] ?? '',
    }))
    .filter((r) => !seen.has(r.id) && seen.add(r.id) && listed.has(r.id))
    .sort((a, b) => a.list.localeCompare(b.list) || a.kind.localeCompare(b.kind));
  assert.ok(expected.length > 1000);
  assert.deepEqual(
    records.map((r: { filing_id: string }) => r.filing_id),
    expected.map((r) => r.id),
  );
  const august = records.filter(
    (r: { list_id: string; kind: string }) => r.list_id === '2026-08' && r.kind === 'filed',
  );
  assert.deepEqual(
    august.slice(-7).map((r: { seq: number }) => r.seq),
    [1, 2, 3, 4, 5, 6, 7],
  );
  assert.ok(
    !('line' in records[0]) && !('dataset' in records[0]),
    'where a record stands in its input is not part of it',
  );
});

test('one place per organisation: SenseTime is in one city and that city’s province', async () => {
  const st = await json('/api/entities/org:sensetime');
  const place = await db.one<{ city: string; province: string | null }>(
    sql`SELECT city, province FROM entity_place WHERE entity_id = 'org:sensetime'`,
  );
  assert.equal(st.entity.city, place?.city);
  const parent = await db.one<{ province: string | null }>(
    sql`SELECT province FROM entity_place WHERE entity_id = ${place?.city ?? ''}`,
  );
  assert.equal(place?.province, parent?.province);
  // A foreign organisation an Epoch row had placed in China is placed where it is.
  const irvine = await db.one<{ country: string | null }>(
    sql`SELECT country FROM entity_place WHERE entity_id = 'org:university-of-california-irvine'`,
  );
  assert.equal(irvine?.country, 'country:us');
});

test('every payload CSV travels with its sources: a Link header, and ?format=sources', async () => {
  for (const path of ['/api/cities', '/api/segments?segment=llm', '/api/involution?segment=llm', '/api/prices']) {
    const sep = path.includes('?') ? '&' : '?';
    const rows = await app.request(`${path}${sep}format=csv`);
    assert.equal(rows.status, 200, path);
    const link = rows.headers.get('link') ?? '';
    assert.match(link, /format=sources>; rel="describedby"; title="sources"$/, path);
    const target = /^<([^>]+)>/.exec(link)?.[1] ?? '';
    const sources = await app.request(target);
    const text = await sources.text();
    const payload = await json(path);
    const lines = text.trim().split(/\r?\n/);
    assert.equal(lines[0], 'source_id,title,url,publisher,published,retrieved,licence', path);
    assert.equal(lines.length, payload.sources.length + 1, path);
  }
});

test('a dashboard built after the server started is served (npm start builds it beside the server)', async () => {
  const webRoot = join(mkdtempSync(join(tmpdir(), 'neijuan-web-')), 'dist');
  const late = createApp({ db, search: new SearchIndex([]), webRoot, docsRoot: null, version: 'test' });
  const before = await late.request('/');
  assert.equal(before.status, 404);
  assert.match(await before.text(), /the dashboard is not built/);
  mkdirSync(webRoot);
  writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>Neijuan</title><div id="app"></div>');
  const after = await late.request('/');
  assert.equal(after.status, 200);
  assert.match(await after.text(), /<div id="app">/);
});
