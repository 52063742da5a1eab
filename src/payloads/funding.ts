/**
 * The funding payload: rounds as reported, per organisation, investor, city, province and year, with who paid
 * (investor types: the state's funds apart from private money). Amounts stay in their currency; sums are per currency.
 */
import { z } from '@hono/zod-openapi';
import { INVESTOR_TYPES } from '../model/types.ts';
import type { Db } from '../store/db.ts';
import { fundingRounds, investorsOf, type RoundRow } from '../store/queries/money.ts';
import { entityIdParam, provenance, provenanceSchema } from './provenance.ts';

export const fundingParams = z.object({
  org: entityIdParam.optional().openapi({ example: 'org:zhipu-ai', description: 'rounds of this organisation' }),
  investor: entityIdParam.optional().openapi({ description: 'rounds this investor joined' }),
  city: entityIdParam.optional().openapi({ example: 'city:beijing', description: "rounds of the city's firms" }),
  province: entityIdParam.optional().openapi({ example: 'province:zhejiang' }),
  year: z.coerce.number().int().min(1980).max(2100).optional(),
});
export type FundingParams = z.infer<typeof fundingParams>;

const amountsSchema = z.array(
  z.object({
    currency: z.string(),
    total: z.number().openapi({ description: 'sum of the reported amounts in this currency ("over X" counts X)' }),
    rounds: z.number().int(),
  }),
);

const roundSchema = z.object({
  id: z.string(),
  org: z.string(),
  org_en: z.string().nullable(),
  org_zh: z.string().nullable(),
  city: z.string().nullable(),
  province: z.string().nullable(),
  date: z.string(),
  year: z.number().int(),
  round: z.string(),
  stage: z.string(),
  amount: z.number().nullable().openapi({ description: 'null: undisclosed' }),
  currency: z.string().nullable(),
  qualifier: z.string().nullable(),
  valuation: z.number().nullable(),
  valuation_currency: z.string().nullable(),
  note: z.string().nullable(),
  source_id: z.string(),
  investors: z.array(
    z.object({
      id: z.string(),
      en: z.string().nullable(),
      zh: z.string().nullable(),
      lead: z.boolean(),
      type: z.string().nullable(),
    }),
  ),
});

export const fundingPayload = z
  .object({
    filters: fundingParams,
    totals: z.object({
      rounds: z.number().int(),
      organizations: z.number().int(),
      undisclosed: z.number().int(),
      amounts: amountsSchema,
    }),
    data_through: z.string().nullable().openapi({ description: 'the latest round date: that year is partial' }),
    rounds: z.array(roundSchema),
    by_year: z.array(
      z.object({ year: z.number().int(), rounds: z.number().int(), partial: z.boolean(), amounts: amountsSchema }),
    ),
    by_city: z.array(
      z.object({
        city: z.string(),
        rounds: z.number().int(),
        organizations: z.number().int(),
        amounts: amountsSchema,
      }),
    ),
    investors: z.array(
      z.object({
        id: z.string(),
        en: z.string().nullable(),
        zh: z.string().nullable(),
        type: z.string().nullable(),
        rounds: z.number().int(),
        leads: z.number().int(),
        organizations: z.number().int(),
      }),
    ),
    by_investor_type: z.array(
      z.object({
        type: z.string(),
        rounds: z.number().int().openapi({ description: 'rounds with at least one investor of this type' }),
        investors: z.number().int(),
      }),
    ),
  })
  .extend(provenanceSchema.shape)
  .openapi('Funding');
export type FundingPayload = z.infer<typeof fundingPayload>;

/** Per-currency sums of the disclosed amounts (never converted: an exchange rate would be a second source). */
export function sumAmounts(rounds: readonly Pick<RoundRow, 'amount' | 'currency'>[]): z.infer<typeof amountsSchema> {
  const by = new Map<string, { total: number; rounds: number }>();
  for (const r of rounds) {
    if (r.amount === null || r.currency === null) continue;
    const a = by.get(r.currency) ?? { total: 0, rounds: 0 };
    a.total += r.amount;
    a.rounds += 1;
    by.set(r.currency, a);
  }
  return [...by]
    .map(([currency, a]) => ({ currency, ...a }))
    .sort((x, y) => y.rounds - x.rounds || x.currency.localeCompare(y.currency));
}

function groupBy<T, K>(rows: readonly T[], key: (r: T) => K): Map<K, T[]> {
  const m = new Map<K, T[]>();
  for (const r of rows) {
    const k = key(r);
    const list = m.get(k) ?? [];
    list.push(r);
    m.set(k, list);
  }
  return m;
}

export async function computeFundingPayload(db: Db, q: FundingParams): Promise<FundingPayload> {
  const rounds = await fundingRounds(db, {
    org: q.org ?? null,
    investor: q.investor ?? null,
    city: q.city ?? null,
    province: q.province ?? null,
    year: q.year ?? null,
  });
  const dataThrough = rounds.reduce<string | null>((m, r) => (m === null || r.date > m ? r.date : m), null);
  const lastYear = dataThrough === null ? null : Number(dataThrough.slice(0, 4));
  const investors = await investorsOf(
    db,
    rounds.map((r) => r.id),
  );
  const byType = INVESTOR_TYPES.map((type) => ({
    type,
    rounds: rounds.filter((r) => r.investors.some((i) => i.type === type)).length,
    investors: investors.filter((i) => i.type === type).length,
  })).filter((t) => t.rounds > 0);
  return {
    filters: q,
    totals: {
      rounds: rounds.length,
      organizations: new Set(rounds.map((r) => r.org)).size,
      undisclosed: rounds.filter((r) => r.amount === null).length,
      amounts: sumAmounts(rounds),
    },
    data_through: dataThrough,
    rounds,
    by_year: [...groupBy(rounds, (r) => r.year)]
      .map(([year, rs]) => ({
        year,
        rounds: rs.length,
        // The last year of the data is cut off at its latest round, not over.
        partial: year === lastYear && !(dataThrough ?? '').endsWith('-12-31'),
        amounts: sumAmounts(rs),
      }))
      .sort((a, b) => a.year - b.year),
    by_city: [...groupBy(rounds, (r) => r.city)]
      .filter((e): e is [string, RoundRow[]] => e[0] !== null)
      .map(([city, rs]) => ({
        city,
        rounds: rs.length,
        organizations: new Set(rs.map((r) => r.org)).size,
        amounts: sumAmounts(rs),
      }))
      .sort((a, b) => b.rounds - a.rounds || a.city.localeCompare(b.city)),
    investors: investors.slice(0, 100),
    by_investor_type: byType,
    ...(await provenance(
      db,
      ['funding-rounds'],
      rounds.map((r) => r.source_id),
    )),
  };
}

/** One CSV row per round, its investors joined (leads marked). */
export function fundingCsvRows(p: FundingPayload): Record<string, unknown>[] {
  return p.rounds.map((r) => ({
    round_id: r.id,
    organization_id: r.org,
    organization: r.org_en ?? r.org_zh,
    city: r.city,
    province: r.province,
    date: r.date,
    round: r.round,
    stage: r.stage,
    amount: r.amount,
    currency: r.currency,
    qualifier: r.qualifier,
    valuation: r.valuation,
    valuation_currency: r.valuation_currency,
    investors: r.investors.map((i) => `${i.en ?? i.zh ?? i.id}${i.lead ? ' (lead)' : ''}`).join('; '),
    investor_ids: r.investors.map((i) => i.id).join(' '),
    source_id: r.source_id,
  }));
}
