/**
 * A like-for-like LLM price index: matched SKUs (vendor + model + tier + kind + currency) chained month on month. Pure.
 *
 * Why matched SKUs: the median price of whatever was listed in a year moves when the mix moves (a free tier added, a
 * reasoning model launched) even if no price changed. Here a month's change is the geometric mean (Jevons) of the
 * price relatives of the SKUs listed on both sides of the month boundary, so a SKU entering or leaving the list moves
 * nothing; the months are then chained. Prices are step functions between a SKU's dated observations: a price holds
 * until a later row says otherwise, and a SKU is in the basket from its first to its last observation.
 */
import type { PriceKind } from '../model/types.ts';
import type { ConvertedPrice } from './prices.ts';

/** A link (month to month) needs at least this many matched SKUs, or the chain is broken there. */
export const MIN_MATCHED_PAIRS = 3;
/** Input:output token mix of the blended price, as Artificial Analysis blends (3 input tokens per output token). */
export const BLEND_INPUT_SHARE = 0.75;
/** The base month named by default: the month before the May 2024 price war, when the chain reaches it. */
export const DEFAULT_BASE_MONTH = '2024-04';
/** A yearly change over part of a year (the chain begins within it) needs at least this many months. */
export const MIN_PARTIAL_MONTHS = 6;

export const MEASURES = ['input', 'output', 'blended'] as const;
export type Measure = (typeof MEASURES)[number];
export type Currency = 'cny' | 'usd';

interface Levels {
  input: number;
  output: number;
  blended: number;
}

export interface PriceIndexMonth {
  month: string;
  /** SKUs listed on both sides of the link into this month (the matched pairs). */
  pairs: number;
  /** Of those, how many changed price in this month. */
  changed: number;
  /** The index (base month = 100) per currency and measure; null outside the unbroken chain. */
  cny: Record<Measure, number | null>;
  usd: Record<Measure, number | null>;
  /** Why the index is null this month, when it is. */
  reason: string | null;
}

export interface PriceIndexResult {
  kind: PriceKind;
  base: string | null;
  min_pairs: number;
  months: PriceIndexMonth[];
  /** The SKUs the chain follows, each with its observations' count and span. */
  skus: {
    sku: string;
    vendor_id: string;
    model: string;
    tier: string;
    observations: number;
    from: string;
    to: string;
  }[];
  excluded: { free: number; other_kind: number; no_month: number; single_observation: number };
  /** Year-on-year change of the index (last month of the year vs last month of the year before), per currency. */
  yearly: PriceIndexYear[];
}

export interface PriceIndexYear {
  year: number;
  /** The months compared: the last indexed month of the year before and of this year. */
  from_month: string | null;
  through_month: string | null;
  /** True when the chain begins within the year: the change runs from its first month, not from December before. */
  partial: boolean;
  change_cny: number | null;
  change_usd: number | null;
  reason: string | null;
}

interface Observation {
  month: string;
  date: string;
  cny: Levels;
  usd: Levels;
}

const blend = (input: number, output: number) => BLEND_INPUT_SHARE * input + (1 - BLEND_INPUT_SHARE) * output;

/**
 * A SKU: vendor, model, tier, kind and the currency it is priced in. The currency belongs to the key because vendors
 * keep separate price lists for their Chinese (CNY) and international (USD) platforms: moving from one list to the
 * other is not a price change.
 */
export function skuKey(p: { vendor_id: string; model: string; tier: string; kind: string; currency: string }): string {
  return `${p.vendor_id}|${p.model}|${p.tier}|${p.kind}|${p.currency}`;
}

/** Months from `from` to `to` inclusive, as YYYY-MM. */
export function monthRange(from: string, to: string): string[] {
  const out: string[] = [];
  let [y, m] = from.split('-').map(Number) as [number, number];
  const [ty, tm] = to.split('-').map(Number) as [number, number];
  while (y < ty || (y === ty && m <= tm)) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    m += 1;
    if (m === 13) {
      m = 1;
      y += 1;
    }
  }
  return out;
}

const round = (n: number) => Math.round(n * 100) / 100;

export function computePriceIndex(
  points: readonly ConvertedPrice[],
  options: { kind?: PriceKind; base?: string | null; minPairs?: number } = {},
): PriceIndexResult {
  const kind = options.kind ?? 'list';
  const minPairs = options.minPairs ?? MIN_MATCHED_PAIRS;
  const excluded = { free: 0, other_kind: 0, no_month: 0, single_observation: 0 };
  const bySku = new Map<string, { vendor_id: string; model: string; tier: string; obs: Observation[] }>();
  for (const p of points) {
    if (p.kind !== kind) {
      excluded.other_kind++;
      continue;
    }
    if (!/^\d{4}-\d{2}/.test(p.date)) {
      excluded.no_month++;
      continue;
    }
    // A relative to or from zero is undefined: free SKUs are counted beside the index, not in it.
    if (p.input_cny <= 0 || p.output_cny <= 0 || p.input_usd <= 0 || p.output_usd <= 0) {
      excluded.free++;
      continue;
    }
    const key = skuKey(p);
    const entry = bySku.get(key) ?? { vendor_id: p.vendor_id, model: p.model, tier: p.tier, obs: [] };
    entry.obs.push({
      month: p.date.slice(0, 7),
      date: p.date,
      cny: { input: p.input_cny, output: p.output_cny, blended: blend(p.input_cny, p.output_cny) },
      usd: { input: p.input_usd, output: p.output_usd, blended: blend(p.input_usd, p.output_usd) },
    });
    bySku.set(key, entry);
  }
  // Within a month the latest observation stands (a cut announced on the 5th and another on the 25th: the 25th).
  const skus = [...bySku.entries()]
    .map(([sku, e]) => {
      const sorted = [...e.obs].sort((a, b) => a.date.localeCompare(b.date));
      const perMonth = new Map<string, Observation>();
      for (const o of sorted) perMonth.set(o.month, o);
      return { sku, ...e, obs: [...perMonth.values()] };
    })
    .filter((s) => {
      if (s.obs.length < 2) excluded.single_observation++;
      return s.obs.length >= 2;
    })
    .sort((a, b) => a.sku.localeCompare(b.sku));

  const empty = (): Record<Measure, number | null> => ({ input: null, output: null, blended: null });
  if (skus.length === 0) {
    return { kind, base: null, min_pairs: minPairs, months: [], skus: [], excluded, yearly: [] };
  }
  const first = skus.map((s) => s.obs[0]!.month).sort()[0] as string;
  const last = skus
    .map((s) => s.obs.at(-1)!.month)
    .sort()
    .at(-1) as string;
  const months = monthRange(first, last);
  const levelAt = (obs: Observation[], month: string) => obs.filter((o) => o.month <= month).at(-1);

  // Links: month i-1 → i over the SKUs whose span covers both months.
  const links = months.map((month, i) => {
    if (i === 0) return { month, pairs: 0, changed: 0, rel: null as null | Record<Currency, Levels> };
    const prev = months[i - 1] as string;
    const logSum: Record<Currency, Levels> = {
      cny: { input: 0, output: 0, blended: 0 },
      usd: { input: 0, output: 0, blended: 0 },
    };
    let pairs = 0;
    let changed = 0;
    for (const s of skus) {
      if (s.obs[0]!.month > prev || s.obs.at(-1)!.month < month) continue;
      const a = levelAt(s.obs, prev) as Observation;
      const b = levelAt(s.obs, month) as Observation;
      pairs++;
      if (b.month === month && (b.cny.input !== a.cny.input || b.cny.output !== a.cny.output)) changed++;
      for (const c of ['cny', 'usd'] as const) for (const m of MEASURES) logSum[c][m] += Math.log(b[c][m] / a[c][m]);
    }
    const rel =
      pairs === 0
        ? null
        : {
            cny: { input: 0, output: 0, blended: 0 },
            usd: { input: 0, output: 0, blended: 0 },
          };
    if (rel)
      for (const c of ['cny', 'usd'] as const) for (const m of MEASURES) rel[c][m] = Math.exp(logSum[c][m] / pairs);
    return { month, pairs, changed, rel };
  });

  // The unbroken run of valid links: the one that contains the requested (or default) base month, else the longest
  // (the latest of equals). Outside it the index is null: chaining across a broken link would invent a level.
  const valid = links.map((l, i) => i > 0 && l.pairs >= minPairs);
  const runs: { start: number; end: number }[] = []; // month indices: start is the month before the first valid link
  for (let i = 1; i < links.length; i++) {
    if (!valid[i]) continue;
    const open = runs.at(-1);
    if (open && open.end === i - 1) open.end = i;
    else runs.push({ start: i - 1, end: i });
  }
  const wanted = options.base ?? DEFAULT_BASE_MONTH;
  const containing = runs.find((r) => (months[r.start] as string) <= wanted && wanted <= (months[r.end] as string));
  const run = containing ?? [...runs].sort((a, b) => b.end - b.start - (a.end - a.start) || b.end - a.end)[0] ?? null;
  if (options.base && !containing) {
    // An explicit base the chain does not reach is an error the caller reports, not a silent substitute.
    throw new RangeError(
      `base month ${options.base} is outside the unbroken chain` +
        (run ? ` (${months[run.start]} to ${months[run.end]})` : ' (no month has enough matched pairs)'),
    );
  }
  const base = run ? (containing ? wanted : (months[run.start] as string)) : null;

  const level: Record<Currency, Record<Measure, number>>[] = [];
  const out: PriceIndexMonth[] = links.map((l, i) => {
    const inRun = run !== null && i >= run.start && i <= run.end;
    if (!inRun) {
      return {
        month: l.month,
        pairs: l.pairs,
        changed: l.changed,
        cny: empty(),
        usd: empty(),
        reason:
          l.pairs < minPairs && i > 0
            ? `${l.pairs} matched SKU${l.pairs === 1 ? '' : 's'} (minimum ${minPairs})`
            : 'outside the unbroken chain',
      };
    }
    const prev = level[i - 1];
    const cur: Record<Currency, Record<Measure, number>> = {
      cny: { input: 1, output: 1, blended: 1 },
      usd: { input: 1, output: 1, blended: 1 },
    };
    if (i > (run as { start: number }).start && prev && l.rel)
      for (const c of ['cny', 'usd'] as const) for (const m of MEASURES) cur[c][m] = prev[c][m] * l.rel[c][m];
    level[i] = cur;
    return { month: l.month, pairs: l.pairs, changed: l.changed, cny: empty(), usd: empty(), reason: null };
  });
  if (run && base) {
    const baseLevel = level[months.indexOf(base)] as Record<Currency, Record<Measure, number>>;
    for (let i = run.start; i <= run.end; i++) {
      const l = level[i] as Record<Currency, Record<Measure, number>>;
      const row = out[i] as PriceIndexMonth;
      for (const c of ['cny', 'usd'] as const)
        for (const m of MEASURES) row[c][m] = round((100 * l[c][m]) / baseLevel[c][m]);
    }
  }
  return {
    kind,
    base,
    min_pairs: minPairs,
    months: out,
    skus: skus.map((s) => ({
      sku: s.sku,
      vendor_id: s.vendor_id,
      model: s.model,
      tier: s.tier,
      observations: s.obs.length,
      from: s.obs[0]!.month,
      to: s.obs.at(-1)!.month,
    })),
    excluded,
    yearly: yearlyChanges(out),
  };
}

/**
 * The index's change per year: its last indexed month of the year against the last indexed month of the year before
 * (December against December when the chain covers both). Null with a reason when either end is missing.
 */
export function yearlyChanges(months: readonly PriceIndexMonth[]): PriceIndexYear[] {
  if (months.length === 0) return [];
  const years = [...new Set(months.map((m) => Number(m.month.slice(0, 4))))];
  const indexed = (year: number) => months.filter((m) => m.month.startsWith(`${year}-`) && m.cny.blended !== null);
  return years.map((year) => {
    const b = indexed(year).at(-1);
    // The start: the last indexed month of the year before; where the chain begins within this year, its first
    // month, if that leaves at least MIN_PARTIAL_MONTHS (the change is then over part of the year, and says so).
    let a = indexed(year - 1).at(-1);
    let partial = false;
    const first = indexed(year)[0];
    if (!a && first && b && monthsBetween(first.month, b.month) >= MIN_PARTIAL_MONTHS) {
      a = first;
      partial = true;
    }
    if (!a || !b) {
      return {
        year,
        from_month: a?.month ?? null,
        through_month: b?.month ?? null,
        partial: false,
        change_cny: null,
        change_usd: null,
        reason: !b
          ? `the index does not reach ${year}`
          : `the index starts in ${first?.month ?? year}: fewer than ${MIN_PARTIAL_MONTHS} months of ${year} to compare`,
      };
    }
    const pct = (x: number | null, y: number | null) =>
      x !== null && y !== null ? Math.round((1000 * (y - x)) / x) / 10 : null;
    return {
      year,
      from_month: a.month,
      through_month: b.month,
      partial,
      change_cny: pct(a.cny.blended, b.cny.blended),
      change_usd: pct(a.usd.blended, b.usd.blended),
      reason: null,
    };
  });
}

function monthsBetween(a: string, b: string): number {
  const [ay, am] = a.split('-').map(Number) as [number, number];
  const [by, bm] = b.split('-').map(Number) as [number, number];
  return (by - ay) * 12 + (bm - am);
}
