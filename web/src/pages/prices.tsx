import * as Plot from '@observablehq/plot';
import { useCallback, useMemo } from 'preact/hooks';
import { api, type PriceIndex, type PricePoint } from '../api.ts';
import { Choice } from '../components/choice.tsx';
import { eventMarks, loadEvents } from '../components/events.ts';
import { chartWidth, PlotFigure } from '../components/plot-figure.tsx';
import { DataTable, View } from '../components/view.tsx';
import { useLoad, useQueryParam } from '../hooks.ts';
import { plain, priceColumn } from '../format.ts';
import { useYearParams, yearRange } from '../components/year-range.tsx';

const COUNTRY_LABEL: Record<string, string> = {
  'country:cn': 'Chinese vendors',
  'country:us': 'US vendors',
  all: 'all vendors',
};

/** Plain numbers on a log axis: 0.3, not "300m" (which reads as millions). */

function IndexView({
  index,
  metrics,
  sources,
}: {
  index: PriceIndex;
  metrics: PricesDataMetrics;
  sources: PricesDataSources;
}) {
  const { data: events } = useLoad(loadEvents, []);
  const yearParams = useYearParams();
  const [currency, setCurrency] = useQueryParam('index_currency', 'cny');
  const [measure, setMeasure] = useQueryParam('measure', 'blended');
  const c = currency === 'usd' ? 'usd' : 'cny';
  const m = (['input', 'output', 'blended'] as const).find((x) => x === measure) ?? 'blended';
  const indexYears = index.months.map((row) => Number(row.month.slice(0, 4)));
  const years = yearRange(yearParams, Math.min(...indexYears), Math.max(...indexYears));
  const points = index.months
    .filter((row) => row[c][m] !== null)
    .filter((row) => {
      const y = Number(row.month.slice(0, 4));
      return y >= years.range[0] && y <= years.range[1];
    })
    .map((row) => ({
      date: new Date(`${row.month}-01`),
      month: row.month,
      value: row[c][m] as number,
      pairs: row.pairs,
    }));
  const make = useCallback(
    () =>
      Plot.plot({
        width: chartWidth(),
        height: 300,
        marginLeft: 48,
        x: { type: 'utc', label: 'Month' },
        y: { label: `Index (${index.base ?? 'base'} = 100)`, grid: true, zero: true },
        marks: [
          Plot.ruleY([100], { stroke: '#999', strokeDasharray: '4,3' }),
          ...(points.length > 0
            ? eventMarks(
                events ?? [],
                (e) => new Date(e.date.length === 7 ? `${e.date}-01` : e.date),
                points[0]?.date as Date,
                points.at(-1)?.date as Date,
              )
            : []),
          Plot.lineY(points, { x: 'date', y: 'value', stroke: '#c8102e', curve: 'step-after' }),
          Plot.dot(points, {
            x: 'date',
            y: 'value',
            fill: '#c8102e',
            r: 2.5,
            title: (d: { month: string; value: number; pairs: number }) =>
              `${d.month}: ${d.value} (${d.pairs} matched SKUs)`,
          }),
        ],
      }),
    [points, index.base, events],
  );
  const last = points.at(-1);
  const who = COUNTRY_LABEL[index.country] ?? index.country;
  const takeaway =
    last && index.base
      ? `Like-for-like ${m} list prices of ${who} (${c.toUpperCase()}): ${last.value} in ${last.month} against 100 in ${index.base}, a ${Math.round(100 - last.value)} % fall, following ${index.skus.length} SKUs priced on two or more dates. ` +
        index.yearly
          .filter((y) => y.change_cny !== null)
          .map(
            (y) =>
              `${y.year}: ${(c === 'usd' ? y.change_usd : y.change_cny) ?? ''} %${y.partial ? ` (from ${y.from_month})` : ''}`,
          )
          .join('; ')
      : `Not enough data for an index of ${who}: no month has ${index.min_pairs} SKUs priced on both sides of it.`;
  return (
    <View
      id={`price-index-${index.country.replace('country:', '')}`}
      title={`Price-war index: ${who}`}
      takeaway={takeaway}
      controls={
        // The years always (a range with no value can be widened again); currency and measure when there are values.
        <>
          {points.length === 0 ? null : (
            <p class="controls">
              <Choice
                label="Currency"
                ariaLabel="Index currency"
                value={c}
                options={[
                  { value: 'cny', label: 'CNY' },
                  { value: 'usd', label: 'USD' },
                ]}
                onChange={setCurrency}
              />{' '}
              <Choice
                label="Price"
                ariaLabel="Index measure"
                value={m}
                options={[
                  { value: 'blended', label: 'blended (3 input : 1 output)' },
                  { value: 'input', label: 'input' },
                  { value: 'output', label: 'output' },
                ]}
                onChange={setMeasure}
              />
            </p>
          )}
          {years.controls}
        </>
      }
      chart={
        points.length > 0 ? (
          <PlotFigure make={make} label="Step chart of the like-for-like price index by month" />
        ) : undefined
      }
      rows={index.months.map((row) => ({
        month: row.month,
        matched_skus: row.pairs,
        changed: row.changed,
        index_cny_blended: row.cny.blended,
        index_cny_input: row.cny.input,
        index_cny_output: row.cny.output,
        index_usd_blended: row.usd.blended,
        index_usd_input: row.usd.input,
        index_usd_output: row.usd.output,
        not_indexed_because: row.reason,
      }))}
      metrics={metrics.filter((x) => x.id === 'llm-price-index')}
      sources={sources}
      table={
        <DataTable
          id={`price-index-table-${index.country.replace('country:', '')}`}
          caption={`Index by month (base ${index.base ?? '—'} = 100; at least ${index.min_pairs} matched SKUs per month)`}
          rows={index.months}
          columns={[
            { key: 'month', label: 'Month' },
            { key: 'pairs', label: 'Matched SKUs', numeric: true },
            { key: 'changed', label: 'Changed price', numeric: true },
            {
              key: 'value',
              label: `Index (${c.toUpperCase()}, ${m})`,
              numeric: true,
              render: (row) =>
                row[c][m] === null ? <span class="na">not enough data — {row.reason}</span> : String(row[c][m]),
            },
          ]}
        />
      }
    />
  );
}
type PricesDataMetrics = Parameters<typeof View>[0]['metrics'];
type PricesDataSources = Parameters<typeof View>[0]['sources'];

export function Prices() {
  const { data, error } = useLoad(() => api.prices(), []);
  const [currency, setCurrency] = useQueryParam('currency', 'USD');
  const [side, setSide] = useQueryParam('side', 'input');
  const [kind, setKind] = useQueryParam('kind', 'list');
  const key = `${side}_${currency.toLowerCase()}` as 'input_usd' | 'output_usd' | 'input_cny' | 'output_cny';
  // Log scale: a free (zero) price cannot be drawn; it stays in the table.
  const rows = useMemo(
    () =>
      (data?.prices ?? [])
        .filter((p) => (kind === 'all' || p.kind === kind) && (p[key] as number) > 0)
        .map((p) => ({
          date: p.date.length === 7 ? `${p.date}-01` : p.date.length === 4 ? `${p.date}-07-01` : p.date,
          vendor: p.vendor ?? p.vendor_id,
          model: p.model,
          kind: p.kind,
          // One price column, named for what it is (input or output, currency, unit): the CSV says it too.
          [priceColumn(side, currency)]: p[key] as number,
          source_id: p.source_id,
        })),
    [data, key, kind],
  );
  const make = useCallback(
    () =>
      Plot.plot({
        width: chartWidth(),
        height: 380,
        marginLeft: 56,
        x: { type: 'utc', label: 'Date' },
        y: { type: 'log', label: `${side} price, ${currency} per million tokens (log)`, grid: true, tickFormat: plain },
        color: { legend: true },
        marks: [
          Plot.dot(rows, {
            x: (d: { date: string }) => new Date(d.date),
            y: priceColumn(side, currency),
            fill: 'vendor',
            r: 4,
            title: (d: Record<string, string | number>) =>
              `${d.vendor} ${d.model}: ${d[priceColumn(side, currency)]} ${currency} per million ${side} tokens`,
          }),
        ],
      }),
    [rows, side, currency],
  );
  if (error) return <p role="alert">{error}</p>;
  if (!data) return <p>Loading…</p>;
  const free = data.prices.filter((p) => p.kind === 'free-tier').length;
  const cheapestCn = [...data.prices]
    .filter((p) => p.currency === 'CNY' && p.kind === 'list' && p.input_cny > 0)
    .sort((a, b) => a.input_cny - b.input_cny)[0];
  return (
    <article>
      <h1>The LLM price war</h1>
      {data.indexes
        .filter((ix) => ix.country !== 'all')
        .map((ix) => {
          // Each index cites the rows it follows (and the rates that converted them), not the whole price list.
          const used = new Set<string>();
          for (const p of data.prices) {
            if (p.vendor_country !== ix.country || p.kind !== ix.kind) continue;
            used.add(p.source_id);
            if (p.fx) used.add(p.fx.source_id);
          }
          return (
            <IndexView
              key={ix.country}
              index={ix}
              metrics={data.metrics}
              sources={data.sources.filter((s) => used.has(s.id))}
            />
          );
        })}
      <View
        id="prices"
        title="LLM API prices over time"
        takeaway={`${data.prices.length} dated prices (${data.prices.filter((p) => p.kind === 'list').length} list prices); ${free} free tiers; the lowest Chinese paid list input price is ${cheapestCn?.input_cny ?? '—'} CNY per million tokens (${cheapestCn?.vendor ?? ''} ${cheapestCn?.model ?? ''}, ${cheapestCn?.date ?? ''}).`}
        controls={
          <p class="controls">
            <Choice label="Currency" value={currency} options={['USD', 'CNY']} onChange={setCurrency} />{' '}
            <Choice
              label="Kind"
              ariaLabel="Kind of price"
              value={kind}
              options={['list', 'promotional', 'off-peak', 'cache-hit', 'batch', 'all']}
              onChange={setKind}
            />{' '}
            <Choice
              label="Price"
              ariaLabel="Input or output price"
              value={side}
              options={['input', 'output']}
              onChange={setSide}
            />
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
              { key: 'tier', label: 'Tier' },
              { key: 'kind', label: 'Kind' },
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
