/**
 * A vendor's API list prices over time, on its entity page: the same dated, cited prices as the price-war page,
 * converted to USD per million input tokens at the dated rate the price page uses (metric llm-prices).
 */
import * as Plot from '@observablehq/plot';
import { useCallback, useMemo } from 'preact/hooks';
import { api } from '../api.ts';
import { plain, priceColumn } from '../format.ts';
import { useLoad } from '../hooks.ts';
import { chartWidth, PlotFigure } from './plot-figure.tsx';
import { DataTable, View } from './view.tsx';

const COLUMN = priceColumn('input', 'USD');

export function VendorPrices({ id, name }: { id: string; name: string }) {
  const { data } = useLoad(() => api.prices(), []);
  const points = useMemo(
    () =>
      (data?.prices ?? [])
        .filter((p) => p.vendor_id === id && p.kind === 'list')
        .sort((a, b) => a.date.localeCompare(b.date) || a.model.localeCompare(b.model)),
    [data, id],
  );
  // Log scale: a free (zero) price cannot be drawn; it stays in the table.
  const rows = points.map((p) => ({
    date: p.date,
    model: p.model,
    tier: p.tier,
    [COLUMN]: p.input_usd,
    output_price_usd_per_million_tokens: p.output_usd,
    listed_in: p.currency,
    source_id: p.source_id,
  }));
  const make = useCallback(
    () =>
      Plot.plot({
        width: chartWidth(),
        height: 300,
        marginLeft: 56,
        x: { type: 'utc', label: 'Date' },
        y: { type: 'log', label: 'Input price, USD per million tokens (log)', grid: true, tickFormat: plain },
        color: { legend: true },
        marks: [
          Plot.dot(
            points.filter((p) => p.input_usd > 0),
            {
              x: (p: { date: string }) => new Date(p.date.length === 7 ? `${p.date}-01` : p.date),
              y: 'input_usd',
              fill: 'model',
              r: 4,
              title: (p: { model: string; date: string; input_usd: number }) =>
                `${p.model}, ${p.date}: ${p.input_usd} USD per million input tokens`,
            },
          ),
        ],
      }),
    [points],
  );
  if (!data || points.length === 0) return null;
  const cited = new Set(points.flatMap((p) => [p.source_id, ...(p.fx ? [p.fx.source_id] : [])]));
  const paid = points.filter((p) => p.input_usd > 0);
  const first = paid[0];
  const last = paid.at(-1);
  const cheapest = [...paid].sort((a, b) => a.input_usd - b.input_usd)[0];
  return (
    <View
      id="vendor-prices"
      title={`List prices over time: ${name}`}
      takeaway={
        `${points.length} dated list price${points.length === 1 ? '' : 's'} from ${points[0]?.date} to ` +
        `${points.at(-1)?.date}` +
        (first && last && cheapest
          ? `; input from ${plain(first.input_usd)} USD per million tokens (${first.model}, ${first.date}) to ` +
            `${plain(last.input_usd)} (${last.model}, ${last.date}); the lowest ${plain(cheapest.input_usd)} (${cheapest.model}).`
          : '.') +
        ' Prices listed in CNY are converted at the dated rate.'
      }
      chart={<PlotFigure make={make} label={`Dot chart of ${name}'s list input prices over time`} />}
      rows={rows}
      metrics={data.metrics.filter((m) => m.id === 'llm-prices')}
      sources={data.sources.filter((s) => cited.has(s.id))}
      table={
        <DataTable
          id="vendor-prices-table"
          caption={`${name}'s list prices, USD per million tokens`}
          rows={rows}
          columns={[
            { key: 'date', label: 'Date' },
            { key: 'model', label: 'Model' },
            { key: 'tier', label: 'Tier' },
            { key: COLUMN, label: 'Input', numeric: true },
            { key: 'output_price_usd_per_million_tokens', label: 'Output', numeric: true },
            { key: 'listed_in', label: 'Listed in' },
          ]}
        />
      }
    />
  );
}
