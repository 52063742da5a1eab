import * as Plot from '@observablehq/plot';
import { useCallback, useMemo } from 'preact/hooks';
import { api, type InvolutionYear } from '../api.ts';
import { PlotFigure } from '../components/plot-figure.tsx';
import { DataTable, View } from '../components/view.tsx';
import { useLoad, useQueryParam } from '../hooks.ts';

const COMPONENTS = ['players', 'entrants', 'exits', 'concentration', 'price'] as const;
const DEFAULT_WEIGHTS: Record<string, number> = {
  players: 0.3,
  entrants: 0.2,
  exits: 0.1,
  concentration: 0.3,
  price: 0.1,
};
const LABEL: Record<string, string> = {
  llm: 'Large language models',
  multimodal: 'Multimodal',
  vision: 'Vision',
  speech: 'Speech',
  'humanoid-robots': 'Humanoid robots',
  'other-robots': 'Other robots',
  'autonomous-driving': 'Autonomous driving',
  'ai-chips': 'AI chips',
  'agent-platforms': 'Agent platforms',
  games: 'Games',
  bci: 'Brain–computer interfaces',
  'spatial-3d': 'Spatial / 3D design',
  'cloud-platform': 'Cloud platforms',
};

function parseWeights(text: string): Record<string, number> {
  const w = { ...DEFAULT_WEIGHTS };
  for (const part of text.split(',')) {
    const [k = '', v = ''] = part.split(':');
    if (k in w && Number.isFinite(Number(v))) w[k] = Number(v);
  }
  return w;
}
const formatWeights = (w: Record<string, number>) => COMPONENTS.map((c) => `${c}:${w[c]}`).join(',');

function IndexChart({ years }: { years: InvolutionYear[] }) {
  const points = years.filter((y) => y.index !== null);
  const make = useCallback(
    () =>
      Plot.plot({
        width: Math.min(900, Math.max(320, document.body.clientWidth - 32)),
        height: 280,
        marginLeft: 48,
        x: { label: 'Year', tickFormat: 'd' },
        y: { label: 'Involution index (z)', grid: true },
        marks: [
          Plot.ruleY([0]),
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
    [points],
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
        width: Math.min(900, Math.max(320, document.body.clientWidth - 32)),
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

export function Segments() {
  const [segment, setSegment] = useQueryParam('segment', 'llm');
  const [weightText, setWeightText] = useQueryParam('weights', formatWeights(DEFAULT_WEIGHTS));
  const weights = useMemo(() => parseWeights(weightText), [weightText]);
  const list = useLoad(() => api.segments(), []);
  const detail = useLoad(() => api.segment(segment), [segment]);
  const inv = useLoad(() => api.involution(segment, formatWeights(weights)), [segment, weightText]);

  const years = inv.data?.years ?? [];
  const latest = [...years].reverse().find((y) => y.index !== null);
  const peak = years.reduce<InvolutionYear | null>(
    (best, y) => (y.index !== null && (best === null || (best.index ?? -Infinity) < y.index) ? y : best),
    null,
  );
  return (
    <article>
      <h1>Segments and involution</h1>
      <label class="field">
        Segment{' '}
        <select
          value={segment}
          onChange={(e) => setSegment((e.target as HTMLSelectElement).value)}
          aria-label="Segment"
        >
          {(list.data?.rows ?? []).map((r) => (
            <option key={r.segment} value={r.segment}>
              {LABEL[r.segment] ?? r.segment} ({r.players} players in China)
            </option>
          ))}
        </select>
      </label>
      {inv.error ? <p role="alert">{inv.error}</p> : null}
      {inv.data ? (
        <View
          id="involution"
          title={`Involution index: ${LABEL[segment] ?? segment} (China)`}
          takeaway={
            peak && latest
              ? `The index peaks in ${peak.year} (${peak.index}); in ${latest.year} it stands at ${latest.index}, with ${latest.players} active players.`
              : 'Too few dated players or releases to compute an index.'
          }
          controls={
            <fieldset class="weights">
              <legend>Weights (the index is their weighted mean of standardised components)</legend>
              {COMPONENTS.map((c) => (
                <label key={c} class="slider">
                  {c} <output id={`w-${c}`}>{weights[c]?.toFixed(1)}</output>
                  <input
                    type="range"
                    min="0"
                    max="1"
                    step="0.1"
                    value={weights[c]}
                    aria-label={`Weight of ${c}`}
                    data-component={c}
                    onChange={(e) =>
                      setWeightText(formatWeights({ ...weights, [c]: Number((e.target as HTMLInputElement).value) }))
                    }
                  />
                </label>
              ))}
            </fieldset>
          }
          chart={
            <>
              <IndexChart years={years} />
              <PlayersChart years={years} />
            </>
          }
          rows={years.map(({ z, ...y }) => ({ ...y, ...Object.fromEntries(COMPONENTS.map((c) => [`z_${c}`, z[c]])) }))}
          metrics={inv.data.metrics}
          sources={inv.data.sources}
          table={
            <DataTable
              id="involution-table"
              caption={`Involution components per year (${inv.data.coverage.with_entry_year} of ${inv.data.coverage.players} players have an entry year)`}
              rows={years.map((y) => ({ ...y, index: y.index ?? '' }))}
              columns={[
                { key: 'year', label: 'Year' },
                { key: 'players', label: 'Active players', numeric: true },
                { key: 'entrants', label: 'Entrants', numeric: true },
                { key: 'exits', label: 'Exits', numeric: true },
                { key: 'releases', label: 'Releases', numeric: true },
                { key: 'concentration', label: 'HHI', numeric: true },
                { key: 'price', label: 'Median output price (USD/Mtok)', numeric: true },
                { key: 'index', label: 'Index', numeric: true },
              ]}
            />
          }
          openTable
        />
      ) : (
        <p>Loading…</p>
      )}
      {detail.data ? (
        <View
          id="players"
          title={`Players: ${LABEL[segment] ?? segment}`}
          takeaway={`${detail.data.players.length} organisations in China are tagged with this segment, in ${detail.data.cities.length} cities; the most are in ${detail.data.cities[0]?.name ?? '—'} (${detail.data.cities[0]?.players ?? 0}).`}
          rows={detail.data.players}
          metrics={detail.data.metrics}
          sources={detail.data.sources}
          table={
            <DataTable
              id="players-table"
              caption="Players"
              rows={detail.data.players}
              columns={[
                {
                  key: 'name',
                  label: 'Organisation',
                  render: (p) => <a href={`/entity/${p.org}`}>{p.name ?? p.org}</a>,
                },
                { key: 'city', label: 'City', render: (p) => (p.city ? p.city.replace('city:', '') : '') },
                { key: 'founded', label: 'Founded', numeric: true },
                { key: 'first_release', label: 'First release', numeric: true },
                { key: 'releases', label: 'Releases', numeric: true },
              ]}
            />
          }
        />
      ) : null}
    </article>
  );
}
