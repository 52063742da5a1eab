import * as Plot from '@observablehq/plot';
import { useCallback, useMemo } from 'preact/hooks';
import { api, type InvolutionYear } from '../api.ts';
import { chartWidth, PlotFigure } from '../components/plot-figure.tsx';
import { DataTable, View } from '../components/view.tsx';
import { useYearParams, yearRange } from '../components/year-range.tsx';
import { FilingsPerQuarter } from '../components/filings-chart.tsx';
import { useDebounced, useLoad, useQueryParam } from '../hooks.ts';

/** The weights in the URL over the server's defaults (the server validates them and answers 400 when they are bad). */
function parseWeights(text: string, defaults: Record<string, number>): Record<string, number> {
  const w = { ...defaults };
  for (const part of text.split(',')) {
    const [k = '', v = ''] = part.split(':');
    if (k in w && v !== '' && Number.isFinite(Number(v))) w[k] = Number(v);
  }
  return w;
}
const formatWeights = (components: readonly string[], w: Record<string, number>) =>
  components.map((c) => `${c}:${w[c]}`).join(',');
const fmt = (v: number | null, digits = 2) => (v === null ? '' : String(Math.round(v * 10 ** digits) / 10 ** digits));

function IndexChart({ years }: { years: InvolutionYear[] }) {
  const points = years.filter((y) => y.index !== null);
  const make = useCallback(
    () =>
      Plot.plot({
        width: chartWidth(),
        height: 280,
        marginLeft: 48,
        x: { label: 'Year', tickFormat: 'd' },
        y: { label: 'Involution index (z)', grid: true },
        marks: [
          Plot.ruleY([0]),
          // Years without an index are marked on the axis, not drawn as zero: "not enough data", with the reason.
          Plot.tickX(
            years.filter((y) => y.index === null),
            {
              x: 'year',
              stroke: '#bbb',
              strokeDasharray: '3,3',
              title: (d: InvolutionYear) => `${d.year}: not enough data — ${d.reasons.index ?? ''}`,
            },
          ),
          Plot.lineY(points, { x: 'year', y: 'index', stroke: '#c8102e' }),
          Plot.dot(points, {
            x: 'year',
            y: 'index',
            fill: '#c8102e',
            r: 4,
            title: (d: InvolutionYear) => `${d.year}: ${d.index}`,
          }),
        ],
      }),
    [points, years],
  );
  return <PlotFigure make={make} label="Line chart of the involution index per year" />;
}

function PlayersChart({ years }: { years: InvolutionYear[] }) {
  const rows = years.flatMap((y) => [
    { year: y.year, what: 'entrants', n: y.entrants },
    { year: y.year, what: 'exits', n: -y.exits },
  ]);
  const make = useCallback(
    () =>
      Plot.plot({
        width: chartWidth(),
        height: 240,
        marginLeft: 40,
        x: { label: 'Year', tickFormat: 'd' },
        y: { label: 'Entrants (up) and exits (down)', grid: true },
        color: { domain: ['entrants', 'exits'], range: ['#1f4e9c', '#8a8a8a'], legend: true },
        marks: [Plot.barY(rows, { x: 'year', y: 'n', fill: 'what' }), Plot.ruleY([0])],
      }),
    [rows],
  );
  return <PlotFigure make={make} label="Bar chart of entrants and exits per year" />;
}

const RULE_LABEL: Record<string, string> = {
  cited: 'cited entry',
  release: 'first release',
  price: 'first API price',
  listed: 'first listed (upper bound)',
  founded: 'founded for it',
};
const EXIT_LABEL: Record<string, string> = { cited: 'cited', inactive: 'inferred from silence' };

export function Segments() {
  const [segmentParam, setSegment] = useQueryParam('segment', 'llm');
  const [basisParam, setBasis] = useQueryParam('basis', 'commercial');
  const [weightText, setWeightText] = useQueryParam('weights', '');
  // One year range for the page's time charts, kept in the URL (?from=&to=); each chart clamps it to its own years.
  const yearParams = useYearParams();
  const list = useLoad(() => api.segments(), []);
  // Segment names come from the server (model/types.ts SEGMENT_LABELS), with the list.
  const LABEL: Record<string, string> = list.data?.labels ?? {};
  // A segment or basis the dashboard does not know (an edited URL) is said in words, and the default shown.
  const known = list.data ? list.data.rows.some((r) => r.segment === segmentParam) : true;
  const segment = known ? segmentParam : 'llm';
  const basis = ['commercial', 'research', 'all'].includes(basisParam) ? basisParam : 'commercial';
  // The sliders move at once; the index is asked for once they rest (120 ms), and only the latest answer is drawn.
  const requested = useDebounced(weightText, 120);
  // Weights that are all zero define no index: the defaults are drawn meanwhile, and the page says so.
  const zeroText = (t: string) =>
    t !== '' && t.split(',').every((p) => Number(p.split(':')[1] ?? NaN) === 0 && p.includes(':'));
  const asked = zeroText(requested) ? '' : requested;
  const inv = useLoad(() => api.involution(segment, basis, asked), [segment, basis, asked]);
  const components = inv.data?.components ?? [];
  const weights = useMemo(
    () => parseWeights(weightText, inv.data?.default_weights ?? {}),
    [weightText, inv.data?.default_weights],
  );
  const allZero = zeroText(weightText);

  const allYears = inv.data?.years ?? [];
  const span = allYears.map((y) => y.year);
  // The index is standardised over every year the server computed (2015–2025); the range narrows what is drawn,
  // tabled, downloaded and said, not the standardisation.
  const { range, controls: yearControls } = yearRange(yearParams, Math.min(...span), Math.max(...span));
  const years = allYears.filter((y) => y.year >= range[0] && y.year <= range[1]);
  // The sentence quotes only indexed years: a null year is never a number.
  const indexed = years.filter((y) => y.index !== null);
  const latest = indexed.at(-1);
  const peak = indexed.reduce<InvolutionYear | null>(
    (best, y) => (best === null || (best.index ?? -Infinity) < (y.index ?? -Infinity) ? y : best),
    null,
  );
  // Drawn from the data's own parameters, so a title never stands over another segment's numbers.
  const shownSegment = inv.data?.segment ?? segment;
  const who = basis === 'all' ? 'players' : `${basis} players`;
  const censoring = inv.data?.censoring;
  return (
    <article>
      <h1>Segments and involution</h1>
      <p class="controls">
        <label class="field">
          Segment{' '}
          <select
            value={segment}
            onChange={(e) => setSegment((e.target as HTMLSelectElement).value)}
            aria-label="Segment"
          >
            {(list.data?.rows ?? []).map((r) => (
              <option key={r.segment} value={r.segment}>
                {LABEL[r.segment] ?? r.segment} ({r.players} players in China
                {r.adopters > 0 ? `, plus ${r.adopters} adopters` : ''})
              </option>
            ))}
          </select>
        </label>{' '}
        <label class="field">
          Players counted{' '}
          <select
            value={basis}
            onChange={(e) => setBasis((e.target as HTMLSelectElement).value)}
            aria-label="Players counted"
          >
            <option value="commercial">commercial (companies)</option>
            <option value="research">research (universities, academies, public labs)</option>
            <option value="all">all</option>
          </select>
        </label>
      </p>
      {!known ? (
        <p role="alert">
          There is no segment “{segmentParam}”; showing {LABEL.llm ?? 'large language models'}. Choose another above.
        </p>
      ) : null}
      {allZero ? (
        <p role="alert">
          Every weight is zero: raise at least one to compute an index. The default weights are drawn meanwhile.
        </p>
      ) : inv.error ? (
        <p role="alert">{inv.error}</p>
      ) : null}
      {inv.loading && inv.data ? (
        <p class="muted" role="status" id="updating">
          Updating…
        </p>
      ) : null}
      {inv.data ? (
        <View
          id="involution"
          title={`Involution index: ${LABEL[shownSegment] ?? shownSegment} (China, ${who})`}
          takeaway={
            peak && latest
              ? `The index peaks in ${peak.year} (${peak.index}); in ${latest.year}, the last year the data cover in full, it stands at ${latest.index}, with ${latest.players} active ${who}.`
              : `Not enough data for an index${years.length < allYears.length ? ` in ${range[0]}–${range[1]}` : ''} — ${inv.data.index_reason ?? 'no year in the range qualifies'}.`
          }
          controls={
            <>
              {span.length > 0 ? yearControls : null}
              <fieldset class="weights">
                <legend>Weights (the index is their weighted mean of standardised components)</legend>
                {components.map((c) => (
                  <label key={c} class="slider">
                    {c} <output id={`w-${c}`}>{weights[c]?.toFixed(2)}</output>
                    <input
                      type="range"
                      min="0"
                      max="1"
                      step="0.05"
                      value={weights[c]}
                      aria-label={`Weight of ${c}`}
                      data-component={c}
                      onInput={(e) =>
                        setWeightText(
                          formatWeights(components, { ...weights, [c]: Number((e.target as HTMLInputElement).value) }),
                        )
                      }
                    />
                  </label>
                ))}
              </fieldset>
              {censoring ? (
                <p class="note" id="censoring">
                  Activity data reach {censoring.boundary ?? 'no date'}: years after {censoring.last_complete_year} are
                  shown but not indexed, and no exit is read from silence there. {inv.data.notes.release_credits}
                </p>
              ) : null}
            </>
          }
          chart={
            <>
              <IndexChart years={years} />
              <PlayersChart years={years} />
            </>
          }
          // What is drawn and tabled, one row a year (the API's ?format=csv has every component and z-score).
          rows={years.map((y) => ({
            year: y.year,
            censored: y.censored,
            players: y.players,
            players_research: y.by_group.research.players,
            entrants: y.entrants,
            exits: y.exits,
            release_credits: y.release_credits,
            concentration: y.concentration,
            price_change: y.price_change,
            capability_spread: y.capability_spread,
            index: y.index,
            not_indexed_because: y.reasons.index ?? null,
          }))}
          metrics={inv.data.metrics}
          sources={inv.data.sources}
          table={
            <DataTable
              id="involution-table"
              caption={`Involution components per year (${inv.data.coverage.with_entry} of ${inv.data.coverage.players} players have an entry year; ${inv.data.coverage.commercial} commercial, ${inv.data.coverage.research} research)`}
              rows={years}
              columns={[
                {
                  key: 'year',
                  label: 'Year',
                  render: (y) => (y.censored ? `${y.year} (partial data)` : String(y.year)),
                },
                { key: 'players', label: `Active ${who}`, numeric: true },
                {
                  key: 'by_group',
                  label: 'Commercial / research',
                  render: (y) => `${y.by_group.commercial.players} / ${y.by_group.research.players}`,
                },
                { key: 'entrants', label: 'Entrants', numeric: true },
                { key: 'exits', label: 'Exits', numeric: true },
                { key: 'release_credits', label: 'Release credits', numeric: true },
                {
                  key: 'concentration',
                  label: 'HHI',
                  numeric: true,
                  render: (y) =>
                    y.concentration === null ? <span title={y.reasons.concentration}>—</span> : String(y.concentration),
                },
                {
                  key: 'price_change',
                  label: 'Like-for-like price change %',
                  numeric: true,
                  render: (y) =>
                    y.price_change === null ? <span title={y.reasons.price}>—</span> : fmt(y.price_change, 1),
                },
                {
                  key: 'capability_spread',
                  label: 'Capability spread (log10 FLOP)',
                  numeric: true,
                  render: (y) =>
                    y.capability_spread === null ? (
                      <span title={y.reasons.capability}>—</span>
                    ) : (
                      fmt(y.capability_spread)
                    ),
                },
                {
                  key: 'index',
                  label: 'Index',
                  numeric: true,
                  render: (y) =>
                    y.index === null ? <span class="na">not enough data — {y.reasons.index}</span> : String(y.index),
                },
              ]}
            />
          }
          openTable
        />
      ) : (
        <p>Loading…</p>
      )}
      {inv.data ? (
        <View
          id="players"
          title={`Players: ${LABEL[segment] ?? segment}`}
          takeaway={`${inv.data.players.length} organisations in China are tagged with this segment; ${inv.data.coverage.with_entry} have dated evidence of entering it (by first release ${inv.data.coverage.entry_rules.release ?? 0}, first API price ${inv.data.coverage.entry_rules.price ?? 0}, first listing ${inv.data.coverage.entry_rules.listed ?? 0}, founding ${inv.data.coverage.entry_rules.founded ?? 0}).`}
          rows={inv.data.players.map((p) => ({
            org: p.org,
            name: p.name,
            group: p.group,
            city: p.city,
            entry_year: p.entry?.year ?? null,
            entry_rule: p.entry?.rule ?? null,
            entry_detail: p.entry?.detail ?? null,
            entry_source: p.entry?.source_id ?? null,
            exit_year: p.exit?.year ?? null,
            exit_rule: p.exit?.rule ?? null,
            exit_detail: p.exit?.detail ?? null,
          }))}
          metrics={inv.data.metrics}
          sources={inv.data.sources}
          table={
            <DataTable
              id="players-table"
              caption="Players, when each entered (and left) the segment, and the rule that applied"
              rows={inv.data.players}
              columns={[
                {
                  key: 'name',
                  label: 'Organisation',
                  render: (p) => <a href={`/entity/${p.org}`}>{p.name ?? p.org}</a>,
                },
                { key: 'group', label: 'Kind' },
                {
                  key: 'entry',
                  label: 'Entered',
                  numeric: true,
                  render: (p) => (p.entry ? String(p.entry.year) : 'unknown'),
                },
                {
                  key: 'rule',
                  label: 'Rule',
                  render: (p) => (p.entry ? <span title={p.entry.detail}>{RULE_LABEL[p.entry.rule]}</span> : ''),
                },
                {
                  key: 'exit',
                  label: 'Left',
                  render: (p) =>
                    p.exit ? (
                      <span title={p.exit.detail}>{`${p.exit.year} (${EXIT_LABEL[p.exit.rule] ?? p.exit.rule})`}</span>
                    ) : (
                      ''
                    ),
                },
              ]}
            />
          }
        />
      ) : null}
      {segment === 'llm' ? <LlmFilings /> : null}
    </article>
  );
}

/** An entry signal for the LLM segment: generative-AI services filed with the CAC per quarter. */
function LlmFilings() {
  const { data, error } = useLoad(() => api.filings('kind=filed'), []);
  if (error) return <p role="alert">Could not load the filings: {error}</p>;
  if (!data) return null;
  return (
    <FilingsPerQuarter
      data={data}
      id="filings-per-quarter"
      title="Entry signal: generative-AI services filed with the CAC per quarter"
    />
  );
}
