/**
 * Changes between two states of the data: per entity, fact (release dates apart), relation, price and observation,
 * what was added, changed or removed, with the source behind it. The same comparison serves an ingest (its dataset
 * before and after, inside the ingest's transaction), a build (the database it replaces against the new one) and
 * `neijuan diff` (any two database files).
 */
import type { Db } from '../db.ts';
import { raw, type Sql, sql } from '../sql.ts';

/** The tables a change can be about, each given as a relation (a table, or a filtered selection of one). */
export const CHANGE_TABLES = ['entities', 'facts', 'relations', 'prices', 'observations'] as const;
export type ChangeSide = Record<(typeof CHANGE_TABLES)[number], Sql>;

export const CHANGE_KINDS = ['entity', 'fact', 'release', 'relation', 'price', 'observation', 'metric'] as const;
export const CHANGE_OPS = ['added', 'changed', 'removed'] as const;

/** Every dataset of the database attached as `catalog` (null: the database the connection opened). */
export function wholeDatabase(catalog: string | null): ChangeSide {
  if (catalog !== null && !/^[a-z_][a-z0-9_]*$/.test(catalog)) throw new Error(`not a catalog name: ${catalog}`);
  const of = (t: string) => sql`(SELECT * FROM ${raw(`${catalog === null ? '' : `${catalog}.`}main.${t}`)})`;
  return {
    entities: of('entities'),
    facts: of('facts'),
    relations: of('relations'),
    prices: of('prices'),
    observations: of('observations'),
  };
}

/**
 * One dataset's rows of the main database; for observations, every series the dataset touches (`series`: the
 * subjects and metrics of its new rows), whatever dataset holds them, so that a new sync's latest value is compared
 * with the previous sync's (downloads 846,249 on 2026-11-22 → 912,000 on 2026-11-29).
 */
export function oneDataset(dataset: string, series: { subjects: string[]; metrics: string[] }): ChangeSide {
  const of = (t: string) => sql`(SELECT * FROM ${raw(`main.${t}`)} WHERE dataset = ${dataset})`;
  return {
    entities: of('entities'),
    facts: of('facts'),
    relations: of('relations'),
    prices: of('prices'),
    observations: seriesOf(dataset, series),
  };
}

/** The observations of every series a dataset has or is about to have (see oneDataset). */
export function seriesOf(dataset: string, series: { subjects: string[]; metrics: string[] }): Sql {
  return sql`(SELECT * FROM main.observations WHERE dataset = ${dataset}
    OR (metric, subject_id) IN (SELECT (metric, subject_id) FROM main.observations WHERE dataset = ${dataset})
    OR (list_contains(${series.subjects}::VARCHAR[], subject_id) AND list_contains(${series.metrics}::VARCHAR[], metric)))`;
}

/** Each slot's value on one side: what a change is about, as (kind, entity_id, what) → v. */
function slots(side: ChangeSide): Sql {
  return sql`
    SELECT kind, entity_id, what, array_to_string(list_sort(list_distinct(list(v))), '; ') AS v,
      min(source_id) AS source_id, min(dataset) AS dataset
    FROM (
      SELECT 'entity' AS kind, id AS entity_id, 'entity' AS what,
        concat_ws(' · ', kind, name_en, name_zh) AS v, NULL::VARCHAR AS source_id, dataset FROM ${side.entities}
      UNION ALL
      SELECT CASE WHEN attr IN ('release_date', 'publication_date') THEN 'release' ELSE 'fact' END, entity_id,
        attr || coalesce(' as of ' || as_of, '') || coalesce(' (' || scope || ')', ''),
        value || coalesce(' ' || unit, ''), source_id, dataset FROM ${side.facts}
      UNION ALL
      SELECT 'relation', subject_id, predicate || ' ' || object_id, object_id, source_id, dataset FROM ${side.relations}
      UNION ALL
      SELECT 'price', vendor_id,
        model || ' · ' || kind || coalesce(' · ' || nullif(tier, ''), '') || ' · ' || date || ' · ' || currency,
        input || ' in / ' || output || ' out per M tokens', source_id, dataset FROM ${side.prices}
      UNION ALL
      -- A series changes when its latest value does: a new period, or a corrected latest one.
      SELECT 'observation', subject_id, metric,
        arg_max(CASE WHEN value = round(value) AND abs(value) < 1e15 THEN value::BIGINT::VARCHAR ELSE value::VARCHAR END
          || ' ' || unit || ' (' || period || ')', period), arg_max(source_id, period),
        arg_max(dataset, period)
      FROM ${side.observations} GROUP BY subject_id, metric
    ) GROUP BY kind, entity_id, what`;
}

export interface ChangeRow {
  kind: string;
  op: string;
  entity_id: string | null;
  what: string;
  old_value: string | null;
  new_value: string | null;
  source_id: string | null;
  dataset: string | null;
  [key: string]: unknown;
}

/** What differs between two sides, slot by slot, in a stable order. */
export function diffSql(before: ChangeSide, after: ChangeSide): Sql {
  return sql`
    WITH o AS (${slots(before)}), n AS (${slots(after)})
    SELECT coalesce(n.kind, o.kind) AS kind,
      CASE WHEN o.what IS NULL THEN 'added' WHEN n.what IS NULL THEN 'removed' ELSE 'changed' END AS op,
      coalesce(n.entity_id, o.entity_id) AS entity_id, coalesce(n.what, o.what) AS what,
      o.v AS old_value, n.v AS new_value, coalesce(n.source_id, o.source_id) AS source_id,
      coalesce(n.dataset, o.dataset) AS dataset
    FROM o FULL JOIN n ON o.kind = n.kind AND o.entity_id IS NOT DISTINCT FROM n.entity_id AND o.what = n.what
    WHERE o.v IS DISTINCT FROM n.v
    ORDER BY kind, entity_id, what`;
}

/**
 * Records what changed from `before` to `after` as the changes of `run` (and the run itself when anything did).
 * Returns how many changes were recorded.
 */
export async function recordChanges(
  db: Db,
  run: { id: string; at: string; kind: 'build' | 'ingest'; label: string },
  before: ChangeSide,
  after: ChangeSide,
): Promise<number> {
  const start =
    (await db.one<{ n: number }>(sql`SELECT count(*)::INT AS n FROM changes WHERE run = ${run.id}`))?.n ?? 0;
  await db.run(sql`
    INSERT INTO changes
    SELECT ${run.id}, (${start} + row_number() OVER (ORDER BY kind, entity_id, what))::INT, ${run.at}::TIMESTAMP,
      kind, op, entity_id, what, old_value, new_value, source_id, dataset, NULL
    FROM (${diffSql(before, after)})`);
  const n = (await db.one<{ n: number }>(sql`SELECT count(*)::INT AS n FROM changes WHERE run = ${run.id}`))?.n ?? 0;
  if (n > 0) {
    await db.run(sql`
      INSERT OR REPLACE INTO change_runs VALUES (${run.id}, ${run.at}::TIMESTAMP, ${run.kind}, ${run.label}, ${n})`);
  }
  return n - start;
}

/** Adds metric moves (already worded) to a run's changes. */
export async function recordMetricMoves(
  db: Db,
  run: { id: string; at: string; kind: 'build' | 'ingest'; label: string },
  moves: { what: string; old_value: string | null; new_value: string | null; note: string; source_id: string | null }[],
): Promise<void> {
  if (moves.length === 0) return;
  const start =
    (await db.one<{ n: number }>(sql`SELECT count(*)::INT AS n FROM changes WHERE run = ${run.id}`))?.n ?? 0;
  for (const [i, m] of moves.entries()) {
    await db.run(sql`INSERT INTO changes VALUES (${run.id}, ${start + i + 1}, ${run.at}::TIMESTAMP, 'metric', 'changed',
      NULL, ${m.what}, ${m.old_value}, ${m.new_value}, ${m.source_id}, NULL, ${m.note})`);
  }
  await db.run(sql`
    INSERT OR REPLACE INTO change_runs VALUES (${run.id}, ${run.at}::TIMESTAMP, ${run.kind}, ${run.label},
      ${start + moves.length})`);
}

export interface ChangeFilter {
  since: string | null;
  kind: string | null;
  entity: string | null;
  segment: string | null;
  city: string | null;
  entities: readonly string[] | null;
  limit: number;
  offset: number;
}

export interface StoredChange extends ChangeRow {
  run: string;
  seq: number;
  at: string;
  note: string | null;
  entity_name: string | null;
}

/**
 * Recorded changes, newest run first, filtered: since a date, of a kind, about an entity (or the models it made), in
 * a segment, in a city, or about any of a list of entities or the models they made (a watchlist).
 */
export async function listChanges(db: Db, f: ChangeFilter): Promise<{ total: number; rows: StoredChange[] }> {
  const where = sql`
    (${f.since}::VARCHAR IS NULL OR c.recorded >= ${f.since}::TIMESTAMP)
    AND (${f.kind}::VARCHAR IS NULL OR c.kind = ${f.kind})
    AND (${f.entity}::VARCHAR IS NULL OR c.entity_id = ${f.entity}
      OR c.entity_id IN (SELECT object_id FROM relations WHERE subject_id = ${f.entity} AND predicate = 'developed'))
    AND (${f.segment}::VARCHAR IS NULL OR c.entity_id IN (SELECT entity_id FROM entity_segments WHERE segment = ${f.segment})
      OR c.entity_id IN (SELECT thing FROM release_segments WHERE segment = ${f.segment})
      OR (c.kind = 'metric' AND c.what LIKE '% · ' || ${f.segment} || ' · %'))
    AND (${f.city}::VARCHAR IS NULL OR c.entity_id IN (SELECT entity_id FROM entity_place WHERE city = ${f.city}))
    AND (${f.entities === null}::BOOLEAN OR list_contains(${f.entities ?? []}::VARCHAR[], c.entity_id)
      OR c.entity_id IN (SELECT object_id FROM relations WHERE predicate = 'developed'
        AND list_contains(${f.entities ?? []}::VARCHAR[], subject_id)))`;
  const total = (await db.one<{ n: number }>(sql`SELECT count(*)::INT AS n FROM changes c WHERE ${where}`))?.n ?? 0;
  const rows = await db.all<StoredChange>(sql`
    SELECT c.run, c.seq, strftime(c.recorded, '%Y-%m-%dT%H:%M:%SZ') AS at, c.kind, c.op, c.entity_id,
      coalesce(e.name_en, e.name_zh) AS entity_name, c.what, c.old_value, c.new_value, c.source_id, c.dataset, c.note
    FROM changes c LEFT JOIN entities e ON e.id = c.entity_id
    WHERE ${where}
    ORDER BY c.recorded DESC, c.run DESC, c.seq
    LIMIT ${f.limit} OFFSET ${f.offset}`);
  return { total, rows };
}

export async function listChangeRuns(
  db: Db,
): Promise<{ run: string; at: string; kind: string; label: string; changes: number }[]> {
  return db.all(sql`
    SELECT run, strftime(recorded, '%Y-%m-%dT%H:%M:%SZ') AS at, kind, label, changes FROM change_runs
    ORDER BY recorded DESC, run`);
}
