// Golden tests: every analytics payload on the bundled data is pinned; a mismatch writes *.actual.json beside the
// golden so the difference is easy to read. After a deliberate change, review the diff, then rewrite the goldens with
//   UPDATE_GOLDEN=1 node scripts/run-tests.mjs test/analytics.golden.test.ts
// A missing golden fails (it is never written silently).
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { SearchIndex } from '../src/analytics/search-index.ts';
import { createApp } from '../src/api/app.ts';
import { loadBundled } from '../src/ingest/build.ts';
import { Db } from '../src/store/db.ts';
import { searchDocuments } from '../src/store/queries/entities.ts';
import { DATA_DIR, ROOT, bundledDb } from './support/bundled.ts';

const GOLDEN = join(ROOT, 'test', 'golden');
const CASES: Record<string, string> = {
  'notable-models-by-country': '/api/indicators/notable-models?by=country',
  compare: '/api/compare',
  segments: '/api/segments',
  'segment-llm': '/api/segments?segment=llm',
  'segment-humanoid-robots': '/api/segments?segment=humanoid-robots',
  'involution-llm': '/api/involution?segment=llm&from=2015&to=2025',
  'involution-humanoid-robots': '/api/involution?segment=humanoid-robots&from=2015&to=2025',
  'involution-llm-players-only':
    '/api/involution?segment=llm&from=2015&to=2025&weights=players:1,entrants:0,exits:0,concentration:0,price:0,capability:0',
  'involution-llm-research': '/api/involution?segment=llm&from=2015&to=2025&basis=research',
  'involution-ai-chips': '/api/involution?segment=ai-chips&from=2015&to=2025',
  'involution-bci': '/api/involution?segment=bci&from=2015&to=2025',
  cities: '/api/cities',
  prices: '/api/prices',
  network: '/api/network',
  funding: '/api/funding',
  'funding-beijing-2025': '/api/funding?city=city:beijing&year=2025',
  policies: '/api/policies',
  'policies-zhejiang': '/api/policies?place=province:zhejiang',
  supply: '/api/supply',
  'supply-unitree': '/api/supply?org=org:unitree',
  'filings-zhejiang': '/api/filings?province=province:zhejiang',
  map: '/api/map',
};

/** Every case's payload from a database of `dataDir`'s data (the run's bundled database when it is data/). */
async function payloads(dataDir: string): Promise<Record<string, unknown>> {
  const db = dataDir === DATA_DIR ? await bundledDb() : await Db.open({ path: ':memory:' });
  try {
    if (dataDir !== DATA_DIR) await loadBundled(db, dataDir);
    const app = createApp({
      db,
      search: new SearchIndex(await searchDocuments(db)),
      webRoot: null,
      docsRoot: null,
      version: 'golden',
    });
    const out: Record<string, unknown> = {};
    for (const [name, path] of Object.entries(CASES)) {
      const res = await app.request(path);
      assert.equal(res.status, 200, `${path}: ${await res.clone().text()}`);
      out[name] = await res.json();
    }
    return out;
  } finally {
    db.close();
  }
}

let bundled: Record<string, unknown>;
before(async () => {
  bundled = await payloads(DATA_DIR);
});

for (const name of Object.keys(CASES)) {
  test(`golden: ${name}`, () => {
    const file = join(GOLDEN, `${name}.json`);
    const actual = `${JSON.stringify(bundled[name], null, 2)}\n`;
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(file, actual);
    if (!existsSync(file)) {
      assert.fail(
        `${file} is missing: review the payload, then write it with ` +
          'UPDATE_GOLDEN=1 node scripts/run-tests.mjs test/analytics.golden.test.ts',
      );
    }
    const expected = readFileSync(file, 'utf8');
    const actualFile = join(GOLDEN, `${name}.actual.json`);
    if (actual !== expected) {
      writeFileSync(actualFile, actual);
      assert.fail(`${name} differs from its golden; see ${actualFile}`);
    }
    rmSync(actualFile, { force: true });
  });
}

test('every payload names its metrics (with a methodology link) and its sources', () => {
  for (const [name, body] of Object.entries(bundled)) {
    const b = body as { metrics?: { methodology: string }[]; metric?: string; sources: { url: string }[] };
    assert.ok((b.metrics?.length ?? 0) > 0 || b.metric, `${name}: no metric`);
    for (const m of b.metrics ?? []) assert.match(m.methodology, /^\/methodology#[a-z-]+$/);
    assert.ok(b.sources.length > 0, `${name}: no sources`);
    for (const s of b.sources) assert.match(s.url, /^https?:\/\//, name);
  }
});

test('the involution index recomputes when weights change; its components do not', () => {
  type Years = { years: { year: number; players: number; concentration: number | null; index: number | null }[] };
  const byDefault = bundled['involution-llm'] as Years;
  const playersOnly = bundled['involution-llm-players-only'] as Years;
  assert.deepEqual(
    byDefault.years.map((y) => [y.players, y.concentration]),
    playersOnly.years.map((y) => [y.players, y.concentration]),
  );
  assert.notDeepEqual(
    byDefault.years.map((y) => y.index),
    playersOnly.years.map((y) => y.index),
  );
  const humanoid = bundled['involution-humanoid-robots'] as Years;
  assert.ok(
    humanoid.years.some((y) => y.index !== null),
    'humanoid robots have an index',
  );
});

interface Involution {
  years: {
    year: number;
    censored: boolean;
    players: number;
    exits: number;
    index: number | null;
    reasons: Record<string, string>;
  }[];
  index_reason: string | null;
  censoring: { boundary: string | null; last_complete_year: number };
  players: { org: string; entry: { year: number; rule: string } | null; exit: { year: number; rule: string } | null }[];
}

test('the LLM story the data supports: no makers before China had models, no exits read from the end of the data', () => {
  const llm = bundled['involution-llm'] as Involution;
  const year = (y: number) => llm.years.find((x) => x.year === y)!;
  // Commercial LLM makers are counted from their first language-model evidence, not their founding.
  // Large language models, by cited compute or size: none made in China by a company before 2020.
  assert.deepEqual(
    [2015, 2016, 2017, 2018, 2019].map((y) => year(y).players),
    [0, 0, 0, 0, 0],
    'no commercial LLM makers before 2020',
  );
  assert.ok(year(2023).players > 5 * year(2022).players, 'the 2023 "hundred-model war" shows as a jump in players');
  assert.ok(llm.players.every((p) => p.entry === null || p.entry.rule !== 'founded' || p.entry.year >= 2019));
  // Right-censoring: after the last complete year nothing is indexed and no exit is inferred from silence.
  const last = llm.censoring.last_complete_year;
  for (const y of llm.years.filter((x) => x.year > last)) {
    assert.equal(y.censored, true);
    assert.equal(y.index, null);
    assert.equal(y.exits, 0, `${y.year}: exits after the censoring boundary`);
  }
  assert.ok(llm.players.every((p) => p.exit?.rule !== 'inactive' || p.exit.year <= last));
});

test('a one-player segment gets no index, and says why', () => {
  const bci = bundled['involution-bci'] as Involution;
  assert.ok(bci.years.every((y) => y.index === null));
  assert.match(bci.index_reason ?? '', /at most 1 active commercial players in any year \(minimum 3\)/);
});

test('the 2024 price war shows as a fall in the like-for-like index of Chinese vendors', () => {
  type Index = {
    country: string;
    base: string | null;
    months: { month: string; cny: { blended: number | null } }[];
    yearly: { year: number; change_cny: number | null }[];
  };
  const { indexes } = bundled.prices as { indexes: Index[] };
  const cn = indexes.find((i) => i.country === 'country:cn')!;
  assert.equal(cn.base, '2024-04');
  const at = (m: string) => cn.months.find((x) => x.month === m)?.cny.blended ?? null;
  assert.ok((at('2024-12') ?? 100) < 100, `Dec 2024: ${at('2024-12')}`);
  assert.ok((cn.yearly.find((y) => y.year === 2024)?.change_cny ?? 0) < 0);
});

let dir: string;
after(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('changing one input changes exactly the outputs that depend on it', async () => {
  dir = mkdtempSync(join(tmpdir(), 'neijuan-golden-'));
  cpSync(DATA_DIR, dir, { recursive: true });
  // One more cited list price of a SKU already priced twice: only the price list and the LLM involution payloads
  // (their price change) may move.
  writeFileSync(
    join(dir, 'curated', 'zz-extra-price.yaml'),
    [
      'sources:',
      '  - { id: src:test-extra-price, title: Test price sheet, url: "https://example.org/prices", publisher: Test, retrieved: 2026-11-29, licence: test }',
      'prices:',
      '  - { vendor: org:zhipu-ai, model: glm-4-plus, date: 2025-08-01, currency: CNY, input: 0.5, output: 0.5, unit: per_million_tokens, kind: list, source: src:test-extra-price }',
      '',
    ].join('\n'),
  );
  const changed = await payloads(dir);
  const differs = Object.keys(CASES).filter((k) => JSON.stringify(changed[k]) !== JSON.stringify(bundled[k]));
  assert.deepEqual(differs.sort(), [
    'involution-llm',
    'involution-llm-players-only',
    'involution-llm-research',
    'prices',
  ]);
});
