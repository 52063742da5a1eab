import * as Plot from '@observablehq/plot';
import { useCallback, useMemo } from 'preact/hooks';
import { api, type CityRow, type MapData } from '../api.ts';
import { lazy, Suspense } from 'preact/compat';
import { Choice } from '../components/choice.tsx';
import { chartWidth, PlotFigure } from '../components/plot-figure.tsx';
import { DataTable, View } from '../components/view.tsx';
import { useLoad, useQueryParam } from '../hooks.ts';

const NUMERIC: (keyof CityRow & string)[] = [
  'ai_organizations',
  'ai_adopters',
  'llm_makers',
  'notable_models',
  'universities',
  'genai_filings',
  'founders_local',
];

const SORTABLE = ['name_en', 'name_zh', ...NUMERIC, 'founders_known'];
/** What a column counts, in words (for the sentence above the chart). */
const LABEL: Record<string, string> = {
  ai_organizations: 'AI organisations',
  ai_adopters: 'AI adopters',
  llm_makers: 'LLM makers',
  notable_models: 'notable models',
  universities: 'universities',
  genai_filings: 'generative-AI services filed',
  founders_local: 'founders who studied locally',
  founders_known: 'founders with a cited university',
  name_en: 'name',
  name_zh: 'Chinese name',
};

// The map's shapes (about 100 kB) load only when the Map tab is opened.
const ChinaMap = lazy(() => import('../components/china-map.tsx').then((m) => ({ default: m.ChinaMap })));

const MEASURE_LABEL: Record<MapData['measures'][number], string> = {
  ai_organizations: 'AI organisations',
  ai_makers: 'AI makers',
  genai_filings: 'generative-AI services filed',
  universities: 'universities',
  founders: 'founders (with a cited university)',
};

/** Chart, Map and Table of the same figures, as OWID shows them; the tab and the map's measure live in the URL. */
function Tabs(props: { tab: string; onTab: (t: string) => void }) {
  return (
    <p class="tabs" role="tablist" aria-label="Show the league as">
      {['chart', 'map', 'table'].map((t) => (
        <button
          type="button"
          role="tab"
          key={t}
          id={`tab-${t}`}
          aria-selected={props.tab === t}
          aria-controls="city-league"
          onClick={() => props.onTab(t)}
        >
          {t.charAt(0).toUpperCase() + t.slice(1)}
        </button>
      ))}
    </p>
  );
}

function MapView({ measure, onMeasure }: { measure: string; onMeasure: (m: string) => void }) {
  const { data, error } = useLoad(() => api.map(), []);
  if (error) return <p role="alert">Could not load the map: {error}</p>;
  if (!data) return <p>Loading the map…</p>;
  const m = (data.measures as string[]).includes(measure)
    ? (measure as MapData['measures'][number])
    : 'ai_organizations';
  const top = [...data.provinces].sort((a, b) => b[m] - a[m])[0];
  const rows = [
    ...data.provinces.map((p) => ({
      level: 'province',
      id: p.province,
      name: p.name_en,
      name_zh: p.name_zh,
      value: p[m],
    })),
    ...data.cities.map((c) => ({ level: 'city', id: c.city, name: c.name_en, name_zh: c.name_zh, value: c[m] })),
  ];
  return (
    <View
      id="city-map"
      title={`Map: ${MEASURE_LABEL[m]} by province and city`}
      takeaway={top ? `${top.name_en} has the most ${MEASURE_LABEL[m]} among provinces (${top[m]}).` : ''}
      controls={
        <p class="controls">
          <Choice
            label="Measure"
            value={m}
            options={data.measures.map((k) => ({ value: k, label: MEASURE_LABEL[k] }))}
            onChange={onMeasure}
          />
        </p>
      }
      chart={
        <Suspense fallback={<p>Loading the map…</p>}>
          <ChinaMap data={data} measure={m} label={`Map of China: ${MEASURE_LABEL[m]} by province and city`} />
        </Suspense>
      }
      rows={rows}
      metrics={data.metrics}
      sources={data.sources}
      table={
        <DataTable
          id="city-map-table"
          caption={`${MEASURE_LABEL[m]} by province and city`}
          rows={rows}
          columns={[
            { key: 'level', label: 'Level' },
            { key: 'name', label: 'Place', render: (r) => <a href={`/entity/${r.id}`}>{r.name ?? r.name_zh}</a> },
            { key: 'name_zh', label: '中文' },
            { key: 'value', label: MEASURE_LABEL[m], numeric: true },
          ]}
        />
      }
    />
  );
}

export function Cities() {
  const { data, error } = useLoad(() => api.cities(), []);
  const [tab, setTab] = useQueryParam('tab', 'chart');
  const [measure, setMeasure] = useQueryParam('measure', 'ai_organizations');
  const [sortParam, setSort] = useQueryParam('sort', 'ai_organizations');
  const [dirParam, setDir] = useQueryParam('dir', 'desc');
  // A sort or direction the table does not have (an edited or stale URL) falls back to the default.
  const sort = (SORTABLE as readonly string[]).includes(sortParam) ? sortParam : 'ai_organizations';
  const dir = dirParam === 'asc' ? 'asc' : 'desc';
  const rows = useMemo(() => {
    const list = [...(data?.cities ?? [])];
    const key = sort as keyof CityRow;
    list.sort((a, b) => {
      const [x, y] = [a[key] ?? '', b[key] ?? ''];
      const c = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
      return dir === 'desc' ? -c : c;
    });
    return list;
  }, [data, sort, dir]);
  const top = rows.slice(0, 15);
  const make = useCallback(
    () =>
      Plot.plot({
        width: chartWidth(),
        height: 30 + top.length * 24,
        marginLeft: 100,
        x: { label: (sort.replace(/_/g, ' ') ?? '') + ' →', grid: true },
        y: { label: null, domain: top.map((c) => c.name_en ?? c.name_zh ?? c.city) },
        marks: [
          Plot.ruleY(top, {
            y: (c: CityRow) => c.name_en ?? c.name_zh ?? c.city,
            x: 0,
            x2: (c: CityRow) => Number(c[sort as keyof CityRow] ?? 0),
            stroke: '#ccc',
          }),
          Plot.dot(top, {
            y: (c: CityRow) => c.name_en ?? c.name_zh ?? c.city,
            x: (c: CityRow) => Number(c[sort as keyof CityRow] ?? 0),
            fill: '#c8102e',
            r: 5,
          }),
        ],
      }),
    [top, sort],
  );
  if (error) return <p role="alert">{error}</p>;
  if (!data) return <p>Loading…</p>;
  const hz = data.cities.find((c) => c.city === 'city:hangzhou');
  return (
    <article>
      <h1>Cities</h1>
      <Tabs tab={tab} onTab={setTab} />
      {tab === 'map' ? <MapView measure={measure} onMeasure={setMeasure} /> : null}
      <View
        id="city-league"
        title="City league (China)"
        takeaway={
          rows[0]
            ? `${rows[0].name_en} ${dir === 'desc' ? 'leads' : 'comes last'} on ${LABEL[sort] ?? sort} (${rows[0][sort as keyof CityRow]}). Hangzhou: ${hz?.ai_organizations ?? 0} AI organisations (plus ${hz?.ai_adopters ?? 0} adopters with a model of their own); of ${hz?.founders_known ?? 0} founders with a cited university, ${hz?.founders_local ?? 0} studied in Zhejiang.`
            : ''
        }
        chart={tab === 'chart' ? <PlotFigure make={make} label="Ranked dot chart of cities" /> : undefined}
        rows={rows}
        metrics={data.metrics}
        sources={data.sources}
        openTable={tab !== 'map'}
        table={
          <DataTable
            id="cities-table"
            caption="Cities, sortable by any column"
            rows={rows}
            sort={{ key: sort, desc: dir === 'desc' }}
            onSort={(k) => {
              if (k === sort) setDir(dir === 'desc' ? 'asc' : 'desc');
              else {
                setSort(k);
                setDir('desc');
              }
            }}
            columns={[
              {
                key: 'name_en',
                label: 'City',
                render: (c) => <a href={`/entity/${c.city}`}>{c.name_en ?? c.name_zh}</a>,
              },
              { key: 'name_zh', label: '城市' },
              ...NUMERIC.map((k) => ({ key: k, label: LABEL[k] ?? k, numeric: true })),
              { key: 'founders_known', label: 'founders with cited university', numeric: true },
            ]}
          />
        }
      />
      <View
        id="alumni"
        title="Universities whose alumni founded AI organisations"
        takeaway={
          data.alumni[0]
            ? `${data.alumni[0].name}: ${data.alumni[0].founders} founders, ${data.alumni[0].companies} organisations.`
            : ''
        }
        rows={data.alumni}
        metrics={data.metrics}
        sources={data.sources}
        table={
          <DataTable
            id="alumni-table"
            caption="Alumni founders per university"
            rows={data.alumni}
            columns={[
              { key: 'name', label: 'University', render: (a) => <a href={`/entity/${a.university}`}>{a.name}</a> },
              { key: 'founders', label: 'Founders', numeric: true },
              { key: 'companies', label: 'Organisations', numeric: true },
            ]}
          />
        }
      />
    </article>
  );
}
