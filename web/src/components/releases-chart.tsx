/**
 * An entity's releases per year, from its own timeline: each model or product it developed counted once, in the year
 * of its earliest dated release. Metric entity-releases (docs/METHODOLOGY.md).
 */
import * as Plot from '@observablehq/plot';
import { useCallback } from 'preact/hooks';
import type { EntityDetail } from '../api.ts';
import { chartWidth, PlotFigure } from './plot-figure.tsx';
import { DataTable, View } from './view.tsx';
import { date, messages, nameOf, num, shown } from '../i18n.ts';

const T = messages(
  {
    year: 'Year',
    releases: 'Releases',
    bar: (year: number, releases: number) => `${year}: ${releases}`,
    title: (name: string) => `Releases per year: ${name}`,
    takeaway: (n: number, from: string, to: string, peak: string, peakReleases: string, latest: string) =>
      `${n} release${n === 1 ? '' : 's'} dated from ${from} to ${to}, the most in ${peak} (${peakReleases}); the ` +
      `latest is dated ${latest}, so ${to} may be partial.`,
    cut: (cap: number, before: string) =>
      ` The timeline keeps the latest ${cap} events: years before ${before} are cut.`,
    chart: (name: string) => `Bar chart of ${name}'s releases per year`,
    metric: "An organisation's releases per year",
    caption: (name: string) => `Models and products ${name} developed, by the year of their first dated release`,
  },
  {
    year: '年份',
    releases: '发布数',
    bar: (year: number, releases: number) => `${year} 年：${num(releases)} 个`,
    title: (name: string) => `每年发布数：${name}`,
    takeaway: (n: number, from: string, to: string, peak: string, peakReleases: string, latest: string) =>
      `${from === to ? from : `${from}—${to}`} 年共有 ${num(n)} 个有日期的发布，${peak} 年最多（${peakReleases} 个）；最近一次发布于 ` +
      `${date(latest)}，因此 ${to} 年的数据可能不完整。`,
    cut: (cap: number, before: string) => `时间线只保留最近的 ${cap} 个事件：${before} 年之前的年份已截去。`,
    chart: (name: string) => `柱状图：${name}每年的发布数`,
    metric: '机构每年的发布数',
    caption: (name: string) => `${name}研发的模型与产品，按首次有日期的发布年份统计`,
  },
);

/** The most events an entity's timeline holds (store/queries/entities.ts entityPayloadsJson). */
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
  const t = T();
  const make = useCallback(
    () =>
      Plot.plot({
        width: chartWidth(),
        height: 220,
        x: { label: t.year, type: 'band', tickFormat: (y: number) => String(y) },
        y: { label: t.releases, grid: true },
        marks: [
          Plot.barY(rows, {
            x: 'year',
            y: 'releases',
            fill: '#c8102e',
            title: (d: { year: number; releases: number }) => t.bar(d.year, d.releases),
          }),
          Plot.ruleY([0]),
        ],
      }),
    [rows, t],
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
  const name = nameOf(data.entity, data.entity.id);
  return (
    <View
      id="releases-per-year"
      title={t.title(name)}
      takeaway={
        t.takeaway(
          first.size,
          `${rows[0]?.year}`,
          `${rows.at(-1)?.year}`,
          `${peak.year}`,
          shown(peak.releases),
          latest,
        ) + (full ? t.cut(TIMELINE_CAP, `${data.timeline.at(-1)?.date.slice(0, 4)}`) : '')
      }
      chart={<PlotFigure make={make} label={t.chart(name)} />}
      rows={rows}
      metrics={[
        {
          id: 'entity-releases',
          title: t.metric,
          methodology: '/methodology#entity-releases',
        },
      ]}
      sources={data.sources.filter((s) => cited.has(s.id))}
      table={
        <DataTable
          id="releases-per-year-table"
          caption={t.caption(name)}
          rows={rows}
          columns={[
            { key: 'year', label: t.year },
            { key: 'releases', label: t.releases, numeric: true },
          ]}
        />
      }
    />
  );
}
