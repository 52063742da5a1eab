/**
 * Named SQL for the country comparison: CN, US, EU (27 members), GB, and everyone else. Each series is computed
 * from one source and never mixed with another.
 */
import { EU27 } from '../../model/countries.ts';
import type { Db } from '../db.ts';
import { sql } from '../sql.ts';

export interface BlocYearRow {
  year: number;
  bloc: string;
  value: number;
  [key: string]: unknown;
}

const EU = [...EU27];

/** Notable (optionally open-weight only) models per bloc and year; a model counts once per bloc it involves. */
export async function notableModelsByBloc(db: Db, dataset: string, openWeightsOnly: boolean): Promise<BlocYearRow[]> {
  return db.all<BlocYearRow>(sql`
    SELECT year(m.publication_date::DATE)::INT AS year,
      CASE WHEN c.country IN ('CN', 'US', 'GB') THEN c.country WHEN list_contains(${EU}::VARCHAR[], c.country) THEN 'EU'
        ELSE 'other' END AS bloc,
      count(DISTINCT m.model_id)::INT AS value
    FROM epoch_models m JOIN epoch_model_countries c ON c.dataset = m.dataset AND c.model_id = m.model_id
    WHERE m.dataset = ${dataset} AND m.notable AND m.publication_date IS NOT NULL
      AND (NOT ${openWeightsOnly} OR m.accessibility LIKE 'Open weights%')
    GROUP BY ALL ORDER BY year, bloc`);
}

/** An observation series per bloc and year; EU members are summed (an upper bound for whole-counted series). */
export async function observationsByBloc(
  db: Db,
  metric: string,
): Promise<(BlocYearRow & { members: number; source_id: string })[]> {
  return db.all(sql`
    WITH o AS (
      SELECT TRY_CAST(substr(o.period, 1, 4) AS INTEGER) AS year, upper(replace(o.subject_id, 'country:', '')) AS code,
        o.value, o.source_id
      FROM observations o WHERE o.metric = ${metric} AND o.subject_id LIKE 'country:%'
    )
    SELECT year::INT AS year,
      CASE WHEN code IN ('CN', 'US', 'GB') THEN code WHEN list_contains(${EU}::VARCHAR[], code) THEN 'EU' ELSE 'other' END AS bloc,
      sum(value)::DOUBLE AS value, count(DISTINCT code)::INT AS members, min(source_id) AS source_id
    FROM o WHERE year IS NOT NULL GROUP BY ALL ORDER BY year, bloc`);
}

/** A dated series of one metric on one subject (e.g. CAC filings on country:cn). */
export async function observationSeries(
  db: Db,
  metric: string,
  subject: string,
): Promise<{ period: string; value: number; unit: string; source_id: string }[]> {
  return db.all(sql`
    SELECT period, value, unit, source_id FROM observations WHERE metric = ${metric} AND subject_id = ${subject}
    ORDER BY period, source_id`);
}

/** Hugging Face downloads at the latest sync, by the country of the publishing organisation. */
export async function openWeightDownloadsByCountry(
  db: Db,
): Promise<{ country: string | null; models: number; downloads: number; period: string | null }[]> {
  return db.all(sql`
    WITH latest AS (SELECT max(period) AS p FROM observations WHERE metric = 'hf.downloads'),
    d AS (
      SELECT o.subject_id AS model, max(o.value) AS value FROM observations o, latest
      WHERE o.metric = 'hf.downloads' AND o.period = latest.p GROUP BY o.subject_id
    ),
    -- A model counts once per country however many of its organisations (or syncs naming them) are there.
    dc AS (
      SELECT DISTINCT d.model, d.value, p.country FROM d
      JOIN (SELECT DISTINCT object_id, subject_id FROM relations WHERE predicate = 'developed') r ON r.object_id = d.model
      LEFT JOIN entity_place p ON p.entity_id = r.subject_id
    )
    SELECT country, count(*)::INT AS models, sum(value)::DOUBLE AS downloads, (SELECT p FROM latest) AS period
    FROM dc GROUP BY country ORDER BY downloads DESC, country`);
}

export interface PatentRow extends BlocYearRow {
  source_id: string;
  /** The source marks the year incomplete (publication lag): shown, never read as a fall. */
  incomplete: boolean;
}

/**
 * A patent series per bloc and year as its source reports it: CN, US, GB by country, the EU-27 and the world as the
 * source's own aggregates (never summed here), and "other" = world − the four, only where all five are reported.
 */
export async function patentsByBloc(db: Db, metric: string): Promise<PatentRow[]> {
  return db.all<PatentRow>(sql`
    WITH o AS (
      SELECT CAST(substr(period, 1, 4) AS INTEGER) AS year,
        CASE subject_id WHEN 'country:cn' THEN 'CN' WHEN 'country:us' THEN 'US' WHEN 'country:gb' THEN 'GB'
          WHEN 'bloc:eu27' THEN 'EU' WHEN 'bloc:world' THEN 'world' END AS bloc,
        value, source_id, coalesce(starts_with(lower(note), 'incomplete'), false) AS incomplete
      FROM observations WHERE metric = ${metric}
    ),
    named AS (SELECT * FROM o WHERE bloc IS NOT NULL AND bloc <> 'world'),
    other AS (
      SELECT w.year, 'other' AS bloc, round(w.value - sum(n.value), 4) AS value, w.source_id, w.incomplete
      FROM o w JOIN named n ON n.year = w.year WHERE w.bloc = 'world'
      GROUP BY w.year, w.value, w.source_id, w.incomplete HAVING count(DISTINCT n.bloc) = 4
    )
    SELECT year::INT AS year, bloc, value::DOUBLE AS value, source_id, incomplete FROM named
    UNION ALL SELECT year::INT, bloc, value::DOUBLE, source_id, incomplete FROM other
    ORDER BY year, bloc`);
}
