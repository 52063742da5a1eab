/** Named SQL for LLM API list prices and the exchange rates they are converted at. */
import type { Db } from '../db.ts';
import { sql } from '../sql.ts';

export interface PricePointRow {
  vendor_id: string;
  vendor: string | null;
  model: string;
  date: string;
  currency: 'CNY' | 'USD';
  input: number;
  output: number | null;
  note: string | null;
  source_id: string;
  [key: string]: unknown;
}

/** Every list price: full (input and output) rows, and input-only points recorded as observations. */
export async function pricePoints(db: Db, vendor: string | null): Promise<PricePointRow[]> {
  return db.all<PricePointRow>(sql`
    SELECT * FROM (
      SELECT p.vendor_id, coalesce(e.name_en, e.name_zh) AS vendor, p.model, p.date, p.currency, p.input, p.output,
        p.note, p.source_id
      FROM prices p LEFT JOIN entities e ON e.id = p.vendor_id
      UNION ALL
      SELECT o.subject_id, coalesce(e.name_en, e.name_zh), coalesce(o.note, '(input price)'), o.period,
        CASE WHEN o.unit LIKE 'CNY%' THEN 'CNY' ELSE 'USD' END, o.value, NULL, o.note, o.source_id
      FROM observations o LEFT JOIN entities e ON e.id = o.subject_id
      WHERE o.metric = 'llm_api.input_price_per_million_tokens'
    ) WHERE ${vendor}::VARCHAR IS NULL OR vendor_id = ${vendor}
    ORDER BY date, vendor_id, model`);
}

export interface FxRow {
  period: string;
  value: number;
  source_id: string;
  [key: string]: unknown;
}

/** Cited CNY-per-USD rates (annual, monthly or daily periods). */
export async function fxRates(db: Db): Promise<FxRow[]> {
  return db.all<FxRow>(sql`
    SELECT period, value, min(source_id) AS source_id FROM observations WHERE metric = 'fx.usd_cny'
    GROUP BY period, value ORDER BY period`);
}
