import { api, type BlocRow, type CompareData } from '../api.ts';
import { BLOC_LABELS, BlocChart, blocTable, fillBlocs } from '../components/bloc-chart.tsx';
import { DataTable, View } from '../components/view.tsx';
import { useLoad } from '../hooks.ts';

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
  sourceIds: string[];
  note?: string;
  from: number;
}) {
  const rows = fillBlocs(
    props.rows,
    props.from,
    BLOCS.filter((b) => props.rows.some((r) => r.bloc === b)),
  );
  const table = blocTable(rows);
  const metrics = props.data.metrics.filter((m) => m.id === props.metric);
  const sources = props.data.sources.filter((s) => props.sourceIds.includes(s.id));
  return (
    <View
      id={props.id}
      title={props.title}
      takeaway={takeaway(rows, props.what) + (props.note ? ` ${props.note}` : '')}
      chart={<BlocChart rows={rows} label={`Line chart: ${props.title}`} yLabel={props.yLabel} />}
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

export function Overview() {
  const { data, error } = useLoad(() => api.compare(), []);
  if (error) return <p role="alert">Could not load the overview: {error}</p>;
  if (!data) return <p>Loading…</p>;
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
