// The involution index on hand-built spans: minimums give nulls with reasons, censored years are not indexed,
// the capability spread, research players kept apart, weights.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { CapabilityPoint, ReleaseCredit } from '../store/queries/segments.ts';
import { computeInvolution, DEFAULT_WEIGHTS, parseWeights } from './involution.ts';
import type { PlayerSpan } from './segment-entry.ts';

function span(org: string, entry: number, exit: number | null = null, group: 'commercial' | 'research' = 'commercial') {
  return {
    org,
    name: org,
    kind: group === 'commercial' ? 'company' : 'university',
    group,
    city: null,
    entry: { year: entry, date: String(entry), rule: 'release', source_id: null, detail: '' },
    exit: exit === null ? null : { year: exit, rule: 'inactive', source_id: null, detail: '' },
    last_active: null,
  } satisfies PlayerSpan;
}
const credit = (year: number, org: string, c = 1): ReleaseCredit => ({ year, org, credit: c });
const compute = (p: CapabilityPoint[], year: number, log10_flop: number) =>
  p.push({ year, thing: `model:${p.length}`, name: null, log10_flop, source_id: 'src:e' });

const base = {
  prices: null,
  capability: [] as CapabilityPoint[],
  from: 2018,
  to: 2025,
  censorYear: 2024,
  basis: 'commercial' as const,
  weights: { ...DEFAULT_WEIGHTS },
};

test('one player: no index in any year, and the reason says why', () => {
  const r = computeInvolution({ ...base, spans: [span('org:a', 2015)], credits: [] });
  assert.ok(r.years.every((y) => y.index === null));
  assert.equal(r.index_reason, 'at most 1 active commercial players in any year (minimum 3)');
  assert.match(r.years[0]?.reasons.players ?? '', /1 active commercial player/);
});

test('players, entrants, exits by year; censored years shown but not indexed', () => {
  const spans = [
    span('a', 2018),
    span('b', 2018),
    span('c', 2019, 2021),
    span('d', 2020),
    span('e', 2024),
    span('u', 2018, null, 'research'),
  ];
  const credits = [2018, 2019, 2020, 2021, 2022, 2023, 2024].flatMap((y) => [
    credit(y, 'a', 3),
    credit(y, 'b', 2),
    credit(y, 'u', 5),
  ]);
  const r = computeInvolution({ ...base, spans, credits });
  const y = (n: number) => r.years.find((x) => x.year === n)!;
  assert.deepEqual([y(2018).players, y(2019).players, y(2020).players, y(2021).players], [2, 3, 4, 3]);
  assert.deepEqual([y(2021).exits, y(2024).entrants], [1, 1]);
  assert.deepEqual(y(2020).by_group.research, { players: 1, entrants: 0, exits: 0 });
  // 2018 has 2 commercial players: no index; research credits are not in the commercial HHI (3:2 → 3600 + 1600).
  assert.equal(y(2018).index, null);
  assert.equal(y(2019).concentration, 5200);
  assert.equal(y(2019).release_credits, 5);
  assert.ok(y(2019).index !== null);
  assert.equal(y(2025).censored, true);
  assert.equal(y(2025).index, null);
  assert.match(y(2025).reasons.index ?? '', /censoring boundary/);
  // With research players counted too, the university's credits enter the HHI.
  const all = computeInvolution({ ...base, spans, credits, basis: 'all' });
  assert.equal(all.years.find((x) => x.year === 2019)?.concentration, 3800);
});

test('concentration needs five release credits; the capability spread is frontier minus median', () => {
  const spans = [span('a', 2018), span('b', 2018), span('c', 2018)];
  const capability: CapabilityPoint[] = [];
  compute(capability, 2020, 20);
  compute(capability, 2020, 22);
  compute(capability, 2020, 25);
  compute(capability, 2021, 23);
  const r = computeInvolution({ ...base, spans, credits: [credit(2020, 'a', 2), credit(2020, 'b', 2)], capability });
  const y2020 = r.years.find((y) => y.year === 2020)!;
  assert.equal(y2020.concentration, null);
  assert.equal(y2020.reasons.concentration, '4 release credits (minimum 5)');
  assert.equal(y2020.capability_spread, 3);
  assert.deepEqual(y2020.capability, { models: 3, frontier: 25, median: 22 });
  assert.match(r.years.find((y) => y.year === 2021)?.reasons.capability ?? '', /1 release\(s\)/);
});

test('a price component with fewer than three years is not standardised', () => {
  const spans = [span('a', 2018), span('b', 2018), span('c', 2018)];
  const r = computeInvolution({
    ...base,
    spans,
    credits: [],
    prices: [
      { year: 2023, change: null, reason: 'the index does not reach 2022' },
      { year: 2024, change: -30, reason: null },
    ],
  });
  const y2024 = r.years.find((y) => y.year === 2024)!;
  assert.equal(y2024.price_change, -30);
  assert.equal(y2024.z.price, null);
  assert.match(y2024.reasons.price ?? '', /only 1 year/);
  assert.equal(r.years.find((y) => y.year === 2023)?.reasons.price, 'the index does not reach 2022');
});

test('weights: defaults, overrides, and errors', () => {
  assert.deepEqual(parseWeights(undefined), DEFAULT_WEIGHTS);
  assert.equal(parseWeights('capability:0.5').capability, 0.5);
  assert.throws(() => parseWeights('cost:1'), /unknown component "cost"/);
  assert.throws(() => parseWeights('players:1:2:3'), /expected component:weight, got "players:1:2:3"/);
  assert.throws(
    () => parseWeights('players:0,entrants:0,exits:0,concentration:0,price:0,capability:0'),
    /at least one weight/,
  );
});
