import { Fragment } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { api } from '../api.ts';
import { DataTable, View } from '../components/view.tsx';
import { Choice } from '../components/choice.tsx';
import { navigate, useLoad, useQueryParam } from '../hooks.ts';
import { kindName } from '../format.ts';
import { countryName, lang, messages, num } from '../i18n.ts';

const T = messages(
  {
    loading: 'Loading…',
    heading: 'Alumni and founders',
    title: 'Universities → founders → organisations',
    takeaway: (nodes: number, country: string, university: string | undefined, links: number) =>
      `${nodes} nodes${country === 'all' ? '' : ` about organisations in ${country === 'country:cn' ? 'China' : country.replace('country:', '').toUpperCase()}`}; the best-connected university is ${university ?? '—'} (${links} links).`,
    organisationsIn: 'Organisations in',
    china: 'China',
    us: 'the US',
    everywhere: 'everywhere',
    show: 'Show',
    founders: 'founders and alumni',
    investors: 'founders, alumni and investors',
    colourBy: 'Colour by',
    byCountry: 'country',
    byKind: 'kind',
    reset: 'Reset view',
    graph: 'Network graph of universities, founders and organisations',
    university: 'university',
    person: 'person',
    company: 'company',
    lab: 'lab',
    investor: 'investor',
    inChina: 'in China',
    inUs: 'in the US',
    elsewhere: 'elsewhere',
    placeUnknown: 'place unknown',
    hint: '· click a node for its profile; the table below lists every node shown.',
    caption: 'Nodes, most connected first',
    node: 'Node',
    kind: 'Kind',
    country: 'Country',
    links: 'Links',
  },
  {
    loading: '加载中…',
    heading: '校友与创始人',
    title: '高校 → 创始人 → 机构',
    takeaway: (nodes: number, country: string, university: string | undefined, links: number) =>
      `${country === 'all' ? '' : `与${countryName(country)}机构相关的`}${num(nodes)} 个节点；连接最多的高校是${university ?? '—'}（${num(links)} 条连接）。`,
    organisationsIn: '机构所在地',
    china: '中国',
    us: '美国',
    everywhere: '全部地区',
    show: '显示',
    founders: '创始人与校友',
    investors: '创始人、校友与投资方',
    colourBy: '着色依据',
    byCountry: '国家/地区',
    byKind: '类型',
    reset: '重置视图',
    graph: '高校、创始人与机构的关系网络图',
    university: '高校',
    person: '人物',
    company: '公司',
    lab: '实验室',
    investor: '投资机构',
    inChina: '中国',
    inUs: '美国',
    elsewhere: '其他地区',
    placeUnknown: '地点未知',
    hint: '· 点击节点查看详情；下表列出图中所有节点。',
    caption: '节点（按连接数降序）',
    node: '节点',
    kind: '类型',
    country: '国家/地区',
    links: '连接数',
  },
);

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
  const t = T();
  if (error) return <p role="alert">{error}</p>;
  if (!data) return <p>{t.loading}</p>;
  const shown = (data.nodes as Node[]).filter((n) => kept.has(n.id));
  const universities = shown.filter((n) => n.kind === 'university').sort((a, b) => b.size - a.size);
  // The legend: a dot of each colour and what it stands for.
  const legend: [string | undefined, string][] =
    colourBy === 'kind'
      ? [
          [KIND_COLOR.university, t.university],
          [KIND_COLOR.person, t.person],
          [KIND_COLOR.company, t.company],
          [KIND_COLOR.lab, t.lab],
          [KIND_COLOR.investor, t.investor],
        ]
      : [
          [COUNTRY_COLOR['country:cn'], t.inChina],
          [COUNTRY_COLOR['country:us'], t.inUs],
          [ELSEWHERE, t.elsewhere],
          [KIND_COLOR.person, t.person],
          ['#bbb', t.placeUnknown],
        ];
  return (
    <article>
      <h1>{t.heading}</h1>
      <View
        id="network"
        title={t.title}
        takeaway={t.takeaway(shown.length, country, universities[0]?.label, universities[0]?.size ?? 0)}
        controls={
          <p class="controls">
            <Choice
              label={t.organisationsIn}
              ariaLabel={t.organisationsIn}
              value={country}
              options={[
                { value: 'country:cn', label: t.china },
                { value: 'country:us', label: t.us },
                { value: 'all', label: t.everywhere },
              ]}
              onChange={setCountry}
            />{' '}
            <Choice
              label={t.show}
              value={include}
              options={[
                { value: 'founders', label: t.founders },
                { value: 'investors', label: t.investors },
              ]}
              onChange={setShow}
            />{' '}
            <Choice
              label={t.colourBy}
              ariaLabel={t.colourBy}
              value={colourBy}
              options={[
                { value: 'country', label: t.byCountry },
                { value: 'kind', label: t.byKind },
              ]}
              onChange={setColourBy}
            />{' '}
            <button type="button" onClick={() => camera.current?.animatedReset()}>
              {t.reset}
            </button>
          </p>
        }
        chart={
          <div>
            <div ref={box} class="network" role="img" aria-label={t.graph} data-nodes={drawn ?? ''} />
            <p class="muted" id="network-legend">
              {legend.map(([colour, text], i) => (
                <Fragment key={i}>
                  {i > 0 ? ' ' : ''}
                  <span style={{ color: colour }}>●</span> {text}
                </Fragment>
              ))}{' '}
              {t.hint}
            </p>
          </div>
        }
        rows={shown}
        metrics={data.metrics}
        sources={data.sources.slice(0, 12)}
        table={
          <DataTable
            id="network-table"
            caption={t.caption}
            rows={[...shown].sort((a, b) => b.size - a.size)}
            columns={[
              { key: 'label', label: t.node, render: (n) => <a href={`/entity/${n.id}`}>{n.label}</a> },
              { key: 'kind', label: t.kind, render: (n) => kindName(n.kind) },
              { key: 'country', label: t.country, render: (n) => countryName(n.country) },
              {
                key: 'size',
                label: t.links,
                numeric: true,
                render: (n) => (lang() === 'zh' ? num(n.size) : String(n.size)),
              },
            ]}
          />
        }
      />
    </article>
  );
}
