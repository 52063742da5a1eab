import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { connectorContract } from '../../../test/support/connector-contract.ts';
import { readCacTotals, cacConnector } from './source.ts';
import { mapCacTotals } from './map.ts';

const f = (name: string) => join(import.meta.dirname, 'fixtures', name);

connectorContract({
  connector: cacConnector,
  fixtures: [f('cac_aggregates.csv')],
  damaged: [
    { input: f('damaged/bad-value.csv'), expect: /bad-value\.csv, line 3, field "value": expected a whole number/ },
    { input: f('damaged/bad-url.csv'), expect: /bad-url\.csv, line 3, field "cac_announcement_url"/ },
    { input: f('damaged/unknown-metric.csv'), expect: /unknown-metric\.csv, line 4, field "metric": unknown metric/ },
    { input: f('damaged/bad-date.csv'), expect: /bad-date\.csv, line 6, field "as_of": expected YYYY-MM-DD/ },
  ],
});

test('totals become dated observations on China, each citing its announcement; an uncited row is an issue', async () => {
  const read = await readCacTotals(f('cac_aggregates.csv'));
  const b = mapCacTotals(read.records, read.input);
  const filed = b.observations.filter((o) => o.metric === 'cac.genai_services_filed').map((o) => [o.period, o.value]);
  assert.deepEqual(filed, [
    ['2024-12-31', 302],
    ['2025-12-31', 748],
    ['2026-02-28', 796],
  ]);
  const source = b.sources.find((s) => s.id === b.observations[0]?.sourceId);
  assert.equal(source?.url, 'https://www.cac.gov.cn/2025-01/08/c_1738034725920930.htm');
  assert.equal(source?.published, '2025-01-08');
  assert.equal(b.issues.length, 1);
  assert.match(b.issues[0]!.message, /no announcement URL/);
});
