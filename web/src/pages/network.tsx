import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { api } from '../api.ts';
import { DataTable, View } from '../components/view.tsx';
import { Choice } from '../components/choice.tsx';
import { navigate, useLoad, useQueryParam } from '../hooks.ts';

const KIND_COLOR: Record<string, string> = {
  university: '#1f4e9c',
  person: '#8a8a8a',
  company: '#c8102e',
  lab: '#d4a017',
  investor: '#6a3d9a',
};
/** Organisations and universities by where they are: China, the US, elsewhere (people take no colour of their own). */
const COUNTRY_COLOR: Record<string, string> = { 'country:cn': '#c8102e', 'country:us': '#1f4e9c' };
const ELSEWHERE = '#6b8e23';

type Node = { id: string; label: string; kind: string; country: string | null; x: number; y: number; size: number };

/**
 * The part of the graph about one country: its organisations, the people who founded them, and where those people
 * studied (wherever that is). "all" keeps everything.
 */
function slice(
  nodes: Node[],
  edges: { source: string; target: string; predicate: string }[],
  country: string,
): Set<string> {
  if (country === 'all') return new Set(nodes.map((n) => n.id));
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const orgs = new Set(
    nodes.filter((n) => n.kind !== 'person' && n.kind !== 'university' && n.country === country).map((n) => n.id),
  );
  const keep = new Set(orgs);
  for (const e of edges) {
    if (orgs.has(e.source) && byId.get(e.target)?.kind === 'person') keep.add(e.target);
    if (orgs.has(e.target) && byId.get(e.source)?.kind === 'person') keep.add(e.source);
  }
  for (const e of edges) {
    if (keep.has(e.source) && byId.get(e.source)?.kind === 'person' && byId.get(e.target)?.kind === 'university')
      keep.add(e.target);
    // Whoever funded the country's organisations, wherever they are.
    if (e.predicate === 'invested_in' && orgs.has(e.target)) keep.add(e.source);
  }
  return keep;
}

/** The alumni graph drawn by sigma (WebGL) at the positions the server computed; a click opens a profile. */
export function Network() {
  const [show, setShow] = useQueryParam('show', 'founders');
  const include = show === 'investors' ? 'investors' : 'founders';
  const { data, error } = useLoad(() => api.network(include), [include]);
  const [country, setCountry] = useQueryParam('country', 'country:cn');
  const [colourBy, setColourBy] = useQueryParam('colour', 'country');
  const box = useRef<HTMLDivElement>(null);
  const camera = useRef<{ animatedReset: () => void } | null>(null);
  const [drawn, setDrawn] = useState<number | null>(null);
  const kept = useMemo(
    () => (data ? slice(data.nodes as Node[], data.edges, country) : new Set<string>()),
    [data, country],
  );
  const colourOf = (n: Node) =>
    colourBy === 'kind'
      ? (KIND_COLOR[n.kind] ?? '#555')
      : n.kind === 'person'
        ? KIND_COLOR.person
        : n.country
          ? (COUNTRY_COLOR[n.country] ?? ELSEWHERE)
          : '#bbb';
  useEffect(() => {
    if (!data || !box.current) return;
    let renderer: { kill: () => void } | null = null;
    let cancelled = false;
    // sigma and graphology load only on this page, so the overview stays small.
    void Promise.all([import('sigma'), import('graphology')]).then(([{ default: Sigma }, { UndirectedGraph }]) => {
      if (cancelled || !box.current) return;
      const graph = new UndirectedGraph();
      for (const n of data.nodes as Node[]) {
        if (!kept.has(n.id)) continue;
        graph.addNode(n.id, {
          x: n.x,
          y: n.y,
          size: 3 + Math.sqrt(n.size) * 2,
          label: n.label,
          color: colourOf(n),
        });
      }
      for (const e of data.edges)
        if (graph.hasNode(e.source) && graph.hasNode(e.target) && !graph.hasEdge(e.source, e.target))
          graph.addEdge(e.source, e.target, { color: '#ddd' });
      // The wheel scrolls the page, as everywhere else; zoom with the buttons (or pinch), and reset.
      const sigma = new Sigma(graph, box.current, {
        renderLabels: true,
        labelRenderedSizeThreshold: 8,
        enableCameraZooming: false,
      });
      sigma.on('clickNode', ({ node }: { node: string }) => navigate(`/entity/${node}`));
      renderer = sigma;
      camera.current = sigma.getCamera();
      setDrawn(graph.order);
    });
    return () => {
      cancelled = true;
      renderer?.kill();
    };
  }, [data, kept, colourBy]);
  if (error) return <p role="alert">{error}</p>;
  if (!data) return <p>Loading…</p>;
  const shown = (data.nodes as Node[]).filter((n) => kept.has(n.id));
  const universities = shown.filter((n) => n.kind === 'university').sort((a, b) => b.size - a.size);
  return (
    <article>
      <h1>Alumni and founders</h1>
      <View
        id="network"
        title="Universities → founders → organisations"
        takeaway={`${shown.length} nodes${country === 'all' ? '' : ` about organisations in ${country === 'country:cn' ? 'China' : country.replace('country:', '').toUpperCase()}`}; the best-connected university is ${universities[0]?.label ?? '—'} (${universities[0]?.size ?? 0} links).`}
        controls={
          <p class="controls">
            <Choice
              label="Organisations in"
              ariaLabel="Organisations in"
              value={country}
              options={[
                { value: 'country:cn', label: 'China' },
                { value: 'country:us', label: 'the US' },
                { value: 'all', label: 'everywhere' },
              ]}
              onChange={setCountry}
            />{' '}
            <Choice
              label="Show"
              value={include}
              options={[
                { value: 'founders', label: 'founders and alumni' },
                { value: 'investors', label: 'founders, alumni and investors' },
              ]}
              onChange={setShow}
            />{' '}
            <Choice
              label="Colour by"
              ariaLabel="Colour by"
              value={colourBy}
              options={['country', 'kind']}
              onChange={setColourBy}
            />{' '}
            <button type="button" onClick={() => camera.current?.animatedReset()}>
              Reset view
            </button>
          </p>
        }
        chart={
          <div>
            <div
              ref={box}
              class="network"
              role="img"
              aria-label="Network graph of universities, founders and organisations"
              data-nodes={drawn ?? ''}
            />
            <p class="muted" id="network-legend">
              {colourBy === 'kind' ? (
                <>
                  <span style={{ color: KIND_COLOR.university }}>●</span> university{' '}
                  <span style={{ color: KIND_COLOR.person }}>●</span> person{' '}
                  <span style={{ color: KIND_COLOR.company }}>●</span> company{' '}
                  <span style={{ color: KIND_COLOR.lab }}>●</span> lab{' '}
                  <span style={{ color: KIND_COLOR.investor }}>●</span> investor
                </>
              ) : (
                <>
                  <span style={{ color: COUNTRY_COLOR['country:cn'] }}>●</span> in China{' '}
                  <span style={{ color: COUNTRY_COLOR['country:us'] }}>●</span> in the US{' '}
                  <span style={{ color: ELSEWHERE }}>●</span> elsewhere{' '}
                  <span style={{ color: KIND_COLOR.person }}>●</span> person <span style={{ color: '#bbb' }}>●</span>{' '}
                  place unknown
                </>
              )}{' '}
              · click a node for its profile; the table below lists every node shown.
            </p>
          </div>
        }
        rows={shown}
        metrics={data.metrics}
        sources={data.sources.slice(0, 12)}
        table={
          <DataTable
            id="network-table"
            caption="Nodes, most connected first"
            rows={[...shown].sort((a, b) => b.size - a.size)}
            columns={[
              { key: 'label', label: 'Node', render: (n) => <a href={`/entity/${n.id}`}>{n.label}</a> },
              { key: 'kind', label: 'Kind' },
              {
                key: 'country',
                label: 'Country',
                render: (n) => (n.country ?? '').replace('country:', '').toUpperCase(),
              },
              { key: 'size', label: 'Links', numeric: true },
            ]}
          />
        }
      />
    </article>
  );
}
