import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { Resolver } from '../../model/resolver.ts';
import { connectorContract } from '../../../test/support/connector-contract.ts';
import { mapMoeList } from './map.ts';
import { moeListConnector, readMoeList } from './source.ts';

const f = (name: string) => join(import.meta.dirname, 'fixtures', name);

connectorContract({
  connector: moeListConnector,
  fixtures: [f('moe-sample.csv')],
  damaged: [
    { input: f('damaged/bad-code.csv'), expect: /bad-code\.csv, line 2, field "moe_code": expected a 10-digit code/ },
    {
      input: f('damaged/duplicate-code.csv'),
      expect: /duplicate-code\.csv, line 4, field "moe_code": code \d+ repeats line 3/,
    },
    { input: f('damaged/bad-level.csv'), expect: /bad-level\.csv, line 2, field "level"/ },
    {
      input: f('damaged/no-location-column.csv'),
      expect: /no-location-column\.csv, line 1, field "location": missing column/,
    },
  ],
  findable: [
    { query: '浙江大学', id: 'org:zhejiang-university' },
    { query: '杭州电子科技大学', id: 'org:hangzhou-dianzi-university' },
  ],
});

test('a university already known by its MOE code is enriched, not duplicated; a new one gets its city', async () => {
  const read = await readMoeList(f('moe-sample.csv'));
  const resolver = new Resolver(
    [
      { entityId: 'org:peking-university', kind: 'university', name: 'Peking University' },
      { entityId: 'city:beijing', kind: 'city', name: '北京市' },
      { entityId: 'province:beijing', kind: 'province', name: '北京市' },
      { entityId: 'province:hebei', kind: 'province', name: '河北省' },
    ],
    [{ entityId: 'org:peking-university', attr: 'moe_code', value: '4111010001' }],
  );
  const b = mapMoeList(read.records, resolver);
  assert.ok(!b.entities.some((e) => e.nameZh === '北京大学'), 'PKU is not created again');
  assert.deepEqual(b.resolutions[0], { rawName: '北京大学', entityId: 'org:peking-university', method: 'moe_code' });
  const hebei = b.entities.find((e) => e.nameZh === '河北环境工程学院');
  const city = b.relations.find((r) => r.subjectId === hebei?.id && r.predicate === 'located_in');
  assert.equal(city?.objectId, 'city:qin-huang-dao');
  assert.ok(b.relations.some((r) => r.subjectId === 'city:qin-huang-dao' && r.objectId === 'province:hebei'));
});
