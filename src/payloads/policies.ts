/** The policies payload: city, province and national AI policies with their issuer, amount and the firms they back. */
import { z } from '@hono/zod-openapi';
import { POLICY_TYPES, SEGMENTS } from '../model/types.ts';
import type { Db } from '../store/db.ts';
import { policies } from '../store/queries/money.ts';
import { entityIdParam, provenance, provenanceSchema } from './provenance.ts';

export const policiesParams = z.object({
  place: entityIdParam.optional().openapi({
    example: 'province:zhejiang',
    description: "a city's or province's policies (a province's include its cities')",
  }),
  org: entityIdParam.optional().openapi({ description: 'policies whose source names, funds or hosts this firm' }),
  type: z.enum(POLICY_TYPES).optional(),
  segment: z.enum(SEGMENTS).optional(),
});
export type PoliciesParams = z.infer<typeof policiesParams>;

const policySchema = z.object({
  id: z.string(),
  en: z.string().nullable(),
  zh: z.string().nullable(),
  description: z.string().nullable(),
  type: z.string().nullable(),
  date: z.string().nullable(),
  place: z.string().nullable(),
  place_en: z.string().nullable(),
  place_zh: z.string().nullable(),
  city: z.string().nullable(),
  province: z.string().nullable(),
  country: z.string().nullable(),
  issuer: z.string().nullable(),
  issuer_zh: z.string().nullable(),
  amount: z.number().nullable(),
  currency: z.string().nullable(),
  amount_note: z.string().nullable(),
  segments: z.array(z.string()),
  firms: z.array(
    z.object({
      id: z.string(),
      en: z.string().nullable(),
      zh: z.string().nullable(),
      role: z.enum(['named', 'funded', 'hosted']),
      source_id: z.string(),
    }),
  ),
  source_ids: z.array(z.string()),
});

export const policiesPayload = z
  .object({
    filters: policiesParams,
    total: z.number().int(),
    policies: z.array(policySchema),
    by_province: z.array(
      z.object({
        province: z.string(),
        policies: z.number().int(),
        with_amount: z.number().int(),
        firms_linked: z.number().int(),
      }),
    ),
    by_type: z.array(z.object({ type: z.string(), policies: z.number().int() })),
  })
  .extend(provenanceSchema.shape)
  .openapi('Policies');
export type PoliciesPayload = z.infer<typeof policiesPayload>;

export async function computePoliciesPayload(db: Db, q: PoliciesParams): Promise<PoliciesPayload> {
  const rows = (await policies(db, {
    place: q.place ?? null,
    org: q.org ?? null,
    type: q.type ?? null,
    segment: q.segment ?? null,
  })) as z.infer<typeof policySchema>[];
  const provinces = new Map<string, { policies: number; with_amount: number; firms: Set<string> }>();
  for (const p of rows) {
    if (p.province === null) continue;
    const a = provinces.get(p.province) ?? { policies: 0, with_amount: 0, firms: new Set<string>() };
    a.policies += 1;
    if (p.amount !== null) a.with_amount += 1;
    for (const f of p.firms) a.firms.add(f.id);
    provinces.set(p.province, a);
  }
  const types = new Map<string, number>();
  for (const p of rows) if (p.type) types.set(p.type, (types.get(p.type) ?? 0) + 1);
  return {
    filters: q,
    total: rows.length,
    policies: rows,
    by_province: [...provinces]
      .map(([province, a]) => ({
        province,
        policies: a.policies,
        with_amount: a.with_amount,
        firms_linked: a.firms.size,
      }))
      .sort((a, b) => b.policies - a.policies || a.province.localeCompare(b.province)),
    by_type: [...types].map(([type, policies]) => ({ type, policies })).sort((a, b) => b.policies - a.policies),
    ...(await provenance(
      db,
      ['policies'],
      rows.flatMap((p) => [...p.source_ids, ...p.firms.map((f) => f.source_id)]),
    )),
  };
}

export function policiesCsvRows(p: PoliciesPayload): Record<string, unknown>[] {
  return p.policies.map((r) => ({
    policy_id: r.id,
    title: r.en,
    title_zh: r.zh,
    type: r.type,
    date: r.date,
    place_id: r.place,
    place: r.place_en ?? r.place_zh,
    province_id: r.province,
    issuer: r.issuer,
    issuer_zh: r.issuer_zh,
    amount: r.amount,
    currency: r.currency,
    amount_note: r.amount_note,
    segments: r.segments.join(' '),
    firms: r.firms.map((f) => `${f.en ?? f.zh ?? f.id} (${f.role})`).join('; '),
    firm_ids: r.firms.map((f) => f.id).join(' '),
    source_ids: r.source_ids.join(' '),
  }));
}
