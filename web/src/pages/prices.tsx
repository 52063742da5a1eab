import { reasonText } from '../reasons.ts';
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
import { date, lang, messages, num, timeTicks } from '../i18n.ts';

const COUNTRY_LABEL: Record<string, string> = {
  'country:cn': 'Chinese vendors',
  'country:us': 'US vendors',
  all: 'all vendors',
};
const COUNTRY_ZH: Record<string, string> = {
  'country:cn': '中国厂商',
  'country:us': '美国厂商',
  all: '所有厂商',
};
/** Measures, sides and kinds of price in Chinese (their English names are the URL's values). */
const WORD_ZH: Record<string, string> = {
  blended: '混合',
  input: '输入',
  output: '输出',
  list: '标价',
  promotional: '促销价',
  'off-peak': '错峰价',
  'cache-hit': '缓存命中价',
  batch: '批量价',
  'free-tier': '免费档',
  all: '全部',
};
const MATCH_ZH: Record<string, string> = {
  'same day': '同日',
  'same month': '同月',
  'same year': '同年',
  'nearest earlier': '取最近的较早汇率',
  'nearest later': '取最近的较晚汇率',
};

const T = messages(
  {
    country: (id: string) => COUNTRY_LABEL[id] ?? id,
    /** A measure, side or kind of price as a word: in English, its value as the URL spells it. */
    word: (value: string) => value,
    month: 'Month',
    indexAxis: (base: string | null) => `Index (${base ?? 'base'} = 100)`,
    indexPoint: (month: string, value: number, pairs: number) => `${month}: ${value} (${pairs} matched SKUs)`,
    indexTakeaway: (
      measure: string,
      who: string,
      currency: string,
      value: number,
      month: string,
      base: string,
      fall: number,
      skus: number,
    ) =>
      `Like-for-like ${measure} list prices of ${who} (${currency}): ${value} in ${month} against 100 in ${base}, a ${fall} % fall, following ${skus} SKUs priced on two or more dates. `,
    yearChange: (year: number, change: number | string, partial: boolean, from: string | null) =>
      `${year}: ${change} %${partial ? ` (from ${from})` : ''}`,
    yearSep: '; ',
    yearsEnd: '',
    noIndex: (who: string, minPairs: number) =>
      `Not enough data for an index of ${who}: no month has ${minPairs} SKUs priced on both sides of it.`,
    indexTitle: (who: string) => `Price-war index: ${who}`,
    currency: 'Currency',
    indexCurrency: 'Index currency',
    currencyName: (code: string) => code,
    price: 'Price',
    indexMeasure: 'Index measure',
    blendedOption: 'blended (3 input : 1 output)',
    indexChart: 'Step chart of the like-for-like price index by month',
    indexCaption: (base: string | null, minPairs: number) =>
      `Index by month (base ${base ?? '—'} = 100; at least ${minPairs} matched SKUs per month)`,
    matchedSkus: 'Matched SKUs',
    changed: 'Changed price',
    indexColumn: (currency: string, measure: string) => `Index (${currency}, ${measure})`,
    notEnough: (reason: string | null) => `not enough data — ${reason ?? ''}`,
    date: 'Date',
    priceAxis: (side: string, currency: string) => `${side} price, ${currency} per million tokens (log)`,
    pricePoint: (vendor: string, model: string, price: string | number, currency: string, side: string) =>
      `${vendor} ${model}: ${price} ${currency} per million ${side} tokens`,
    loading: 'Loading…',
    heading: 'The LLM price war',
    pricesTitle: 'LLM API prices over time',
    pricesTakeaway: (
      n: number,
      list: number,
      free: number,
      lowest: number | null,
      vendor: string,
      model: string,
      at: string,
    ) =>
      `${n} dated prices (${list} list prices); ${free} free tiers; the lowest Chinese paid list input price is ${lowest ?? '—'} CNY per million tokens (${vendor} ${model}, ${at}).`,
    kind: 'Kind',
    kindOfPrice: 'Kind of price',
    inputOrOutput: 'Input or output price',
    pricesChart: 'Dot chart of list prices over time, log scale',
    pricesCaption: 'Every price point, with the rate used to convert it',
    rate: (rate: number, period: string, match: string) => `${rate} (${period}, ${match})`,
    vendor: 'Vendor',
    model: 'Model',
    tier: 'Tier',
    listedIn: 'Listed in',
    inputUsd: 'Input USD',
    outputUsd: 'Output USD',
    inputCny: 'Input CNY',
    outputCny: 'Output CNY',
    cnyPerUsd: 'CNY per USD used',
  },
  {
    country: (id: string) => COUNTRY_ZH[id] ?? id,
    word: (value: string) => WORD_ZH[value] ?? value,
    month: '月份',
    indexAxis: (base: string | null) => `指数（${base ? date(base) : '基期'} = 100）`,
    indexPoint: (month: string, value: number, pairs: number) => `${date(month)}：${value}（${pairs} 个匹配 SKU）`,
    indexTakeaway: (
      measure: string,
      who: string,
      currency: string,
      value: number,
      month: string,
      base: string,
      fall: number,
      skus: number,
    ) =>
      `${who}的同口径${measure}标价（${currency}）：${date(month)}为 ${value}（基期 ${date(base)} = 100），${fall >= 0 ? `下降 ${fall}%` : `上涨 ${-fall}%`}；共跟踪 ${skus} 个在两个及以上日期有定价的 SKU。`,
    yearChange: (year: number, change: number | string, partial: boolean, from: string | null) =>
      `${year}年：${change}%${partial && from ? `（自${date(from)}起）` : ''}`,
    yearSep: '；',
    yearsEnd: '。',
    noIndex: (who: string, minPairs: number) =>
      `${who}数据不足，无法编制指数：没有任何月份在前后两侧都有 ${minPairs} 个已定价的 SKU。`,
    indexTitle: (who: string) => `价格战指数：${who}`,
    currency: '币种',
    indexCurrency: '指数币种',
    currencyName: (code: string) => (code === 'CNY' ? '人民币（CNY）' : code === 'USD' ? '美元（USD）' : code),
    price: '价格',
    indexMeasure: '指数口径',
    blendedOption: '混合（输入 3 : 输出 1）',
    indexChart: '同口径价格指数月度阶梯图',
    indexCaption: (base: string | null, minPairs: number) =>
      `月度指数（基期 ${base ? date(base) : '—'} = 100；每月至少 ${minPairs} 个匹配 SKU）`,
    matchedSkus: '匹配 SKU 数',
    changed: '调价数',
    indexColumn: (currency: string, measure: string) => `指数（${currency}，${measure}）`,
    notEnough: (reason: string | null) => `数据不足——${reasonText(reason)}`,
    date: '日期',
    priceAxis: (side: string, currency: string) => `${side}价格，${currency}/百万 token（对数）`,
    pricePoint: (vendor: string, model: string, price: string | number, currency: string, side: string) =>
      `${vendor} ${model}：每百万${side} token ${price} ${currency}`,
    loading: '加载中…',
    heading: '大模型价格战',
    pricesTitle: '大模型 API 价格走势',
    pricesTakeaway: (
      n: number,
      list: number,
      free: number,
      lowest: number | null,
      vendor: string,
      model: string,
      at: string,
    ) =>
      `共 ${num(n)} 条带日期的价格（其中标价 ${num(list)} 条）；免费档 ${free} 个；中国厂商付费标价中最低的输入价格为每百万 token ${lowest ?? '—'} 元（${vendor} ${model}，${date(at)}）。`,
    kind: '类型',
    kindOfPrice: '价格类型',
    inputOrOutput: '输入或输出价格',
    pricesChart: '价格随时间变化散点图（对数坐标）',
    pricesCaption: '全部价格数据点及换算所用汇率',
    rate: (rate: number, period: string, match: string) => `${rate}（${date(period)}，${MATCH_ZH[match] ?? match}）`,
    vendor: '厂商',
    model: '模型',
    tier: '档位',
    listedIn: '标价币种',
    inputUsd: '输入（USD）',
    outputUsd: '输出（USD）',
    inputCny: '输入（CNY）',
    outputCny: '输出（CNY）',
    cnyPerUsd: '所用汇率（CNY/USD）',
  },
);

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
  const t = T();
  const yearParams = useYearParams();
  const [currency, setCurrency] = useQueryParam('index_currency', 'cny');
  const [measure, setMeasure] = useQueryParam('measure', 'blended');
  const c = currency === 'usd' ? 'usd' : 'cny';
  const m = (['input', 'output', 'blended'] as const).find((x) => x === measure) ?? 'blended';
  const indexYears = index.months.map((row) => Number(row.month.slice(0, 4)));
  const years = yearRange(yearParams, Math.min(...indexYears), Math.max(...indexYears));
  // Made anew only when what it shows changes: the chart redraws when `points` does, not at every render of the page.
  const [from, to] = years.range;
  const points = useMemo(
    () =>
      index.months
        .filter((row) => row[c][m] !== null)
        .filter((row) => {
          const y = Number(row.month.slice(0, 4));
          return y >= from && y <= to;
        })
        .map((row) => ({
          date: new Date(`${row.month}-01`),
          month: row.month,
          value: row[c][m] as number,
          pairs: row.pairs,
        })),
    [index, c, m, from, to],
  );
  const make = useCallback(
    () =>
      Plot.plot({
        width: chartWidth(),
        height: 300,
        marginLeft: 48,
        x: { type: 'utc', label: t.month, ...timeTicks() },
        y: { label: t.indexAxis(index.base), grid: true, zero: true },
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
            title: (d: { month: string; value: number; pairs: number }) => t.indexPoint(d.month, d.value, d.pairs),
          }),
        ],
      }),
    [points, index.base, events, t],
  );
  const last = points.at(-1);
  const who = t.country(index.country);
  const yearly = index.yearly
    .filter((y) => y.change_cny !== null)
    .map((y) => t.yearChange(y.year, (c === 'usd' ? y.change_usd : y.change_cny) ?? '', y.partial, y.from_month))
    .join(t.yearSep);
  const takeaway =
    last && index.base
      ? t.indexTakeaway(
          t.word(m),
          who,
          c.toUpperCase(),
          last.value,
          last.month,
          index.base,
          Math.round(100 - last.value),
          index.skus.length,
        ) + (yearly ? `${yearly}${t.yearsEnd}` : '')
      : t.noIndex(who, index.min_pairs);
  return (
    <View
      id={`price-index-${index.country.replace('country:', '')}`}
      title={t.indexTitle(who)}
      takeaway={takeaway}
      controls={
        // The years always (a range with no value can be widened again); currency and measure when there are values.
        <>
          {points.length === 0 ? null : (
            <p class="controls">
              <Choice
                label={t.currency}
                ariaLabel={t.indexCurrency}
                value={c}
                options={[
                  { value: 'cny', label: t.currencyName('CNY') },
                  { value: 'usd', label: t.currencyName('USD') },
                ]}
                onChange={setCurrency}
              />{' '}
              <Choice
                label={t.price}
                ariaLabel={t.indexMeasure}
                value={m}
                options={[
                  { value: 'blended', label: t.blendedOption },
                  { value: 'input', label: t.word('input') },
                  { value: 'output', label: t.word('output') },
                ]}
                onChange={setMeasure}
              />
            </p>
          )}
          {years.controls}
        </>
      }
      chart={points.length > 0 ? <PlotFigure make={make} label={t.indexChart} /> : undefined}
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
          caption={t.indexCaption(index.base, index.min_pairs)}
          rows={index.months}
          columns={[
            { key: 'month', label: t.month, render: (row) => (lang() === 'zh' ? date(row.month) : row.month) },
            { key: 'pairs', label: t.matchedSkus, numeric: true },
            { key: 'changed', label: t.changed, numeric: true },
            {
              key: 'value',
              label: t.indexColumn(c.toUpperCase(), t.word(m)),
              numeric: true,
              render: (row) =>
                row[c][m] === null ? <span class="na">{t.notEnough(row.reason)}</span> : String(row[c][m]),
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
  const t = T();
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
        x: { type: 'utc', label: t.date, ...timeTicks() },
        y: { type: 'log', label: t.priceAxis(t.word(side), currency), grid: true, tickFormat: plain },
        color: { legend: true },
        marks: [
          Plot.dot(rows, {
            x: (d: { date: string }) => new Date(d.date),
            y: priceColumn(side, currency),
            fill: 'vendor',
            r: 4,
            title: (d: Record<string, string | number>) =>
              t.pricePoint(
                String(d.vendor),
                String(d.model),
                d[priceColumn(side, currency)] ?? '',
                currency,
                t.word(side),
              ),
          }),
        ],
      }),
    [rows, side, currency, t],
  );
  if (error) return <p role="alert">{error}</p>;
  if (!data) return <p>{t.loading}</p>;
  const free = data.prices.filter((p) => p.kind === 'free-tier').length;
  const cheapestCn = [...data.prices]
    .filter((p) => p.currency === 'CNY' && p.kind === 'list' && p.input_cny > 0)
    .sort((a, b) => a.input_cny - b.input_cny)[0];
  return (
    <article>
      <h1>{t.heading}</h1>
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
        title={t.pricesTitle}
        takeaway={t.pricesTakeaway(
          data.prices.length,
          data.prices.filter((p) => p.kind === 'list').length,
          free,
          cheapestCn?.input_cny ?? null,
          cheapestCn?.vendor ?? '',
          cheapestCn?.model ?? '',
          cheapestCn?.date ?? '',
        )}
        controls={
          <p class="controls">
            <Choice
              label={t.currency}
              value={currency}
              options={['USD', 'CNY'].map((v) => ({ value: v, label: t.currencyName(v) }))}
              onChange={setCurrency}
            />{' '}
            <Choice
              label={t.kind}
              ariaLabel={t.kindOfPrice}
              value={kind}
              options={['list', 'promotional', 'off-peak', 'cache-hit', 'batch', 'all'].map((v) => ({
                value: v,
                label: t.word(v),
              }))}
              onChange={setKind}
            />{' '}
            <Choice
              label={t.price}
              ariaLabel={t.inputOrOutput}
              value={side}
              options={['input', 'output'].map((v) => ({ value: v, label: t.word(v) }))}
              onChange={setSide}
            />
          </p>
        }
        chart={<PlotFigure make={make} label={t.pricesChart} />}
        rows={rows}
        metrics={data.metrics}
        sources={data.sources}
        openTable
        table={
          <DataTable
            id="prices-table"
            caption={t.pricesCaption}
            rows={data.prices.map((p: PricePoint) => ({
              ...p,
              rate: p.fx ? t.rate(p.fx.rate, p.fx.period, p.fx.match) : '',
            }))}
            columns={[
              { key: 'date', label: t.date, render: (p) => (lang() === 'zh' ? date(p.date) : p.date) },
              {
                key: 'vendor',
                label: t.vendor,
                render: (p) => <a href={`/entity/${p.vendor_id}`}>{p.vendor ?? p.vendor_id}</a>,
              },
              { key: 'model', label: t.model },
              { key: 'tier', label: t.tier },
              { key: 'kind', label: t.kind, render: (p) => t.word(p.kind) },
              { key: 'currency', label: t.listedIn },
              { key: 'input_usd', label: t.inputUsd, numeric: true },
              { key: 'output_usd', label: t.outputUsd, numeric: true },
              { key: 'input_cny', label: t.inputCny, numeric: true },
              { key: 'output_cny', label: t.outputCny, numeric: true },
              { key: 'rate', label: t.cnyPerUsd },
            ]}
          />
        }
      />
    </article>
  );
}
