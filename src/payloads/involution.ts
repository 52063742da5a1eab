/**
 * The involution payload: `(db, params) → payload`, with the zod schemas of both. The route, the CLI verb, the
 * OpenAPI document and the web client's types all come from here.
 */
import { z } from '@hono/zod-openapi';
import {
  BASES,
  COMPONENTS,
  computeInvolution,
  DEFAULT_WEIGHTS,
  MINIMUMS,
  parseWeights,
} from '../analytics/involution.ts';
import { computePriceIndex, MIN_MATCHED_PAIRS } from '../analytics/price-index.ts';
import { convertPrices } from '../analytics/prices.ts';
import type { MetricId } from '../analytics/metrics.ts';
import { lastCompleteYear, playerSpan } from '../analytics/segment-entry.ts';
import { SEGMENTS } from '../model/types.ts';
import type { Db } from '../store/db.ts';
import { fxRates, pricePoints } from '../store/queries/prices.ts';
import {
  activityCoverage,
  capabilityPoints,
  releaseCredits,
  segmentPlayers,
  segmentSourceIds,
} from '../store/queries/segments.ts';
import { countryFilter, countryParam, provenance, provenanceSchema } from './provenance.ts';

const year = z.coerce.number().int().min(1950).max(2100);

/** The parameters (a plain object, so a route can extend it with its own, e.g. format). */
export const involutionParams = z.object({
  segment: z.enum(SEGMENTS).default('llm'),
  country: countryParam.default('country:cn'),
  from: year.default(2015),
  to: year.default(2025),
  basis: z.enum(BASES).default('commercial'),
  weights: z.string().max(200).optional().openapi({ example: 'players:0.5,price:0' }),
});
export type InvolutionParams = z.infer<typeof involutionParams>;

/** The check across parameters, applied after any extension. */
export const yearRange = (q: { from: number; to: number }) => q.from <= q.to;
export const yearRangeError = { message: 'from must not be after to', path: ['from'] };

const component = z.enum(COMPONENTS);
const counts = z.object({ players: z.number().int(), entrants: z.number().int(), exits: z.number().int() });
const nullableNumber = z.number().nullable();

export const involutionYearSchema = z.object({
  year: z.number().int(),
  censored: z.boolean(),
  players: z.number().int(),
  entrants: z.number().int(),
  exits: z.number().int(),
  by_group: z.object({ commercial: counts, research: counts }),
  release_credits: z.number(),
  concentration: nullableNumber,
  price_change: nullableNumber,
  capability_spread: nullableNumber,
  capability: z.object({ models: z.number().int(), frontier: nullableNumber, median: nullableNumber }),
  z: z.record(component, nullableNumber),
  index: nullableNumber,
  reasons: z.partialRecord(z.enum([...COMPONENTS, 'index']), z.string()),
});

export const playerSpanSchema = z.object({
  org: z.string(),
  name: z.string().nullable(),
  kind: z.string(),
  group: z.enum(['commercial', 'research']),
  city: z.string().nullable(),
  entry: z
    .object({
      year: z.number().int(),
      date: z.string(),
      rule: z.enum(['cited', 'release', 'price', 'listed', 'founded']),
      source_id: z.string().nullable(),
      thing: z.string().nullable().optional(),
      detail: z.string(),
    })
    .nullable(),
  exit: z
    .object({
      year: z.number().int(),
      rule: z.enum(['cited', 'inactive']),
      source_id: z.string().nullable(),
      detail: z.string(),
    })
    .nullable(),
  last_active: z.number().int().nullable(),
});

export const involutionPayload = z
  .object({
    segment: z.enum(SEGMENTS),
    country: z.string(),
    basis: z.enum(BASES),
    components: z.array(component),
    default_weights: z.record(component, z.number()),
    weights: z.record(component, z.number()),
    minimums: z.record(z.string(), z.number()),
    years: z.array(involutionYearSchema),
    index_reason: z.string().nullable(),
    censoring: z.object({
      boundary: z.string().nullable(),
      last_complete_year: z.number().int(),
      inputs: z.array(
        z.object({
          dataset: z.string(),
          source_id: z.string().nullable(),
          evidence: z.enum(['release', 'price']),
          first_date: z.string(),
          last_date: z.string(),
          rows: z.number().int(),
        }),
      ),
      note: z.string(),
    }),
    coverage: z.object({
      players: z.number().int(),
      commercial: z.number().int(),
      research: z.number().int(),
      with_entry: z.number().int(),
      entry_rules: z.record(z.enum(['cited', 'release', 'price', 'listed', 'founded']), z.number().int()),
      exits: z.record(z.enum(['cited', 'inactive']), z.number().int()),
      release_credits: z.number(),
    }),
    notes: z.record(z.string(), z.string()),
    players: z.array(playerSpanSchema),
  })
  .extend(provenanceSchema.shape)
  .openapi('Involution');
export type InvolutionPayload = z.infer<typeof involutionPayload>;

/** A parameter the schema cannot check alone (weights, the year range): the caller answers 400 naming it. */
export class InvolutionParamError extends Error {
  override name = 'InvolutionParamError';
  constructor(
    readonly parameter: string,
    message: string,
  ) {
    super(message);
  }
}

export async function computeInvolutionPayload(db: Db, q: InvolutionParams): Promise<InvolutionPayload> {
  if (!yearRange(q)) throw new InvolutionParamError('from', `from (${q.from}) must not be after to (${q.to})`);
  let weights;
  try {
    weights = parseWeights(q.weights);
  } catch (error) {
    throw new InvolutionParamError('weights', (error as Error).message);
  }
  const where = countryFilter(q.country);
  const coverage = await activityCoverage(db, q.segment);
  // The censoring boundary: the earliest end among the inputs that could show activity in the segment.
  const boundary = coverage.map((r) => r.last_date).sort()[0] ?? null;
  // No dated activity at all: nothing to censor, and no exit can be read from silence anyway.
  const censorYear = boundary ? lastCompleteYear(boundary) : q.to;
  const spans = (await segmentPlayers(db, q.segment, where)).map((p) => playerSpan(p, censorYear));
  const credits = await releaseCredits(db, q.segment, where);
  const priceIndex =
    q.segment === 'llm'
      ? computePriceIndex(convertPrices(await pricePoints(db, { country: where }), await fxRates(db)))
      : null;
  const result = computeInvolution({
    spans,
    credits,
    prices: priceIndex
      ? priceIndex.yearly.map((y) => ({ year: y.year, change: y.change_cny, reason: y.reason }))
      : null,
    capability: await capabilityPoints(db, q.segment, where),
    from: q.from,
    to: q.to,
    censorYear,
    basis: q.basis,
    weights,
  });
  const metrics: MetricId[] = q.segment === 'llm' ? ['involution-index', 'llm-price-index'] : ['involution-index'];
  const ids = new Set(await segmentSourceIds(db, q.segment, where));
  for (const s of spans) {
    if (s.entry?.source_id) ids.add(s.entry.source_id);
    if (s.exit?.source_id) ids.add(s.exit.source_id);
  }
  const byRule = (rule: string) => spans.filter((s) => s.entry?.rule === rule).length;
  return {
    segment: q.segment,
    country: q.country,
    components: [...COMPONENTS],
    default_weights: { ...DEFAULT_WEIGHTS },
    minimums: { ...MINIMUMS, price_pairs: MIN_MATCHED_PAIRS },
    ...result,
    censoring: {
      boundary,
      last_complete_year: censorYear,
      inputs: coverage,
      note:
        'Years after the last complete year are shown but not indexed, and no exit is inferred from silence ' +
        'there: the inputs that would show activity do not cover them in full.',
    },
    coverage: {
      players: spans.length,
      commercial: spans.filter((s) => s.group === 'commercial').length,
      research: spans.filter((s) => s.group === 'research').length,
      with_entry: spans.filter((s) => s.entry !== null).length,
      entry_rules: {
        cited: byRule('cited'),
        release: byRule('release'),
        price: byRule('price'),
        listed: byRule('listed'),
        founded: byRule('founded'),
      },
      exits: {
        cited: spans.filter((s) => s.exit?.rule === 'cited').length,
        inactive: spans.filter((s) => s.exit?.rule === 'inactive').length,
      },
      release_credits: Math.round(credits.reduce((n, r) => n + r.credit, 0) * 100) / 100,
    },
    notes: {
      release_credits: 'A release made by k organisations credits each 1/k, so release credits can be fractional.',
    },
    players: spans,
    ...(await provenance(db, metrics, ids)),
  };
}

/** The CSV of the payload: one row a year, every component and z-score, and why any value is null. */
export function involutionCsvRows(p: InvolutionPayload): Record<string, unknown>[] {
  return p.years.map(({ z: zs, reasons, by_group, capability, ...y }) => ({
    ...y,
    players_commercial: by_group.commercial.players,
    players_research: by_group.research.players,
    capability_models: capability.models,
    ...Object.fromEntries(COMPONENTS.map((k) => [`z_${k}`, zs[k]])),
    why_null: Object.entries(reasons)
      .map(([k, v]) => `${k}: ${v}`)
      .join('; '),
  }));
}
