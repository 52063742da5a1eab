/** Named SQL for the data checks and the coverage report (docs/DATA.md). */
import type { Db } from '../db.ts';
import { COUNTED_AI_CLASSES } from '../../model/types.ts';
import { ORGANISATION_KEYS } from '../../model/identity.ts';
import { sql } from '../sql.ts';
import { disputedGroups } from './disputes.ts';

const ORG_KINDS = ['company', 'lab', 'university', 'government', 'investor', 'organization'];

/** Organisations active in AI (an AI segment, or a model they developed), with their AI class and how it is known. */
const ACTIVE_ORGS = sql`
  SELECT e.id, e.kind, op.ai_class, op.basis FROM entities e JOIN org_profile op ON op.entity_id = e.id
  WHERE EXISTS (SELECT 1 FROM entity_segments s WHERE s.entity_id = e.id)
    OR EXISTS (SELECT 1 FROM relations r WHERE r.subject_id = e.id AND r.predicate = 'developed')`;

/**
 * Organisations placed in China (directly, or through their city or province) that are active in AI, per AI class
 * and kind: the makers and public research are the "Chinese AI organisations"; adopters and unclassified ones are
 * counted apart.
 */
export async function chineseAiOrganizations(
  db: Db,
): Promise<{ ai_class: string | null; basis: string | null; kind: string; n: number; counted: boolean }[]> {
  return db.all(sql`
    WITH a AS (${ACTIVE_ORGS})
    SELECT a.ai_class, a.basis, a.kind, count(*)::INT AS n,
      coalesce(list_contains(${COUNTED_AI_CLASSES}::VARCHAR[], a.ai_class), false) AS counted
    FROM a JOIN entity_place p ON p.entity_id = a.id
    WHERE p.country = 'country:cn'
    GROUP BY ALL ORDER BY counted DESC, a.ai_class NULLS LAST, n DESC, a.kind, a.basis`);
}

/** Active Chinese organisations whose AI class rests on no cited source (a rule, or nothing): each should get one. */
export async function chineseOrganizationsWithoutCitedClass(db: Db): Promise<{ id: string; kind: string }[]> {
  return db.all(sql`
    WITH a AS (${ACTIVE_ORGS})
    SELECT a.id, a.kind FROM a JOIN entity_place p ON p.entity_id = a.id
    WHERE p.country = 'country:cn' AND a.kind NOT IN ('university') AND (a.basis IS NULL OR a.basis NOT IN ('cited', 'estimate'))
    ORDER BY a.id`);
}

export async function organizationsPerSegment(db: Db): Promise<{ segment: string; cn: number; elsewhere: number }[]> {
  return db.all(sql`
    SELECT s.segment, count(DISTINCT s.entity_id) FILTER (WHERE p.country = 'country:cn')::INT AS cn,
      count(DISTINCT s.entity_id) FILTER (WHERE p.country IS DISTINCT FROM 'country:cn')::INT AS elsewhere
    FROM entity_segments s JOIN org_profile e ON e.entity_id = s.entity_id
      AND list_contains(${COUNTED_AI_CLASSES}::VARCHAR[], e.ai_class)
    LEFT JOIN entity_place p ON p.entity_id = s.entity_id
    GROUP BY ALL ORDER BY cn DESC, s.segment`);
}

export async function aiOrganizationsPerCity(
  db: Db,
  limit: number,
): Promise<{ city: string; name: string; n: number }[]> {
  return db.all(sql`
    SELECT p.city, coalesce(c.name_en, c.name_zh) AS name, count(*)::INT AS n
    FROM (${ACTIVE_ORGS}) e JOIN entity_place p ON p.entity_id = e.id JOIN entities c ON c.id = p.city
    WHERE list_contains(${COUNTED_AI_CLASSES}::VARCHAR[], e.ai_class)
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
      (SELECT count(*) FROM (${disputedGroups(sql`entity_id NOT LIKE 'model:%'`)}))::INT AS disputed_attributes,
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
  family: 'organization' | null = null,
): Promise<{ norm: string; a: string; b: string }[]> {
  return db.all(sql`
    WITH n AS (SELECT DISTINCT n.entity_id, n.norm, e.kind FROM entity_names n JOIN entities e ON e.id = n.entity_id
               WHERE n.kind IN ('en', 'zh', 'alias') AND length(n.norm) > 1
                 AND (${family}::VARCHAR IS NULL OR list_contains(${ORG_KINDS}::VARCHAR[], e.kind))
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

/** Identity keys (model/identity.ts, and stock listings with a ticker) two organisations share: one stored twice. */
export async function duplicateIdentityKeys(db: Db): Promise<{ attr: string; value: string; a: string; b: string }[]> {
  return db.all(sql`
    WITH k AS (SELECT DISTINCT entity_id, attr, lower(trim(value)) AS value FROM facts
               WHERE list_contains(${[...ORGANISATION_KEYS, 'stock_listing']}::VARCHAR[], attr)
                 AND entity_id LIKE 'org:%' AND (attr <> 'stock_listing' OR regexp_matches(value, ':\s*\S')))
    SELECT DISTINCT a.attr, a.value, a.entity_id AS a, b.entity_id AS b
    FROM k a JOIN k b ON a.attr = b.attr AND a.value = b.value AND a.entity_id < b.entity_id
    WHERE NOT EXISTS (SELECT 1 FROM relations r WHERE r.predicate = 'distinct_from'
      AND ((r.subject_id = a.entity_id AND r.object_id = b.entity_id) OR (r.subject_id = b.entity_id AND r.object_id = a.entity_id)))
    ORDER BY ALL`);
}

/** Redirects that would not work: the old id still exists as an entity, or the new one does not. */
export async function brokenRedirects(db: Db): Promise<{ old_id: string; new_id: string; problem: string }[]> {
  return db.all(sql`
    SELECT r.old_id, r.new_id,
      CASE WHEN r.old_id IN (SELECT id FROM entities) THEN 'the old id is still an entity (another input created it again)'
        ELSE 'the survivor does not exist' END AS problem
    FROM entity_redirects r
    WHERE r.old_id IN (SELECT id FROM entities) OR r.new_id NOT IN (SELECT id FROM entities)
    ORDER BY r.old_id`);
}

export interface WhereMoneyCoverage {
  funding_rounds: number;
  organisations_with_rounds: number;
  rounds_undisclosed: number;
  investors: number;
  state_investors: number;
  policies_subnational: number;
  policies_national: number;
  provinces_with_policies: number;
  policy_firm_links: number;
  component_makers: number;
  supply_links: number;
  humanoid_cost_claims: number;
  genai_filings: number;
  genai_filing_lists: number;
  genai_filings_resolved: number;
  patent_observations: number;
  [key: string]: unknown;
}

/** Counts for the money, policy, supply-chain, filings and patent records (docs/DATA.md, and the floors). */
export async function whereMoneyCoverage(db: Db): Promise<WhereMoneyCoverage | undefined> {
  return db.one<WhereMoneyCoverage>(sql`
    WITH pol AS (
      SELECT DISTINCT f.entity_id AS id, r.object_id AS place, coalesce(p.province, CASE WHEN r.object_id LIKE 'province:%'
        THEN r.object_id END) AS province
      FROM facts f LEFT JOIN relations r ON r.subject_id = f.entity_id AND r.predicate = 'located_in'
        LEFT JOIN entity_place p ON p.entity_id = r.object_id
      WHERE f.attr = 'type' AND f.value = 'policy'
    ),
    itype AS (SELECT DISTINCT entity_id FROM facts WHERE attr = 'investor_type'
      AND value IN ('state-guidance-fund', 'local-government-platform', 'state-fund'))
    SELECT (SELECT count(*) FROM funding_rounds)::INT AS funding_rounds,
      (SELECT count(DISTINCT org_id) FROM funding_rounds)::INT AS organisations_with_rounds,
      (SELECT count(*) FROM funding_rounds WHERE amount IS NULL)::INT AS rounds_undisclosed,
      (SELECT count(DISTINCT investor_id) FROM round_investors)::INT AS investors,
      (SELECT count(DISTINCT investor_id) FROM round_investors WHERE investor_id IN (SELECT entity_id FROM itype))::INT
        AS state_investors,
      (SELECT count(*) FROM pol WHERE province IS NOT NULL)::INT AS policies_subnational,
      (SELECT count(*) FROM pol WHERE province IS NULL)::INT AS policies_national,
      (SELECT count(DISTINCT province) FROM pol)::INT AS provinces_with_policies,
      (SELECT count(*) FROM relations WHERE predicate IN ('policy_names', 'policy_funds', 'policy_hosts'))::INT
        AS policy_firm_links,
      (SELECT count(DISTINCT entity_id) FROM facts WHERE attr = 'component')::INT AS component_makers,
      (SELECT count(*) FROM supply_links)::INT AS supply_links,
      (SELECT count(*) FROM claims WHERE starts_with(attr, 'humanoid_'))::INT AS humanoid_cost_claims,
      (SELECT count(*) FROM genai_filings)::INT AS genai_filings,
      (SELECT count(DISTINCT list_id) FROM genai_filings)::INT AS genai_filing_lists,
      (SELECT count(*) FROM genai_filings WHERE provider_id IS NOT NULL)::INT AS genai_filings_resolved,
      (SELECT count(*) FROM observations WHERE starts_with(metric, 'patents.'))::INT AS patent_observations`);
}
