/**
 * The CAC filings payload: each generative-AI service filed and app registered, by province, city, list and quarter,
 * with the providers that resolve to no known organisation listed (never guessed).
 */
import { z } from '@hono/zod-openapi';
import type { Db } from '../store/db.ts';
import { filingLists, filings, type FilingRow } from '../store/queries/filings.ts';
import { entityIdParam, provenance, provenanceSchema } from './provenance.ts';

export const filingsParams = z.object({
  province: entityIdParam.optional().openapi({ example: 'province:zhejiang' }),
  city: entityIdParam.optional().openapi({
    example: 'city:hangzhou',
    description: "by the provider's primary place, else the city its legal name registers it in",
  }),
  org: entityIdParam.optional().openapi({ example: 'org:baidu', description: "a provider's filings" }),
  kind: z.enum(['filed', 'registered']).optional(),
  list: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]*$/)
    .optional()
    .openapi({ example: '2024-04', description: 'one published list' }),
});
export type FilingsParams = z.infer<typeof filingsParams>;

const countSchema = z.object({ filed: z.number().int(), registered: z.number().int() });

export const filingsPayload = z
  .object({
    filters: filingsParams,
    totals: countSchema.extend({ providers: z.number().int(), unresolved_providers: z.number().int() }),
    lists: z.array(
      z.object({
        list_id: z.string(),
        list_date: z.string(),
        filed: z.number().int(),
        registered: z.number().int(),
        source_id: z.string(),
      }),
    ),
    by_province: z.array(
      countSchema.extend({
        province: z.string().nullable(),
        label: z.string(),
        by_list: z.array(countSchema.extend({ list_id: z.string() })),
      }),
    ),
    by_city: z.array(countSchema.extend({ city: z.string() })),
    by_quarter: z.array(countSchema.extend({ quarter: z.string() })).openapi({
      description: 'by the filing date the list gives (else the date in the id): an entry signal for the LLM segment',
    }),
    unresolved: z.array(z.object({ provider: z.string(), records: z.number().int() })),
    records: z.array(
      z.object({
        filing_id: z.string(),
        kind: z.string(),
        list_id: z.string(),
        list_date: z.string(),
        seq: z.number().int(),
        province_label: z.string(),
        province: z.string().nullable(),
        service: z.string(),
        provider: z.string(),
        provider_id: z.string().nullable(),
        provider_en: z.string().nullable(),
        city: z.string().nullable(),
        city_basis: z.enum(['provider', 'legal name']).nullable(),
        filed_on: z.string().nullable(),
        quarter: z.string(),
        source_id: z.string(),
      }),
    ),
  })
  .extend(provenanceSchema.shape)
  .openapi('Filings');
export type FilingsPayload = z.infer<typeof filingsPayload>;

function count(rows: readonly FilingRow[]) {
  return {
    filed: rows.filter((r) => r.kind === 'filed').length,
    registered: rows.filter((r) => r.kind === 'registered').length,
  };
}

function grouped<K>(rows: readonly FilingRow[], key: (r: FilingRow) => K): [K, FilingRow[]][] {
  const m = new Map<K, FilingRow[]>();
  for (const r of rows) m.set(key(r), [...(m.get(key(r)) ?? []), r]);
  return [...m];
}

export async function computeFilingsPayload(db: Db, q: FilingsParams): Promise<FilingsPayload> {
  const rows = await filings(db, {
    province: q.province ?? null,
    city: q.city ?? null,
    org: q.org ?? null,
    kind: q.kind ?? null,
    list: q.list ?? null,
  });
  const lists = await filingLists(db);
  const unresolved = grouped(
    rows.filter((r) => r.provider_id === null),
    (r) => r.provider,
  )
    .map(([provider, rs]) => ({ provider, records: rs.length }))
    .sort((a, b) => b.records - a.records || a.provider.localeCompare(b.provider));
  return {
    filters: q,
    totals: {
      ...count(rows),
      providers: new Set(rows.map((r) => r.provider)).size,
      unresolved_providers: unresolved.length,
    },
    lists,
    by_province: grouped(rows, (r) => r.province_label)
      .map(([label, rs]) => ({
        province: rs[0]?.province ?? null,
        label,
        ...count(rs),
        by_list: grouped(rs, (r) => r.list_id).map(([list_id, ls]) => ({ list_id, ...count(ls) })),
      }))
      .sort((a, b) => b.filed + b.registered - (a.filed + a.registered) || a.label.localeCompare(b.label)),
    by_city: grouped(
      rows.filter((r) => r.city !== null),
      (r) => r.city as string,
    )
      .map(([city, rs]) => ({ city, ...count(rs) }))
      .sort((a, b) => b.filed - a.filed || a.city.localeCompare(b.city)),
    by_quarter: grouped(rows, (r) => r.quarter)
      .map(([quarter, rs]) => ({ quarter, ...count(rs) }))
      .sort((a, b) => a.quarter.localeCompare(b.quarter)),
    unresolved,
    records: rows,
    ...(await provenance(
      db,
      ['genai-filing-records'],
      lists.map((l) => l.source_id),
    )),
  };
}
