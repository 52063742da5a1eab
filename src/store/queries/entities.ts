/** Typed queries over entities, their names, facts, relations and sources. */
import type { Db } from '../db.ts';
import { join, raw, sql, type Sql } from '../sql.ts';
import { disputedGroups } from './disputes.ts';

export interface KnownNameRow {
  entityId: string;
  kind: string;
  name: string;
  [key: string]: unknown;
}

/** Every name of every entity, except what `excludeDataset` itself wrote (so a re-run resolves as the first did). */
export async function knownNames(db: Db, excludeDataset: string): Promise<KnownNameRow[]> {
  return db.all<KnownNameRow>(sql`
    SELECT n.entity_id AS "entityId", e.kind, n.name FROM entity_names n JOIN entities e ON e.id = n.entity_id
    WHERE n.dataset <> ${excludeDataset} AND e.dataset <> ${excludeDataset}
    ORDER BY n.entity_id, n.name`);
}

/** A name with the datasets of the name and of its entity (what `knownNames` filters on). */
export interface DatasetNameRow extends KnownNameRow {
  nameDataset: string;
  entityDataset: string;
}

/**
 * The names that `datasets` wrote or that belong to their entities, or every name when `datasets` is null: a build
 * keeps its known names up to date with these after each input instead of reading them all again.
 */
export async function namesOfDatasets(db: Db, datasets: readonly string[] | null): Promise<DatasetNameRow[]> {
  return db.all<DatasetNameRow>(sql`
    SELECT n.entity_id AS "entityId", e.kind, n.name, n.dataset AS "nameDataset", e.dataset AS "entityDataset"
    FROM entity_names n JOIN entities e ON e.id = n.entity_id
    WHERE ${datasets === null} OR list_contains(${datasets ?? []}::VARCHAR[], n.dataset)
      OR list_contains(${datasets ?? []}::VARCHAR[], e.dataset)`);
}

/** Every entity's kind and dataset (what the names of an entity are known with). */
export async function entityKinds(db: Db): Promise<{ id: string; kind: string; dataset: string }[]> {
  return db.all(sql`SELECT id, kind, dataset FROM entities`);
}

/** Names whose entity no dataset defines (yet): they join their entity's names once one does. */
export async function orphanNames(db: Db): Promise<{ entityId: string; name: string; nameDataset: string }[]> {
  return db.all(sql`
    SELECT n.entity_id AS "entityId", n.name, n.dataset AS "nameDataset" FROM entity_names n
    WHERE NOT EXISTS (SELECT 1 FROM entities e WHERE e.id = n.entity_id)`);
}

/** The identity facts `datasets` wrote, or every one when `datasets` is null (with the dataset of each). */
export async function keysOfDatasets(
  db: Db,
  attrs: readonly string[],
  datasets: readonly string[] | null,
): Promise<{ entityId: string; attr: string; value: string; dataset: string }[]> {
  return db.all(sql`
    SELECT DISTINCT entity_id AS "entityId", attr, value, dataset FROM facts
    WHERE list_contains(${attrs}::VARCHAR[], attr)
      AND (${datasets === null} OR list_contains(${datasets ?? []}::VARCHAR[], dataset))`);
}

/** Identity facts (MOE code, Wikidata id …) of entities, except those `excludeDataset` wrote. */
export async function knownKeys(
  db: Db,
  attrs: readonly string[],
  excludeDataset: string,
): Promise<{ entityId: string; attr: string; value: string }[]> {
  return db.all(sql`
    SELECT DISTINCT entity_id AS "entityId", attr, value FROM facts
    WHERE list_contains(${attrs}::VARCHAR[], attr) AND dataset <> ${excludeDataset} ORDER BY ALL`);
}

export interface SourceRow {
  id: string;
  title: string;
  url: string;
  publisher: string;
  published: string | null;
  retrieved: string;
  licence: string;
  [key: string]: unknown;
}

export interface EntityRow {
  id: string;
  kind: string;
  name_en: string | null;
  name_zh: string | null;
  name_pinyin: string | null;
  description: string | null;
  segments: string[];
  city: string | null;
  country: string | null;
  [key: string]: unknown;
}

export interface EntityFilter {
  kind?: string | undefined;
  segment?: string | undefined;
  city?: string | undefined;
  country?: string | undefined;
  limit: number;
  offset: number;
}

const ENTITY_COLUMNS = sql`e.id, e.kind, e.name_en, e.name_zh, e.name_pinyin, e.description,
  coalesce((SELECT list(DISTINCT s.segment ORDER BY s.segment) FROM entity_segments s WHERE s.entity_id = e.id), []) AS segments,
  (SELECT p.city FROM entity_place p WHERE p.entity_id = e.id) AS city,
  (SELECT p.country FROM entity_place p WHERE p.entity_id = e.id) AS country`;

function filterSql(f: EntityFilter): Sql {
  const where: Sql[] = [sql`TRUE`];
  if (f.kind) where.push(sql`e.kind = ${f.kind}`);
  if (f.segment)
    where.push(sql`EXISTS (SELECT 1 FROM entity_segments s WHERE s.entity_id = e.id AND s.segment = ${f.segment})`);
  return join(where, ' AND ');
}

/** A page of entities matching the filter, ordered by id, with the total count. */
export async function listEntities(db: Db, f: EntityFilter): Promise<{ total: number; rows: EntityRow[] }> {
  const base = sql`SELECT * FROM (SELECT ${ENTITY_COLUMNS} FROM entities e WHERE ${filterSql(f)}) x
    WHERE (${f.city ?? null}::VARCHAR IS NULL OR city = ${f.city ?? null})
      AND (${f.country ?? null}::VARCHAR IS NULL OR country = ${f.country ?? null})`;
  const total = await db.one<{ n: number }>(sql`SELECT count(*)::INT AS n FROM (${base})`);
  const rows = await db.all<EntityRow>(sql`${base} ORDER BY id LIMIT ${f.limit} OFFSET ${f.offset}`);
  return { total: total?.n ?? 0, rows };
}

/** Entities by id (null: every entity), ordered by id. */
export async function getEntities(db: Db, ids: readonly string[] | null): Promise<EntityRow[]> {
  if (ids !== null && ids.length === 0) return [];
  return db.allJson<EntityRow>(sql`SELECT e.id, e.kind, e.name_en, e.name_zh, e.name_pinyin, e.description,
      coalesce(s.segments, []) AS segments, p.city, p.country
    FROM entities e LEFT JOIN entity_place p ON p.entity_id = e.id
    LEFT JOIN (SELECT entity_id, list(DISTINCT segment ORDER BY segment) AS segments FROM entity_segments
      WHERE ${forIds('entity_id', ids)} GROUP BY entity_id) s ON s.entity_id = e.id
    WHERE ${forIds('e.id', ids)} ORDER BY e.id`);
}

/**
 * The rows of the given entities (null: of every entity): one id is compared directly (so an index can serve it), a
 * list by membership. The per-entity queries take ids this way and name the entity a row belongs to `for_id`, so one
 * entity and all of them are read by the same SQL.
 */
function forIds(column: string, ids: readonly string[] | null): Sql {
  if (ids === null) return sql`TRUE`;
  if (ids.length === 1) return sql`${raw(column)} = ${ids[0] ?? ''}`;
  return sql`list_contains(${ids}::VARCHAR[], ${raw(column)})`;
}

/** Sources by id (a source defined by several inputs is returned once). */
export async function getSources(db: Db, ids: readonly string[]): Promise<SourceRow[]> {
  if (ids.length === 0) return [];
  return db.all<SourceRow>(sql`
    SELECT DISTINCT ON (id) id, title, url, publisher, published, retrieved, licence FROM sources
    WHERE list_contains(${ids}::VARCHAR[], id) ORDER BY id, dataset`);
}

export async function listSources(db: Db): Promise<(SourceRow & { uses: number })[]> {
  return db.all<SourceRow & { uses: number }>(sql`
    WITH uses AS (
      SELECT source_id, count(*) AS n FROM (
        SELECT source_id FROM facts UNION ALL SELECT source_id FROM relations
        UNION ALL SELECT source_id FROM observations UNION ALL SELECT source_id FROM prices
        UNION ALL SELECT source_id FROM entity_sources UNION ALL SELECT source_id FROM epoch_models)
      GROUP BY source_id)
    SELECT DISTINCT ON (s.id) s.id, s.title, s.url, s.publisher, s.published, s.retrieved, s.licence,
      coalesce(u.n, 0)::INT AS uses
    FROM sources s LEFT JOIN uses u ON u.source_id = s.id ORDER BY s.id, s.dataset`);
}

export interface SearchDoc {
  id: string;
  kind: string;
  name_en: string | null;
  name_zh: string | null;
  name_pinyin: string | null;
  names: string[];
  weight: number;
  /** Where the entity is (as in `entity_place`), so a search answers without a query per request. */
  city: string | null;
  country: string | null;
  /** For a product, model or robot: the organisations that made it (so "Kimi" also offers Moonshot AI). */
  makers: string[];
  [key: string]: unknown;
}

/** One document per entity for the search index: all its names, and a weight (how connected it is). */
export async function searchDocuments(db: Db): Promise<SearchDoc[]> {
  // Grouped once, not counted per entity: correlated counts over `relations` took ~4 s at 27k entities. A relation
  // from an entity to itself counts once, as it did.
  return db.allJson<SearchDoc>(sql`
    WITH names AS (SELECT entity_id, list(DISTINCT name ORDER BY name) AS names FROM entity_names GROUP BY entity_id),
    touches AS (
      SELECT subject_id AS id FROM relations
      UNION ALL SELECT object_id FROM relations WHERE object_id <> subject_id
      UNION ALL SELECT entity_id FROM facts),
    weights AS (SELECT id, count(*) AS n FROM touches GROUP BY id),
    makers AS (
      SELECT thing, list(DISTINCT org ORDER BY org) AS makers FROM (
        SELECT object_id AS thing, subject_id AS org FROM relations WHERE predicate = 'developed'
        UNION SELECT subject_id, object_id FROM relations WHERE predicate = 'product_of') GROUP BY thing)
    SELECT e.id, e.kind, e.name_en, e.name_zh, e.name_pinyin, coalesce(n.names, []) AS names,
      coalesce(w.n, 0)::INT AS weight, p.city, p.country, coalesce(m.makers, []) AS makers
    FROM entities e LEFT JOIN names n ON n.entity_id = e.id LEFT JOIN weights w ON w.id = e.id
    LEFT JOIN entity_place p ON p.entity_id = e.id LEFT JOIN makers m ON m.thing = e.id ORDER BY e.id`);
}

/** Which entity carries which Wikidata id, and which input wrote it. */
export interface QidFact {
  qid: string;
  entityId: string;
  dataset: string;
}

export async function wikidataFacts(db: Db): Promise<QidFact[]> {
  return db.all<QidFact & { [key: string]: unknown }>(sql`
    SELECT DISTINCT value AS qid, entity_id AS "entityId", dataset FROM facts WHERE attr = 'wikidata' ORDER BY 1, 2, 3`);
}

/** Sources whose id starts with a prefix (a connector that writes one source per sync: src:huggingface-<date>). */
export async function sourcesWithPrefix(db: Db, prefix: string): Promise<string[]> {
  const rows = await db.all<{ id: string }>(
    sql`SELECT DISTINCT id FROM sources WHERE starts_with(id, ${prefix}) ORDER BY id`,
  );
  return rows.map((r) => r.id);
}

export interface ClaimRow {
  id: string;
  subject_id: string;
  attr: string;
  value: string;
  unit: string | null;
  counts: string;
  speaker: string;
  occasion_id: string | null;
  said_on: string | null;
  status: string;
  note: string | null;
  source_id: string;
  evidence: {
    stance: string;
    note: string;
    source_id: string;
    entity_id: string | null;
    attr: string | null;
    value: string | null;
  }[];
  [key: string]: unknown;
}

/** A claim with its evidence in order (from `claims c`). */
const CLAIM_FIELDS = sql`c.id, c.subject_id, c.attr, c.value, c.unit, c.counts, c.speaker, c.occasion_id, c.said_on,
  c.status, c.note, c.source_id,
  coalesce((SELECT list({stance: e.stance, note: e.note, source_id: e.source_id, entity_id: e.entity_id, attr: e.attr,
    value: e.value} ORDER BY e.seq) FROM claim_evidence e WHERE e.claim_id = c.id AND e.dataset = c.dataset), []) AS evidence`;

/** Claims whose attribute starts with `prefix` (every estimate of a humanoid's cost shares), by date. */
export async function claimsWithAttrPrefix(db: Db, prefix: string): Promise<ClaimRow[]> {
  return db.all<ClaimRow>(
    sql`SELECT ${CLAIM_FIELDS} FROM claims c WHERE starts_with(c.attr, ${prefix}) ORDER BY c.said_on NULLS LAST, c.id`,
  );
}

/** The entity an old id was merged into, when it was. */
export async function redirectOf(db: Db, id: string): Promise<string | undefined> {
  const row = await db.one<{ new_id: string }>(
    sql`SELECT min(new_id) AS new_id FROM entity_redirects WHERE old_id = ${id}`,
  );
  return row?.new_id ?? undefined;
}

/**
 * A JSON array per entity (`for_id`) of the rows of `from`, each written as `row`, in the order `order` gives (a
 * window's order, so NULLs and ties sort as in any ORDER BY). Sorting each entity's list by its row number is about
 * half the cost of an ordered aggregate over the columns.
 */
function jsonArrays(from: string, row: string, order: string): Sql {
  return sql`${raw(`SELECT for_id, '[' || array_to_string(list_transform(list_sort(list({r: rn, j: j})), x -> x.j), ',') || ']' AS j
    FROM (SELECT for_id, to_json(${row}) AS j, row_number() OVER (PARTITION BY for_id ORDER BY ${order}) AS rn
      FROM ${from}) GROUP BY for_id`)}`;
}

/**
 * Entities' payloads as DuckDB writes them, JSON text by id (null: every entity; an unknown id has no row), ordered
 * by id: the entity with its place and segments, its AI class, names, facts (disputed ones flagged, and the disputed
 * attributes listed), claims with their evidence, relations both ways, timeline, the sources it cites directly, and
 * every source any of these cites, in id order. One statement for one entity or all of them: the build stores every
 * entity's payload this way, no row of it made in JavaScript.
 */
export function entityPayloadsJson(ids: readonly string[] | null): Sql {
  return sql`
    WITH ents AS (
      SELECT e.id, e.kind, e.name_en, e.name_zh, e.name_pinyin, e.description, coalesce(s.segments, []) AS segments,
        p.city, p.country
      FROM entities e LEFT JOIN entity_place p ON p.entity_id = e.id
      LEFT JOIN (SELECT entity_id, list(DISTINCT segment ORDER BY segment) AS segments FROM entity_segments
        WHERE ${forIds('entity_id', ids)} GROUP BY entity_id) s ON s.entity_id = e.id
      WHERE ${forIds('e.id', ids)}),
    nm AS (SELECT DISTINCT entity_id AS for_id, entity_id, name, kind, source_id FROM entity_names
      WHERE ${forIds('entity_id', ids)}),
    d AS (${disputedGroups(forIds('entity_id', ids))}),
    fa AS (
      SELECT DISTINCT f.entity_id AS for_id, f.attr, f.value, f.unit, f.as_of, f.scope, f.note, f.estimate, f.source_id,
        EXISTS (SELECT 1 FROM d WHERE d.entity_id = f.entity_id AND d.attr = f.attr AND d.u = coalesce(f.unit, '')
          AND d.a = coalesce(f.as_of, '') AND d.s = coalesce(f.scope, '')) AS disputed
      FROM facts f WHERE ${forIds('f.entity_id', ids)}),
    re AS (
      SELECT r.subject_id AS for_id, 'out' AS direction, r.predicate, r.object_id AS other_id,
        coalesce(o.name_en, o.name_zh) AS other_name, o.kind AS other_kind, r.source_id
      FROM relations r LEFT JOIN entities o ON o.id = r.object_id WHERE ${forIds('r.subject_id', ids)}
      UNION
      SELECT r.object_id, 'in', r.predicate, r.subject_id, coalesce(s.name_en, s.name_zh), s.kind, r.source_id
      FROM relations r LEFT JOIN entities s ON s.id = r.subject_id WHERE ${forIds('r.object_id', ids)}),
    es AS (SELECT DISTINCT entity_id AS for_id, source_id FROM entity_sources WHERE ${forIds('entity_id', ids)}),
    tl AS (
      SELECT for_id, date, what, entity_id, name, min(source_id) AS source_id FROM (
        SELECT f.entity_id AS for_id, f.value AS date, f.attr AS what, f.entity_id, NULL AS name, f.source_id
        FROM facts f
        WHERE ${forIds('f.entity_id', ids)} AND regexp_matches(f.value, '^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$')
          AND f.attr IN ('founded', 'founding_date', 'listing_date', 'release_date', 'publication_date', 'date',
            'merger_date')
        UNION
        SELECT r.subject_id, d.value, 'release', r.object_id, coalesce(t.name_en, t.name_zh), d.source_id
        FROM relations r JOIN facts d ON d.entity_id = r.object_id AND d.attr IN ('release_date', 'publication_date')
        JOIN entities t ON t.id = r.object_id
        WHERE ${forIds('r.subject_id', ids)} AND r.predicate = 'developed' AND regexp_matches(d.value, '^[0-9]{4}'))
      -- One line per event, however many sources date it (the first source by id cites it); the latest 300.
      GROUP BY for_id, date, what, entity_id, name
      QUALIFY row_number() OVER (PARTITION BY for_id ORDER BY date DESC, entity_id, what, name) <= 300),
    links AS (
      SELECT subject_id AS for_id, id AS claim_id, dataset FROM claims WHERE ${forIds('subject_id', ids)}
      UNION SELECT occasion_id, id, dataset FROM claims WHERE occasion_id IS NOT NULL AND ${forIds('occasion_id', ids)}
      UNION SELECT entity_id, claim_id, NULL FROM claim_evidence
        WHERE entity_id IS NOT NULL AND ${forIds('entity_id', ids)}),
    cl AS (
      SELECT DISTINCT ON (l.for_id, c.id, c.dataset) l.for_id, c.dataset AS claim_dataset, ${CLAIM_FIELDS}
      FROM claims c JOIN links l ON l.claim_id = c.id AND (l.dataset IS NULL OR l.dataset = c.dataset)
      ORDER BY l.for_id, c.id, c.dataset),
    pr AS (SELECT entity_id AS for_id, ai_class, basis, source_id FROM org_profile WHERE ${forIds('entity_id', ids)}),
    -- Every source the payload cites, once.
    cited AS (
      SELECT for_id, source_id FROM es UNION SELECT for_id, source_id FROM nm UNION SELECT for_id, source_id FROM fa
      UNION SELECT for_id, source_id FROM re UNION SELECT for_id, source_id FROM tl
      UNION SELECT for_id, source_id FROM cl
      UNION SELECT for_id, unnest(evidence).source_id FROM cl
      UNION SELECT for_id, source_id FROM pr WHERE source_id <> ''),
    src AS (SELECT c.for_id, s.* FROM cited c JOIN (SELECT DISTINCT ON (id) id, title, url, publisher, published,
      retrieved, licence FROM sources WHERE id IN (SELECT source_id FROM cited) ORDER BY id, dataset) s
      ON s.id = c.source_id),
    names_j AS (${jsonArrays('nm', '{entity_id: entity_id, name: name, kind: kind, source_id: source_id}', 'kind, name, source_id')}),
    facts_j AS (${jsonArrays(
      'fa',
      '{attr: attr, value: value, unit: unit, as_of: as_of, scope: scope, note: note, estimate: estimate, source_id: source_id, disputed: disputed}',
      'attr, value, source_id, unit, as_of, scope, note, estimate',
    )}),
    disputed_j AS (SELECT for_id, to_json(list(DISTINCT attr ORDER BY attr)) AS j FROM fa WHERE disputed GROUP BY for_id),
    claims_j AS (${jsonArrays(
      'cl',
      '{id: id, subject_id: subject_id, attr: attr, value: value, unit: unit, counts: counts, speaker: speaker, occasion_id: occasion_id, said_on: said_on, status: status, note: note, source_id: source_id, evidence: evidence}',
      'id, claim_dataset',
    )}),
    relations_j AS (${jsonArrays(
      're',
      '{direction: direction, predicate: predicate, other_id: other_id, other_name: other_name, other_kind: other_kind, source_id: source_id}',
      'direction, predicate, other_id, source_id',
    )}),
    timeline_j AS (${jsonArrays(
      'tl',
      '{date: date, what: what, entity_id: entity_id, name: name, source_id: source_id}',
      'date DESC, entity_id, what, name',
    )}),
    es_j AS (${jsonArrays('es', 'source_id', 'source_id')}),
    sources_j AS (${jsonArrays(
      'src',
      '{id: id, title: title, url: url, publisher: publisher, published: published, retrieved: retrieved, licence: licence}',
      'id',
    )})
    SELECT e.id, concat('{"entity":', to_json(e), ',"ai_class":',
      CASE WHEN coalesce(pr.ai_class, '') <> '' THEN to_json({'class': pr.ai_class, basis: coalesce(pr.basis, ''),
        source_id: pr.source_id}) ELSE 'null' END,
      ',"names":', coalesce(n.j, '[]'), ',"facts":', coalesce(f.j, '[]'), ',"disputed":', coalesce(di.j, '[]'),
      ',"claims":', coalesce(c.j, '[]'), ',"relations":', coalesce(r.j, '[]'), ',"timeline":', coalesce(t.j, '[]'),
      ',"entity_sources":', coalesce(es.j, '[]'), ',"sources":', coalesce(s.j, '[]'), '}') AS body
    FROM ents e LEFT JOIN pr ON pr.for_id = e.id LEFT JOIN names_j n ON n.for_id = e.id
    LEFT JOIN facts_j f ON f.for_id = e.id LEFT JOIN disputed_j di ON di.for_id = e.id
    LEFT JOIN claims_j c ON c.for_id = e.id LEFT JOIN relations_j r ON r.for_id = e.id
    LEFT JOIN timeline_j t ON t.for_id = e.id LEFT JOIN es_j es ON es.for_id = e.id
    LEFT JOIN sources_j s ON s.for_id = e.id
    ORDER BY e.id`;
}
