/**
 * The university → person → organisation graph, laid out on the server with ForceAtlas2 (a browser would take
 * seconds), deterministically: the same data always gives the same picture.
 */
import { createRequire } from 'node:module';
import type * as Graphology from 'graphology';
import type ForceAtlas2 from 'graphology-layout-forceatlas2';

// Both are loaded when a network is first laid out, not with every start (a server reads the stored layout). The
// layout package is CommonJS whose types describe `module.exports`; require() gives exactly that.
const load = createRequire(import.meta.url);
let libraries: { UndirectedGraph: typeof Graphology.UndirectedGraph; forceAtlas2: typeof ForceAtlas2.default } | null =
  null;
export function graphLibraries(): NonNullable<typeof libraries> {
  return (libraries ??= {
    UndirectedGraph: (load('graphology') as typeof Graphology).UndirectedGraph,
    forceAtlas2: load('graphology-layout-forceatlas2') as typeof ForceAtlas2.default,
  });
}
import type { NetworkEdgeRow } from '../store/queries/cities.ts';

export interface NetworkNode {
  id: string;
  label: string;
  kind: string;
  x: number;
  y: number;
  size: number;
}

export interface NetworkPayload {
  nodes: NetworkNode[];
  edges: { source: string; target: string; predicate: string; source_id: string }[];
}

/** A stable pseudo-random start position from the node id (FNV-1a), so layouts repeat exactly. */
function seededPosition(id: string): { x: number; y: number } {
  let h = 2166136261;
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  const a = ((h >>> 0) % 10007) / 10007;
  const b = ((Math.imul(h, 48271) >>> 0) % 10009) / 10009;
  return { x: Math.cos(2 * Math.PI * a) * (1 + b) * 100, y: Math.sin(2 * Math.PI * a) * (1 + b) * 100 };
}

export function layoutNetwork(
  edges: readonly NetworkEdgeRow[],
  labels: ReadonlyMap<string, { label: string; kind: string }>,
  iterations = 300,
): NetworkPayload {
  const { UndirectedGraph, forceAtlas2 } = graphLibraries();
  const graph = new UndirectedGraph();
  const addNode = (id: string) => {
    if (graph.hasNode(id)) return;
    const meta = labels.get(id);
    graph.addNode(id, { ...seededPosition(id), label: meta?.label ?? id, kind: meta?.kind ?? 'unknown' });
  };
  for (const e of edges) {
    addNode(e.source);
    addNode(e.target);
    if (!graph.hasEdge(e.source, e.target)) graph.addEdge(e.source, e.target);
  }
  if (graph.order > 0) {
    const settings = forceAtlas2.inferSettings(graph);
    forceAtlas2.assign(graph, { iterations, settings: { ...settings, barnesHutOptimize: graph.order > 500 } });
  }
  const nodes: NetworkNode[] = graph.mapNodes((id, attrs) => ({
    id,
    label: String(attrs.label),
    kind: String(attrs.kind),
    x: Math.round(Number(attrs.x) * 100) / 100,
    y: Math.round(Number(attrs.y) * 100) / 100,
    size: graph.degree(id),
  }));
  return {
    nodes: nodes.sort((a, b) => a.id.localeCompare(b.id)),
    edges: edges.map((e) => ({ source: e.source, target: e.target, predicate: e.predicate, source_id: e.source_id })),
  };
}
