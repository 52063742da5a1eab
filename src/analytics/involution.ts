/**
 * The involution index of a segment: how crowded, churning, price-cutting and level a segment is, year by year.
 * Pure: it takes the players' spans (analytics/segment-entry.ts), release credits, the price index's yearly changes
 * and the capability points the store returns, and gives every component beside the composite, each with the reason
 * when it is null. No number is given where the data cannot carry one (the minimums below).
 */
import type { CapabilityPoint, ReleaseCredit } from '../store/queries/segments.ts';
import type { PlayerSpan } from './segment-entry.ts';

export const COMPONENTS = ['players', 'entrants', 'exits', 'concentration', 'price', 'capability'] as const;
export type Component = (typeof COMPONENTS)[number];
export const BASES = ['commercial', 'research', 'all'] as const;
export type Basis = (typeof BASES)[number];

/**
 * Default weights, and the direction in which each component means more involution: more players, more entrants,
 * more exits, lower concentration, falling prices, a narrower capability spread (everyone near the frontier).
 */
export const DEFAULT_WEIGHTS: Readonly<Record<Component, number>> = {
  players: 0.25,
  entrants: 0.15,
  exits: 0.1,
  concentration: 0.2,
  price: 0.15,
  capability: 0.15,
};
const DIRECTION: Readonly<Record<Component, 1 | -1>> = {
  players: 1,
  entrants: 1,
  exits: 1,
  concentration: -1,
  price: -1,
  capability: -1,
};

/** The documented minimums: below them a component (or the index) is null with a reason. */
export const MINIMUMS = {
  /** Active players of the basis in the year, for players, entrants, exits and the index. */
  players: 3,
  /** Release credits of the basis in the year, for concentration. */
  release_credits: 5,
  /** Releases with a cited training compute in the year, for the capability spread. */
  compute_models: 3,
  /** Years with a value, for a component to be standardised at all. */
  years_for_z: 3,
  /** Components with a value, for the index. */
  components_for_index: 2,
} as const;

export interface InvolutionYear {
  year: number;
  /** True after the censoring boundary: the year is not fully covered by every input that shows activity. */
  censored: boolean;
  players: number;
  entrants: number;
  exits: number;
  /** The same three counts for commercial and for research players, whatever the basis. */
  by_group: Record<'commercial' | 'research', { players: number; entrants: number; exits: number }>;
  /** Sum of release credits of the basis (a release made by k organisations credits each 1/k, hence fractions). */
  release_credits: number;
  /** Herfindahl–Hirschman index of release-credit shares, 0–10,000. */
  concentration: number | null;
  /** Change of the like-for-like price index over the year, in percent (LLM only). */
  price_change: number | null;
  /** Frontier minus median training compute of the year's releases, in orders of magnitude (log10 FLOP). */
  capability_spread: number | null;
  capability: { models: number; frontier: number | null; median: number | null };
  /** Standardised components (z-scores over the uncensored years), signed so that higher means more involution. */
  z: Record<Component, number | null>;
  index: number | null;
  /** Why each null component (and the index, under "index") is null. */
  reasons: Partial<Record<Component | 'index', string>>;
}

export interface PriceChange {
  year: number;
  change: number | null;
  reason: string | null;
}

export interface InvolutionResult {
  basis: Basis;
  years: InvolutionYear[];
  weights: Record<Component, number>;
  /** Null when at least one year has an index; else why none has. */
  index_reason: string | null;
}

/** Parses "players:0.5,price:0" over the defaults; unknown names and negative or non-numeric weights are errors. */
export function parseWeights(text: string | undefined): Record<Component, number> {
  const weights: Record<Component, number> = { ...DEFAULT_WEIGHTS };
  if (!text) return weights;
  for (const part of text.split(',')) {
    const pieces = part.split(':').map((s) => s.trim());
    if (pieces.length !== 2) throw new Error(`expected component:weight, got "${part}"`);
    const [name = '', value = ''] = pieces;
    if (!(COMPONENTS as readonly string[]).includes(name)) {
      throw new Error(`unknown component "${name}" (components: ${COMPONENTS.join(', ')})`);
    }
    const w = Number(value);
    if (value === '' || !Number.isFinite(w) || w < 0 || w > 100)
      throw new Error(`weight of ${name} must be a number from 0 to 100`);
    weights[name as Component] = w;
  }
  if (COMPONENTS.every((c) => weights[c] === 0)) throw new Error('at least one weight must be above 0');
  return weights;
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

const round = (n: number, places: number) => Math.round(n * 10 ** places) / 10 ** places;
const inBasis = (basis: Basis, group: 'commercial' | 'research') => basis === 'all' || basis === group;

export function computeInvolution(input: {
  spans: readonly PlayerSpan[];
  credits: readonly ReleaseCredit[];
  prices: readonly PriceChange[] | null;
  capability: readonly CapabilityPoint[];
  from: number;
  to: number;
  censorYear: number;
  basis: Basis;
  weights: Record<Component, number>;
}): InvolutionResult {
  const { spans, credits, from, to, censorYear, basis, weights } = input;
  const groupOf = new Map(spans.map((s) => [s.org, s.group]));
  const years: InvolutionYear[] = [];
  for (let year = from; year <= to; year++) {
    const count = (group: 'commercial' | 'research' | Basis) => {
      const own = spans.filter((s) => (group === 'all' ? true : s.group === group) && s.entry !== null);
      return {
        players: own.filter((s) => (s.entry?.year as number) <= year && (s.exit === null || s.exit.year > year)).length,
        entrants: own.filter((s) => s.entry?.year === year).length,
        exits: own.filter((s) => s.exit?.year === year).length,
      };
    };
    const mine = count(basis);
    const censored = year > censorYear;
    const reasons: InvolutionYear['reasons'] = {};
    const yearCredits = credits.filter((c) => c.year === year && inBasis(basis, groupOf.get(c.org) ?? 'commercial'));
    const total = yearCredits.reduce((n, c) => n + c.credit, 0);
    let concentration: number | null = null;
    if (total >= MINIMUMS.release_credits) {
      concentration = Math.round(yearCredits.reduce((h, c) => h + ((100 * c.credit) / total) ** 2, 0));
    } else {
      reasons.concentration = `${round(total, 2)} release credits (minimum ${MINIMUMS.release_credits})`;
    }
    const price = input.prices?.find((p) => p.year === year);
    const price_change = price?.change ?? null;
    if (price_change === null)
      reasons.price =
        input.prices === null ? 'no price series for this segment' : (price?.reason ?? 'no price index this year');
    const points = input.capability.filter((c) => c.year === year).map((c) => c.log10_flop);
    const frontier = points.length > 0 ? Math.max(...points) : null;
    const mid = median(points);
    let capability_spread: number | null = null;
    if (points.length >= MINIMUMS.compute_models && frontier !== null && mid !== null) {
      capability_spread = round(frontier - mid, 2);
    } else {
      reasons.capability = `${points.length} release(s) with a cited training compute (minimum ${MINIMUMS.compute_models})`;
    }
    if (mine.players < MINIMUMS.players) {
      const why = `${mine.players} active ${basis === 'all' ? '' : `${basis} `}player(s) (minimum ${MINIMUMS.players})`;
      reasons.players = why;
      reasons.entrants = why;
      reasons.exits = why;
    }
    if (censored) {
      reasons.index = `after the censoring boundary: ${year} is not fully covered by every input that shows activity`;
      reasons.entrants ??= 'censored year';
      reasons.exits ??= 'censored year: exits cannot be read from silence here';
    }
    years.push({
      year,
      censored,
      ...mine,
      by_group: { commercial: count('commercial'), research: count('research') },
      release_credits: round(total, 2),
      concentration,
      price_change,
      capability_spread,
      capability: {
        models: points.length,
        frontier: frontier === null ? null : round(frontier, 2),
        median: mid === null ? null : round(mid, 2),
      },
      z: { players: null, entrants: null, exits: null, concentration: null, price: null, capability: null },
      index: null,
      reasons,
    });
  }

  const valueOf = (y: InvolutionYear, c: Component): number | null => {
    if (y.censored || (y.reasons[c] !== undefined && c !== 'concentration' && c !== 'price' && c !== 'capability'))
      return null;
    switch (c) {
      case 'players':
      case 'entrants':
      case 'exits':
        return y[c];
      case 'concentration':
        return y.concentration;
      case 'price':
        return y.price_change;
      case 'capability':
        return y.capability_spread;
      default: {
        const never: never = c;
        return never;
      }
    }
  };
  for (const c of COMPONENTS) {
    const values = years.map((y) => valueOf(y, c)).filter((v): v is number => v !== null);
    const mean = values.reduce((a, b) => a + b, 0) / Math.max(values.length, 1);
    const sd = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / Math.max(values.length, 1));
    for (const y of years) {
      const v = valueOf(y, c);
      if (v === null) continue;
      if (values.length < MINIMUMS.years_for_z) {
        y.reasons[c] = `only ${values.length} year(s) with a value (minimum ${MINIMUMS.years_for_z} to standardise)`;
        continue;
      }
      y.z[c] = sd === 0 ? 0 : round((DIRECTION[c] * (v - mean)) / sd, 3);
    }
  }
  for (const y of years) {
    if (y.censored) continue;
    if (y.players < MINIMUMS.players) {
      y.reasons.index = y.reasons.players;
      continue;
    }
    let sum = 0;
    let weight = 0;
    let used = 0;
    for (const c of COMPONENTS) {
      const z = y.z[c];
      if (z === null || weights[c] === 0) continue;
      sum += weights[c] * z;
      weight += weights[c];
      used++;
    }
    if (used < MINIMUMS.components_for_index) {
      y.reasons.index = `${used} weighted component(s) with a value (minimum ${MINIMUMS.components_for_index})`;
      continue;
    }
    y.index = round(sum / weight, 3);
  }
  return { basis, years, weights, index_reason: indexReason(years, basis, censorYear) };
}

/** Why no year has an index, naming the constraint that binds; null when some year has one. */
function indexReason(years: readonly InvolutionYear[], basis: Basis, censorYear: number): string | null {
  if (years.length === 0 || years.some((y) => y.index !== null)) return null;
  const who = basis === 'all' ? 'players' : `${basis} players`;
  const most = Math.max(...years.map((y) => y.players));
  if (most < MINIMUMS.players) return `at most ${most} active ${who} in any year (minimum ${MINIMUMS.players})`;
  const open = years.filter((y) => !y.censored && y.players >= MINIMUMS.players);
  if (open.length === 0)
    return `the years with ${MINIMUMS.players}+ active ${who} are all after the censoring boundary (${censorYear})`;
  return (
    `no year before the censoring boundary (${censorYear}) has ${MINIMUMS.components_for_index} components ` +
    `standardised over ${MINIMUMS.years_for_z}+ years`
  );
}
