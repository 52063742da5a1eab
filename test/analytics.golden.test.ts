// Golden tests: every analytics payload on the bundled data is pinned; a mismatch writes *.actual.json beside the
// golden so the difference is easy to read. UPDATE_GOLDEN=1 rewrites the goldens after a deliberate change.
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
import { DATA_DIR, ROOT } from './support/bundled.ts';

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
    '/api/involution?segment=llm&from=2015&to=2025&weights=players:1,entrants:0,exits:0,concentration:0,price:0',
  cities: '/api/cities',
  prices: '/api/prices',
  network: '/api/network',
};

async function payloads(dataDir: string): Promise<Record<string, unknown>> {
  const db = await Db.open({ path: ':memory:' });
  try {
    await loadBundled(db, dataDir);
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
    if (process.env.UPDATE_GOLDEN === '1' || !existsSync(file)) writeFileSync(file, actual);
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
    for (const m of b.metrics ?? []) assert.match(m.methodology, /^\/docs\/METHODOLOGY\.md#[a-z-]+$/);
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

let dir: string;
after(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('changing one input changes exactly the outputs that depend on it', async () => {
  dir = mkdtempSync(join(tmpdir(), 'neijuan-golden-'));
  cpSync(DATA_DIR, dir, { recursive: true });
  // One more cited list price: only the price list and the LLM involution index (its price component) may move.
  writeFileSync(
    join(dir, 'curated', 'zz-extra-price.yaml'),
    [
      'sources:',
      '  - { id: src:test-extra-price, title: Test price sheet, url: "https://example.org/prices", publisher: Test, retrieved: 2026-11-29, licence: test }',
      'prices:',
      '  - { vendor: org:deepseek, model: test-model, date: 2025-06-01, currency: USD, input: 0.01, output: 0.02, unit: per_million_tokens, source: src:test-extra-price }',
      '',
    ].join('\n'),
  );
  const changed = await payloads(dir);
  const differs = Object.keys(CASES).filter((k) => JSON.stringify(changed[k]) !== JSON.stringify(bundled[k]));
  assert.deepEqual(differs.sort(), ['involution-llm', 'involution-llm-players-only', 'prices']);
});
