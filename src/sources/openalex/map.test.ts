import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { Resolver } from '../../model/resolver.ts';
import type { EntityKind, Source } from '../../model/types.ts';
import { bundledDb } from '../../../test/support/bundled.ts';
import type { Db } from '../../store/db.ts';
import { knownNames } from '../../store/queries/entities.ts';
import { openalexGeoContext } from '../../store/queries/openalex.ts';
import { type GeoContext, InstitutionMapper } from './institution-mapper.ts';
import { WORKS_METRIC, WorkCounter, contribution, mapOpenAlex, topicMetric } from './map.ts';
import { type InstitutionInfo, type WorkRecord, matchesFilter, parseObject } from './records.ts';

const fixture = (name: string) => join(import.meta.dirname, 'fixtures', name);
const json = (name: string): unknown => JSON.parse(readFileSync(fixture(name), 'utf8'));
const work = (name: string): WorkRecord => {
  const p = parseObject(json(name), name, null);
  assert.equal(p.kind, 'work');
  return p.work;
};
const institutions = (name: string): InstitutionInfo[] =>
  (json(name) as { results: unknown[] }).results.map((r) => {
    const p = parseObject(r, name, null);
    assert.equal(p.kind, 'institution');
    return p.institution;
  });

const SOURCE: Source = {
  id: 'src:test-openalex',
  title: 'test',
  url: 'https://api.openalex.org/works',
  publisher: 'OurResearch (OpenAlex)',
  published: null,
  retrieved: 'unknown',
  licence: 'CC0 1.0',
};
const NO_GEO: GeoContext = { countriesOf: new Map() };

describe('records: both work shapes', () => {
  test('2025 shape: year, distinct institutions and countries, primary topic', () => {
    const w = work('W2741809807.json');
    assert.equal(w.shape, '2025');
    assert.equal(w.id, 'W2741809807');
    assert.equal(w.year, 2018);
    assert.equal(w.institutions.length, 8, 'nine authorships name eight distinct institutions');
    assert.deepEqual(w.countries, ['US', 'CA'], 'the institution without a country adds none');
    assert.equal(w.topic?.id, 'T10102');
    assert.equal(w.topic?.subfield, '1804');
    assert.ok(w.conceptIds.includes('C41008148'));
  });

  test('2023 shape: no primary_topic, so the best-scored topic; host_venue is ignored', () => {
    const w = work('W-api-response.json');
    assert.equal(w.shape, '2023');
    assert.equal(w.year, 2017);
    assert.deepEqual(
      w.institutions.map((i) => [i.id, i.displayName, i.countryCode]),
      [['I157725225', 'California Institute of Technology', 'US']],
    );
    assert.equal(w.topic?.id, 'T10309');
    assert.deepEqual(w.conceptIds, ['C103989177', 'C126255220', 'C62520636', 'C197903097']);
  });

  test('an institution record keeps geo.city, the zh-hans name and the alternatives', () => {
    const p = parseObject(json('I27837315.json'), 'I27837315.json', null);
    assert.equal(p.kind, 'institution');
    if (p.kind !== 'institution') return;
    assert.equal(p.institution.city, 'Ann Arbor');
    assert.equal(p.institution.nameZh, '密歇根大学');
    assert.equal(p.institution.countryCode, 'US');
    assert.ok(p.institution.alternatives.includes('UMich'));
  });

  test('filters mirror the API: primary topic subfield, any topic, any concept', () => {
    const w = work('W2741809807.json');
    assert.ok(matchesFilter(w, { kind: 'all' }));
    assert.ok(matchesFilter(w, { kind: 'subfield', ids: ['1804'] }));
    assert.ok(!matchesFilter(w, { kind: 'subfield', ids: ['1702'] }));
    assert.ok(matchesFilter(w, { kind: 'topic', ids: ['T11937'] }), 'a non-primary topic counts for topics.id');
    assert.ok(!matchesFilter(w, { kind: 'concept', ids: ['C154945302'] }));
  });
});

describe('mapping onto the bundled dataset', () => {
  let db: Db;
  let geo: GeoContext;
  const resolver = async () =>
    new Resolver((await knownNames(db, '')).map((k) => ({ ...k, kind: k.kind as EntityKind })));
  before(async () => {
    db = await bundledDb();
    geo = await openalexGeoContext(db);
  });
  after(() => db.close());

  test('Tsinghua University resolves onto org:tsinghua-university; whole counting per institution and country', async () => {
    const b = mapOpenAlex(
      { source: SOURCE, works: [work('synthetic-work-tsinghua.json')], institutions: [], groups: [] },
      await resolver(),
      geo,
    );
    assert.ok(!b.entities.some((e) => e.id === 'org:openalex-i99065089'), 'no duplicate of the curated entity');
    assert.deepEqual(
      b.resolutions.find((r) => r.rawName === 'Tsinghua University'),
      { rawName: 'Tsinghua University', entityId: 'org:tsinghua-university', method: 'exact' },
    );
    assert.ok(
      b.facts.some(
        (f) => f.entityId === 'org:tsinghua-university' && f.attr === 'openalex_id' && f.value === 'I99065089',
      ),
    );
    const works = new Map(b.observations.filter((o) => o.metric === WORKS_METRIC).map((o) => [o.subjectId, o]));
    // Two Tsinghua authors: the work counts once for Tsinghua.
    for (const id of ['org:tsinghua-university', 'org:university-of-michigan', 'org:university-of-cambridge']) {
      assert.equal(works.get(id)?.value, 1, id);
      assert.equal(works.get(id)?.period, '2024');
    }
    for (const id of ['country:cn', 'country:us', 'country:gb']) assert.equal(works.get(id)?.value, 1, id);
    assert.equal(works.size, 6, 'no city: a work carries no geo');
    const topic = b.observations.filter((o) => o.metric === topicMetric('T11636'));
    assert.equal(topic.length, 6);
  });

  test('geo.city links to an existing city of the same country only; "Cambridge" in GB is not Cambridge, MA', async () => {
    const b = mapOpenAlex(
      {
        source: SOURCE,
        works: [work('synthetic-work-tsinghua.json')],
        institutions: institutions('synthetic-institutions-page.json'),
        groups: [],
      },
      await resolver(),
      geo,
    );
    const located = b.relations.filter((r) => r.predicate === 'located_in').map((r) => `${r.subjectId} ${r.objectId}`);
    assert.ok(located.includes('org:tsinghua-university city:beijing'));
    assert.ok(!located.some((l) => l.includes('city:cambridge-ma')));
    assert.ok(
      b.facts.some((f) => f.entityId === 'org:university-of-cambridge' && f.attr === 'city' && f.value === 'Cambridge'),
    );
    const beijing = b.observations.find((o) => o.metric === WORKS_METRIC && o.subjectId === 'city:beijing');
    assert.equal(beijing?.value, 1, 'the work counts for the city of its Tsinghua authors');
    assert.ok(!b.observations.some((o) => o.subjectId.startsWith('city:cambridge')));
  });

  test('a city without an entity stays a fact; the zh-hans name becomes an alias', async () => {
    const p = parseObject(json('I27837315.json'), 'I27837315.json', null);
    const b = mapOpenAlex(
      { source: SOURCE, works: [], institutions: p.kind === 'institution' ? [p.institution] : [], groups: [] },
      await resolver(),
      geo,
    );
    const michigan = b.facts.filter((f) => f.entityId === 'org:university-of-michigan');
    assert.deepEqual(michigan.map((f) => `${f.attr}=${f.value}`).sort(), [
      'city=Ann Arbor',
      'openalex_id=I27837315',
      'openalex_type=funder',
      'ror=https://ror.org/00jmfr291',
    ]);
    assert.ok(b.names.some((n) => n.entityId === 'org:university-of-michigan' && n.name === '密歇根大学'));
  });

  test('"Alibaba Group (China)" resolves onto org:alibaba; the parenthesis must name the same country', async () => {
    const mapper = new InstitutionMapper(await resolver(), geo, SOURCE);
    const inst = (id: string, displayName: string, countryCode: string): InstitutionInfo => ({
      id,
      displayName,
      nameZh: null,
      alternatives: [],
      countryCode,
      type: 'company',
      ror: null,
      city: null,
    });
    assert.equal(mapper.entityFor(inst('I1', 'Alibaba Group (China)', 'CN')).entityId, 'org:alibaba');
    assert.equal(mapper.entityFor(inst('I2', 'Alibaba Group (China)', 'US')).entityId, 'org:openalex-i2');
    const peking = mapper.entityFor(inst('I3', 'Peking University', 'US'));
    assert.equal(peking.entityId, 'org:openalex-i3', 'same name, other country: kept apart');
    const { bundle } = mapper.drain();
    assert.match(bundle.issues.find((i) => i.entityId === 'org:openalex-i3')?.message ?? '', /another country than US/);
  });
});

describe('mapping without prior entities', () => {
  test('an unknown institution becomes org:openalex-<id> in its country; a second one of that name joins it', () => {
    const resolver = new Resolver([]);
    const mapper = new InstitutionMapper(resolver, NO_GEO, SOURCE);
    const p = parseObject(json('I27837315.json'), 'I27837315.json', null);
    assert.equal(p.kind, 'institution');
    if (p.kind !== 'institution') return;
    const state = mapper.describe(p.institution, true);
    assert.equal(state.entityId, 'org:openalex-i27837315');
    const again = mapper.entityFor({ ...p.institution, id: 'I999', alternatives: [] });
    assert.equal(again.entityId, 'org:openalex-i27837315', 'never duplicate');
    const other = mapper.entityFor({ ...p.institution, id: 'I998', countryCode: 'CA', alternatives: [] });
    assert.equal(other.entityId, 'org:openalex-i998', 'the same name in another country is another organisation');
    const { bundle } = mapper.drain();
    const e = bundle.entities.find((x) => x.id === 'org:openalex-i27837315');
    assert.equal(e?.kind, 'organization', 'OpenAlex type "funder" does not say what it is');
    assert.equal(e?.nameZh, '密歇根大学');
    assert.equal(e?.namePinyin, 'mi xie gen da xue');
    assert.ok(
      bundle.entities.some((x) => x.id === 'country:us'),
      'a missing country entity is created',
    );
    assert.ok(bundle.relations.some((r) => r.subjectId === 'org:openalex-i27837315' && r.objectId === 'country:us'));
  });

  test('the counter counts a work once per distinct subject and skips works without a year', () => {
    const mapper = new InstitutionMapper(new Resolver([]), NO_GEO, SOURCE);
    const counter = new WorkCounter();
    const w = work('W2741809807.json');
    const c = contribution(w, mapper);
    assert.equal(c.subjectIds.length, 8 + 2, 'eight institutions and two countries');
    counter.add(c);
    counter.add(contribution({ ...w, id: 'W2', year: null }, mapper));
    const obs = counter.observations('src:x');
    assert.equal(obs.filter((o) => o.metric === WORKS_METRIC).length, 10);
    assert.ok(obs.every((o) => o.value === 1 && o.period === '2018' && o.unit === 'works'));
  });
});
