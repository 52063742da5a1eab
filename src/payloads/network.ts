/** The alumni and founder network payload: nodes laid out on the server, edges with their sources. */
import { z } from '@hono/zod-openapi';
import { layoutNetwork, type NetworkPayload as Layout } from '../analytics/network.ts';
import type { Db } from '../store/db.ts';
import { alumniEdges } from '../store/queries/cities.ts';
import { getEntities } from '../store/queries/entities.ts';
import { provenance, provenanceSchema } from './provenance.ts';

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

/** The layout, computed once per database handle: a server's database is read-only while it serves. */
const layouts = new WeakMap<Db, Layout>();

export async function computeNetworkPayload(db: Db): Promise<NetworkPayload> {
  let layout = layouts.get(db);
  if (!layout) {
    const edges = await alumniEdges(db);
    const ids = [...new Set(edges.flatMap((e) => [e.source, e.target]))];
    const labels = new Map(
      (await getEntities(db, ids)).map((e) => [e.id, { label: e.name_en ?? e.name_zh ?? e.id, kind: e.kind }]),
    );
    layout = layoutNetwork(edges, labels);
    if (db.readOnly) layouts.set(db, layout);
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
      ['alumni-network'],
      layout.edges.map((e) => e.source_id),
    )),
  };
}
