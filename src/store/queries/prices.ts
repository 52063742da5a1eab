/** Named SQL for LLM API list prices and the exchange rates they are converted at. */
import type { Db } from '../db.ts';
import { sql } from '../sql.ts';
import type { PriceKind } from '../../model/types.ts';

export interface PricePointRow {
  vendor_id: string;
  vendor: string | null;
  /** Where the vendor is (ISO country entity), null when no place is cited. */
  vendor_country: string | null;
  model: string;
  tier: string;
  kind: PriceKind;
  date: string;
  currency: 'CNY' | 'USD';
  input: number;
  output: number;
  note: string | null;
  source_id: string;
  [key: string]: unknown;
}

/** Every price row (all kinds), optionally of one vendor or of the vendors placed in one country. */
export async function pricePoints(
  db: Db,
  filter: { vendor?: string | null; country?: string | null } = {},
): Promise<PricePointRow[]> {
  const vendor = filter.vendor ?? null;
  const country = filter.country ?? null;
  return db.all<PricePointRow>(sql`
    SELECT p.vendor_id, coalesce(e.name_en, e.name_zh) AS vendor, pl.country AS vendor_country, p.model, p.tier,
      p.kind, p.date, p.currency, p.input, p.output, p.note, p.source_id
    FROM prices p LEFT JOIN entities e ON e.id = p.vendor_id
    LEFT JOIN entity_place pl ON pl.entity_id = p.vendor_id
    WHERE (${vendor}::VARCHAR IS NULL OR p.vendor_id = ${vendor})
      AND (${country}::VARCHAR IS NULL OR pl.country = ${country})
    ORDER BY p.date, p.vendor_id, p.model, p.tier, p.kind, p.source_id`);
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
