/**
 * The prices payload: every dated price (each of a kind, in both currencies at a cited rate) and the like-for-like
 * price index beside them. `(db, params) → payload`, with the zod schemas of both.
 */
import { z } from '@hono/zod-openapi';
import { computePriceIndex, MEASURES } from '../analytics/price-index.ts';
import { convertPrices } from '../analytics/prices.ts';
import { PRICE_KINDS } from '../model/types.ts';
import type { Db } from '../store/db.ts';
import { fxRates, pricePoints } from '../store/queries/prices.ts';
import { countryFilter, countryParam, provenance, provenanceSchema } from './provenance.ts';

export const pricesParams = z.object({
  vendor: z
    .string()
    .regex(/^org:[a-z0-9-]+$/)
    .optional(),
  country: countryParam
    .default('all')
    .openapi({ description: 'only vendors placed in this country (points and index); all = any' }),
  kind: z.enum(PRICE_KINDS).default('list').openapi({ description: 'the kind of price the index follows' }),
  base: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'expected YYYY-MM')
    .optional()
    .openapi({ description: 'the month the index is 100 at (default 2024-04 where the chain reaches it)' }),
});
export type PricesParams = z.infer<typeof pricesParams>;

const nullableNumber = z.number().nullable();
const measures = z.object(
  Object.fromEntries(MEASURES.map((m) => [m, nullableNumber])) as Record<
    (typeof MEASURES)[number],
    typeof nullableNumber
  >,
);

export const pricePointSchema = z.object({
  vendor_id: z.string(),
  vendor: z.string().nullable(),
  vendor_country: z.string().nullable(),
  model: z.string(),
  tier: z.string(),
  kind: z.enum(PRICE_KINDS),
  date: z.string(),
  currency: z.enum(['CNY', 'USD']),
  input: z.number(),
  output: z.number(),
  note: z.string().nullable(),
  source_id: z.string(),
  input_cny: z.number(),
  output_cny: z.number(),
  input_usd: z.number(),
  output_usd: z.number(),
  fx: z
    .object({
      rate: z.number(),
      period: z.string(),
      source_id: z.string(),
      match: z.enum(['same day', 'same month', 'same year', 'nearest earlier', 'nearest later']),
    })
    .nullable(),
});

export const priceIndexSchema = z.object({
  country: z.string(),
  kind: z.enum(PRICE_KINDS),
  base: z.string().nullable(),
  min_pairs: z.number().int(),
  months: z.array(
    z.object({
      month: z.string(),
      pairs: z.number().int(),
      changed: z.number().int(),
      cny: measures,
      usd: measures,
      reason: z.string().nullable(),
    }),
  ),
  skus: z.array(
    z.object({
      sku: z.string(),
      vendor_id: z.string(),
      model: z.string(),
      tier: z.string(),
      observations: z.number().int(),
      from: z.string(),
      to: z.string(),
    }),
  ),
  excluded: z.object({
    free: z.number().int(),
    other_kind: z.number().int(),
    no_month: z.number().int(),
    single_observation: z.number().int(),
  }),
  yearly: z.array(
    z.object({
      year: z.number().int(),
      from_month: z.string().nullable(),
      through_month: z.string().nullable(),
      partial: z.boolean(),
      change_cny: nullableNumber,
      change_usd: nullableNumber,
      reason: z.string().nullable(),
    }),
  ),
});

export const pricesPayload = z
  .object({ country: z.string(), prices: z.array(pricePointSchema), indexes: z.array(priceIndexSchema) })
  .extend(provenanceSchema.shape)
  .openapi('Prices');
export type PricesPayload = z.infer<typeof pricesPayload>;

/** A base month the chain does not reach: the caller answers 400. */
export class BaseMonthError extends Error {
  override name = 'BaseMonthError';
}

export async function computePricesPayload(db: Db, q: PricesParams): Promise<PricesPayload> {
  const where = countryFilter(q.country);
  const prices = convertPrices(await pricePoints(db, { vendor: q.vendor ?? null, country: where }), await fxRates(db));
  // One index over everything asked for, and, when that is every country, one per vendor country (China, the US):
  // mixing both markets in one basket would hide which moved.
  let indexes;
  try {
    indexes = [
      { country: q.country, ...computePriceIndex(prices, { kind: q.kind, base: q.base ?? null }) },
      ...['country:cn', 'country:us']
        .filter(() => q.country === 'all')
        .map((k) => ({
          country: k,
          ...computePriceIndex(
            prices.filter((p) => p.vendor_country === k),
            { kind: q.kind },
          ),
        })),
    ];
  } catch (error) {
    if (error instanceof RangeError) throw new BaseMonthError(error.message);
    throw error;
  }
  const ids = new Set<string>();
  for (const p of prices) {
    ids.add(p.source_id);
    if (p.fx) ids.add(p.fx.source_id);
  }
  return {
    country: q.country,
    prices,
    indexes,
    ...(await provenance(db, ['llm-prices', 'llm-price-index'], ids)),
  };
}

/** The CSV of the payload: the price points, each with its unit spelled out and the rate used. */
export function pricesCsvRows(p: PricesPayload): Record<string, unknown>[] {
  return p.prices.map(({ fx, input, output, ...row }) => ({
    ...row,
    input_price: input,
    output_price: output,
    price_unit: `${row.currency} per million tokens`,
    fx_rate: fx?.rate ?? null,
    fx_period: fx?.period ?? null,
    fx_source: fx?.source_id ?? null,
  }));
}
