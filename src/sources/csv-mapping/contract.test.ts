import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { Resolver } from '../../model/resolver.ts';
import { connectorContract } from '../../../test/support/connector-contract.ts';
import { mapCsvRows } from './map.ts';
import { createCsvMappingConnector, readMapping } from './source.ts';

const f = (name: string) => join(import.meta.dirname, 'fixtures', name);
const connector = createCsvMappingConnector(f('watchlist.mapping.yaml'));

connectorContract({
  connector,
  fixtures: [f('watchlist.csv')],
  damaged: [
    {
      input: f('damaged/not-a-number.csv'),
      expect: /not-a-number\.csv, line 2, field "score": expected a number, got "nine"/,
    },
    { input: f('damaged/bad-date.csv'), expect: /bad-date\.csv, line 3, field "watched_since": expected a date/ },
    {
      input: f('damaged/missing-column.csv'),
      expect: /missing-column\.csv, line 1, field "organisation": missing column/,
    },
    { input: f('damaged/empty-name.csv'), expect: /empty-name\.csv, line 2, field "organisation": empty entity name/ },
  ],
  findable: [
    { query: '示例机器人实验室', id: 'org:example-robotics-lab' },
    { query: 'Example Robotics Lab', id: 'org:example-robotics-lab' },
  ],
});

test('rows resolve onto existing entities (by English or Chinese name) before anything is created', async () => {
  const read = await connector.read(f('watchlist.csv'));
  const resolver = new Resolver([
    { entityId: 'org:deepseek', kind: 'company', name: 'DeepSeek' },
    { entityId: 'org:zhipu-ai', kind: 'company', name: '智谱华章' },
    { entityId: 'org:unitree', kind: 'company', name: '宇树科技' },
    { entityId: 'city:hangzhou', kind: 'city', name: 'Hangzhou' },
    { entityId: 'city:beijing', kind: 'city', name: 'Beijing' },
  ]);
  const b = mapCsvRows(read.records[0]!, resolver);
  assert.deepEqual(
    b.entities.map((e) => e.id),
    ['org:example-robotics-lab'],
  );
  assert.deepEqual(b.resolutions.map((r) => r.entityId).slice(0, 3), ['org:deepseek', 'city:hangzhou', 'org:zhipu-ai']);
  // Shenzhen is unknown here and the mapping does not create cities: a data issue, not a guess.
  assert.match(b.issues[0]?.message ?? '', /no such entity/);
  assert.equal(b.observations.length, 4);
  assert.ok(b.facts.every((x) => x.sourceId === 'src:my-watchlist'));
});

test('a bad mapping file is refused naming the field', async () => {
  await assert.rejects(readMapping(f('watchlist.csv')), /watchlist\.csv/);
});
