import * as Plot from '@observablehq/plot';
import { useCallback, useMemo } from 'preact/hooks';
import { api, type PricePoint } from '../api.ts';
import { PlotFigure } from '../components/plot-figure.tsx';
import { DataTable, View } from '../components/view.tsx';
import { useLoad, useQueryParam } from '../hooks.ts';

export function Prices() {
  const { data, error } = useLoad(() => api.prices(), []);
  const [currency, setCurrency] = useQueryParam('currency', 'USD');
  const [side, setSide] = useQueryParam('side', 'input');
  const key = `${side}_${currency.toLowerCase()}` as 'input_usd' | 'output_usd' | 'input_cny' | 'output_cny';
  // Log scale: a free (zero) price cannot be drawn; it stays in the table.
  const rows = useMemo(
    () =>
      (data?.prices ?? [])
        .filter((p) => p[key] !== null && (p[key] as number) > 0)
        .map((p) => ({
          date: p.date.length === 7 ? `${p.date}-01` : p.date.length === 4 ? `${p.date}-07-01` : p.date,
          vendor: p.vendor ?? p.vendor_id,
          model: p.model,
          price: p[key] as number,
        })),
    [data, key],
  );
  const make = useCallback(
    () =>
      Plot.plot({
        width: Math.min(900, Math.max(320, document.body.clientWidth - 32)),
        height: 380,
        marginLeft: 56,
        x: { type: 'utc', label: 'Date' },
        y: { type: 'log', label: `${side} price, ${currency} per million tokens (log)`, grid: true },
        color: { legend: true },
        marks: [
          Plot.dot(rows, {
            x: (d: { date: string }) => new Date(d.date),
            y: 'price',
            fill: 'vendor',
            r: 4,
            title: (d: { vendor: string; model: string; price: number }) => `${d.vendor} ${d.model}: ${d.price}`,
          }),
        ],
      }),
    [rows, side, currency],
  );
  if (error) return <p role="alert">{error}</p>;
  if (!data) return <p>Loading…</p>;
  const free = data.prices.filter((p) => p.input_usd === 0).length;
  const cheapestCn = [...data.prices]
    .filter((p) => p.currency === 'CNY' && p.input_cny > 0)
    .sort((a, b) => a.input_cny - b.input_cny)[0];
  return (
    <article>
      <h1>The LLM price war</h1>
      <View
        id="prices"
        title="LLM API list prices over time"
        takeaway={`${data.prices.length} dated list prices; ${free} offers made free; the lowest Chinese paid input price listed is ${cheapestCn?.input_cny ?? '—'} CNY per million tokens (${cheapestCn?.vendor ?? ''} ${cheapestCn?.model ?? ''}, ${cheapestCn?.date ?? ''}).`}
        controls={
          <p class="controls">
            <label>
              Currency{' '}
              <select
                value={currency}
                aria-label="Currency"
                onChange={(e) => setCurrency((e.target as HTMLSelectElement).value)}
              >
                <option value="USD">USD</option>
                <option value="CNY">CNY</option>
              </select>
            </label>{' '}
            <label>
              Price{' '}
              <select
                value={side}
                aria-label="Input or output price"
                onChange={(e) => setSide((e.target as HTMLSelectElement).value)}
              >
                <option value="input">input</option>
                <option value="output">output</option>
              </select>
            </label>
          </p>
        }
        chart={<PlotFigure make={make} label="Dot chart of list prices over time, log scale" />}
        rows={rows}
        metrics={data.metrics}
        sources={data.sources}
        openTable
        table={
          <DataTable
            id="prices-table"
            caption="Every price point, with the rate used to convert it"
            rows={data.prices.map((p: PricePoint) => ({
              ...p,
              rate: p.fx ? `${p.fx.rate} (${p.fx.period}, ${p.fx.match})` : '',
            }))}
            columns={[
              { key: 'date', label: 'Date' },
              {
                key: 'vendor',
                label: 'Vendor',
                render: (p) => <a href={`/entity/${p.vendor_id}`}>{p.vendor ?? p.vendor_id}</a>,
              },
              { key: 'model', label: 'Model' },
              { key: 'currency', label: 'Listed in' },
              { key: 'input_usd', label: 'Input USD', numeric: true },
              { key: 'output_usd', label: 'Output USD', numeric: true },
              { key: 'input_cny', label: 'Input CNY', numeric: true },
              { key: 'output_cny', label: 'Output CNY', numeric: true },
              { key: 'rate', label: 'CNY per USD used' },
            ]}
          />
        }
      />
    </article>
  );
}
