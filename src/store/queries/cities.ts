/** Named SQL for the city league. */
import type { Db } from '../db.ts';
import { COUNTED_AI_CLASSES } from '../../model/types.ts';
import { sql } from '../sql.ts';

export interface CityCount {
  city: string;
  organizations: number;
  [key: string]: unknown;
}

/** Organisations that made a model in `dataset`, per place that dataset gives for them (city, or province). */
export async function modelMakersByPlace(db: Db, dataset: string): Promise<CityCount[]> {
  return db.all<CityCount>(sql`
    SELECT hq.object_id AS city, count(DISTINCT d.subject_id)::INT AS organizations
    FROM relations d JOIN relations hq ON hq.subject_id = d.subject_id AND hq.predicate = 'headquartered_in'
      AND hq.dataset = ${dataset}
    WHERE d.dataset = ${dataset} AND d.predicate = 'developed'
    GROUP BY ALL ORDER BY organizations DESC, city`);
}

export interface CityLeagueRow {
  city: string;
  name_en: string | null;
  name_zh: string | null;
  province: string | null;
  ai_organizations: number;
  /** Organisations whose business is elsewhere (a bank, a dairy) with a model of their own: not AI organisations. */
  ai_adopters: number;
  llm_makers: number;
  notable_models: number;
  universities: number;
  papers: number | null;
  founders_known: number;
  founders_local: number;
  [key: string]: unknown;
}

/**
 * The city league: per city, AI organisations, LLM makers (from the LLM list), notable models (from the Epoch
 * notable vintage given), universities, OpenAlex papers when ingested, and the "Hangzhou model" signal: of the
 * founders of the city's AI organisations whose university is known, how many studied in the same city or province.
 */
export async function cityLeague(
  db: Db,
  country: string | null,
  notableDataset: string | null,
): Promise<CityLeagueRow[]> {
  return db.all<CityLeagueRow>(sql`
    WITH active AS (
      SELECT e.entity_id AS id, e.ai_class, p.city, p.province FROM org_profile e JOIN entity_place p ON p.entity_id = e.entity_id
      WHERE p.city IS NOT NULL AND (${country}::VARCHAR IS NULL OR p.country = ${country})
        AND (EXISTS (SELECT 1 FROM entity_segments s WHERE s.entity_id = e.entity_id)
          OR EXISTS (SELECT 1 FROM relations r WHERE r.subject_id = e.entity_id AND r.predicate = 'developed'))
    ),
    -- AI organisations are makers and public research; adopters (a bank with a filed model) are counted apart.
    ai_org AS (SELECT id, city, province FROM active WHERE list_contains(${COUNTED_AI_CLASSES}::VARCHAR[], ai_class)),
    adopters AS (SELECT city, count(*) AS n FROM active WHERE ai_class = 'adopter' GROUP BY city),
    llm AS (SELECT DISTINCT subject_id AS id FROM relations WHERE predicate = 'developed' AND dataset LIKE 'llms-in-china:%'),
    notable AS (
      SELECT DISTINCT r.subject_id AS org, m.model_id FROM epoch_models m
      JOIN relations r ON r.object_id = m.model_id AND r.predicate = 'developed'
      WHERE m.dataset = ${notableDataset} AND m.notable
    ),
    founders AS (
      SELECT DISTINCT o.city, o.province, f.object_id AS person FROM ai_org o
      JOIN relations f ON f.subject_id = o.id AND f.predicate = 'founded_by'
    ),
    schooling AS (
      SELECT fo.city, fo.person,
        bool_or(up.city = fo.city OR up.province = fo.province) AS local
      FROM founders fo JOIN relations ed ON ed.subject_id = fo.person AND ed.predicate = 'educated_at'
      JOIN entity_place up ON up.entity_id = ed.object_id GROUP BY ALL
    ),
    unis AS (
      SELECT p.city, count(*) AS n FROM entities e JOIN entity_place p ON p.entity_id = e.id
      WHERE e.kind = 'university' GROUP BY p.city
    ),
    -- OpenAlex counts a work once per city it involves (whole counting), recorded on the city itself.
    papers AS (
      SELECT o.subject_id AS city, sum(o.value) AS n FROM observations o
      WHERE o.metric = 'openalex.works' AND o.subject_id LIKE 'city:%' GROUP BY o.subject_id
    )
    SELECT o.city, c.name_en, c.name_zh, min(o.province) AS province,
      count(DISTINCT o.id)::INT AS ai_organizations,
      coalesce((SELECT n FROM adopters ad WHERE ad.city = o.city), 0)::INT AS ai_adopters,
      count(DISTINCT o.id) FILTER (WHERE o.id IN (SELECT id FROM llm))::INT AS llm_makers,
      (SELECT count(DISTINCT n.model_id) FROM notable n WHERE n.org IN (SELECT id FROM ai_org a2 WHERE a2.city = o.city))::INT AS notable_models,
      coalesce((SELECT n FROM unis u WHERE u.city = o.city), 0)::INT AS universities,
      (SELECT n FROM papers pa WHERE pa.city = o.city)::DOUBLE AS papers,
      (SELECT count(*) FROM schooling s WHERE s.city = o.city)::INT AS founders_known,
      (SELECT count(*) FILTER (WHERE s.local) FROM schooling s WHERE s.city = o.city)::INT AS founders_local
    FROM ai_org o JOIN entities c ON c.id = o.city
    GROUP BY o.city, c.name_en, c.name_zh ORDER BY ai_organizations DESC, o.city`);
}

export interface AlumniRow {
  university: string;
  name: string | null;
  city: string | null;
  founders: number;
  companies: number;
  company_ids: string[];
  [key: string]: unknown;
}

/** Per university: how many founders of organisations studied there, and the organisations they founded. */
export async function alumniFounders(db: Db): Promise<AlumniRow[]> {
  return db.all<AlumniRow>(sql`
    SELECT ed.object_id AS university, coalesce(u.name_en, u.name_zh) AS name, p.city,
      count(DISTINCT ed.subject_id)::INT AS founders, count(DISTINCT f.subject_id)::INT AS companies,
      list(DISTINCT f.subject_id ORDER BY f.subject_id) AS company_ids
    FROM relations ed JOIN relations f ON f.object_id = ed.subject_id AND f.predicate = 'founded_by'
    JOIN entities u ON u.id = ed.object_id LEFT JOIN entity_place p ON p.entity_id = ed.object_id
    WHERE ed.predicate = 'educated_at'
    GROUP BY ALL ORDER BY companies DESC, university`);
}

export interface PlaceAlumniRow {
  university: string;
  name_en: string | null;
  name_zh: string | null;
  city: string | null;
  province: string | null;
  founders: number;
  companies: number;
  /** Whether the university is in the same city or province as the organisations its alumni founded there. */
  local: boolean;
  [key: string]: unknown;
}

/**
 * Where the founders of a place's AI organisations studied: per university, the founders (people, each once) of the
 * place's AI organisations who studied there. The organisations are the city league's (same classes, same activity
 * test), so the founders with a known university add up to the league's `founders_known` for a city.
 */
export async function placeAlumni(
  db: Db,
  place: string,
): Promise<{ founders_known: number; founders_local: number; universities: PlaceAlumniRow[] }> {
  const founders = sql`
    WITH orgs AS (
      SELECT e.entity_id AS id, p.city, p.province FROM org_profile e JOIN entity_place p ON p.entity_id = e.entity_id
      WHERE (p.city = ${place} OR p.province = ${place})
        AND list_contains(${COUNTED_AI_CLASSES}::VARCHAR[], e.ai_class)
        AND (EXISTS (SELECT 1 FROM entity_segments s WHERE s.entity_id = e.entity_id)
          OR EXISTS (SELECT 1 FROM relations r WHERE r.subject_id = e.entity_id AND r.predicate = 'developed'))
    ),
    schooling AS (
      SELECT DISTINCT o.id AS org, f.object_id AS person, ed.object_id AS university,
        coalesce(up.city = o.city OR up.province = o.province, false) AS local
      FROM orgs o JOIN relations f ON f.subject_id = o.id AND f.predicate = 'founded_by'
      JOIN relations ed ON ed.subject_id = f.object_id AND ed.predicate = 'educated_at'
      LEFT JOIN entity_place up ON up.entity_id = ed.object_id
    )`;
  const [totals] = await db.all<{ known: number; local: number }>(sql`${founders}
    SELECT count(DISTINCT person)::INT AS known, count(DISTINCT person) FILTER (WHERE local)::INT AS local
    FROM schooling`);
  const universities = await db.all<PlaceAlumniRow>(sql`${founders}
    SELECT s.university, u.name_en, u.name_zh, min(up.city) AS city, min(up.province) AS province,
      count(DISTINCT s.person)::INT AS founders, count(DISTINCT s.org)::INT AS companies, bool_or(s.local) AS local
    FROM schooling s JOIN entities u ON u.id = s.university LEFT JOIN entity_place up ON up.entity_id = s.university
    GROUP BY s.university, u.name_en, u.name_zh ORDER BY founders DESC, companies DESC, s.university`);
  return { founders_known: totals?.known ?? 0, founders_local: totals?.local ?? 0, universities };
}

export interface NetworkEdgeRow {
  source: string;
  target: string;
  predicate: 'educated_at' | 'founded_by' | 'invested_in';
  source_id: string;
  [key: string]: unknown;
}

/** The alumni and founder graph: person → university (educated_at) and organisation → founder (founded_by). */
export async function alumniEdges(db: Db): Promise<NetworkEdgeRow[]> {
  return db.all<NetworkEdgeRow>(sql`
    SELECT DISTINCT subject_id AS source, object_id AS target, predicate, min(source_id) AS source_id FROM relations
    WHERE predicate IN ('educated_at', 'founded_by')
      AND (predicate = 'founded_by' OR subject_id IN (SELECT object_id FROM relations WHERE predicate = 'founded_by'))
    GROUP BY ALL ORDER BY ALL`);
}
