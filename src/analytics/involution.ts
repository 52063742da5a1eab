/**
 * The involution index of a segment: how crowded and churning it is, year by year. Pure: it takes the players,
 * release credits and prices the store returns, and gives every component beside the composite.
 */
import type { PlayerRow, ReleaseCredit } from '../store/queries/segments.ts';

export const COMPONENTS = ['players', 'entrants', 'exits', 'concentration', 'price'] as const;
export type Component = (typeof COMPONENTS)[number];

/**
 * Default weights, and the direction in which each component means more involution: more players, more entrants,
 * more exits, lower concentration, falling prices.
 */
export const DEFAULT_WEIGHTS: Readonly<Record<Component, number>> = {
  players: 0.3,
  entrants: 0.2,
  exits: 0.1,
  concentration: 0.3,
  price: 0.1,
};
const DIRECTION: Readonly<Record<Component, 1 | -1>> = {
  players: 1,
  entrants: 1,
  exits: 1,
  concentration: -1,
  price: -1,
};

/** An organisation leaves by a cited defunct/acquired status, or after two years without release once it has released twice. */
export const SILENT_YEARS_TO_EXIT = 2;
const MIN_RELEASES_FOR_SILENCE_RULE = 2;

export interface InvolutionYear {
  year: number;
  players: number;
  entrants: number;
  exits: number;
  releases: number;
  /** Herfindahl–Hirschman index of release shares, 0–10,000; null without releases. */
  concentration: number | null;
  /** Median output list price (USD per million tokens) of the year's price points; null without any. */
  price: number | null;
  /** Year-on-year change of `price`, in percent. */
  price_change: number | null;
  /** Standardised components (z-scores over the years shown), signed so that higher means more involution. */
  z: Record<Component, number | null>;
  index: number | null;
}

export interface InvolutionResult {
  years: InvolutionYear[];
  weights: Record<Component, number>;
  coverage: { players: number; with_entry_year: number; with_releases: number; releases: number };
}

/** Parses "players:0.5,price:0" over the defaults; unknown names and negative or non-numeric weights are errors. */
export function parseWeights(text: string | undefined): Record<Component, number> {
  const weights: Record<Component, number> = { ...DEFAULT_WEIGHTS };
  if (!text) return weights;
  for (const part of text.split(',')) {
    const [name = '', value = ''] = part.split(':').map((s) => s.trim());
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

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

export function computeInvolution(
  players: readonly PlayerRow[],
  credits: readonly ReleaseCredit[],
  prices: readonly { year: number; usd: number }[],
  from: number,
  to: number,
  weights: Record<Component, number>,
): InvolutionResult {
  const horizon = Math.max(to, ...credits.map((c) => c.year));
  const entry = new Map<string, number>();
  const exit = new Map<string, number>();
  for (const p of players) {
    const first = [p.founded, p.first_release].filter((y): y is number => y !== null);
    if (first.length > 0) entry.set(p.org, Math.min(...first));
    if (p.status !== null && p.status_year !== null) exit.set(p.org, p.status_year);
    else if (
      p.last_release !== null &&
      p.releases >= MIN_RELEASES_FOR_SILENCE_RULE &&
      p.last_release + SILENT_YEARS_TO_EXIT <= horizon
    ) {
      exit.set(p.org, p.last_release + SILENT_YEARS_TO_EXIT);
    }
  }
  const years: InvolutionYear[] = [];
  const priceByYear = new Map<number, number[]>();
  for (const p of prices) priceByYear.set(p.year, [...(priceByYear.get(p.year) ?? []), p.usd]);
  let previousPrice: number | null = median(priceByYear.get(from - 1) ?? []);
  for (let year = from; year <= to; year++) {
    const active = [...entry.entries()].filter(([org, y]) => y <= year && (exit.get(org) ?? Infinity) > year).length;
    const yearCredits = credits.filter((c) => c.year === year);
    const total = yearCredits.reduce((n, c) => n + c.credit, 0);
    const concentration =
      total > 0 ? Math.round(yearCredits.reduce((h, c) => h + ((100 * c.credit) / total) ** 2, 0)) : null;
    const price = median(priceByYear.get(year) ?? []);
    years.push({
      year,
      players: active,
      entrants: [...entry.values()].filter((y) => y === year).length,
      exits: [...exit.values()].filter((y) => y === year).length,
      releases: Math.round(total * 100) / 100,
      concentration,
      price,
      price_change:
        price !== null && previousPrice !== null && previousPrice > 0
          ? Math.round((1000 * (price - previousPrice)) / previousPrice) / 10
          : null,
      z: { players: null, entrants: null, exits: null, concentration: null, price: null },
      index: null,
    });
    if (price !== null) previousPrice = price;
  }
  const valueOf = (y: InvolutionYear, c: Component): number | null => (c === 'price' ? y.price_change : y[c]);
  for (const c of COMPONENTS) {
    const values = years.map((y) => valueOf(y, c)).filter((v): v is number => v !== null);
    const mean = values.reduce((a, b) => a + b, 0) / Math.max(values.length, 1);
    const sd = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / Math.max(values.length, 1));
    for (const y of years) {
      const v = valueOf(y, c);
      y.z[c] =
        v === null || values.length < 2
          ? null
          : sd === 0
            ? 0
            : Math.round((1000 * DIRECTION[c] * (v - mean)) / sd) / 1000;
    }
  }
  for (const y of years) {
    let sum = 0;
    let weight = 0;
    for (const c of COMPONENTS) {
      const z = y.z[c];
      if (z === null || weights[c] === 0) continue;
      sum += weights[c] * z;
      weight += weights[c];
    }
    y.index = weight > 0 ? Math.round((1000 * sum) / weight) / 1000 : null;
  }
  return {
    years,
    weights,
    coverage: {
      players: players.length,
      with_entry_year: entry.size,
      with_releases: players.filter((p) => p.releases > 0).length,
      releases: Math.round(credits.reduce((n, c) => n + c.credit, 0) * 100) / 100,
    },
  };
}
