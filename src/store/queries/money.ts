/** Named SQL for funding rounds, policies and the humanoid supply chain (who pays, who backs, who supplies). */
import type { Db } from '../db.ts';
import { sql } from '../sql.ts';
import type { NetworkEdgeRow } from './cities.ts';

export interface RoundFilter {
  org: string | null;
  investor: string | null;
  city: string | null;
  province: string | null;
  year: number | null;
}

export interface RoundRow {
  id: string;
  org: string;
  org_en: string | null;
  org_zh: string | null;
  city: string | null;
  province: string | null;
  date: string;
  year: number;
  round: string;
  stage: string;
  amount: number | null;
  currency: string | null;
  qualifier: string | null;
  valuation: number | null;
  valuation_currency: string | null;
  note: string | null;
  source_id: string;
  /** JSON list of { id, en, zh, lead, type } */
  investors: { id: string; en: string | null; zh: string | null; lead: boolean; type: string | null }[];
  [key: string]: unknown;
}

/**
 * The investor type: a cited `investor_type` fact, else by kind (a company investing is corporate money, a government
 * body the state's).
 */
const INVESTOR_TYPE = sql`
  SELECT e.id, coalesce(
    (SELECT min(f.value) FROM facts f WHERE f.entity_id = e.id AND f.attr = 'investor_type'),
    CASE e.kind WHEN 'company' THEN 'corporate' WHEN 'government' THEN 'state-fund' END) AS type
  FROM entities e`;

/** Rounds matching every filter given, newest first, each with its investors and its organisation's place. */
export async function fundingRounds(db: Db, f: RoundFilter): Promise<RoundRow[]> {
  return db.all<RoundRow>(sql`
    WITH itype AS (${INVESTOR_TYPE}),
    inv AS (
      SELECT ri.round_id, list({ 'id': ri.investor_id, 'en': e.name_en, 'zh': e.name_zh, 'lead': ri.lead,
          'type': t.type } ORDER BY ri.lead DESC, coalesce(e.name_en, e.name_zh, ri.investor_id)) AS investors
      FROM round_investors ri JOIN entities e ON e.id = ri.investor_id LEFT JOIN itype t ON t.id = ri.investor_id
      GROUP BY ri.round_id
    )
    SELECT r.id, r.org_id AS org, o.name_en AS org_en, o.name_zh AS org_zh, p.city, p.province, r.date,
      CAST(left(r.date, 4) AS INTEGER) AS year, r.round, r.stage, r.amount, r.currency, r.qualifier, r.valuation,
      r.valuation_currency, r.note, r.source_id, coalesce(inv.investors, []) AS investors
    FROM funding_rounds r JOIN entities o ON o.id = r.org_id
      LEFT JOIN entity_place p ON p.entity_id = r.org_id
      LEFT JOIN inv ON inv.round_id = r.id
    WHERE (${f.org}::VARCHAR IS NULL OR r.org_id = ${f.org})
      AND (${f.investor}::VARCHAR IS NULL OR EXISTS (SELECT 1 FROM round_investors x WHERE x.round_id = r.id
        AND x.investor_id = ${f.investor}))
      AND (${f.city}::VARCHAR IS NULL OR p.city = ${f.city})
      AND (${f.province}::VARCHAR IS NULL OR p.province = ${f.province})
      AND (${f.year}::INTEGER IS NULL OR CAST(left(r.date, 4) AS INTEGER) = ${f.year})
    ORDER BY r.date DESC, r.id`);
}

export interface InvestorRow {
  id: string;
  en: string | null;
  zh: string | null;
  type: string | null;
  rounds: number;
  leads: number;
  organizations: number;
  [key: string]: unknown;
}

/** Investors by the rounds they joined among the given round ids. */
export async function investorsOf(db: Db, roundIds: readonly string[]): Promise<InvestorRow[]> {
  return db.all<InvestorRow>(sql`
    WITH itype AS (${INVESTOR_TYPE})
    SELECT ri.investor_id AS id, e.name_en AS en, e.name_zh AS zh, t.type, count(DISTINCT ri.round_id)::INT AS rounds,
      count(DISTINCT ri.round_id) FILTER (WHERE ri.lead)::INT AS leads,
      count(DISTINCT r.org_id)::INT AS organizations
    FROM round_investors ri JOIN funding_rounds r ON r.id = ri.round_id JOIN entities e ON e.id = ri.investor_id
      LEFT JOIN itype t ON t.id = ri.investor_id
    WHERE list_contains(${roundIds}::VARCHAR[], ri.round_id)
    GROUP BY ri.investor_id, e.name_en, e.name_zh, t.type
    ORDER BY rounds DESC, leads DESC, coalesce(e.name_en, e.name_zh, ri.investor_id)`);
}

export interface PolicyFilter {
  place: string | null;
  org: string | null;
  type: string | null;
  segment: string | null;
}

export interface PolicyRow {
  id: string;
  en: string | null;
  zh: string | null;
  description: string | null;
  type: string | null;
  date: string | null;
  place: string | null;
  place_en: string | null;
  place_zh: string | null;
  city: string | null;
  province: string | null;
  country: string | null;
  issuer: string | null;
  issuer_zh: string | null;
  amount: number | null;
  currency: string | null;
  amount_note: string | null;
  segments: string[];
  firms: { id: string; en: string | null; zh: string | null; role: string; source_id: string }[];
  source_ids: string[];
  [key: string]: unknown;
}

/**
 * Policies (event entities with a `type: policy` fact) with their place, issuer, amount, target segments and the
 * firms their sources link them to. `place` matches the policy's own place, its province, or (for a city) the city.
 */
export async function policies(db: Db, f: PolicyFilter): Promise<PolicyRow[]> {
  return db.all<PolicyRow>(sql`
    WITH pol AS (SELECT DISTINCT entity_id AS id FROM facts WHERE attr = 'type' AND value = 'policy'),
    fact1 AS (
      SELECT entity_id, attr, min(value) AS value, min(unit) AS unit, min(note) AS note FROM facts
      WHERE entity_id IN (SELECT id FROM pol) AND attr IN ('policy_type', 'date', 'issuer', 'amount')
      GROUP BY ALL
    ),
    place AS (
      SELECT r.subject_id AS id, min(r.object_id) AS place FROM relations r
      WHERE r.predicate = 'located_in' AND r.subject_id IN (SELECT id FROM pol) GROUP BY ALL
    ),
    firms AS (
      SELECT r.subject_id AS id, list({ 'id': r.object_id, 'en': e.name_en, 'zh': e.name_zh,
          'role': CASE r.predicate WHEN 'policy_names' THEN 'named' WHEN 'policy_funds' THEN 'funded' ELSE 'hosted' END,
          'source_id': r.source_id } ORDER BY coalesce(e.name_en, e.name_zh, r.object_id), r.predicate) AS firms
      FROM relations r JOIN entities e ON e.id = r.object_id
      WHERE r.predicate IN ('policy_names', 'policy_funds', 'policy_hosts') GROUP BY ALL
    ),
    segs AS (
      SELECT entity_id AS id, list(DISTINCT value ORDER BY value) AS segments FROM facts
      WHERE attr = 'eligible_segment' GROUP BY ALL
    ),
    srcs AS (SELECT entity_id AS id, list(DISTINCT source_id ORDER BY source_id) AS source_ids FROM entity_sources GROUP BY ALL)
    SELECT p.id, e.name_en AS en, e.name_zh AS zh, e.description,
      (SELECT value FROM fact1 WHERE entity_id = p.id AND attr = 'policy_type') AS type,
      (SELECT value FROM fact1 WHERE entity_id = p.id AND attr = 'date') AS date,
      pl.place, pe.name_en AS place_en, pe.name_zh AS place_zh,
      ep.city, coalesce(ep.province, CASE WHEN pl.place LIKE 'province:%' THEN pl.place END) AS province,
      coalesce(ep.country, CASE WHEN pl.place LIKE 'country:%' THEN pl.place END) AS country,
      (SELECT value FROM fact1 WHERE entity_id = p.id AND attr = 'issuer') AS issuer,
      (SELECT note FROM fact1 WHERE entity_id = p.id AND attr = 'issuer') AS issuer_zh,
      (SELECT TRY_CAST(value AS DOUBLE) FROM fact1 WHERE entity_id = p.id AND attr = 'amount') AS amount,
      (SELECT unit FROM fact1 WHERE entity_id = p.id AND attr = 'amount') AS currency,
      (SELECT note FROM fact1 WHERE entity_id = p.id AND attr = 'amount') AS amount_note,
      coalesce(s.segments, []) AS segments, coalesce(fi.firms, []) AS firms, coalesce(sr.source_ids, []) AS source_ids
    FROM pol p JOIN entities e ON e.id = p.id
      LEFT JOIN place pl ON pl.id = p.id LEFT JOIN entities pe ON pe.id = pl.place
      LEFT JOIN entity_place ep ON ep.entity_id = pl.place
      LEFT JOIN firms fi ON fi.id = p.id LEFT JOIN segs s ON s.id = p.id LEFT JOIN srcs sr ON sr.id = p.id
    WHERE (${f.place}::VARCHAR IS NULL OR pl.place = ${f.place} OR ep.province = ${f.place} OR ep.city = ${f.place})
      AND (${f.org}::VARCHAR IS NULL OR EXISTS (SELECT 1 FROM relations r WHERE r.subject_id = p.id
        AND r.object_id = ${f.org} AND r.predicate IN ('policy_names', 'policy_funds', 'policy_hosts')))
      AND (${f.type}::VARCHAR IS NULL OR EXISTS (SELECT 1 FROM fact1 WHERE entity_id = p.id AND attr = 'policy_type'
        AND value = ${f.type}))
      AND (${f.segment}::VARCHAR IS NULL OR list_contains(s.segments, ${f.segment}))
    ORDER BY date DESC NULLS LAST, p.id`);
}

export interface SupplyRow {
  supplier: string;
  supplier_en: string | null;
  supplier_zh: string | null;
  supplier_country: string | null;
  customer: string;
  customer_en: string | null;
  customer_zh: string | null;
  customer_country: string | null;
  component: string;
  kind: string;
  as_of: string | null;
  note: string | null;
  source_id: string;
  [key: string]: unknown;
}

/** Supply links touching `org` (as supplier or customer) and of `component`, when given. */
export async function supplyLinks(db: Db, org: string | null, component: string | null): Promise<SupplyRow[]> {
  return db.all<SupplyRow>(sql`
    SELECT l.supplier_id AS supplier, s.name_en AS supplier_en, s.name_zh AS supplier_zh, sp.country AS supplier_country,
      l.customer_id AS customer, c.name_en AS customer_en, c.name_zh AS customer_zh, cp.country AS customer_country,
      l.component, l.kind, l.as_of, l.note, l.source_id
    FROM supply_links l JOIN entities s ON s.id = l.supplier_id JOIN entities c ON c.id = l.customer_id
      LEFT JOIN entity_place sp ON sp.entity_id = l.supplier_id LEFT JOIN entity_place cp ON cp.entity_id = l.customer_id
    WHERE (${org}::VARCHAR IS NULL OR l.supplier_id = ${org} OR l.customer_id = ${org})
      AND (${component}::VARCHAR IS NULL OR l.component = ${component})
    ORDER BY l.component, coalesce(s.name_en, s.name_zh), coalesce(c.name_en, c.name_zh), l.kind, l.source_id`);
}

export interface ComponentMakerRow {
  id: string;
  en: string | null;
  zh: string | null;
  country: string | null;
  components: string[];
  source_ids: string[];
  [key: string]: unknown;
}

/** Organisations with a cited `component` fact: the supply chain's makers, with what they make. */
export async function componentMakers(db: Db): Promise<ComponentMakerRow[]> {
  return db.all<ComponentMakerRow>(sql`
    SELECT f.entity_id AS id, e.name_en AS en, e.name_zh AS zh, p.country,
      list(DISTINCT f.value ORDER BY f.value) AS components, list(DISTINCT f.source_id ORDER BY f.source_id) AS source_ids
    FROM facts f JOIN entities e ON e.id = f.entity_id LEFT JOIN entity_place p ON p.entity_id = f.entity_id
    WHERE f.attr = 'component' GROUP BY f.entity_id, e.name_en, e.name_zh, p.country
    ORDER BY coalesce(e.name_en, e.name_zh, f.entity_id)`);
}

/** Investor → organisation edges, one per pair, citing a round that joins them (the network's investor layer). */
export async function investorEdges(db: Db): Promise<NetworkEdgeRow[]> {
  return db.all<NetworkEdgeRow>(sql`
    SELECT ri.investor_id AS source, r.org_id AS target, 'invested_in' AS predicate, min(r.source_id) AS source_id
    FROM round_investors ri JOIN funding_rounds r ON r.id = ri.round_id
    GROUP BY ri.investor_id, r.org_id ORDER BY source, target`);
}
