/**
 * The dated events (/api/events) as marks on a time chart: a dashed rule at each event's date with a short label,
 * and the event's full words on hover; only events inside the chart's range are drawn.
 */
import * as Plot from '@observablehq/plot';
import { get } from '../api.ts';
import type { EventsPayload } from '../../../src/api/types.ts';
import { date, lang, messages } from '../i18n.ts';

// The API gives each event's words in both languages (a name or milestone recorded only in English stays English).
const T = messages(
  { title: (iso: string, label: string) => `${iso}: ${label}` },
  { title: (iso: string, label: string) => `${date(iso)}：${label}` },
);

export type ChartEvent = EventsPayload['events'][number];

let loading: Promise<ChartEvent[]> | null = null;
/** Loaded once per page load, shared by every chart. */
export function loadEvents(): Promise<ChartEvent[]> {
  loading ??= get<EventsPayload>('/api/events').then(
    (p) => p.events,
    () => [],
  );
  return loading;
}

/** An event's date as a fractional year (2025-01-20 → 2025.05), for charts whose x is a year. */
export function fractionalYear(date: string): number {
  const [y = 0, m = 7, d = 1] = date.split('-').map(Number);
  return y + ((m - 1) * 30.4 + (d - 1)) / 365;
}

/** Rules and labels for the events whose x (from `at`) lies in [from, to]. */
export function eventMarks<X extends number | Date>(
  events: readonly ChartEvent[],
  at: (e: ChartEvent) => X,
  from: X,
  to: X,
): Plot.Markish[] {
  const shown = events.filter((e) => at(e) >= from && at(e) <= to);
  const t = T();
  return [
    Plot.ruleX(shown, {
      x: at,
      stroke: '#666',
      strokeDasharray: '3,3',
      strokeOpacity: 0.8,
      title: (e: ChartEvent) => t.title(e.date, lang() === 'zh' ? e.label_zh : e.label),
    }),
    Plot.text(shown, {
      x: at,
      text: (e: ChartEvent) => (lang() === 'zh' ? e.short_zh : e.short),
      frameAnchor: 'top',
      rotate: -90,
      textAnchor: 'end',
      dx: -3,
      dy: 4,
      fontSize: 10,
      fill: '#444',
    }),
  ];
}
