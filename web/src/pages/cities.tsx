import * as Plot from '@observablehq/plot';
import { useCallback, useMemo } from 'preact/hooks';
import { api, type CityRow, type MapData } from '../api.ts';
import { lazy, Suspense } from 'preact/compat';
import { Choice } from '../components/choice.tsx';
import { chartWidth, PlotFigure } from '../components/plot-figure.tsx';
import { DataTable, View } from '../components/view.tsx';
import { useLoad, useQueryParam } from '../hooks.ts';
import { lang, messages, nameOf, num, otherName, shown } from '../i18n.ts';

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
const LABEL_EN = {
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
const LABEL_ZH: Record<keyof typeof LABEL_EN, string> = {
  ai_organizations: 'AI 机构',
  ai_adopters: 'AI 应用方',
  llm_makers: '大模型厂商',
  notable_models: '知名模型',
  universities: '高校',
  genai_filings: '已备案生成式人工智能服务',
  founders_local: '本地高校毕业的创始人',
  founders_known: '毕业院校有出处的创始人',
  name_en: '英文名',
  name_zh: '中文名',
};
const LABEL = messages(LABEL_EN, LABEL_ZH);
/** A column's words in the current language (the key itself when it has none). */
const labelOf = (key: string): string => (LABEL() as Record<string, string>)[key] ?? key;

// The map's shapes (about 100 kB) load only when the Map tab is opened.
const ChinaMap = lazy(() => import('../components/china-map.tsx').then((m) => ({ default: m.ChinaMap })));

const MEASURE_LABEL = messages(
  {
    ai_organizations: 'AI organisations',
    ai_makers: 'AI makers',
    genai_filings: 'generative-AI services filed',
    universities: 'universities',
    founders: 'founders (with a cited university)',
  } satisfies Record<MapData['measures'][number], string>,
  {
    ai_organizations: 'AI 机构',
    ai_makers: 'AI 研发机构',
    genai_filings: '已备案生成式人工智能服务',
    universities: '高校',
    founders: '创始人（毕业院校有出处）',
  },
);

type Names = { name_en: string | null; name_zh: string | null };

const T = messages(
  {
    tablist: 'Show the league as',
    tab: (tab: string) => tab.charAt(0).toUpperCase() + tab.slice(1),
    mapError: (error: string) => `Could not load the map: ${error}`,
    mapLoading: 'Loading the map…',
    loading: 'Loading…',
    mapTitle: (measure: string) => `Map: ${measure} by province and city`,
    mapTakeaway: (p: Names, measure: string, n: number) =>
      `${p.name_en} has the most ${measure} among provinces (${n}).`,
    measure: 'Measure',
    mapLabel: (measure: string) => `Map of China: ${measure} by province and city`,
    mapCaption: (measure: string) => `${measure} by province and city`,
    level: 'Level',
    levelOf: (level: string) => level,
    place: 'Place',
    otherName: '中文',
    /** The other name beside a place's name: its Chinese one (or its English one in 中文 mode). */
    other: (e: Names) => e.name_zh ?? '',
    heading: 'Cities',
    leagueTitle: 'City league (China)',
    leagueTakeaway: (
      first: Names,
      desc: boolean,
      what: string,
      value: string | number | null,
      hz: Partial<CityRow> | undefined,
    ) =>
      `${first.name_en} ${desc ? 'leads' : 'comes last'} on ${what} (${value}). Hangzhou: ${hz?.ai_organizations ?? 0} AI organisations (plus ${hz?.ai_adopters ?? 0} adopters with a model of their own); of ${hz?.founders_known ?? 0} founders with a cited university, ${hz?.founders_local ?? 0} studied in Zhejiang.`,
    axis: (key: string) => `${key.replace(/_/g, ' ')} →`,
    chartLabel: 'Ranked dot chart of cities',
    caption: 'Cities, sortable by any column',
    city: 'City',
    cityOther: '城市',
    foundersKnown: 'founders with cited university',
    alumniTitle: 'Universities whose alumni founded AI organisations',
    alumniTakeaway: (name: string | null, founders: number, companies: number) =>
      `${name}: ${founders} founders, ${companies} organisations.`,
    alumniCaption: 'Alumni founders per university',
    university: 'University',
    founders: 'Founders',
    organisations: 'Organisations',
  },
  {
    tablist: '城市排行显示方式',
    tab: (tab: string) => ({ chart: '图表', map: '地图', table: '表格' })[tab] ?? tab,
    mapError: (error: string) => `无法加载地图：${error}`,
    mapLoading: '地图加载中…',
    loading: '加载中…',
    mapTitle: (measure: string) => `地图：各省份和城市的${measure}`,
    mapTakeaway: (p: Names, measure: string, n: number) => `${nameOf(p)}的${measure}在各省份中最多（${num(n)}）。`,
    measure: '指标',
    mapLabel: (measure: string) => `中国地图：各省份和城市的${measure}`,
    mapCaption: (measure: string) => `各省份和城市的${measure}`,
    level: '层级',
    levelOf: (level: string) => ({ province: '省份', city: '城市' })[level] ?? level,
    place: '地区',
    otherName: '英文名',
    other: (e: Names) => otherName(e) ?? '',
    heading: '城市',
    leagueTitle: '城市排行（中国）',
    leagueTakeaway: (
      first: Names,
      desc: boolean,
      what: string,
      value: string | number | null,
      hz: Partial<CityRow> | undefined,
    ) =>
      `按${/^[A-Za-z]/.test(what) ? ' ' : ''}${what}排序，${nameOf(first)}${desc ? '居首' : '垫底'}（${shown(value)}）。杭州：${num(hz?.ai_organizations ?? 0)} 家 AI 机构（另有 ${num(hz?.ai_adopters ?? 0)} 家拥有自有模型的应用方）；在 ${num(hz?.founders_known ?? 0)} 位毕业院校有出处的创始人中，${num(hz?.founders_local ?? 0)} 位毕业于浙江的高校。`,
    axis: (key: string) => `${(LABEL_ZH as Record<string, string>)[key] ?? key} →`,
    chartLabel: '城市排名点图',
    caption: '城市（可按任一列排序）',
    city: '城市',
    cityOther: '英文名',
    foundersKnown: '毕业院校有出处的创始人',
    alumniTitle: '校友创办了 AI 机构的高校',
    alumniTakeaway: (name: string | null, founders: number, companies: number) =>
      `${name ?? ''}：${num(founders)} 位创始人，${num(companies)} 家机构。`,
    alumniCaption: '各高校的校友创始人',
    university: '高校',
    founders: '创始人',
    organisations: '机构',
  },
);

/** Chart, Map and Table of the same figures, as OWID shows them; the tab and the map's measure live in the URL. */
function Tabs(props: { tab: string; onTab: (t: string) => void }) {
  const t = T();
  return (
    <p class="tabs" role="tablist" aria-label={t.tablist}>
      {['chart', 'map', 'table'].map((tab) => (
        <button
          type="button"
          role="tab"
          key={tab}
          id={`tab-${tab}`}
          aria-selected={props.tab === tab}
          aria-controls="city-league"
          onClick={() => props.onTab(tab)}
        >
          {t.tab(tab)}
        </button>
      ))}
    </p>
  );
}

function MapView({ measure, onMeasure }: { measure: string; onMeasure: (m: string) => void }) {
  const { data, error } = useLoad(() => api.map(), []);
  const t = T();
  if (error) return <p role="alert">{t.mapError(error)}</p>;
  if (!data) return <p>{t.mapLoading}</p>;
  const measureLabel = MEASURE_LABEL();
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
      title={t.mapTitle(measureLabel[m])}
      takeaway={top ? t.mapTakeaway(top, measureLabel[m], top[m]) : ''}
      controls={
        <p class="controls">
          <Choice
            label={t.measure}
            value={m}
            options={data.measures.map((k) => ({ value: k, label: measureLabel[k] }))}
            onChange={onMeasure}
          />
        </p>
      }
      chart={
        <Suspense fallback={<p>{t.mapLoading}</p>}>
          <ChinaMap data={data} measure={m} label={t.mapLabel(measureLabel[m])} />
        </Suspense>
      }
      rows={rows}
      metrics={data.metrics}
      sources={data.sources}
      table={
        <DataTable
          id="city-map-table"
          caption={t.mapCaption(measureLabel[m])}
          rows={rows}
          columns={[
            { key: 'level', label: t.level, render: (r) => t.levelOf(r.level) },
            {
              key: 'name',
              label: t.place,
              render: (r) => <a href={`/entity/${r.id}`}>{nameOf({ name_en: r.name, name_zh: r.name_zh })}</a>,
            },
            { key: 'name_zh', label: t.otherName, render: (r) => t.other({ name_en: r.name, name_zh: r.name_zh }) },
            { key: 'value', label: measureLabel[m], numeric: true, render: (r) => shown(r.value) },
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
        x: { label: T().axis(sort), grid: true },
        y: { label: null, domain: top.map((c) => nameOf(c, c.city)) },
        marks: [
          Plot.ruleY(top, {
            y: (c: CityRow) => nameOf(c, c.city),
            x: 0,
            x2: (c: CityRow) => Number(c[sort as keyof CityRow] ?? 0),
            stroke: '#ccc',
          }),
          Plot.dot(top, {
            y: (c: CityRow) => nameOf(c, c.city),
            x: (c: CityRow) => Number(c[sort as keyof CityRow] ?? 0),
            fill: '#c8102e',
            r: 5,
          }),
        ],
      }),
    [top, sort],
  );
  const t = T();
  if (error) return <p role="alert">{error}</p>;
  if (!data) return <p>{t.loading}</p>;
  const hz = data.cities.find((c) => c.city === 'city:hangzhou');
  // In 中文 mode the Chinese name leads: its column comes first (and sorts by it), the English one beside it.
  const [firstName, secondName] =
    lang() === 'zh' ? (['name_zh', 'name_en'] as const) : (['name_en', 'name_zh'] as const);
  return (
    <article>
      <h1>{t.heading}</h1>
      <Tabs tab={tab} onTab={setTab} />
      {tab === 'map' ? <MapView measure={measure} onMeasure={setMeasure} /> : null}
      <View
        id="city-league"
        title={t.leagueTitle}
        takeaway={
          rows[0] ? t.leagueTakeaway(rows[0], dir === 'desc', labelOf(sort), rows[0][sort as keyof CityRow], hz) : ''
        }
        chart={tab === 'chart' ? <PlotFigure make={make} label={t.chartLabel} /> : undefined}
        rows={rows}
        metrics={data.metrics}
        sources={data.sources}
        openTable={tab !== 'map'}
        table={
          <DataTable
            id="cities-table"
            caption={t.caption}
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
                key: firstName,
                label: t.city,
                render: (c) => <a href={`/entity/${c.city}`}>{nameOf(c)}</a>,
              },
              { key: secondName, label: t.cityOther, render: (c) => t.other(c) },
              ...NUMERIC.map((k) => ({
                key: k,
                label: labelOf(k),
                numeric: true,
                render: (c: CityRow) => shown(c[k]),
              })),
              {
                key: 'founders_known',
                label: t.foundersKnown,
                numeric: true,
                render: (c: CityRow) => shown(c.founders_known),
              },
            ]}
          />
        }
      />
      <View
        id="alumni"
        title={t.alumniTitle}
        takeaway={
          data.alumni[0] ? t.alumniTakeaway(data.alumni[0].name, data.alumni[0].founders, data.alumni[0].companies) : ''
        }
        rows={data.alumni}
        metrics={data.metrics}
        sources={data.sources}
        table={
          <DataTable
            id="alumni-table"
            caption={t.alumniCaption}
            rows={data.alumni}
            columns={[
              { key: 'name', label: t.university, render: (a) => <a href={`/entity/${a.university}`}>{a.name}</a> },
              { key: 'founders', label: t.founders, numeric: true, render: (a) => shown(a.founders) },
              { key: 'companies', label: t.organisations, numeric: true, render: (a) => shown(a.companies) },
            ]}
          />
        }
      />
    </article>
  );
}
