/** LLM API prices in both currencies, converted at a dated, cited rate. Pure. */
import type { FxRow, PricePointRow } from '../store/queries/prices.ts';

export interface ConvertedPrice extends PricePointRow {
  input_cny: number;
  output_cny: number;
  input_usd: number;
  output_usd: number;
  /** The CNY-per-USD rate used, its period and its source; null when the price needed no conversion. */
  fx: {
    rate: number;
    period: string;
    source_id: string;
    match: 'same day' | 'same month' | 'same year' | 'nearest earlier' | 'nearest later';
  } | null;
}

/**
 * The rate for a date: the most specific cited period containing it (day, then month, then year); failing that, the
 * latest earlier rate; failing that, the earliest later one. The choice is reported with every converted price.
 */
export function rateFor(date: string, rates: readonly FxRow[]): ConvertedPrice['fx'] {
  const pick = (r: FxRow | undefined, match: NonNullable<ConvertedPrice['fx']>['match']) =>
    r ? { rate: r.value, period: r.period, source_id: r.source_id, match } : null;
  const day = date.slice(0, 10);
  const month = date.slice(0, 7);
  const year = date.slice(0, 4);
  if (day.length === 10) {
    const same = rates.find((r) => r.period === day);
    if (same) return pick(same, 'same day');
  }
  if (month.length === 7) {
    const same = rates.find((r) => r.period === month);
    if (same) return pick(same, 'same month');
  }
  const sameYear = rates.find((r) => r.period === year);
  if (sameYear) return pick(sameYear, 'same year');
  const earlier = rates.filter((r) => r.period <= date).at(-1);
  if (earlier) return pick(earlier, 'nearest earlier');
  return pick(rates[0], 'nearest later');
}

export function convertPrices(points: readonly PricePointRow[], rates: readonly FxRow[]): ConvertedPrice[] {
  return points.map((p) => {
    const fx = rateFor(p.date, rates);
    const rate = fx?.rate ?? Number.NaN;
    const round = (n: number) => Math.round(n * 10000) / 10000;
    if (p.currency === 'CNY') {
      return {
        ...p,
        input_cny: p.input,
        output_cny: p.output,
        input_usd: round(p.input / rate),
        output_usd: round(p.output / rate),
        fx,
      };
    }
    return {
      ...p,
      input_usd: p.input,
      output_usd: p.output,
      input_cny: round(p.input * rate),
      output_cny: round(p.output * rate),
      fx,
    };
  });
}
