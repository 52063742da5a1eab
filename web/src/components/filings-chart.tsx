/**
 * Generative-AI services filed with the CAC per quarter (by the filing date the lists give), for whatever the
 * filings payload was asked for: every service (the LLM segment's entry signal), a province, a city or a provider.
 * The last quarter is incomplete until the next list is published. A year range in the URL narrows it.
 */
import * as Plot from '@observablehq/plot';
import { useCallback, useMemo } from 'preact/hooks';
import type { FilingsData } from '../api.ts';
import { chartWidth, PlotFigure } from './plot-figure.tsx';
import { DataTable, View } from './view.tsx';
import { useYearParams, yearRange } from './year-range.tsx';
import { messages, num, shown } from '../i18n.ts';

const T = messages(
  {
    quarter: 'Quarter',
    filed: 'Services filed',
    bar: (quarter: string, filed: number) => `${quarter}: ${filed}`,
    takeaway: (
      filed: string,
      years: string,
      total: string,
      lists: string,
      peak: string,
      peakFiled: string,
      latest: string,
    ) =>
      `${filed} services filed in ${years} (of ${total} in the ${lists} lists bundled); the busiest quarter was ` +
      `${peak} (${peakFiled}). The latest list is ${latest}: quarters after it are incomplete until the next list.`,
    chart: 'Bar chart: generative-AI services filed per quarter',
    caption: 'Services filed (备案) per quarter',
  },
  {
    quarter: '季度',
    filed: '备案服务数',
    bar: (quarter: string, filed: number) => `${quarter}：${num(filed)} 个`,
    takeaway: (
      filed: string,
      years: string,
      total: string,
      lists: string,
      peak: string,
      peakFiled: string,
      latest: string,
    ) =>
      `${years} 年共备案 ${filed} 个服务（所收录的 ${lists} 份清单共 ${total} 个）；备案最多的季度是 ${peak}` +
      `（${peakFiled} 个）。最新一份清单为 ${latest}：其后的季度要等下一份清单公布才完整。`,
    chart: '柱状图：每季度备案的生成式人工智能服务数',
    caption: '每季度备案的服务数',
  },
);

/** A count as shown: as is in English, grouped in 中文. */

export function FilingsPerQuarter({ data, id, title }: { data: FilingsData; id: string; title: string }) {
  const yearParams = useYearParams();
  const span = data.by_quarter.map((q) => Number(q.quarter.slice(0, 4)));
  const { range, controls } = yearRange(yearParams, Math.min(...span), Math.max(...span));
  // The same array while the data and the range stand: the figure is redrawn when they change, not when the page
  // around it renders again.
  const quarters = useMemo(
    () =>
      data.by_quarter.filter((q) => {
        const year = Number(q.quarter.slice(0, 4));
        return year >= range[0] && year <= range[1];
      }),
    [data, range[0], range[1]],
  );
  const t = T();
  const make = useCallback(
    () =>
      Plot.plot({
        width: chartWidth(),
        height: 260,
        x: { label: t.quarter, type: 'band', tickRotate: -45 },
        y: { label: t.filed, grid: true },
        marginBottom: 60,
        marks: [
          Plot.barY(quarters, {
            x: 'quarter',
            y: 'filed',
            fill: '#c8102e',
            title: (d: { quarter: string; filed: number }) => t.bar(d.quarter, d.filed),
          }),
          Plot.ruleY([0]),
        ],
      }),
    [quarters, t],
  );
  const peak = [...quarters].sort((a, b) => b.filed - a.filed)[0];
  const filed = quarters.reduce((n, q) => n + q.filed, 0);
  const lastList = data.lists[data.lists.length - 1];
  return (
    <View
      id={id}
      title={title}
      takeaway={t.takeaway(
        shown(filed),
        range[0] === range[1] ? String(range[0]) : `${range[0]}–${range[1]}`,
        shown(data.totals.filed),
        shown(data.lists.length),
        peak?.quarter ?? '—',
        shown(peak?.filed ?? 0),
        lastList?.list_id ?? '—',
      )}
      controls={span.length > 0 ? controls : null}
      chart={<PlotFigure make={make} label={t.chart} />}
      rows={quarters}
      metrics={data.metrics}
      sources={data.sources}
      table={
        <DataTable
          id={`${id}-table`}
          caption={t.caption}
          rows={quarters}
          columns={[
            { key: 'quarter', label: t.quarter },
            { key: 'filed', label: t.filed, numeric: true },
          ]}
        />
      }
    />
  );
}
