/** Named SQL for the data checks and the coverage report (docs/DATA.md). */
import type { Db } from '../db.ts';
import { MULTI_VALUED_ATTRIBUTES } from '../../model/types.ts';
import { sql } from '../sql.ts';

const ORG_KINDS = ['company', 'lab', 'university', 'government', 'investor', 'organization'];

/**
 * Chinese AI organisations: organisations placed in China (directly, or through their city or province) that carry
 * an AI segment or developed a model.
 */
export async function chineseAiOrganizations(db: Db): Promise<{ kind: string; n: number }[]> {
  return db.all(sql`
    SELECT e.kind, count(*)::INT AS n FROM entities e JOIN entity_place p ON p.entity_id = e.id
    WHERE p.country = 'country:cn' AND list_contains(${ORG_KINDS}::VARCHAR[], e.kind)
      AND (EXISTS (SELECT 1 FROM entity_segments s WHERE s.entity_id = e.id)
        OR EXISTS (SELECT 1 FROM relations r WHERE r.subject_id = e.id AND r.predicate = 'developed'))
    GROUP BY ALL ORDER BY n DESC, e.kind`);
}

export async function organizationsPerSegment(db: Db): Promise<{ segment: string; cn: number; elsewhere: number }[]> {
  return db.all(sql`
    SELECT s.segment, count(DISTINCT s.entity_id) FILTER (WHERE p.country = 'country:cn')::INT AS cn,
      count(DISTINCT s.entity_id) FILTER (WHERE p.country IS DISTINCT FROM 'country:cn')::INT AS elsewhere
    FROM entity_segments s JOIN entities e ON e.id = s.entity_id AND list_contains(${ORG_KINDS}::VARCHAR[], e.kind)
    LEFT JOIN entity_place p ON p.entity_id = s.entity_id
    GROUP BY ALL ORDER BY cn DESC, s.segment`);
}

export async function aiOrganizationsPerCity(
  db: Db,
  limit: number,
): Promise<{ city: string; name: string; n: number }[]> {
  return db.all(sql`
    SELECT p.city, coalesce(c.name_en, c.name_zh) AS name, count(*)::INT AS n
    FROM entities e JOIN entity_place p ON p.entity_id = e.id JOIN entities c ON c.id = p.city
    WHERE list_contains(${ORG_KINDS}::VARCHAR[], e.kind)
      AND (EXISTS (SELECT 1 FROM entity_segments s WHERE s.entity_id = e.id)
        OR EXISTS (SELECT 1 FROM relations r WHERE r.subject_id = e.id AND r.predicate = 'developed'))
    GROUP BY ALL ORDER BY n DESC, p.city LIMIT ${limit}`);
}

export interface CoverageTotals {
  entities: number;
  sources: number;
  facts: number;
  relations: number;
  observations: number;
  prices: number;
  people: number;
  disputed_attributes: number;
  data_issues: number;
  curated_orgs: number;
  curated_orgs_with_founders: number;
  curated_facts_per_entity: number;
  [key: string]: unknown;
}

export async function coverageTotals(db: Db): Promise<CoverageTotals | undefined> {
  return db.one<CoverageTotals>(sql`
    WITH curated_orgs AS (SELECT id FROM entities WHERE dataset = 'curated' AND list_contains(${ORG_KINDS}::VARCHAR[], kind)
                          AND kind <> 'university')
    SELECT (SELECT count(*) FROM entities)::INT AS entities,
      (SELECT count(DISTINCT id) FROM sources)::INT AS sources,
      (SELECT count(*) FROM facts)::INT AS facts,
      (SELECT count(*) FROM relations)::INT AS relations,
      (SELECT count(*) FROM observations)::INT AS observations,
      (SELECT count(*) FROM prices)::INT AS prices,
      (SELECT count(*) FROM entities WHERE kind = 'person')::INT AS people,
      (SELECT count(*) FROM (SELECT entity_id, attr FROM facts WHERE NOT list_contains(${MULTI_VALUED_ATTRIBUTES}::VARCHAR[], attr)
        GROUP BY ALL HAVING count(DISTINCT value) > 1))::INT
        AS disputed_attributes,
      (SELECT count(*) FROM data_issues)::INT AS data_issues,
      (SELECT count(*) FROM curated_orgs)::INT AS curated_orgs,
      (SELECT count(*) FROM curated_orgs o WHERE EXISTS
        (SELECT 1 FROM relations r WHERE r.subject_id = o.id AND r.predicate = 'founded_by'))::INT AS curated_orgs_with_founders,
      round((SELECT count(*) FROM facts WHERE dataset = 'curated')
        / greatest((SELECT count(*) FROM entities WHERE dataset = 'curated'), 1), 2)::DOUBLE AS curated_facts_per_entity`);
}

/**
 * Entities of the same family sharing a normalised name or alias, not marked distinct_from each other.
 * `dataset` narrows it to names one input wrote (the curated files), or null for the whole database.
 */
export async function nameCollisions(
  db: Db,
  dataset: string | null,
): Promise<{ norm: string; a: string; b: string }[]> {
  return db.all(sql`
    WITH n AS (SELECT DISTINCT n.entity_id, n.norm, e.kind FROM entity_names n JOIN entities e ON e.id = n.entity_id
               WHERE n.kind IN ('en', 'zh', 'alias') AND length(n.norm) > 1
                 AND (${dataset}::VARCHAR IS NULL OR (n.dataset = ${dataset} AND e.dataset = ${dataset})))
    SELECT DISTINCT a.norm, a.entity_id AS a, b.entity_id AS b
    FROM n a JOIN n b ON a.norm = b.norm AND a.entity_id < b.entity_id
      AND (a.kind = b.kind OR (list_contains(${ORG_KINDS}::VARCHAR[], a.kind) AND list_contains(${ORG_KINDS}::VARCHAR[], b.kind)))
    WHERE NOT EXISTS (SELECT 1 FROM relations r WHERE r.predicate = 'distinct_from'
      AND ((r.subject_id = a.entity_id AND r.object_id = b.entity_id) OR (r.subject_id = b.entity_id AND r.object_id = a.entity_id)))
    ORDER BY ALL`);
}

/** Merges and open ambiguities of entity resolution, per input. */
export async function resolutionReport(db: Db): Promise<{
  merges: { dataset: string; raw_name: string; entity_id: string; name: string | null; method: string }[];
  ambiguities: { dataset: string; value: string; message: string; line: number }[];
}> {
  const merges = await db.all<{
    dataset: string;
    raw_name: string;
    entity_id: string;
    name: string | null;
    method: string;
  }>(sql`
    SELECT r.dataset, r.raw_name, r.entity_id, coalesce(e.name_en, e.name_zh) AS name, r.method
    FROM resolutions r LEFT JOIN entities e ON e.id = r.entity_id
    WHERE r.method <> 'exact' OR NOT EXISTS (SELECT 1 FROM entity_names n WHERE n.entity_id = r.entity_id AND n.name = r.raw_name AND n.dataset <> r.dataset)
    ORDER BY r.dataset, r.method, r.raw_name`);
  const ambiguities = await db.all<{ dataset: string; value: string; message: string; line: number }>(sql`
    SELECT dataset, value, message, line FROM data_issues WHERE message LIKE 'ambiguous%' ORDER BY dataset, line`);
  return { merges, ambiguities };
}

export interface PriceCoverageRow {
  vendor_id: string;
  vendor: string | null;
  rows: number;
  list_dates: number;
  kinds: string;
  first: string;
  last: string;
  [key: string]: unknown;
}

/** Price rows of vendors placed in China, per vendor: how many, on how many dates (list prices), which kinds. */
export async function chinesePriceCoverage(db: Db): Promise<PriceCoverageRow[]> {
  return db.all<PriceCoverageRow>(sql`
    SELECT p.vendor_id, coalesce(e.name_en, e.name_zh) AS vendor, count(*)::INT AS rows,
      count(DISTINCT p.date) FILTER (WHERE p.kind = 'list')::INT AS list_dates,
      string_agg(DISTINCT p.kind, ', ' ORDER BY p.kind) AS kinds, min(p.date) AS first, max(p.date) AS last
    FROM prices p JOIN entity_place pl ON pl.entity_id = p.vendor_id JOIN entities e ON e.id = p.vendor_id
    WHERE pl.country = 'country:cn' GROUP BY ALL ORDER BY rows DESC, p.vendor_id`);
}

/** Price rows whose model is not a name: long, several clauses, or sentence punctuation. */
export async function priceModelsThatAreNotNames(db: Db): Promise<{ vendor_id: string; model: string }[]> {
  return db.all(sql`
    SELECT DISTINCT vendor_id, model FROM prices
    WHERE length(model) > 48 OR regexp_matches(model, '[，。；;,]') OR len(string_split(trim(model), ' ')) > 4
    ORDER BY 1, 2`);
}
