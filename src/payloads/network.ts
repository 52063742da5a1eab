/** The alumni and founder network payload: nodes laid out on the server, edges with their sources. */
import { z } from '@hono/zod-openapi';
import { layoutNetwork, type NetworkPayload as Layout } from '../analytics/network.ts';
import type { Db } from '../store/db.ts';
import { type NetworkEdgeRow, alumniEdges } from '../store/queries/cities.ts';
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

/** Lays out a network: `layoutNetwork` on this thread, or the same on a worker (`CpuWorker`'s layout task). */
export type LayOut = (
  edges: NetworkEdgeRow[],
  labels: [string, { label: string; kind: string }][],
) => Layout | Promise<Layout>;

const HERE: LayOut = (edges, labels) => layoutNetwork(edges, new Map(labels));

/**
 * The layouts, computed once per database handle (a server's database is read-only while it serves); kept as they
 * are being computed, so a request that comes meanwhile waits for the same one.
 */
const layouts = new WeakMap<Db, Map<NetworkParams['include'], Promise<Layout>>>();

function layoutOf(db: Db, include: NetworkParams['include'], layOut: LayOut): Promise<Layout> {
  const cached = layouts.get(db) ?? new Map<NetworkParams['include'], Promise<Layout>>();
  let layout = cached.get(include);
  if (!layout) {
    layout = (async () => {
      const edges = [...(await alumniEdges(db)), ...(include === 'investors' ? await investorEdges(db) : [])];
      const ids = [...new Set(edges.flatMap((e) => [e.source, e.target]))];
      const labels = (await getEntities(db, ids)).map(
        (e) =>
          [e.id, { label: e.name_en ?? e.name_zh ?? e.id, kind: e.kind }] as [string, { label: string; kind: string }],
      );
      return layOut(edges, labels);
    })();
    if (db.readOnly) {
      layouts.set(db, cached.set(include, layout));
      // A failed layout is not kept: the next request tries again.
      layout.catch(() => cached.delete(include));
    }
  }
  return layout;
}

/**
 * Starts laying out a network on a read-only handle, with `layOut` (the build runs it on a worker thread while it
 * computes other payloads); `computeNetworkPayload` on the same handle then uses it.
 */
export function layOutAhead(db: Db, include: NetworkParams['include'], layOut: LayOut): Promise<Layout> {
  if (!db.readOnly) throw new Error('layOutAhead needs a read-only handle (a layout is kept per handle)');
  return layoutOf(db, include, layOut);
}

export async function computeNetworkPayload(
  db: Db,
  q: NetworkParams = { include: 'founders' },
): Promise<NetworkPayload> {
  const layout = await layoutOf(db, q.include, HERE);
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
