import { api, type BlocRow, type CompareData } from '../api.ts';
import { BLOC_LABELS, BlocChart, blocTable, fillBlocs } from '../components/bloc-chart.tsx';
import { DataTable, View } from '../components/view.tsx';
import { type ChartEvent, loadEvents } from '../components/events.ts';
import { useLoad } from '../hooks.ts';
import { useYearParams, yearRange } from '../components/year-range.tsx';

const BLOCS = ['CN', 'US', 'EU', 'GB', 'other'];

/** "In 2025, …": the latest year's China and US values and their ratio, computed from the rows drawn. */
function takeaway(rows: readonly BlocRow[], what: string): string {
  const last = Math.max(...rows.map((r) => r.year));
  if (!Number.isFinite(last)) return 'No data.';
  const at = (b: string) => rows.find((r) => r.year === last && r.bloc === b)?.value ?? 0;
  const [cn, us] = [at('CN'), at('US')];
  const lead =
    cn >= us
      ? `China ${cn.toLocaleString('en')} against ${us.toLocaleString('en')} for the US`
      : `the US ${us.toLocaleString('en')} against ${cn.toLocaleString('en')} for China`;
  const ratio = Math.min(cn, us) > 0 ? ` (${(Math.max(cn, us) / Math.min(cn, us)).toFixed(1)}×)` : '';
  return `In ${last}, ${what}: ${lead}${ratio}.`;
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
  // A year the source marks incomplete is drawn and said, but the sentence compares the latest complete year.
  const note = [incompleteNote(rows), props.note].filter(Boolean).join(' ');
  return (
    <View
      id={props.id}
      title={props.title}
      takeaway={
        takeaway(
          rows.filter((r) => !(r as { incomplete?: boolean }).incomplete),
          props.what,
        ) + (note ? ` ${note}` : '')
      }
      chart={<BlocChart rows={rows} label={`Line chart: ${props.title}`} yLabel={props.yLabel} events={props.events} />}
      rows={rows}
      metrics={metrics}
      sources={sources}
      table={
        <DataTable
          id={`${props.id}-table`}
          caption={props.title}
          rows={table}
          columns={[
            { key: 'year', label: 'Year' },
            ...BLOCS.filter((b) => table[0] && b in table[0]).map((b) => ({
              key: b,
              label: BLOC_LABELS[b] ?? b,
              numeric: true,
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
  return years.length > 0 ? `${years.join(', ')}: incomplete in the source (publication lag), not a fall.` : '';
}

export function Overview() {
  const { data, error } = useLoad(() => api.compare(), []);
  const events = useLoad(loadEvents, []).data ?? [];
  const yearParams = useYearParams();
  if (error) return <p role="alert">Could not load the overview: {error}</p>;
  if (!data) return <p>Loading…</p>;
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
      <h1>China, the US and the rest: the headline indicators</h1>
      <p class="muted">
        Each chart rests on one open source and says which; blocs overlap for cross-border collaborations, so they are
        not summed.
      </p>
      {data.headlines.patents ? (
        <p class="takeaway" id="patents-headline">
          Patents: {data.headlines.patents}
        </p>
      ) : null}
      <div id="years">{yearControls}</div>
      <BlocView
        id="notable-models"
        title="Notable AI models per year"
        what="Epoch AI lists more notable models from"
        yLabel="Notable models"
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
        title="Notable open-weight models per year"
        what="more notable open-weight models came from"
        yLabel="Open-weight models"
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
        title="AI publications per year (CSET ETO)"
        what="more AI publications came from"
        yLabel="Publications"
        rows={data.series.publications ?? []}
        data={data}
        metric="ai-publications-eto"
        sourceIds={['src:owid-ai-publications']}
        note="The EU-27 figure is an upper bound (whole counting)."
        from={2015}
        range={range}
        events={events}
      />
      <BlocView
        id="patent-families"
        title="AI patent families filed at the five largest offices, by inventor (OECD)"
        what="more AI patent families (IP5) came from inventors in"
        yLabel="Patent families (fractional)"
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
        title="AI patent applications by first filing office (CSET)"
        what="more AI patent applications were first filed in"
        yLabel="Patent applications"
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
        title="Generative-AI services filed with China's regulator (CAC)"
        takeaway={
          lastFiling
            ? `By ${lastFiling.period}, ${lastFiling.value} generative-AI services had completed the CAC filing.`
            : 'No filings data.'
        }
        rows={filings}
        metrics={data.metrics.filter((m) => m.id === 'genai-filings')}
        sources={data.sources.filter((s) => filings.some((f) => f.source_id === s.id))}
        openTable
        table={
          <DataTable
            id="filings-table"
            caption="Cumulative generative-AI services filed (备案)"
            rows={filings}
            columns={[
              { key: 'period', label: 'As of' },
              { key: 'value', label: 'Services', numeric: true },
            ]}
          />
        }
      />
    </article>
  );
}
