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
import { date, lang, messages, num } from '../i18n.ts';

const COLUMN = priceColumn('input', 'USD');

/** A price point as a sentence quotes it. */
interface Quoted {
  price: string;
  model: string;
  date: string;
}

/** A price in the table: as the data has it in English, in the reader's number format in 中文. */
const price = (v: unknown) => (lang() === 'zh' && typeof v === 'number' ? num(v, 6) : String(v ?? ''));

const T = messages(
  {
    date: 'Date',
    axis: 'Input price, USD per million tokens (log)',
    dot: (model: string, date: string, price: number) => `${model}, ${date}: ${price} USD per million input tokens`,
    title: (name: string) => `List prices over time: ${name}`,
    takeaway: (n: number, from: string, to: string, span: { first: Quoted; last: Quoted; lowest: Quoted } | null) =>
      `${n} dated list price${n === 1 ? '' : 's'} from ${from} to ${to}` +
      (span
        ? `; input from ${span.first.price} USD per million tokens (${span.first.model}, ${span.first.date}) to ` +
          `${span.last.price} (${span.last.model}, ${span.last.date}); the lowest ${span.lowest.price} (${span.lowest.model}).`
        : '.') +
      ' Prices listed in CNY are converted at the dated rate.',
    chart: (name: string) => `Dot chart of ${name}'s list input prices over time`,
    caption: (name: string) => `${name}'s list prices, USD per million tokens`,
    when: (iso: string) => iso,
    model: 'Model',
    tier: 'Tier',
    input: 'Input',
    output: 'Output',
    listedIn: 'Listed in',
  },
  {
    date: '日期',
    axis: '输入价格（美元/百万 tokens，对数坐标）',
    dot: (model: string, day: string, price: number) => `${model}，${date(day)}：每百万输入 tokens ${price} 美元`,
    title: (name: string) => `标价走势：${name}`,
    takeaway: (n: number, from: string, to: string, span: { first: Quoted; last: Quoted; lowest: Quoted } | null) =>
      `${date(from)} 至 ${date(to)} 共有 ${num(n)} 条有日期的标价` +
      (span
        ? `；输入价格从每百万 tokens ${span.first.price} 美元（${span.first.model}，${date(span.first.date)}）变为 ` +
          `${span.last.price} 美元（${span.last.model}，${date(span.last.date)}）；最低 ${span.lowest.price} 美元` +
          `（${span.lowest.model}）。`
        : '。') +
      '以人民币标价的按当日汇率换算为美元。',
    chart: (name: string) => `散点图：${name}的输入标价走势`,
    caption: (name: string) => `${name}的标价（美元/百万 tokens）`,
    when: (iso: string) => date(iso),
    model: '模型',
    tier: '档位',
    input: '输入',
    output: '输出',
    listedIn: '标价币种',
  },
);

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
  const t = T();
  const make = useCallback(
    () =>
      Plot.plot({
        width: chartWidth(),
        height: 300,
        marginLeft: 56,
        // In 中文 the dates on the axis read as Chinese dates ("2025年1月"); English keeps Plot's own ticks.
        x: {
          type: 'utc',
          label: t.date,
          ...(lang() === 'zh'
            ? {
                tickFormat: (d: Date) => {
                  const iso = d.toISOString();
                  return date(iso.slice(8, 10) === '01' ? iso.slice(0, 7) : iso.slice(0, 10));
                },
              }
            : {}),
        },
        y: { type: 'log', label: t.axis, grid: true, tickFormat: plain },
        color: { legend: true },
        marks: [
          Plot.dot(
            points.filter((p) => p.input_usd > 0),
            {
              x: (p: { date: string }) => new Date(p.date.length === 7 ? `${p.date}-01` : p.date),
              y: 'input_usd',
              fill: 'model',
              r: 4,
              title: (p: { model: string; date: string; input_usd: number }) => t.dot(p.model, p.date, p.input_usd),
            },
          ),
        ],
      }),
    [points, t],
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
      title={t.title(name)}
      takeaway={t.takeaway(
        points.length,
        `${points[0]?.date}`,
        `${points.at(-1)?.date}`,
        first && last && cheapest
          ? {
              first: { price: plain(first.input_usd), model: first.model, date: first.date },
              last: { price: plain(last.input_usd), model: last.model, date: last.date },
              lowest: { price: plain(cheapest.input_usd), model: cheapest.model, date: cheapest.date },
            }
          : null,
      )}
      chart={<PlotFigure make={make} label={t.chart(name)} />}
      rows={rows}
      metrics={data.metrics.filter((m) => m.id === 'llm-prices')}
      sources={data.sources.filter((s) => cited.has(s.id))}
      table={
        <DataTable
          id="vendor-prices-table"
          caption={t.caption(name)}
          rows={rows}
          columns={[
            { key: 'date', label: t.date, render: (r) => t.when(r.date) },
            { key: 'model', label: t.model },
            { key: 'tier', label: t.tier },
            { key: COLUMN, label: t.input, numeric: true, render: (r) => price(r[COLUMN]) },
            {
              key: 'output_price_usd_per_million_tokens',
              label: t.output,
              numeric: true,
              render: (r) => price(r.output_price_usd_per_million_tokens),
            },
            { key: 'listed_in', label: t.listedIn },
          ]}
        />
      }
    />
  );
}
