import * as Plot from '@observablehq/plot';
import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { api, type NotableSeries } from '../api.ts';
import { PlotFigure } from '../components/plot-figure.tsx';
import { SourceLine } from '../components/source-line.tsx';

const LABELS: Record<string, string> = { CN: 'China', US: 'United States', rest: 'Rest of the world' };
const COLORS: Record<string, string> = { CN: '#c8102e', US: '#1f4e9c', rest: '#8a8a8a' };

/** A sentence computed from the data: the latest full year and how China and the US compare in it. */
function takeaway(rows: NotableSeries['rows']): string {
  const years = [...new Set(rows.map((r) => r.year))].sort((a, b) => a - b);
  const last = years[years.length - 1];
  if (last === undefined) return 'No data.';
  const at = (key: string) => rows.find((r) => r.year === last && r.country === key)?.models ?? 0;
  const cn = at('CN');
  const us = at('US');
  const ratio = cn > 0 ? (us / cn).toFixed(1) : '–';
  return `In ${last}, Epoch AI lists ${us} notable models from US organisations and ${cn} from Chinese ones (${ratio}× as many from the US).`;
}

export function Overview() {
  const [data, setData] = useState<NotableSeries | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api.notable('group').then(setData, (e: Error) => setError(e.message));
  }, []);

  // Every (year, group) gets a point: a year with no Chinese model is a zero, not a gap in the line.
  const rows = useMemo(() => {
    const found = (data?.rows ?? []).filter((r) => r.year >= 2010);
    const years = [...new Set(found.map((r) => r.year))].sort((a, b) => a - b);
    return years.flatMap((year) =>
      Object.keys(LABELS).map(
        (country) => found.find((r) => r.year === year && r.country === country) ?? { year, country, models: 0 },
      ),
    );
  }, [data]);
  const make = useCallback(
    () =>
      Plot.plot({
        width: Math.min(900, document.body.clientWidth - 32),
        height: 360,
        marginLeft: 44,
        x: { label: 'Year of publication', tickFormat: 'd' },
        y: { label: 'Notable models', grid: true },
        color: {
          domain: Object.keys(LABELS),
          range: Object.values(COLORS),
          legend: true,
          tickFormat: (k: string) => LABELS[k] ?? k,
        },
        marks: [
          Plot.ruleY([0]),
          Plot.lineY(rows, { x: 'year', y: 'models', stroke: 'country' }),
          Plot.dot(rows, {
            x: 'year',
            y: 'models',
            fill: 'country',
            r: 3,
            tip: true,
            title: (d: { country: string; year: number; models: number }) =>
              `${LABELS[d.country]} ${d.year}: ${d.models}`,
          }),
        ],
      }),
    [rows],
  );

  if (error) return <p role="alert">Could not load the overview: {error}</p>;
  if (!data) return <p>Loading…</p>;
  const years = [...new Set(rows.map((r) => r.year))].sort((a, b) => b - a);
  const cell = (year: number, key: string) => rows.find((r) => r.year === year && r.country === key)?.models ?? 0;
  return (
    <article>
      <h1>Notable AI models per year: China, the US and the rest</h1>
      <p class="takeaway">{takeaway(rows)}</p>
      <PlotFigure
        make={make}
        label="Line chart of notable AI models per year for China, the United States and the rest of the world"
      />
      <p class="muted">
        A model counts once for each distinct country among its developers, so a US–China collaboration counts for both.{' '}
        {data.coverage.models} notable models; {data.coverage.dated} dated; {data.coverage.attributed} with a country.
      </p>
      <SourceLine sources={data.sources} method={data.methodology} />
      <p class="downloads">
        Download:{' '}
        <a href="/api/indicators/notable-models?by=group&format=csv" download="notable-models.csv">
          CSV
        </a>{' '}
        ·{' '}
        <a href="/api/indicators/notable-models?by=group" download="notable-models.json">
          JSON
        </a>
      </p>
      <details>
        <summary>Data table</summary>
        <table class="data" id="notable-table">
          <caption>Notable AI models per year (Epoch AI)</caption>
          <thead>
            <tr>
              <th scope="col">Year</th>
              {Object.values(LABELS).map((l) => (
                <th scope="col" key={l}>
                  {l}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {years.map((y) => (
              <tr key={y}>
                <th scope="row">{y}</th>
                {Object.keys(LABELS).map((k) => (
                  <td key={k}>{cell(y, k)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </article>
  );
}
