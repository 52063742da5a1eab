/** Named SQL for segments and the involution index: players, their entry and exit, and release credits. */
import type { Db } from '../db.ts';
import { sql } from '../sql.ts';

export interface PlayerRow {
  org: string;
  name: string | null;
  city: string | null;
  founded: number | null;
  status: string | null;
  status_year: number | null;
  first_release: number | null;
  last_release: number | null;
  releases: number;
  [key: string]: unknown;
}

/** Organisations tagged with `segment` (in `country`, or anywhere when null), with what their entry and exit rest on. */
export async function segmentPlayers(db: Db, segment: string, country: string | null): Promise<PlayerRow[]> {
  return db.all<PlayerRow>(sql`
    WITH players AS (
      SELECT DISTINCT s.entity_id AS org FROM entity_segments s JOIN entities e ON e.id = s.entity_id
      LEFT JOIN entity_place p ON p.entity_id = s.entity_id
      WHERE s.segment = ${segment} AND e.kind IN ('company', 'lab', 'university', 'government', 'investor', 'organization')
        AND (${country}::VARCHAR IS NULL OR p.country = ${country})
    ),
    rel AS (SELECT org, min(year) AS first, max(year) AS last, count(DISTINCT thing) AS n
            FROM release_segments WHERE segment = ${segment} GROUP BY org)
    SELECT pl.org, coalesce(e.name_en, e.name_zh) AS name, p.city,
      (SELECT min(TRY_CAST(substr(f.value, 1, 4) AS INTEGER)) FROM facts f
        WHERE f.entity_id = pl.org AND f.attr IN ('founded', 'founding_date'))::INT AS founded,
      (SELECT min(f.value) FROM facts f WHERE f.entity_id = pl.org AND f.attr = 'status' AND f.value IN ('defunct', 'acquired')) AS status,
      (SELECT min(TRY_CAST(substr(f.as_of, 1, 4) AS INTEGER)) FROM facts f
        WHERE f.entity_id = pl.org AND f.attr = 'status' AND f.value IN ('defunct', 'acquired'))::INT AS status_year,
      rel.first::INT AS first_release, rel.last::INT AS last_release, coalesce(rel.n, 0)::INT AS releases
    FROM players pl JOIN entities e ON e.id = pl.org LEFT JOIN entity_place p ON p.entity_id = pl.org
    LEFT JOIN rel ON rel.org = pl.org ORDER BY pl.org`);
}

export interface ReleaseCredit {
  year: number;
  org: string;
  credit: number;
  [key: string]: unknown;
}

/** Release credits per year and organisation: a release made by k organisations credits each 1/k. */
export async function releaseCredits(db: Db, segment: string, country: string | null): Promise<ReleaseCredit[]> {
  return db.all<ReleaseCredit>(sql`
    SELECT rs.year::INT AS year, rs.org, sum(1.0 / rs.makers)::DOUBLE AS credit
    FROM (SELECT DISTINCT thing, org, year, makers FROM release_segments WHERE segment = ${segment}) rs
    LEFT JOIN entity_place p ON p.entity_id = rs.org
    WHERE ${country}::VARCHAR IS NULL OR p.country = ${country}
    GROUP BY ALL ORDER BY year, org`);
}

export interface SegmentSummary {
  segment: string;
  players: number;
  cities: number;
  releases: number;
  [key: string]: unknown;
}

export async function segmentSummaries(db: Db, country: string | null): Promise<SegmentSummary[]> {
  return db.all<SegmentSummary>(sql`
    WITH pl AS (
      SELECT DISTINCT s.segment, s.entity_id, p.city FROM entity_segments s JOIN entities e ON e.id = s.entity_id
      LEFT JOIN entity_place p ON p.entity_id = s.entity_id
      WHERE e.kind IN ('company', 'lab', 'university', 'government', 'investor', 'organization')
        AND (${country}::VARCHAR IS NULL OR p.country = ${country})
    )
    SELECT pl.segment, count(DISTINCT pl.entity_id)::INT AS players, count(DISTINCT pl.city)::INT AS cities,
      (SELECT count(DISTINCT rs.thing) FROM release_segments rs WHERE rs.segment = pl.segment
        AND rs.org IN (SELECT entity_id FROM pl p2 WHERE p2.segment = pl.segment))::INT AS releases
    FROM pl GROUP BY pl.segment ORDER BY players DESC, pl.segment`);
}

export async function segmentCities(
  db: Db,
  segment: string,
  country: string | null,
): Promise<{ city: string; name: string | null; players: number }[]> {
  return db.all(sql`
    SELECT p.city, coalesce(c.name_en, c.name_zh) AS name, count(DISTINCT s.entity_id)::INT AS players
    FROM entity_segments s JOIN entity_place p ON p.entity_id = s.entity_id JOIN entities c ON c.id = p.city
    WHERE s.segment = ${segment} AND (${country}::VARCHAR IS NULL OR p.country = ${country})
    GROUP BY ALL ORDER BY players DESC, p.city`);
}

/** The sources behind a segment's players and releases: founding, status and release-date facts. */
export async function segmentSourceIds(db: Db, segment: string, country: string | null): Promise<string[]> {
  const rows = await db.all<{ source_id: string }>(sql`
    WITH players AS (
      SELECT DISTINCT s.entity_id AS org FROM entity_segments s LEFT JOIN entity_place p ON p.entity_id = s.entity_id
      WHERE s.segment = ${segment} AND (${country}::VARCHAR IS NULL OR p.country = ${country})
    )
    SELECT DISTINCT f.source_id FROM facts f WHERE f.attr IN ('founded', 'founding_date', 'status')
      AND f.entity_id IN (SELECT org FROM players)
    UNION SELECT DISTINCT f.source_id FROM facts f JOIN release_segments r ON r.thing = f.entity_id
      WHERE r.segment = ${segment} AND r.org IN (SELECT org FROM players) AND f.attr IN ('release_date', 'publication_date')
    ORDER BY 1`);
  return rows.map((r) => r.source_id);
}
