/** Named SQL for the map: the measures per province, and the places a city's coordinates are looked up for. */
import { COUNTED_AI_CLASSES } from '../../model/types.ts';
import type { Db } from '../db.ts';
import { sql } from '../sql.ts';

export interface ProvinceMeasureRow {
  province: string;
  name_en: string | null;
  name_zh: string | null;
  ai_organizations: number;
  ai_makers: number;
  genai_filings: number;
  universities: number;
  founders: number;
  policies: number;
  funding_rounds: number;
  [key: string]: unknown;
}

/** Per province of `country`: AI organisations and makers, filed services, universities, founders, policies, rounds. */
export async function provinceMeasures(db: Db, country: string): Promise<ProvinceMeasureRow[]> {
  return db.all<ProvinceMeasureRow>(sql`
    WITH placed AS (SELECT p.entity_id, p.province FROM entity_place p WHERE p.country = ${country} AND p.province IS NOT NULL),
    orgs AS (
      SELECT o.entity_id, o.ai_class, pl.province FROM org_profile o JOIN placed pl ON pl.entity_id = o.entity_id
      WHERE list_contains(${COUNTED_AI_CLASSES}::VARCHAR[], o.ai_class)
        -- Active in AI, as the city league counts: a segment of its own or a model it made.
        AND (EXISTS (SELECT 1 FROM entity_segments s WHERE s.entity_id = o.entity_id)
          OR EXISTS (SELECT 1 FROM relations d WHERE d.subject_id = o.entity_id AND d.predicate = 'developed'))
    ),
    pol AS (
      SELECT DISTINCT f.entity_id, coalesce(p.province, CASE WHEN r.object_id LIKE 'province:%' THEN r.object_id END) AS province
      FROM facts f JOIN relations r ON r.subject_id = f.entity_id AND r.predicate = 'located_in'
        LEFT JOIN entity_place p ON p.entity_id = r.object_id
      WHERE f.attr = 'type' AND f.value = 'policy'
    )
    SELECT e.id AS province, e.name_en, e.name_zh,
      (SELECT count(*) FROM orgs WHERE orgs.province = e.id)::INT AS ai_organizations,
      (SELECT count(*) FROM orgs WHERE orgs.province = e.id AND ai_class = 'maker')::INT AS ai_makers,
      (SELECT count(*) FROM genai_filings g WHERE g.province_id = e.id AND g.kind = 'filed')::INT AS genai_filings,
      (SELECT count(*) FROM entities u JOIN placed pl ON pl.entity_id = u.id
        WHERE u.kind = 'university' AND pl.province = e.id)::INT AS universities,
      (SELECT count(DISTINCT r.object_id) FROM relations r JOIN orgs ON orgs.entity_id = r.subject_id
        WHERE r.predicate = 'founded_by' AND orgs.province = e.id)::INT AS founders,
      (SELECT count(*) FROM pol WHERE pol.province = e.id)::INT AS policies,
      (SELECT count(*) FROM funding_rounds fr JOIN placed pl ON pl.entity_id = fr.org_id WHERE pl.province = e.id)::INT
        AS funding_rounds
    FROM entities e JOIN entity_place ep ON ep.entity_id = e.id
    WHERE e.kind = 'province' AND ep.country = ${country}
    ORDER BY ai_organizations DESC, e.id`);
}

export interface CityPlaceRow {
  city: string;
  name_en: string | null;
  province: string | null;
  province_en: string | null;
  [key: string]: unknown;
}

/** Cities with their province's English name: what a coordinate lookup matches on. */
export async function cityPlaces(db: Db, ids: readonly string[]): Promise<CityPlaceRow[]> {
  return db.all<CityPlaceRow>(sql`
    SELECT c.id AS city, c.name_en, p.province, pe.name_en AS province_en
    FROM entities c LEFT JOIN entity_place p ON p.entity_id = c.id LEFT JOIN entities pe ON pe.id = p.province
    WHERE list_contains(${ids}::VARCHAR[], c.id)`);
}

/** AI makers (class maker) per city. */
export async function makersByCity(db: Db): Promise<{ city: string; n: number }[]> {
  return db.all(sql`
    SELECT p.city, count(*)::INT AS n FROM org_profile o JOIN entity_place p ON p.entity_id = o.entity_id
    WHERE o.ai_class = 'maker' AND p.city IS NOT NULL GROUP BY p.city`);
}
