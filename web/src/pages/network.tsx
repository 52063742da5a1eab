import { useEffect, useRef, useState } from 'preact/hooks';
import { api } from '../api.ts';
import { DataTable, View } from '../components/view.tsx';
import { navigate, useLoad } from '../hooks.ts';

const KIND_COLOR: Record<string, string> = {
  university: '#1f4e9c',
  person: '#8a8a8a',
  company: '#c8102e',
  lab: '#d4a017',
};

/** The alumni graph drawn by sigma (WebGL) at the positions the server computed; a click opens a profile. */
export function Network() {
  const { data, error } = useLoad(() => api.network(), []);
  const box = useRef<HTMLDivElement>(null);
  const [drawn, setDrawn] = useState<number | null>(null);
  useEffect(() => {
    if (!data || !box.current) return;
    let renderer: { kill: () => void } | null = null;
    let cancelled = false;
    // sigma and graphology load only on this page, so the overview stays small.
    void Promise.all([import('sigma'), import('graphology')]).then(([{ default: Sigma }, { UndirectedGraph }]) => {
      if (cancelled || !box.current) return;
      const graph = new UndirectedGraph();
      for (const n of data.nodes) {
        graph.addNode(n.id, {
          x: n.x,
          y: n.y,
          size: 3 + Math.sqrt(n.size) * 2,
          label: n.label,
          color: KIND_COLOR[n.kind] ?? '#555',
        });
      }
      for (const e of data.edges)
        if (!graph.hasEdge(e.source, e.target)) graph.addEdge(e.source, e.target, { color: '#ddd' });
      const sigma = new Sigma(graph, box.current, { renderLabels: true, labelRenderedSizeThreshold: 8 });
      sigma.on('clickNode', ({ node }: { node: string }) => navigate(`/entity/${node}`));
      renderer = sigma;
      setDrawn(graph.order);
    });
    return () => {
      cancelled = true;
      renderer?.kill();
    };
  }, [data]);
  if (error) return <p role="alert">{error}</p>;
  if (!data) return <p>Loading…</p>;
  const universities = data.nodes.filter((n) => n.kind === 'university').sort((a, b) => b.size - a.size);
  return (
    <article>
      <h1>Alumni and founders</h1>
      <View
        id="network"
        title="Universities → founders → organisations"
        takeaway={`${data.nodes.length} nodes and ${data.edges.length} cited links; the best-connected university is ${universities[0]?.label ?? '—'} (${universities[0]?.size ?? 0} links).`}
        chart={
          <div>
            <div
              ref={box}
              class="network"
              role="img"
              aria-label="Network graph of universities, founders and organisations"
              data-nodes={drawn ?? ''}
            />
            <p class="muted">
              <span style={{ color: KIND_COLOR.university }}>●</span> university{' '}
              <span style={{ color: KIND_COLOR.person }}>●</span> person{' '}
              <span style={{ color: KIND_COLOR.company }}>●</span> company · click a node for its profile; the table
              below lists every node.
            </p>
          </div>
        }
        rows={data.nodes}
        metrics={data.metrics}
        sources={data.sources.slice(0, 12)}
        table={
          <DataTable
            id="network-table"
            caption="Nodes, most connected first"
            rows={[...data.nodes].sort((a, b) => b.size - a.size)}
            columns={[
              { key: 'label', label: 'Node', render: (n) => <a href={`/entity/${n.id}`}>{n.label}</a> },
              { key: 'kind', label: 'Kind' },
              { key: 'size', label: 'Links', numeric: true },
            ]}
          />
        }
      />
    </article>
  );
}
