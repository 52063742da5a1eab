/** Named SQL for segments and the involution index: players, their entry and exit, and release credits. */
import type { Db } from '../db.ts';
import { COUNTED_AI_CLASSES } from '../../model/types.ts';
import { type Sql, sql } from '../sql.ts';

/**
 * Players are organisations whose AI class is counted (makers and public research, `org_profile`); adopters (a bank
 * with a filed model) and the others are not players of any segment and are counted apart.
 */
const PLAYER = sql`(SELECT entity_id FROM org_profile WHERE list_contains(${COUNTED_AI_CLASSES}::VARCHAR[], ai_class))`;

/** What the store knows about one player of a segment: every dated piece of evidence of entry, activity and exit. */
export interface PlayerRow {
  org: string;
  name: string | null;
  kind: string;
  /** The organisation's AI class (maker, research or government). */
  ai_class: string;
  city: string | null;
  founded: number | null;
  founded_source: string | null;
  /** How many segments the organisation is tagged with (1 = a pure player of this one). */
  segments: number;
  first_release: string | null;
  first_release_thing: string | null;
  first_release_name: string | null;
  first_release_source: string | null;
  last_release: string | null;
  releases: number;
  /** First and last dated API price of the organisation (LLM segment only). */
  first_price: string | null;
  first_price_source: string | null;
  last_price: string | null;
  /** First date a model of the organisation was named in the upstream LLM list (LLM segment only). */
  first_listed: string | null;
  first_listed_source: string | null;
  /** A cited "entered the segment" fact (attr entered_segment, value = the segment, as_of = the date). */
  entered: string | null;
  entered_source: string | null;
  /** A cited defunct/acquired status, or a cited "left the segment" fact (attr exited_segment). */
  status: string | null;
  status_date: string | null;
  status_source: string | null;
  exited: string | null;
  exited_source: string | null;
  [key: string]: unknown;
}

/**
 * Every segment's rows of one statement, the segment each row is of beside it, and the rows of one segment taken from
 * them. Each statement below costs about as much for all segments as for one (its aggregates run over every fact
 * either way), so a build that stores every segment's payload asks once per statement, not once per segment (a
 * reading view answers a repeated statement once), and a single request pays no more than before.
 */
async function ofSegment<T extends object>(db: Db, query: Sql, segment: string): Promise<T[]> {
  const rows = await db.all<{ segment: string } & T>(query);
  return rows.filter((r) => r.segment === segment).map(({ segment: _segment, ...row }) => row as unknown as T);
}

/** Organisations tagged with `segment` (in `country`, or anywhere when null), with the evidence of their entry and exit. */
export async function segmentPlayers(db: Db, segment: string, country: string | null): Promise<PlayerRow[]> {
  return ofSegment<PlayerRow>(
    db,
    sql`
    WITH players AS (
      SELECT DISTINCT s.segment, s.entity_id AS org FROM entity_segments s
      LEFT JOIN entity_place p ON p.entity_id = s.entity_id
      WHERE s.entity_id IN ${PLAYER} AND (${country}::VARCHAR IS NULL OR p.country = ${country})
    ),
    dated AS (
      SELECT f.entity_id AS thing, min(f.value) AS date, arg_min(f.source_id, f.value || ' ' || f.source_id) AS source_id FROM facts f
      WHERE f.attr IN ('release_date', 'publication_date') AND regexp_matches(f.value, '^[0-9]{4}') GROUP BY f.entity_id
    ),
    rel AS (
      SELECT rs.segment, rs.org, min(rs.date) AS first, arg_min(rs.thing, rs.date || ' ' || rs.thing) AS first_thing,
        max(rs.date) AS last, count(DISTINCT rs.thing) AS n
      FROM segment_releases rs GROUP BY rs.segment, rs.org
    ),
    -- Prices and the LLM list are evidence of the LLM segment only.
    price AS (
      SELECT vendor_id AS org, min(date) AS first, arg_min(source_id, date || ' ' || source_id) AS first_source, max(date) AS last
      FROM prices GROUP BY vendor_id
    ),
    listed AS (
      SELECT r.subject_id AS org, min(f.value) AS first, arg_min(f.source_id, f.value || ' ' || f.source_id) AS source_id
      FROM relations r JOIN facts f ON f.entity_id = r.object_id AND f.attr = 'first_listed'
      WHERE r.predicate = 'developed' GROUP BY r.subject_id
    ),
    entered AS (
      SELECT value AS segment, entity_id AS org, min(coalesce(as_of, '')) AS date,
        arg_min(source_id, coalesce(as_of, '') || ' ' || source_id) AS source_id
      FROM facts WHERE attr = 'entered_segment' GROUP BY value, entity_id
    ),
    exited AS (
      SELECT value AS segment, entity_id AS org, min(coalesce(as_of, '')) AS date,
        arg_min(source_id, coalesce(as_of, '') || ' ' || source_id) AS source_id
      FROM facts WHERE attr = 'exited_segment' GROUP BY value, entity_id
    ),
    status AS (
      -- Ties are broken by id throughout, so the same data always gives the same evidence.
      SELECT entity_id AS org, min(value) AS value, min(as_of) AS date, arg_min(source_id, coalesce(as_of, '') || ' ' || source_id) AS source_id
      FROM facts WHERE attr = 'status' AND value IN ('defunct', 'acquired') GROUP BY entity_id
    ),
    founded AS (
      SELECT entity_id AS org, min(TRY_CAST(substr(value, 1, 4) AS INTEGER)) AS year,
        arg_min(source_id, value || ' ' || source_id) AS source_id
      FROM facts WHERE attr IN ('founded', 'founding_date') AND regexp_matches(value, '^[0-9]{4}') GROUP BY entity_id
    ),
    tags AS (SELECT entity_id AS org, count(DISTINCT segment) AS n FROM entity_segments GROUP BY entity_id)
    SELECT pl.segment, pl.org, coalesce(e.name_en, e.name_zh) AS name, e.kind, op.ai_class, p.city,
      fo.year::INT AS founded, fo.source_id AS founded_source, coalesce(tags.n, 0)::INT AS segments,
      rel.first AS first_release, rel.first_thing AS first_release_thing,
      coalesce(t.name_en, t.name_zh) AS first_release_name, d.source_id AS first_release_source,
      rel.last AS last_release, coalesce(rel.n, 0)::INT AS releases,
      price.first AS first_price, price.first_source AS first_price_source, price.last AS last_price,
      listed.first AS first_listed, listed.source_id AS first_listed_source,
      nullif(entered.date, '') AS entered, entered.source_id AS entered_source,
      status.value AS status, status.date AS status_date, status.source_id AS status_source,
      nullif(exited.date, '') AS exited, exited.source_id AS exited_source
    FROM players pl JOIN entities e ON e.id = pl.org JOIN org_profile op ON op.entity_id = pl.org
    LEFT JOIN entity_place p ON p.entity_id = pl.org
    LEFT JOIN rel ON rel.segment = pl.segment AND rel.org = pl.org LEFT JOIN dated d ON d.thing = rel.first_thing
    LEFT JOIN entities t ON t.id = rel.first_thing
    LEFT JOIN price ON pl.segment = 'llm' AND price.org = pl.org
    LEFT JOIN listed ON pl.segment = 'llm' AND listed.org = pl.org
    LEFT JOIN entered ON entered.segment = pl.segment AND entered.org = pl.org
    LEFT JOIN exited ON exited.segment = pl.segment AND exited.org = pl.org
    LEFT JOIN status ON status.org = pl.org LEFT JOIN founded fo ON fo.org = pl.org LEFT JOIN tags ON tags.org = pl.org
    ORDER BY pl.segment, pl.org`,
    segment,
  );
}

export interface ReleaseCredit {
  year: number;
  org: string;
  credit: number;
  [key: string]: unknown;
}

/** Release credits per year and organisation: a release made by k organisations credits each 1/k. */
export async function releaseCredits(db: Db, segment: string, country: string | null): Promise<ReleaseCredit[]> {
  return ofSegment<ReleaseCredit>(
    db,
    sql`
    SELECT rs.segment, rs.year::INT AS year, rs.org, sum(1.0 / rs.makers)::DOUBLE AS credit
    FROM (SELECT DISTINCT segment, thing, org, year, makers FROM segment_releases) rs
    LEFT JOIN entity_place p ON p.entity_id = rs.org
    WHERE (${country}::VARCHAR IS NULL OR p.country = ${country}) AND rs.org IN ${PLAYER}
    GROUP BY ALL ORDER BY segment, year, org`,
    segment,
  );
}

export interface ActivityCoverage {
  /** The input (dataset) the evidence comes from, and the source that stands for it. */
  dataset: string;
  source_id: string | null;
  evidence: 'release' | 'price';
  first_date: string;
  last_date: string;
  rows: number;
  [key: string]: unknown;
}

/**
 * How far each input that can show a segment's activity reaches: for every dataset that dates at least one release of
 * the segment, the first and last release date it holds across all segments (a vintage's reach is not the segment's:
 * a file that happens to hold its last chip model in 2019 still covers 2024); for the LLM segment, the price rows too.
 * The earliest end is where silence stops meaning anything (right-censoring).
 */
export async function activityCoverage(db: Db, segment: string): Promise<ActivityCoverage[]> {
  return ofSegment<ActivityCoverage>(
    db,
    sql`
    WITH dates AS (
      SELECT f.dataset, f.source_id, f.entity_id, f.value AS date FROM facts f
      WHERE f.attr IN ('release_date', 'publication_date') AND regexp_matches(f.value, '^[0-9]{4}')
        AND f.entity_id IN (SELECT thing FROM releases)
    ),
    reach AS (
      SELECT dataset, min(source_id) AS source_id, min(date) AS first_date, max(date) AS last_date,
        count(*)::INT AS rows
      FROM dates GROUP BY dataset
    ),
    used AS (
      SELECT DISTINCT r.segment, d.dataset FROM dates d JOIN segment_releases r ON r.thing = d.entity_id
    )
    SELECT u.segment, r.dataset, r.source_id, 'release' AS evidence, r.first_date, r.last_date, r.rows
    FROM used u JOIN reach r ON r.dataset = u.dataset
    UNION ALL
    SELECT 'llm', 'prices', NULL, 'price', min(date), max(date), count(*)::INT FROM prices
    HAVING count(*) > 0
    ORDER BY segment, evidence, dataset`,
    segment,
  );
}

export interface CapabilityPoint {
  year: number;
  thing: string;
  name: string | null;
  /** log10 of the training compute in FLOP. */
  log10_flop: number;
  source_id: string;
  [key: string]: unknown;
}

/** Releases of the segment (made by an organisation in `country`) with a cited training compute, one row per release. */
export async function capabilityPoints(db: Db, segment: string, country: string | null): Promise<CapabilityPoint[]> {
  return ofSegment<CapabilityPoint>(
    db,
    sql`
    SELECT r.segment, r.year::INT AS year, r.thing, coalesce(e.name_en, e.name_zh) AS name,
      log10(max(TRY_CAST(f.value AS DOUBLE)))::DOUBLE AS log10_flop, min(f.source_id) AS source_id
    FROM (SELECT DISTINCT segment, thing, org, year FROM segment_releases) r
    JOIN facts f ON f.entity_id = r.thing AND f.attr = 'training_compute' AND f.unit = 'FLOP'
    JOIN entities e ON e.id = r.thing
    LEFT JOIN entity_place p ON p.entity_id = r.org
    WHERE (${country}::VARCHAR IS NULL OR p.country = ${country}) AND TRY_CAST(f.value AS DOUBLE) > 0
    GROUP BY r.segment, r.year, r.thing, e.name_en, e.name_zh ORDER BY r.segment, r.year, r.thing`,
    segment,
  );
}

export interface SegmentSummary {
  segment: string;
  players: number;
  /** Organisations tagged with the segment whose business is elsewhere: not players. */
  adopters: number;
  cities: number;
  releases: number;
  [key: string]: unknown;
}

export async function segmentSummaries(db: Db, country: string | null): Promise<SegmentSummary[]> {
  return db.all<SegmentSummary>(sql`
    WITH pl AS (
      SELECT DISTINCT s.segment, s.entity_id, p.city FROM entity_segments s
      LEFT JOIN entity_place p ON p.entity_id = s.entity_id
      WHERE s.entity_id IN ${PLAYER} AND (${country}::VARCHAR IS NULL OR p.country = ${country})
    ),
    adopters AS (
      SELECT s.segment, count(DISTINCT s.entity_id) AS n FROM entity_segments s
      JOIN org_profile op ON op.entity_id = s.entity_id AND op.ai_class = 'adopter'
      LEFT JOIN entity_place p ON p.entity_id = s.entity_id
      WHERE ${country}::VARCHAR IS NULL OR p.country = ${country} GROUP BY s.segment
    )
    SELECT pl.segment, count(DISTINCT pl.entity_id)::INT AS players,
      coalesce((SELECT n FROM adopters a WHERE a.segment = pl.segment), 0)::INT AS adopters,
      count(DISTINCT pl.city)::INT AS cities,
      (SELECT count(DISTINCT rs.thing) FROM segment_releases rs WHERE rs.segment = pl.segment
        AND rs.org IN (SELECT entity_id FROM pl p2 WHERE p2.segment = pl.segment))::INT AS releases
    FROM pl GROUP BY pl.segment ORDER BY players DESC, pl.segment`);
}

export async function segmentCities(
  db: Db,
  segment: string,
  country: string | null,
): Promise<{ city: string; name: string | null; players: number }[]> {
  return ofSegment(
    db,
    sql`
    SELECT s.segment, p.city, coalesce(c.name_en, c.name_zh) AS name, count(DISTINCT s.entity_id)::INT AS players
    FROM entity_segments s JOIN entity_place p ON p.entity_id = s.entity_id JOIN entities c ON c.id = p.city
    WHERE (${country}::VARCHAR IS NULL OR p.country = ${country}) AND s.entity_id IN ${PLAYER}
    GROUP BY ALL ORDER BY s.segment, players DESC, p.city`,
    segment,
  );
}

/** The sources behind a segment's players and releases: founding, status and release-date facts. */
export async function segmentSourceIds(db: Db, segment: string, country: string | null): Promise<string[]> {
  const rows = await ofSegment<{ source_id: string }>(
    db,
    sql`
    WITH players AS (
      SELECT DISTINCT s.segment, s.entity_id AS org FROM entity_segments s LEFT JOIN entity_place p ON p.entity_id = s.entity_id
      WHERE (${country}::VARCHAR IS NULL OR p.country = ${country}) AND s.entity_id IN ${PLAYER}
    )
    SELECT DISTINCT pl.segment, f.source_id FROM facts f JOIN players pl ON pl.org = f.entity_id
      WHERE f.attr IN ('founded', 'founding_date', 'status', 'ai_class')
    UNION SELECT DISTINCT r.segment, f.source_id FROM facts f JOIN segment_releases r ON r.thing = f.entity_id
      JOIN players pl ON pl.segment = r.segment AND pl.org = r.org
      WHERE f.attr IN ('release_date', 'publication_date')
    ORDER BY 1, 2`,
    segment,
  );
  return rows.map((r) => r.source_id);
}
