import * as Plot from '@observablehq/plot';
import { useCallback } from 'preact/hooks';
import type { BlocRow } from '../api.ts';
import { type ChartEvent, eventMarks, fractionalYear } from './events.ts';
import { chartWidth, PlotFigure, yearTicks } from './plot-figure.tsx';
import { messages, num } from '../i18n.ts';

const T = messages(
  {
    CN: 'China',
    US: 'United States',
    EU: 'EU-27',
    GB: 'United Kingdom',
    other: 'Rest of the world',
    year: 'Year',
    point: (bloc: string, year: number, value: number) => `${bloc} ${year}: ${value}`,
  },
  {
    CN: '中国',
    US: '美国',
    EU: '欧盟27国',
    GB: '英国',
    other: '世界其他地区',
    year: '年份',
    point: (bloc: string, year: number, value: number) => `${bloc} ${year}年：${num(value, 3)}`,
  },
);
const BLOCS = ['CN', 'US', 'EU', 'GB', 'other'] as const;

/** A bloc's name in the reader's language ("CN" → "China" / "中国"); an unknown code as given. */
export function blocLabel(bloc: string): string {
  const t = T();
  return (BLOCS as readonly string[]).includes(bloc) ? t[bloc as (typeof BLOCS)[number]] : bloc;
}
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
  const make = useCallback(() => {
    const t = T();
    return Plot.plot({
      width: chartWidth(),
      height: 320,
      marginLeft: 56,
      // Whole years only: the events' fractional dates widen the domain, and a half-year tick would print as a year.
      x: { label: t.year, tickFormat: 'd', ticks: yearTicks(Math.min(...years), Math.max(...years)) },
      y: { label: yLabel, grid: true },
      color: {
        domain: blocs,
        range: blocs.map((b) => BLOC_COLORS[b] ?? '#444'),
        legend: true,
        tickFormat: (k: string) => blocLabel(k),
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
          title: (d: BlocRow) => t.point(blocLabel(d.bloc), d.year, d.value),
        }),
      ],
    });
  }, [rows, yLabel, events]);
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
