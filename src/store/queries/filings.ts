/** Named SQL for the CAC generative-AI filings as records: where, by whom, when. */
import type { Db } from '../db.ts';
import { sql } from '../sql.ts';

export interface FilingFilter {
  province: string | null;
  city: string | null;
  org: string | null;
  kind: string | null;
  list: string | null;
}

export interface FilingRow {
  filing_id: string;
  kind: string;
  list_id: string;
  list_date: string;
  seq: number;
  province_label: string;
  province: string | null;
  service: string;
  provider: string;
  provider_id: string | null;
  provider_en: string | null;
  city: string | null;
  /** Where the city comes from: the provider's primary place, or its legal name. */
  city_basis: 'provider' | 'legal name' | null;
  filed_on: string | null;
  quarter: string;
  source_id: string;
  [key: string]: unknown;
}

/** The filter and the place each record has: its province from the list; its city from its resolved provider's place. */
const FILINGS = sql`
  SELECT f.filing_id, f.kind, f.list_id, f.list_date, f.seq, f.province_label, f.province_id AS province, f.service,
    f.provider, f.provider_id, e.name_en AS provider_en,
    -- The provider's primary city, else the city its legal name registers it in; either counts only when it lies
    -- in the province the list files it under.
    coalesce(CASE WHEN p.province = f.province_id THEN p.city END,
      CASE WHEN np.province = f.province_id THEN f.name_city_id END) AS city,
    CASE WHEN p.province = f.province_id AND p.city IS NOT NULL THEN 'provider'
      WHEN np.province = f.province_id AND f.name_city_id IS NOT NULL THEN 'legal name' END AS city_basis,
    f.filed_on,
    strftime(CAST(coalesce(f.filed_on, f.id_date) AS DATE), '%Y') || '-Q' ||
      quarter(CAST(coalesce(f.filed_on, f.id_date) AS DATE)) AS quarter,
    f.source_id,
    -- Where the record stands in its input (for the list's own order; not part of the record).
    f.dataset, f.line
  FROM genai_filings f LEFT JOIN entities e ON e.id = f.provider_id LEFT JOIN entity_place p ON p.entity_id = f.provider_id
    LEFT JOIN entity_place np ON np.entity_id = f.name_city_id`;

/**
 * Filings in each list's own order (its filed services, then its registered apps, each as the list gives them: a
 * list may number a second section from 1 again, as the August 2026 list does).
 */
export async function filings(db: Db, f: FilingFilter): Promise<FilingRow[]> {
  return db.all<FilingRow>(sql`
    WITH r AS (${FILINGS})
    SELECT * EXCLUDE (dataset, line) FROM r
    WHERE (${f.province}::VARCHAR IS NULL OR r.province = ${f.province})
      AND (${f.city}::VARCHAR IS NULL OR r.city = ${f.city})
      AND (${f.org}::VARCHAR IS NULL OR r.provider_id = ${f.org})
      AND (${f.kind}::VARCHAR IS NULL OR r.kind = ${f.kind})
      AND (${f.list}::VARCHAR IS NULL OR r.list_id = ${f.list})
    ORDER BY r.list_date, r.kind, r.dataset, r.line`);
}

export interface FilingListRow {
  list_id: string;
  list_date: string;
  filed: number;
  registered: number;
  source_id: string;
  [key: string]: unknown;
}

/** The lists ingested, with what each holds: which batches are covered. */
export async function filingLists(db: Db): Promise<FilingListRow[]> {
  return db.all<FilingListRow>(sql`
    SELECT list_id, min(list_date) AS list_date, count(*) FILTER (WHERE kind = 'filed')::INT AS filed,
      count(*) FILTER (WHERE kind = 'registered')::INT AS registered, min(source_id) AS source_id
    FROM genai_filings GROUP BY list_id ORDER BY list_date`);
}

/** Filed services per city (by the provider's primary place): the city league's column. */
export async function filedServicesByCity(db: Db): Promise<{ city: string; filed: number }[]> {
  return db.all(sql`
    WITH r AS (${FILINGS})
    SELECT city, count(*)::INT AS filed FROM r WHERE kind = 'filed' AND city IS NOT NULL GROUP BY city`);
}
