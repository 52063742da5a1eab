import * as Plot from '@observablehq/plot';
import { useCallback } from 'preact/hooks';
import type { BlocRow } from '../api.ts';
import { type ChartEvent, eventMarks, fractionalYear } from './events.ts';
import { chartWidth, PlotFigure } from './plot-figure.tsx';

export const BLOC_LABELS: Record<string, string> = {
  CN: 'China',
  US: 'United States',
  EU: 'EU-27',
  GB: 'United Kingdom',
  other: 'Rest of the world',
};
const BLOC_COLORS: Record<string, string> = {
  CN: '#c8102e',
  US: '#1f4e9c',
  EU: '#d4a017',
  GB: '#5b8c5a',
  other: '#8a8a8a',
};

/** Every (year, bloc) of the range as a row, zeros included, so lines have no false gaps. */
export function fillBlocs(rows: readonly BlocRow[], from: number, blocs: readonly string[]): BlocRow[] {
  const years = [...new Set(rows.map((r) => r.year))].filter((y) => y >= from).sort((a, b) => a - b);
  return years.flatMap((year) =>
    blocs.map((bloc) => rows.find((r) => r.year === year && r.bloc === bloc) ?? { year, bloc, value: 0 }),
  );
}

export function BlocChart({
  rows,
  label,
  yLabel,
  events = [],
}: {
  rows: BlocRow[];
  label: string;
  yLabel: string;
  /** Dated events drawn where they fall in the chart's years. */
  events?: readonly ChartEvent[];
}) {
  const years = rows.map((r) => r.year);
  const blocs = [...new Set(rows.map((r) => r.bloc))];
  const make = useCallback(
    () =>
      Plot.plot({
        width: chartWidth(),
        height: 320,
        marginLeft: 56,
        x: { label: 'Year', tickFormat: 'd' },
        y: { label: yLabel, grid: true },
        color: {
          domain: blocs,
          range: blocs.map((b) => BLOC_COLORS[b] ?? '#444'),
          legend: true,
          tickFormat: (k: string) => BLOC_LABELS[k] ?? k,
        },
        marks: [
          Plot.ruleY([0]),
          ...eventMarks(events, (e) => fractionalYear(e.date), Math.min(...years), Math.max(...years) + 0.99),
          Plot.lineY(rows, { x: 'year', y: 'value', stroke: 'bloc' }),
          Plot.dot(rows, {
            x: 'year',
            y: 'value',
            fill: 'bloc',
            r: 3,
            title: (d: BlocRow) => `${BLOC_LABELS[d.bloc] ?? d.bloc} ${d.year}: ${d.value}`,
          }),
        ],
      }),
    [rows, yLabel, events],
  );
  return <PlotFigure make={make} label={label} />;
}

/** A wide table: one row per year, one column per bloc. */
export function blocTable(rows: readonly BlocRow[]): Record<string, number>[] {
  const years = [...new Set(rows.map((r) => r.year))].sort((a, b) => b - a);
  const blocs = [...new Set(rows.map((r) => r.bloc))];
  return years.map((year) => ({
    year,
    ...Object.fromEntries(blocs.map((b) => [b, rows.find((r) => r.year === year && r.bloc === b)?.value ?? 0])),
  }));
}
