// What is and is not a dispute, on a real in-memory DuckDB.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Db } from '../db.ts';
import { sql } from '../sql.ts';
import { disputedGroups } from './disputes.ts';

test('a dispute is the same attribute, scope, period and unit with different values', async () => {
  const db = await Db.open({ path: ':memory:' });
  try {
    const fact = (
      e: string,
      attr: string,
      value: string,
      unit: string | null,
      asOf: string | null,
      scope: string | null,
      src: string,
    ) =>
      db.run(sql`INSERT INTO facts (dataset, entity_id, attr, value, unit, as_of, estimate, source_id, scope)
        VALUES ('curated', ${e}, ${attr}, ${value}, ${unit}, ${asOf}, false, ${src}, ${scope})`);
    // A real dispute: two founding years.
    await fact('org:a', 'founded', '2011', null, null, null, 'src:1');
    await fact('org:a', 'founded', '2012', null, null, null, 'src:2');
    // A time series: different periods.
    await fact('org:b', 'listed_alumni_companies', '108', null, '2017', null, 'src:1');
    await fact('org:b', 'listed_alumni_companies', '313', null, '2024-05-17', null, 'src:2');
    // One price in two currencies.
    await fact('robot:g1', 'starting_price', '99000', 'CNY', null, null, 'src:1');
    await fact('robot:g1', 'starting_price', '16000', 'USD', null, null, 'src:2');
    // Two events: a predecessor's founding and the merger.
    await fact('org:c', 'founded', '1900', null, null, 'predecessor', 'src:1');
    await fact('org:c', 'founded', '1967', null, null, null, 'src:2');
    // The same date at two precisions, and the same number written twice.
    await fact('org:d', 'founded', '1971', null, null, null, 'src:1');
    await fact('org:d', 'founded', '1971-02-16', null, null, null, 'src:2');
    await fact('model:m', 'training_compute', '4.8e+24', 'FLOP', null, null, 'src:1');
    await fact('model:m', 'training_compute', '4.7999999999999996e+24', 'FLOP', null, null, 'src:2');
    // Attributes that hold several values at once.
    await fact('org:e', 'stock_listing', 'HKEX: 9868', null, null, null, 'src:1');
    await fact('org:e', 'stock_listing', 'NYSE: XPEV', null, null, null, 'src:2');
    const rows = await db.all<{ entity_id: string; attr: string }>(sql`${disputedGroups(sql`TRUE`)} ORDER BY 1, 2`);
    assert.deepEqual(
      rows.map((r) => [r.entity_id, r.attr]),
      [['org:a', 'founded']],
    );
  } finally {
    db.close();
  }
});
