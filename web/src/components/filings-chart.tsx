/**
 * Generative-AI services filed with the CAC per quarter (by the filing date the lists give), for whatever the
 * filings payload was asked for: every service (the LLM segment's entry signal), a province, a city or a provider.
 * The last quarter is incomplete until the next list is published. A year range in the URL narrows it.
 */
import * as Plot from '@observablehq/plot';
import { useCallback } from 'preact/hooks';
import type { FilingsData } from '../api.ts';
import { chartWidth, PlotFigure } from './plot-figure.tsx';
import { DataTable, View } from './view.tsx';
import { useYearParams, yearRange } from './year-range.tsx';

export function FilingsPerQuarter({ data, id, title }: { data: FilingsData; id: string; title: string }) {
  const yearParams = useYearParams();
  const span = data.by_quarter.map((q) => Number(q.quarter.slice(0, 4)));
  const { range, controls } = yearRange(yearParams, Math.min(...span), Math.max(...span));
  const quarters = data.by_quarter.filter((q) => {
    const year = Number(q.quarter.slice(0, 4));
    return year >= range[0] && year <= range[1];
  });
  const make = useCallback(
    () =>
      Plot.plot({
        width: chartWidth(),
        height: 260,
        x: { label: 'Quarter', type: 'band', tickRotate: -45 },
        y: { label: 'Services filed', grid: true },
        marginBottom: 60,
        marks: [
          Plot.barY(quarters, {
            x: 'quarter',
            y: 'filed',
            fill: '#c8102e',
            title: (d: { quarter: string; filed: number }) => `${d.quarter}: ${d.filed}`,
          }),
          Plot.ruleY([0]),
        ],
      }),
    [quarters],
  );
  const peak = [...quarters].sort((a, b) => b.filed - a.filed)[0];
  const filed = quarters.reduce((n, q) => n + q.filed, 0);
  const lastList = data.lists[data.lists.length - 1];
  return (
    <View
      id={id}
      title={title}
      takeaway={
        `${filed} services filed in ${range[0] === range[1] ? range[0] : `${range[0]}–${range[1]}`} (of ${data.totals.filed} in the ` +
        `${data.lists.length} lists bundled); the busiest quarter was ` +
        `${peak?.quarter ?? '—'} (${peak?.filed ?? 0}). The latest list is ${lastList?.list_id ?? '—'}: quarters after ` +
        'it are incomplete until the next list.'
      }
      controls={span.length > 0 ? controls : null}
      chart={<PlotFigure make={make} label="Bar chart: generative-AI services filed per quarter" />}
      rows={quarters}
      metrics={data.metrics}
      sources={data.sources}
      table={
        <DataTable
          id={`${id}-table`}
          caption="Services filed (备案) per quarter"
          rows={quarters}
          columns={[
            { key: 'quarter', label: 'Quarter' },
            { key: 'filed', label: 'Services filed', numeric: true },
          ]}
        />
      }
    />
  );
}
