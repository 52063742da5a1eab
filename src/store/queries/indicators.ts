/** Named SQL for indicators. */
import type { Db } from '../db.ts';
import { sql } from '../sql.ts';

/** The Epoch dataset the notable-models indicator counts by default: the notable vintage with the latest model. */
export async function defaultNotableDataset(db: Db): Promise<string | null> {
  const row = await db.one<{ dataset: string }>(sql`
    SELECT dataset FROM epoch_models WHERE notable GROUP BY dataset
    ORDER BY bool_and(notable) DESC, max(publication_date) DESC, dataset DESC LIMIT 1`);
  return row?.dataset ?? null;
}

export interface NotableCountRow {
  year: number;
  country: string;
  models: number;
  [key: string]: unknown;
}

/**
 * Notable models per (year, country): a model counts once for each distinct country among its organisations;
 * its year is the year of its publication date. Undated models are left out (see `notableModelsCoverage`).
 */
export async function notableModelsByCountry(
  db: Db,
  dataset: string,
  from: number | null,
  to: number | null,
  by: 'country' | 'group',
): Promise<NotableCountRow[]> {
  // In groups, CN and US stand alone and a model of any other country counts once in "rest".
  return db.all<NotableCountRow>(sql`
    SELECT year(m.publication_date::DATE)::INT AS year,
      CASE WHEN ${by} = 'country' OR c.country IN ('CN', 'US') THEN c.country ELSE 'rest' END AS country,
      count(DISTINCT m.model_id)::INT AS models
    FROM epoch_models m JOIN epoch_model_countries c ON c.dataset = m.dataset AND c.model_id = m.model_id
    WHERE m.dataset = ${dataset} AND m.notable AND m.publication_date IS NOT NULL
      AND (${from}::INT IS NULL OR year(m.publication_date::DATE) >= ${from})
      AND (${to}::INT IS NULL OR year(m.publication_date::DATE) <= ${to})
    GROUP BY ALL ORDER BY year, country`);
}

export interface NotableCoverage {
  models: number;
  dated: number;
  attributed: number;
  source_id: string;
  [key: string]: unknown;
}

/** How many notable models the dataset has, how many are dated and how many have a country. */
export async function notableModelsCoverage(db: Db, dataset: string): Promise<NotableCoverage | undefined> {
  return db.one<NotableCoverage>(sql`
    SELECT count(*)::INT AS models, count(publication_date)::INT AS dated,
      count(*) FILTER (WHERE countries <> '[]')::INT AS attributed, min(source_id) AS source_id
    FROM epoch_models WHERE dataset = ${dataset} AND notable`);
}
