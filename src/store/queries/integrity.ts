/** Referential checks run inside an ingest transaction, before it commits. */
import type { Db } from '../db.ts';
import { join, raw, type Sql, sql } from '../sql.ts';

export interface DanglingRef {
  table: string;
  field: string;
  value: string;
  context: string;
}

/** References written by `dataset` that point at no entity or no source. Empty when all resolve. */
export async function danglingReferences(db: Db, dataset: string): Promise<DanglingRef[]> {
  return db.all<DanglingRef>(danglingReferencesSql(dataset));
}

/** The statement `danglingReferences` runs (a bundled load runs it after the inserts of each input, in one call). */
export function danglingReferencesSql(dataset: string): Sql {
  return sql`
    WITH e AS (SELECT id FROM entities), s AS (SELECT DISTINCT id FROM sources)
    SELECT * FROM (
      SELECT 'facts' AS "table", 'entity' AS field, entity_id AS value, attr AS context FROM facts
        WHERE dataset = ${dataset} AND entity_id NOT IN (SELECT id FROM e)
      UNION ALL SELECT 'facts', 'source', source_id, entity_id || ' ' || attr FROM facts
        WHERE dataset = ${dataset} AND source_id NOT IN (SELECT id FROM s)
      UNION ALL SELECT 'relations', 'subject', subject_id, predicate || ' ' || object_id FROM relations
        WHERE dataset = ${dataset} AND subject_id NOT IN (SELECT id FROM e)
      UNION ALL SELECT 'relations', 'object', object_id, subject_id || ' ' || predicate FROM relations
        WHERE dataset = ${dataset} AND object_id NOT IN (SELECT id FROM e)
      UNION ALL SELECT 'relations', 'source', source_id, subject_id || ' ' || predicate FROM relations
        WHERE dataset = ${dataset} AND source_id NOT IN (SELECT id FROM s)
      UNION ALL SELECT 'entity_names', 'source', source_id, entity_id FROM entity_names
        WHERE dataset = ${dataset} AND source_id NOT IN (SELECT id FROM s)
      UNION ALL SELECT 'entity_sources', 'source', source_id, entity_id FROM entity_sources
        WHERE dataset = ${dataset} AND source_id NOT IN (SELECT id FROM s)
      UNION ALL SELECT 'observations', 'subject', subject_id, metric FROM observations
        WHERE dataset = ${dataset} AND subject_id NOT IN (SELECT id FROM e)
      UNION ALL SELECT 'observations', 'source', source_id, metric FROM observations
        WHERE dataset = ${dataset} AND source_id NOT IN (SELECT id FROM s)
      UNION ALL SELECT 'prices', 'vendor', vendor_id, model FROM prices
        WHERE dataset = ${dataset} AND vendor_id NOT IN (SELECT id FROM e)
      UNION ALL SELECT 'prices', 'source', source_id, model FROM prices
        WHERE dataset = ${dataset} AND source_id NOT IN (SELECT id FROM s)
    ) ORDER BY ALL LIMIT 20`;
}

/** A checksum per data table: equal checksums mean equal contents (order-independent). */
export async function tableChecksums(db: Db, tables: readonly string[]): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const table of tables) {
    // Table names come from the typed constants in tables.ts, not from input.
    const row = await db.one<{ n: number; h: string }>({
      text: `SELECT count(*)::INT AS n, coalesce(sum(hash(t))::VARCHAR, '0') AS h FROM main.${table} t`,
      params: [],
    });
    out[table] = `${row?.n ?? 0}:${row?.h ?? ''}`;
  }
  return out;
}

export interface SourceDefinition {
  id: string;
  dataset: string;
  title: string;
  url: string;
  publisher: string;
  published: string | null;
  retrieved: string | null;
  licence: string;
  [key: string]: unknown;
}

/** How other datasets define these source ids (an input may cite them only with the same definition). */
export async function sourcesDefinedElsewhere(
  db: Db,
  dataset: string,
  ids: readonly string[],
): Promise<SourceDefinition[]> {
  if (ids.length === 0) return [];
  return db.all<SourceDefinition>(sql`
    SELECT id, dataset, title, url, publisher, published, retrieved, licence FROM sources
    WHERE dataset <> ${dataset} AND list_contains(${[...ids]}::VARCHAR[], id) ORDER BY id, dataset`);
}

/** Rows a dataset holds, over every table an ingest writes. */
export async function datasetRowCounts(
  db: Db,
  dataset: string,
  tables: readonly string[],
): Promise<Map<string, number>> {
  // One statement for every table: a build ingests eight inputs, each over some twenty tables.
  const rows = await db.all<{ t: string; n: number }>(
    join(
      tables.map((t) => sql`SELECT ${t} AS t, count(*)::INT AS n FROM ${raw(t)} WHERE dataset = ${dataset}`),
      ' UNION ALL ',
    ),
  );
  return new Map(rows.map((r) => [r.t, r.n]));
}
