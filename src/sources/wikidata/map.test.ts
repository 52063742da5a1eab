import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ingest } from '../../ingest/pipeline.ts';
import { Resolver } from '../../model/resolver.ts';
import type { EntityKind } from '../../model/types.ts';
import type { Db } from '../../store/db.ts';
import { knownNames } from '../../store/queries/entities.ts';
import { sql } from '../../store/sql.ts';
import { bundledDb } from '../../../test/support/bundled.ts';
import { createHttpClient } from '../http/http-client.ts';
import { replayTransport } from '../http/replay-transport.ts';
import { virtualClock } from '../http/virtual-clock.ts';
import { type WikidataInput, dateOf, mapWikidata } from './map.ts';
import type { WikidataItem, WikidataStatement } from './schema.ts';
import {
  ENTITY_DATA_URL,
  type QidFact,
  createWikidataConnector,
  knownQidsFor,
  readWikidata,
  readWikidataLive,
  wikidataConnector,
} from './source.ts';

const f = (name: string) => join(import.meta.dirname, 'fixtures', name);
const ENTITIES = f('entities');

/** Places and universities the fixtures point at, as an earlier Wikidata input would have tagged them. */
const KNOWN_QIDS = new Map([
  ['Q0000101', 'city:hangzhou'],
  ['Q0000102', 'country:cn'],
  ['Q0000103', 'org:zhejiang-university'],
  ['Q0000104', 'city:beijing'],
]);

async function inputOf(path: string): Promise<WikidataInput> {
  return (await readWikidata(path)).records[0] as WikidataInput;
}

// Synthetic items for the edge cases, in the shape toItem() gives.
const item = (qid: string, labels: Record<string, string>, claims: Record<string, WikidataStatement[]> = {}) =>
  ({ qid, where: 'test', modified: null, labels, aliases: {}, claims }) as WikidataItem;
const ref = (id: string, rank: WikidataStatement['rank'] = 'normal'): WikidataStatement => ({
  rank,
  value: { kind: 'item', id },
});
const HUMAN = { P31: [ref('Q5')] };

describe('on the bundled dataset', () => {
  let db: Db;
  let resolver: () => Promise<Resolver>;
  before(async () => {
    db = await bundledDb();
    resolver = async () =>
      new Resolver((await knownNames(db, 'wikidata:test')).map((k) => ({ ...k, kind: k.kind as EntityKind })));
  });
  after(() => db.close());

  test('items resolve onto the curated entities by label; nothing is created', async () => {
    const b = mapWikidata(await inputOf(ENTITIES), await resolver());
    assert.deepEqual(b.entities, []);
    assert.deepEqual(
      b.resolutions.map((r) => [r.rawName, r.entityId]),
      [
        ['DeepSeek', 'org:deepseek'],
        ['Liang Wenfeng', 'person:liang-wenfeng'],
        ['Peking University', 'org:peking-university'],
        ['Zhipu AI', 'org:zhipu-ai'],
      ],
    );
    const facts = (id: string) => b.facts.filter((x) => x.entityId === id).map((x) => `${x.attr}=${x.value}`);
    assert.deepEqual(facts('org:deepseek'), ['wikidata=Q0000001', 'founded=2023', 'founding_date=2023-07']);
    assert.deepEqual(facts('person:liang-wenfeng'), ['wikidata=Q0000002', 'born=1985']);
    assert.deepEqual(facts('org:peking-university'), [
      'wikidata=Q16952',
      'founded=1898',
      'website=https://www.pku.edu.cn/',
    ]);
    // The traditional labels (智譜, 梁文鋒) fold onto the simplified names; only new forms are added, as aliases.
    const zhipu = b.names.filter((n) => n.entityId === 'org:zhipu-ai').map((n) => n.name);
    assert.ok(zhipu.includes('智谱') && zhipu.includes('智谱华章') && !zhipu.includes('智譜'));
    assert.ok(
      b.names.every((n) => n.kind === 'alias'),
      "a curated entity's own names stay the curator's",
    );
    const source = b.sources.find((s) => s.id === 'src:wikidata-q16952');
    assert.deepEqual(
      [source?.url, source?.licence, source?.publisher, source?.title],
      ['https://www.wikidata.org/wiki/Q16952', 'CC0 1.0', 'Wikidata', 'Wikidata, Peking University (Q16952)'],
    );
  });

  test('statements link items of the same input; other targets are data issues until their QID is known', async () => {
    const b = mapWikidata(await inputOf(ENTITIES), await resolver());
    assert.deepEqual(
      b.relations.map((r) => [r.subjectId, r.predicate, r.objectId]),
      [['org:deepseek', 'founded_by', 'person:liang-wenfeng']],
    );
    const unlinked = b.issues.map((i) => `${i.field} ${i.value}`);
    assert.deepEqual(unlinked, [
      'entities.Q0000001.claims.P159[0] Q0000101',
      'entities.Q0000002.claims.P69[0] Q0000103',
      'entities.Q16952.claims.P17[0] Q0000102',
      'entities.Q16952.claims.P131[0] Q0000104',
      'entities.Q0000003.claims.P159[0] Q0000104',
      'entities.Q0000003.claims.P112[0] Q0000004',
      'entities.Q0000003.claims.P112[1] Q0000005',
    ]);
    // Alone, DeepSeek's founder is not an item of the input.
    const alone = mapWikidata(await inputOf(join(ENTITIES, 'deepseek.json')), await resolver());
    assert.ok(!alone.relations.some((r) => r.predicate === 'founded_by'));
  });

  test('with the QIDs other entities carry, headquarters, country, location and school are linked', async () => {
    const b = mapWikidata(await inputOf(ENTITIES), await resolver(), KNOWN_QIDS);
    const rels = b.relations.map((r) => `${r.subjectId} ${r.predicate} ${r.objectId}`).sort();
    assert.deepEqual(rels, [
      'org:deepseek founded_by person:liang-wenfeng',
      'org:deepseek headquartered_in city:hangzhou',
      'org:peking-university located_in city:beijing',
      'org:peking-university located_in country:cn',
      'org:zhipu-ai headquartered_in city:beijing',
      'person:liang-wenfeng educated_at org:zhejiang-university',
    ]);
  });

  test('an item already known by its QID is that entity, whatever its labels say', async () => {
    const b = mapWikidata(
      { items: [item('Q0000103', { en: 'Chekiang University' })], retrieved: 'unknown' },
      await resolver(),
      KNOWN_QIDS,
    );
    assert.deepEqual(b.resolutions, [
      { rawName: 'Q0000103', entityId: 'org:zhejiang-university', method: 'wikidata-id' },
    ]);
  });

  test('an item never duplicates a curated entity: a traditional-only label resolves, conflicts are reported', async () => {
    const r = await resolver();
    const traditional = mapWikidata({ items: [item('Q0000201', { 'zh-hant': '智譜華章' })], retrieved: 'unknown' }, r);
    assert.deepEqual(
      traditional.resolutions.map((x) => x.entityId),
      ['org:zhipu-ai'],
    );
    assert.deepEqual(traditional.entities, []);
    const mixed = item('Q0000202', { en: 'DeepSeek', zh: '智谱' });
    const conflict = mapWikidata({ items: [mixed], retrieved: 'unknown' }, r);
    assert.match(
      conflict.issues[0]?.message ?? '',
      /labels and aliases match different entities \(org:deepseek, org:zhipu-ai\)/,
    );
    assert.deepEqual([conflict.entities, conflict.facts, conflict.relations], [[], [], []]);
    // A second item resolving onto an entity that already carries another QID is not merged into it.
    const other = mapWikidata(
      { items: [item('Q0000203', { en: 'Hangzhou' }, { P31: [ref('Q515')] })], retrieved: 'unknown' },
      r,
      KNOWN_QIDS,
    );
    assert.match(other.issues[0]?.message ?? '', /city:hangzhou is already Wikidata Q0000101; Q0000203 not merged/);
  });

  test('ingested, the items enrich the curated rows without replacing them, and a re-run changes nothing', async () => {
    const before = await db.one<{ n: number }>(sql`SELECT count(*)::INT AS n FROM entities`);
    const summary = await ingest(db, wikidataConnector, ENTITIES);
    assert.equal(summary.dataset, 'wikidata:entities');
    const after = await db.one<{ n: number }>(sql`SELECT count(*)::INT AS n FROM entities`);
    assert.equal(after?.n, before?.n);
    const owner = await db.one<{ dataset: string; name_zh: string }>(
      sql`SELECT dataset, name_zh FROM entities WHERE id = 'org:zhipu-ai'`,
    );
    assert.deepEqual(owner, { dataset: 'curated', name_zh: '智谱' });
    const qid = await db.one<{ value: string }>(
      sql`SELECT value FROM facts WHERE entity_id = 'org:deepseek' AND attr = 'wikidata'`,
    );
    assert.equal(qid?.value, 'Q0000001');
    assert.equal((await ingest(db, wikidataConnector, ENTITIES)).status, 'unchanged');
  });

  test('a later input links to items an earlier one tagged, through their wikidata facts', async () => {
    // Runs after the ingest above: person:liang-wenfeng now carries wikidata Q0000002 (dataset wikidata:entities).
    const qidFacts = await db.all<QidFact>(
      sql`SELECT value AS qid, entity_id AS "entityId", dataset FROM facts WHERE attr = 'wikidata'`,
    );
    const connector = createWikidataConnector({ qidFacts });
    const alone = join(ENTITIES, 'deepseek.json');
    assert.equal((await ingest(db, connector, alone)).dataset, 'wikidata:deepseek');
    const founders = await db.all<{ object_id: string }>(sql`
      SELECT object_id FROM relations WHERE dataset = 'wikidata:deepseek' AND predicate = 'founded_by'`);
    assert.deepEqual(founders, [{ object_id: 'person:liang-wenfeng' }]);
    const again = await db.all<QidFact>(
      sql`SELECT value AS qid, entity_id AS "entityId", dataset FROM facts WHERE attr = 'wikidata'`,
    );
    assert.equal((await ingest(db, createWikidataConnector({ qidFacts: again }), alone)).status, 'unchanged');
  });
});

test("known QIDs leave out the input's own facts and any QID two entities claim", () => {
  const known = knownQidsFor(
    [
      { qid: 'Q1001', entityId: 'city:hangzhou', dataset: 'wikidata:a' },
      { qid: 'Q1002', entityId: 'org:x', dataset: 'wikidata:a' },
      { qid: 'Q1002', entityId: 'org:y', dataset: 'wikidata:b' },
      { qid: 'Q1003', entityId: 'org:z', dataset: 'wikidata:self' },
    ],
    'wikidata:self',
  );
  assert.deepEqual([...known], [['Q1001', 'city:hangzhou']]);
});

test('an unmatched item is created only when its class is known', () => {
  const b = mapWikidata(
    {
      items: [
        item('Q0000301', { en: 'Example Person', 'zh-hant': '範例人物' }, HUMAN),
        item('Q0000302', { en: 'Example Thing' }),
      ],
      retrieved: '2026-11-29',
    },
    new Resolver([]),
  );
  assert.deepEqual(
    b.entities.map((e) => [e.id, e.kind, e.nameEn, e.nameZh, e.namePinyin]),
    [['person:example-person', 'person', 'Example Person', '范例人物', 'fan li ren wu']],
  );
  assert.match(
    b.issues[0]?.message ?? '',
    /matches no entity, and its class \(P31\) is not one this connector creates/,
  );
  assert.equal(b.sources[0]?.retrieved, '2026-11-29');
});

test('two entities with the same name are an ambiguity reported, not a guess', () => {
  const resolver = new Resolver([
    { entityId: 'org:deepseek', kind: 'company', name: 'DeepSeek' },
    { entityId: 'org:deepseek-2', kind: 'company', name: 'DeepSeek' },
  ]);
  const b = mapWikidata({ items: [item('Q0000001', { en: 'DeepSeek' })], retrieved: 'unknown' }, resolver);
  assert.match(b.issues[0]?.message ?? '', /ambiguous: equally matches org:deepseek, org:deepseek-2; item not mapped/);
  assert.deepEqual([b.entities, b.facts, b.resolutions], [[], [], []]);
});

test('best rank: preferred statements win, deprecated ones never count; a target of the wrong kind is not linked', () => {
  const resolver = new Resolver([
    { entityId: 'city:hangzhou', kind: 'city', name: 'Hangzhou' },
    { entityId: 'city:beijing', kind: 'city', name: 'Beijing' },
    { entityId: 'person:someone', kind: 'person', name: 'Someone' },
  ]);
  const qids = new Map([
    ['Q1001', 'city:hangzhou'],
    ['Q1002', 'city:beijing'],
    ['Q1003', 'person:someone'],
  ]);
  const company = { P31: [ref('Q783794')] };
  const b = mapWikidata(
    {
      items: [
        item('Q2001', { en: 'Example Company' }, { ...company, P159: [ref('Q1001'), ref('Q1002', 'preferred')] }),
        item('Q2002', { en: 'Other Company' }, { ...company, P159: [ref('Q1001', 'deprecated'), ref('Q1003')] }),
      ],
      retrieved: 'unknown',
    },
    resolver,
    qids,
  );
  assert.deepEqual(
    b.relations.map((r) => `${r.subjectId} ${r.predicate} ${r.objectId}`),
    ['org:example-company headquartered_in city:beijing'],
  );
  assert.match(b.issues[0]?.message ?? '', /headquarters location points at person:someone, a person; not linked/);
});

test('Wikibase times become a year and, at month or day precision, a date', () => {
  const t = (time: string, precision: number) => dateOf({ kind: 'time', time, precision });
  assert.deepEqual(t('+2023-07-17T00:00:00Z', 11), { year: '2023', date: '2023-07-17' });
  assert.deepEqual(t('+2023-07-00T00:00:00Z', 10), { year: '2023', date: '2023-07' });
  assert.deepEqual(t('+1898-00-00T00:00:00Z', 9), { year: '1898', date: null });
  assert.deepEqual(t('+00000001985-01-01T00:00:00Z', 9), { year: '1985', date: null });
  assert.match(String(t('+1900-00-00T00:00:00Z', 7)), /coarser than a year/);
  assert.match(String(t('-0500-00-00T00:00:00Z', 9)), /before the common era/);
  assert.match(String(t('+2023-02-30T00:00:00Z', 11)), /not a calendar day/);
  assert.match(String(t('+2023-00-00T00:00:00Z', 10)), /month missing/);
});

test('live: items come from the entity JSON service through the polite client; nothing else is reachable', async () => {
  const clock = virtualClock();
  const body = await readFile(join(ENTITIES, 'peking-university.json'), 'utf8');
  const transport = replayTransport([{ url: `${ENTITY_DATA_URL}/Q16952.json`, body }]);
  const http = createHttpClient({ fetch: transport, sleep: clock.sleep, now: clock.now, maxRetries: 0 });
  const read = await readWikidataLive({ qids: ['Q16952'], http, retrieved: '2026-11-29' });
  assert.equal(read.dataset, 'wikidata:Q16952');
  assert.deepEqual(
    (read.records[0] as WikidataInput).items.map((i) => [i.qid, i.labels.en]),
    [['Q16952', 'Peking University']],
  );
  assert.equal(transport.calls[0]?.headers.Accept, 'application/json');
  await assert.rejects(
    readWikidataLive({ qids: ['Q0000001'], http, retrieved: '2026-11-29' }),
    /connection refused: https:\/\/www\.wikidata\.org\/wiki\/Special:EntityData\/Q0000001\.json is not recorded/,
  );
  await assert.rejects(readWikidataLive({ qids: ['P31'], http, retrieved: '2026-11-29' }), /not a Wikidata item id/);
});
