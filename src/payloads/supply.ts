/**
 * The humanoid supply chain payload: component makers, the robot makers they supply or partner with (by component),
 * and the published estimates of a humanoid's cost shares beside the panel's claim, each as a claim with its speaker.
 */
import { z } from '@hono/zod-openapi';
import { COMPONENTS } from '../model/types.ts';
import type { Db } from '../store/db.ts';
import { claimsWithAttrPrefix } from '../store/queries/entities.ts';
import { componentMakers, supplyLinks } from '../store/queries/money.ts';
import { claimSchema } from './lookups.ts';
import { entityIdParam, provenance, provenanceSchema } from './provenance.ts';

export const supplyParams = z.object({
  org: entityIdParam
    .optional()
    .openapi({ example: 'org:unitree', description: "a robot maker's suppliers, or a supplier's customers" }),
  component: z.enum(COMPONENTS).optional(),
});
export type SupplyParams = z.infer<typeof supplyParams>;

const linkSchema = z.object({
  supplier: z.string(),
  supplier_en: z.string().nullable(),
  supplier_zh: z.string().nullable(),
  supplier_country: z.string().nullable(),
  customer: z.string(),
  customer_en: z.string().nullable(),
  customer_zh: z.string().nullable(),
  customer_country: z.string().nullable(),
  component: z.string(),
  kind: z.string(),
  as_of: z.string().nullable(),
  note: z.string().nullable(),
  source_id: z.string(),
});

export const supplyPayload = z
  .object({
    filters: supplyParams,
    links: z.array(linkSchema),
    components: z.array(
      z.object({
        component: z.string(),
        makers: z.number().int().openapi({ description: 'organisations with a cited fact that they make it' }),
        suppliers: z.number().int().openapi({ description: 'of the links shown: distinct suppliers' }),
        customers: z.number().int(),
        links: z.number().int(),
      }),
    ),
    makers: z.array(
      z.object({
        id: z.string(),
        en: z.string().nullable(),
        zh: z.string().nullable(),
        country: z.string().nullable(),
        components: z.array(z.string()),
        source_ids: z.array(z.string()),
      }),
    ),
    cost_claims: z.array(claimSchema),
  })
  .extend(provenanceSchema.shape)
  .openapi('SupplyChain');
export type SupplyPayload = z.infer<typeof supplyPayload>;

/**
 * Claims whose attribute begins so are estimates about a humanoid's cost: its unit cost, or the share a part takes
 * (the panel's 55 % is `humanoid_cost_share_movement_parts`).
 */
export const HUMANOID_COST_PREFIX = 'humanoid_';

export async function computeSupplyPayload(db: Db, q: SupplyParams): Promise<SupplyPayload> {
  const links = await supplyLinks(db, q.org ?? null, q.component ?? null);
  const allMakers = await componentMakers(db);
  const makers = allMakers.filter(
    (m) =>
      (q.component === undefined || m.components.includes(q.component)) &&
      (q.org === undefined || m.id === q.org || links.some((l) => l.supplier === m.id)),
  );
  const components = COMPONENTS.map((component) => {
    const ls = links.filter((l) => l.component === component);
    return {
      component,
      makers: allMakers.filter((m) => m.components.includes(component)).length,
      suppliers: new Set(ls.map((l) => l.supplier)).size,
      customers: new Set(ls.map((l) => l.customer)).size,
      links: ls.length,
    };
  }).filter((c) => c.makers > 0 || c.links > 0);
  const claims = (await claimsWithAttrPrefix(db, HUMANOID_COST_PREFIX)) as z.infer<typeof claimSchema>[];
  return {
    filters: q,
    links,
    components,
    makers,
    cost_claims: claims,
    ...(await provenance(
      db,
      ['humanoid-supply-chain'],
      [
        ...links.map((l) => l.source_id),
        ...makers.flatMap((m) => m.source_ids),
        ...claims.flatMap((c) => [c.source_id, ...c.evidence.map((e) => e.source_id)]),
      ],
    )),
  };
}

export function supplyCsvRows(p: SupplyPayload): Record<string, unknown>[] {
  return p.links.map((l) => ({
    supplier_id: l.supplier,
    supplier: l.supplier_en ?? l.supplier_zh,
    customer_id: l.customer,
    customer: l.customer_en ?? l.customer_zh,
    component: l.component,
    kind: l.kind,
    as_of: l.as_of,
    note: l.note,
    source_id: l.source_id,
  }));
}
