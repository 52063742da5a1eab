/** The alumni and founder network payload: nodes laid out on the server, edges with their sources. */
import { z } from '@hono/zod-openapi';
import { layoutNetwork, type NetworkPayload as Layout } from '../analytics/network.ts';
import type { Db } from '../store/db.ts';
import { alumniEdges } from '../store/queries/cities.ts';
import { getEntities } from '../store/queries/entities.ts';
import { investorEdges } from '../store/queries/money.ts';
import { provenance, provenanceSchema } from './provenance.ts';

export const networkParams = z.object({
  include: z
    .enum(['founders', 'investors'])
    .default('founders')
    .openapi({ description: 'founders: universities → founders → organisations; investors: and who funded them' }),
});
export type NetworkParams = z.infer<typeof networkParams>;

export const networkPayload = z
  .object({
    nodes: z.array(
      z.object({
        id: z.string(),
        label: z.string(),
        kind: z.string(),
        country: z
          .string()
          .nullable()
          .openapi({ description: "the node's country (organisations and places), if known" }),
        x: z.number(),
        y: z.number(),
        size: z.number(),
      }),
    ),
    edges: z.array(z.object({ source: z.string(), target: z.string(), predicate: z.string(), source_id: z.string() })),
  })
  .extend(provenanceSchema.shape)
  .openapi('Network');
export type NetworkPayload = z.infer<typeof networkPayload>;

/** The layouts, computed once per database handle: a server's database is read-only while it serves. */
const layouts = new WeakMap<Db, Map<NetworkParams['include'], Layout>>();

export async function computeNetworkPayload(
  db: Db,
  q: NetworkParams = { include: 'founders' },
): Promise<NetworkPayload> {
  const cached = layouts.get(db) ?? new Map<NetworkParams['include'], Layout>();
  let layout = cached.get(q.include);
  if (!layout) {
    const edges = [...(await alumniEdges(db)), ...(q.include === 'investors' ? await investorEdges(db) : [])];
    const ids = [...new Set(edges.flatMap((e) => [e.source, e.target]))];
    const labels = new Map(
      (await getEntities(db, ids)).map((e) => [e.id, { label: e.name_en ?? e.name_zh ?? e.id, kind: e.kind }]),
    );
    layout = layoutNetwork(edges, labels);
    if (db.readOnly) layouts.set(db, cached.set(q.include, layout));
  }
  const countries = new Map(
    (
      await getEntities(
        db,
        layout.nodes.map((n) => n.id),
      )
    ).map((e) => [e.id, e.country ?? null]),
  );
  return {
    ...layout,
    nodes: layout.nodes.map((n) => ({ ...n, country: countries.get(n.id) ?? null })),
    ...(await provenance(
      db,
      q.include === 'investors' ? ['alumni-network', 'funding-rounds'] : ['alumni-network'],
      layout.edges.map((e) => e.source_id),
    )),
  };
}
