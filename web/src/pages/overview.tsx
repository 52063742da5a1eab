import { api, type BlocRow, type CompareData } from '../api.ts';
import { blocLabel, BlocChart, blocTable, fillBlocs } from '../components/bloc-chart.tsx';
import { DataTable, View } from '../components/view.tsx';
import { type ChartEvent, loadEvents } from '../components/events.ts';
import { useLoad } from '../hooks.ts';
import { useYearParams, yearRange } from '../components/year-range.tsx';
import { date, lang, messages, num } from '../i18n.ts';

const T = messages(
  {
    noData: 'No data.',
    leadCn: (cn: string, us: string) => `China ${cn} against ${us} for the US`,
    leadUs: (us: string, cn: string) => `the US ${us} against ${cn} for China`,
    ratio: (r: string) => ` (${r}×)`,
    takeaway: (year: number, what: string, lead: string, ratio: string) => `In ${year}, ${what}: ${lead}${ratio}.`,
    incomplete: (years: number[]) => `${years.join(', ')}: incomplete in the source (publication lag), not a fall.`,
    noteSep: ' ',
    lineChart: (title: string) => `Line chart: ${title}`,
    year: 'Year',
    loadError: (error: string) => `Could not load the overview: ${error}`,
    loading: 'Loading…',
    heading: 'China, the US and the rest: the headline indicators',
    intro:
      'Each chart rests on one open source and says which; blocs overlap for cross-border collaborations, so they are not summed.',
    patents: (headline: string) => `Patents: ${headline}`,
    notableTitle: 'Notable AI models per year',
    notableWhat: 'Epoch AI lists more notable models from',
    notableY: 'Notable models',
    openTitle: 'Notable open-weight models per year',
    openWhat: 'more notable open-weight models came from',
    openY: 'Open-weight models',
    pubTitle: 'AI publications per year (CSET ETO)',
    pubWhat: 'more AI publications came from',
    pubY: 'Publications',
    pubNote: 'The EU-27 figure is an upper bound (whole counting).',
    familiesTitle: 'AI patent families filed at the five largest offices, by inventor (OECD)',
    familiesWhat: 'more AI patent families (IP5) came from inventors in',
    familiesY: 'Patent families (fractional)',
    applicationsTitle: 'AI patent applications by first filing office (CSET)',
    applicationsWhat: 'more AI patent applications were first filed in',
    applicationsY: 'Patent applications',
    filingsTitle: "Generative-AI services filed with China's regulator (CAC)",
    filingsTakeaway: (period: string, value: number) =>
      `By ${period}, ${value} generative-AI services had completed the CAC filing.`,
    noFilings: 'No filings data.',
    filingsCaption: 'Cumulative generative-AI services filed (备案)',
    asOf: 'As of',
    services: 'Services',
  },
  {
    noData: '暂无数据。',
    leadCn: (cn: string, us: string) => (cn === us ? `中美持平，均为 ${cn}` : `中国 ${cn}，多于美国的 ${us}`),
    leadUs: (us: string, cn: string) => `美国 ${us}，多于中国的 ${cn}`,
    ratio: (r: string) => `（${r} 倍）`,
    takeaway: (year: number, what: string, lead: string, ratio: string) => `${year}年，${what}中，${lead}${ratio}。`,
    incomplete: (years: number[]) => `${years.join('、')}年的数据在来源中尚不完整（发布滞后），并非下降。`,
    noteSep: '',
    lineChart: (title: string) => `折线图：${title}`,
    year: '年份',
    loadError: (error: string) => `总览加载失败：${error}`,
    loading: '加载中…',
    heading: '中国、美国与其他地区：核心指标',
    intro: '每张图表基于一个公开来源，并注明出处；跨境合作会同时计入多个地区，因此各地区数值不可相加。',
    patents: (headline: string) => `专利：${headline}`,
    notableTitle: '每年知名 AI 模型数',
    notableWhat: 'Epoch AI 收录的知名模型',
    notableY: '知名模型数',
    openTitle: '每年知名开放权重模型数',
    openWhat: '知名开放权重模型',
    openY: '开放权重模型数',
    pubTitle: '每年 AI 论文发表数（CSET ETO）',
    pubWhat: 'AI 论文',
    pubY: '论文数',
    pubNote: '欧盟27国的数值为上限（按全计数法统计）。',
    familiesTitle: '五大专利局受理的 AI 同族专利，按发明人所在地（OECD）',
    familiesWhat: '按发明人所在地统计的 AI 同族专利（IP5）',
    familiesY: '同族专利数（分数计数）',
    applicationsTitle: 'AI 专利申请，按首次申请专利局（CSET）',
    applicationsWhat: '按首次申请地统计的 AI 专利申请',
    applicationsY: '专利申请数',
    filingsTitle: '向国家网信办备案的生成式人工智能服务',
    filingsTakeaway: (period: string, value: number) =>
      `截至${date(period)}，已有 ${num(value)} 项生成式人工智能服务完成网信办备案。`,
    noFilings: '暂无备案数据。',
    filingsCaption: '生成式人工智能服务累计备案数',
    asOf: '截至',
    services: '服务数',
  },
);

const BLOCS = ['CN', 'US', 'EU', 'GB', 'other'];

/** "In 2025, …": the latest year's China and US values and their ratio, computed from the rows drawn. */
function takeaway(rows: readonly BlocRow[], what: string): string {
  const t = T();
  const last = Math.max(...rows.map((r) => r.year));
  if (!Number.isFinite(last)) return t.noData;
  const at = (b: string) => rows.find((r) => r.year === last && r.bloc === b)?.value ?? 0;
  const [cn, us] = [at('CN'), at('US')];
  // Up to three decimals, grouped: what toLocaleString('en') gave, in the reader's locale.
  const lead = cn >= us ? t.leadCn(num(cn, 3), num(us, 3)) : t.leadUs(num(us, 3), num(cn, 3));
  const ratio = Math.min(cn, us) > 0 ? t.ratio((Math.max(cn, us) / Math.min(cn, us)).toFixed(1)) : '';
  return t.takeaway(last, what, lead, ratio);
}

function BlocView(props: {
  id: string;
  title: string;
  what: string;
  yLabel: string;
  rows: BlocRow[];
  data: CompareData;
  metric: string;
  /** The sources of the series; by default those its rows name. */
  sourceIds?: string[];
  note?: string;
  from: number;
  /** The years the reader chose (the URL's ?from=&to=), within which the series is drawn. */
  range: [number, number];
  events: readonly ChartEvent[];
}) {
  const inRange = props.rows.filter((r) => r.year >= props.range[0] && r.year <= props.range[1]);
  const rows = fillBlocs(
    inRange,
    Math.max(props.from, props.range[0]),
    BLOCS.filter((b) => props.rows.some((r) => r.bloc === b)),
  );
  const table = blocTable(rows);
  const metrics = props.data.metrics.filter((m) => m.id === props.metric);
  const sourceIds =
    props.sourceIds ?? props.rows.map((r) => (r as { source_id?: string }).source_id).filter((id) => id !== undefined);
  const sources = props.data.sources.filter((s) => sourceIds.includes(s.id));
  const t = T();
  // A year the source marks incomplete is drawn and said, but the sentence compares the latest complete year.
  const note = [incompleteNote(rows), props.note].filter(Boolean).join(t.noteSep);
  return (
    <View
      id={props.id}
      title={props.title}
      takeaway={
        takeaway(
          rows.filter((r) => !(r as { incomplete?: boolean }).incomplete),
          props.what,
        ) + (note ? `${t.noteSep}${note}` : '')
      }
      chart={<BlocChart rows={rows} label={t.lineChart(props.title)} yLabel={props.yLabel} events={props.events} />}
      rows={rows}
      metrics={metrics}
      sources={sources}
      table={
        <DataTable
          id={`${props.id}-table`}
          caption={props.title}
          rows={table}
          columns={[
            { key: 'year', label: t.year },
            ...BLOCS.filter((b) => table[0] && b in table[0]).map((b) => ({
              key: b,
              label: blocLabel(b),
              numeric: true,
              // English shows the value as recorded; 中文 groups it in its locale.
              render: lang() === 'zh' ? (r: Record<string, number>) => num(r[b] ?? 0, 3) : undefined,
            })),
          ]}
        />
      }
    />
  );
}

/** Which drawn years the source marks incomplete, in words ('' when none). */
function incompleteNote(rows: readonly (BlocRow & { incomplete?: boolean })[]): string {
  const years = [...new Set(rows.filter((r) => r.incomplete).map((r) => r.year))];
  return years.length > 0 ? T().incomplete(years) : '';
}

export function Overview() {
  const { data, error } = useLoad(() => api.compare(), []);
  const events = useLoad(loadEvents, []).data ?? [];
  const yearParams = useYearParams();
  const t = T();
  if (error) return <p role="alert">{t.loadError(error)}</p>;
  if (!data) return <p>{t.loading}</p>;
  // The years the bloc charts span (the filings series is dated by day and keeps its own table).
  const years = (
    ['notable-models', 'open-weight-models', 'publications', 'patent-families-ip5', 'patent-applications'] as const
  ).flatMap((k) => (data.series[k] ?? []).map((r) => r.year));
  const [minYear, maxYear] = [Math.min(...years), Math.max(...years)];
  const { range, controls: yearControls } = yearRange(yearParams, minYear, maxYear);
  // Every series is present without ?series= (the overview asks for all of them).
  const filings = data.series['genai-filings-cn'] ?? [];
  const lastFiling = filings[filings.length - 1];
  return (
    <article>
      <h1>{t.heading}</h1>
      <p class="muted">{t.intro}</p>
      {data.headlines.patents ? (
        <p class="takeaway" id="patents-headline">
          {t.patents((lang() === 'zh' ? data.headlines.patents_zh : null) ?? data.headlines.patents)}
        </p>
      ) : null}
      <div id="years">{yearControls}</div>
      <BlocView
        id="notable-models"
        title={t.notableTitle}
        what={t.notableWhat}
        yLabel={t.notableY}
        rows={data.series['notable-models'] ?? []}
        data={data}
        metric="compare-notable-models"
        sourceIds={['src:epoch-notable-2026-01']}
        from={2010}
        range={range}
        events={events}
      />
      <BlocView
        id="open-weight-models"
        title={t.openTitle}
        what={t.openWhat}
        yLabel={t.openY}
        rows={data.series['open-weight-models'] ?? []}
        data={data}
        metric="compare-notable-models"
        sourceIds={['src:epoch-notable-2026-01']}
        from={2015}
        range={range}
        events={events}
      />
      <BlocView
        id="publications"
        title={t.pubTitle}
        what={t.pubWhat}
        yLabel={t.pubY}
        rows={data.series.publications ?? []}
        data={data}
        metric="ai-publications-eto"
        sourceIds={['src:owid-ai-publications']}
        note={t.pubNote}
        from={2015}
        range={range}
        events={events}
      />
      <BlocView
        id="patent-families"
        title={t.familiesTitle}
        what={t.familiesWhat}
        yLabel={t.familiesY}
        rows={data.series['patent-families-ip5'] ?? []}
        data={data}
        metric="ai-patents"
        note={data.notes['patent-families-ip5']}
        from={2010}
        range={range}
        events={events}
      />
      <BlocView
        id="patent-applications"
        title={t.applicationsTitle}
        what={t.applicationsWhat}
        yLabel={t.applicationsY}
        rows={data.series['patent-applications'] ?? []}
        data={data}
        metric="ai-patents"
        note={data.notes['patent-applications']}
        from={2016}
        range={range}
        events={events}
      />
      <View
        id="filings"
        title={t.filingsTitle}
        takeaway={lastFiling ? t.filingsTakeaway(lastFiling.period, lastFiling.value) : t.noFilings}
        rows={filings}
        metrics={data.metrics.filter((m) => m.id === 'genai-filings')}
        sources={data.sources.filter((s) => filings.some((f) => f.source_id === s.id))}
        openTable
        table={
          <DataTable
            id="filings-table"
            caption={t.filingsCaption}
            rows={filings}
            columns={[
              // English shows the ISO date and the plain count; 中文 formats both.
              { key: 'period', label: t.asOf, render: (f) => (lang() === 'zh' ? date(f.period) : f.period) },
              {
                key: 'value',
                label: t.services,
                numeric: true,
                render: (f) => (lang() === 'zh' ? num(f.value) : String(f.value)),
              },
            ]}
          />
        }
      />
    </article>
  );
}
