/**
 * An entity's releases per year, from its own timeline: each model or product it developed counted once, in the year
 * of its earliest dated release. Metric entity-releases (docs/METHODOLOGY.md).
 */
import * as Plot from '@observablehq/plot';
import { useCallback } from 'preact/hooks';
import type { EntityDetail } from '../api.ts';
import { chartWidth, PlotFigure } from './plot-figure.tsx';
import { DataTable, View } from './view.tsx';

/** The most events an entity's timeline holds (store/queries/entities.ts timelinesOf). */
const TIMELINE_CAP = 300;

export function ReleasesPerYear({ data }: { data: EntityDetail }) {
  const first = new Map<string, { date: string; source_id: string }>();
  for (const t of data.timeline) {
    if (t.what !== 'release') continue;
    const prev = first.get(t.entity_id);
    if (!prev || t.date < prev.date) first.set(t.entity_id, { date: t.date, source_id: t.source_id });
  }
  const byYear = new Map<number, number>();
  for (const r of first.values()) {
    const year = Number(r.date.slice(0, 4));
    byYear.set(year, (byYear.get(year) ?? 0) + 1);
  }
  const rows = [...byYear].sort((a, b) => a[0] - b[0]).map(([year, releases]) => ({ year, releases }));
  const make = useCallback(
    () =>
      Plot.plot({
        width: chartWidth(),
        height: 220,
        x: { label: 'Year', type: 'band', tickFormat: (y: number) => String(y) },
        y: { label: 'Releases', grid: true },
        marks: [
          Plot.barY(rows, {
            x: 'year',
            y: 'releases',
            fill: '#c8102e',
            title: (d: { year: number; releases: number }) => `${d.year}: ${d.releases}`,
          }),
          Plot.ruleY([0]),
        ],
      }),
    [rows],
  );
  if (rows.length === 0) return null;
  const cited = new Set([...first.values()].map((r) => r.source_id));
  const latest =
    [...first.values()]
      .map((r) => r.date)
      .sort()
      .at(-1) ?? '';
  const peak = rows.reduce((best, r) => (r.releases > best.releases ? r : best));
  const full = data.timeline.length >= TIMELINE_CAP;
  const name = data.entity.name_en ?? data.entity.name_zh ?? data.entity.id;
  return (
    <View
      id="releases-per-year"
      title={`Releases per year: ${name}`}
      takeaway={
        `${first.size} release${first.size === 1 ? '' : 's'} dated from ${rows[0]?.year} to ${rows.at(-1)?.year}, ` +
        `the most in ${peak.year} (${peak.releases}); the latest is dated ${latest}, so ${rows.at(-1)?.year} may be ` +
        'partial.' +
        (full
          ? ` The timeline keeps the latest ${TIMELINE_CAP} events: years before ${data.timeline.at(-1)?.date.slice(0, 4)} are cut.`
          : '')
      }
      chart={<PlotFigure make={make} label={`Bar chart of ${name}'s releases per year`} />}
      rows={rows}
      metrics={[
        {
          id: 'entity-releases',
          title: "An organisation's releases per year",
          methodology: '/methodology#entity-releases',
        },
      ]}
      sources={data.sources.filter((s) => cited.has(s.id))}
      table={
        <DataTable
          id="releases-per-year-table"
          caption={`Models and products ${name} developed, by the year of their first dated release`}
          rows={rows}
          columns={[
            { key: 'year', label: 'Year' },
            { key: 'releases', label: 'Releases', numeric: true },
          ]}
        />
      }
    />
  );
}
