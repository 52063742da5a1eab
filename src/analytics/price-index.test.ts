// The like-for-like price index on hand-computed cases: a chained Jevons link, a composition change that must not
// move it, the matched-pairs minimum, kinds, free prices, the base month, and the yearly change.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { PriceKind } from '../model/types.ts';
import { computePriceIndex, monthRange } from './price-index.ts';
import type { ConvertedPrice } from './prices.ts';

/** A CNY price at a fixed 7 CNY per USD, so the USD index equals the CNY one. */
function p(model: string, date: string, input: number, output: number, kind: PriceKind = 'list'): ConvertedPrice {
  return {
    vendor_id: 'org:v',
    vendor: 'V',
    vendor_country: 'country:cn',
    model,
    tier: '',
    kind,
    date,
    currency: 'CNY',
    input,
    output,
    note: null,
    source_id: 'src:t',
    input_cny: input,
    output_cny: output,
    input_usd: input / 7,
    output_usd: output / 7,
    fx: { rate: 7, period: '2024', source_id: 'src:fx', match: 'same year' },
  };
}

const three = [
  p('a', '2024-01-10', 4, 4),
  p('b', '2024-01-10', 2, 2),
  p('c', '2024-01-10', 1, 1),
  p('a', '2024-03-10', 4, 4),
  p('b', '2024-02-15', 1, 1), // b halves in February
  p('b', '2024-03-10', 1, 1),
  p('c', '2024-03-10', 1, 1),
];

test('a month link is the geometric mean of the matched SKUs, chained', () => {
  const r = computePriceIndex(three, { base: '2024-01' });
  assert.equal(r.base, '2024-01');
  const feb = r.months.find((m) => m.month === '2024-02');
  // (1 × 0.5 × 1)^(1/3) = 0.7937
  assert.equal(feb?.cny.blended, 79.37);
  assert.equal(feb?.usd.input, 79.37);
  assert.equal(feb?.pairs, 3);
  assert.equal(feb?.changed, 1);
  assert.equal(r.months.find((m) => m.month === '2024-03')?.cny.blended, 79.37);
  // A SKU leaves the basket after its last observation: without b's March row, March has 2 matched SKUs.
  const short = computePriceIndex(
    three.filter((x) => !(x.model === 'b' && x.date === '2024-03-10')),
    { base: '2024-01' },
  );
  assert.equal(short.months.find((m) => m.month === '2024-03')?.cny.blended, null);
});

test('a SKU entering the list (at any price) does not move the index', () => {
  const withNew = [...three, p('d', '2024-02-01', 400, 900), p('d', '2024-03-01', 400, 900)];
  const a = computePriceIndex(three, { base: '2024-01' });
  const b = computePriceIndex(withNew, { base: '2024-01' });
  assert.deepEqual(
    b.months.map((m) => m.cny.blended),
    a.months.map((m) => m.cny.blended),
  );
  // A SKU seen once is never matched: it is counted as excluded.
  const c = computePriceIndex([...three, p('e', '2024-02-01', 0.01, 0.01)], { base: '2024-01' });
  assert.equal(c.excluded.single_observation, 1);
  assert.deepEqual(
    c.months.map((m) => m.cny.blended),
    a.months.map((m) => m.cny.blended),
  );
});

test('fewer matched SKUs than the minimum: no number, and the reason', () => {
  const two = three.filter((x) => x.model !== 'c');
  assert.equal(two.length, 5);
  const r = computePriceIndex(two);
  assert.equal(r.base, null);
  assert.ok(r.months.every((m) => m.cny.blended === null));
  assert.match(r.months[1]?.reason ?? '', /2 matched SKUs \(minimum 3\)/);
  assert.throws(() => computePriceIndex(two, { base: '2024-02' }), RangeError);
});

test('other kinds and free prices stay out of the list index', () => {
  const noisy = [
    ...three,
    p('a', '2024-02-01', 0.4, 0.4, 'promotional'),
    p('a', '2024-02-02', 0.1, 4, 'cache-hit'),
    p('c', '2024-02-20', 0, 0, 'free-tier'),
  ];
  const r = computePriceIndex(noisy, { base: '2024-01' });
  assert.equal(r.months.find((m) => m.month === '2024-02')?.cny.blended, 79.37);
  assert.equal(r.excluded.other_kind, 3);
  const free = computePriceIndex([...three, p('c', '2024-02-20', 0, 0)], { base: '2024-01' });
  assert.equal(free.excluded.free, 1);
});

test('input, output and the 3:1 blend move separately', () => {
  const r = computePriceIndex(
    [
      p('a', '2024-01-01', 1, 10),
      p('b', '2024-01-01', 1, 10),
      p('c', '2024-01-01', 1, 10),
      p('a', '2024-02-01', 1, 5),
      p('b', '2024-02-01', 1, 5),
      p('c', '2024-02-01', 1, 5),
    ],
    { base: '2024-01' },
  );
  const feb = r.months[1];
  assert.equal(feb?.cny.input, 100);
  assert.equal(feb?.cny.output, 50);
  // blended: (0.75·1 + 0.25·5) / (0.75·1 + 0.25·10) = 2 / 3.25
  assert.equal(feb?.cny.blended, 61.54);
});

test('the yearly change compares the last indexed months; a chain starting within a year needs six months', () => {
  const rows = ['a', 'b', 'c'].flatMap((m) => [
    p(m, '2023-11-01', 10, 10),
    p(m, '2024-05-01', 5, 5),
    p(m, '2024-12-01', 5, 5),
    p(m, '2025-03-01', 2.5, 2.5),
  ]);
  const r = computePriceIndex(rows);
  const y2024 = r.yearly.find((y) => y.year === 2024);
  assert.deepEqual(
    [y2024?.from_month, y2024?.through_month, y2024?.change_cny, y2024?.partial],
    ['2023-12', '2024-12', -50, false],
  );
  const y2025 = r.yearly.find((y) => y.year === 2025);
  assert.deepEqual([y2025?.through_month, y2025?.change_cny], ['2025-03', -50]);
  // The chain begins in 2023-11: 2023 has one month of it, too little for a change.
  assert.equal(r.yearly.find((y) => y.year === 2023)?.change_cny, null);
  assert.deepEqual(monthRange('2024-11', '2025-02'), ['2024-11', '2024-12', '2025-01', '2025-02']);
});
