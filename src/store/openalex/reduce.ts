/**
 * The SQL reduce of OpenAlex works (works.sql): renders it for a set of files and a work filter, and stages one
 * snapshot partition with it, so the sync parses JSON in DuckDB (native, multi-threaded) instead of in JavaScript.
 */
import { readFileSync } from 'node:fs';
import type { Db } from '../db.ts';
import { literal, raw, sql } from '../sql.ts';

/** Which works count (the same choices as sources/openalex/records.ts WorkFilter). */
export type ReduceFilter = { kind: 'all' } | { kind: 'subfield' | 'topic' | 'concept'; ids: readonly string[] };

const template = (name: string) => readFileSync(new URL(`./${name}.sql`, import.meta.url), 'utf8');
const TEMPLATE = template('works');
const INSTITUTIONS = template('institutions');
const COUNTS = template('counts');

const list = (items: readonly string[]) => `[${items.map(literal).join(', ')}]`;

/** The filter as a SQL boolean over the reduce's columns. */
export function filterSql(filter: ReduceFilter): string {
  switch (filter.kind) {
    case 'all':
      return 'TRUE';
    case 'subfield':
      return `coalesce(list_contains(${list(filter.ids)}, subfield), FALSE)`;
    case 'topic':
      return `list_has_any(topic_keys, ${list(filter.ids.map((i) => i.toUpperCase()))})`;
    case 'concept':
      return `list_has_any(concept_keys, ${list(filter.ids.map((i) => i.toUpperCase()))})`;
    default: {
      const unreachable: never = filter;
      return unreachable;
    }
  }
}

/** The fields works.sql reads, as DuckDB types: everything else in a work's JSON is skipped, not parsed into columns. */
const WORK_COLUMNS: readonly (readonly [name: string, type: string])[] = [
  ['id', 'VARCHAR'],
  ['publication_year', 'BIGINT'],
  [
    'authorships',
    'STRUCT(institutions STRUCT(id VARCHAR, display_name VARCHAR, ror VARCHAR, country_code VARCHAR, type VARCHAR)[])[]',
  ],
  [
    'primary_topic',
    'STRUCT(id VARCHAR, display_name VARCHAR, score DOUBLE, subfield STRUCT(id VARCHAR), field STRUCT(id VARCHAR), domain STRUCT(id VARCHAR))',
  ],
  [
    'topics',
    'STRUCT(id VARCHAR, display_name VARCHAR, score DOUBLE, subfield STRUCT(id VARCHAR), field STRUCT(id VARCHAR), domain STRUCT(id VARCHAR))[]',
  ],
  ['concepts', 'STRUCT(id VARCHAR)[]'],
];

/**
 * How works.sql reads the JSON:
 * - `declared`: every field it uses, declared (WORK_COLUMNS);
 * - `lean`: the same, but each of a work's topics only as id, name and score, without its subfield, field and domain
 *   (a sixth of the parse). Those are read only for a work that names no primary topic (the older shape), whose
 *   topic is then its best-scored one: a partition holding such a work (`topic_from_topics`) is read again declared;
 * - `detect`: DuckDB infers every column instead (what a plain `read_json` does; the benchmark's floor).
 */
export type WorksRead = 'declared' | 'lean' | 'detect';

const LEAN_TOPICS = 'STRUCT(id VARCHAR, display_name VARCHAR, score DOUBLE)[]';

/**
 * works.sql for these files and this filter. A work's concepts (a dozen or more each) are read only when the filter
 * is by concept: nothing else counts them, so otherwise they are neither parsed nor checked.
 */
export function worksReduceSql(files: readonly string[], filter: ReduceFilter, read: WorksRead = 'declared'): string {
  const columns = WORK_COLUMNS.map(([n, t]) => [n, read === 'lean' && n === 'topics' ? LEAN_TOPICS : t] as const);
  const json = (declared: readonly (readonly [string, string])[]) =>
    `read_json(${list(files)}, format = 'newline_delimited', filename = true${
      read === 'detect' ? '' : `, columns = {${declared.map(([n, t]) => `${n}: ${literal(t)}`).join(', ')}}`
    })`;
  const concepts = WORK_COLUMNS.find(([n]) => n === 'concepts')?.[1] ?? '';
  const source =
    read === 'detect' || filter.kind === 'concept'
      ? json(columns)
      : `(SELECT *, NULL::${concepts} AS concepts FROM ${json(columns.filter(([n]) => n !== 'concepts'))})`;
  return TEMPLATE.replaceAll('{{source}}', () => source).replaceAll('{{filter}}', () => filterSql(filter));
}

export interface StagedPartition {
  /** Work lines read per file. */
  lines: Map<string, number>;
  /** The first file holding a work out of shape, if any (the caller names its line with the full validator). */
  outOfShape: string | null;
}

/**
 * Where reduced partitions wait to be counted: an in-memory database attached beside the target, which every
 * connection of the instance sees (the sync reduces a partition on one connection while it counts the one before
 * on another).
 */
export const SCRATCH = 'openalex_scratch';

/**
 * Reduces a partition's files into `table` (one row per work line), on whichever connection it is given. Throws
 * DuckDB's error when a file cannot be read as JSON Lines (the caller names the file and line).
 */
export async function reducePartition(
  db: Db,
  files: readonly string[],
  filter: ReduceFilter,
  table: string,
  read: WorksRead = 'declared',
): Promise<void> {
  await db.exec(`CREATE OR REPLACE TABLE ${table} AS ${worksReduceSql(files, filter, read)}`);
}

/** Whether a partition reduced `lean` holds a work whose primary topic comes from its topics (then read it declared). */
export async function needsTopicsDeclared(db: Db, table: string): Promise<boolean> {
  const row = await db.one<{ any: boolean | null }>({
    text: `SELECT bool_or(topic_from_topics) AS any FROM ${table}`,
    params: [],
  });
  return row?.any === true;
}

/**
 * Makes a reduced partition the one temp.openalex_part names (what the steps below read), and checks it: the work
 * lines of each file, and the first file holding a work out of shape.
 */
export async function stagePartition(db: Db, table: string): Promise<StagedPartition> {
  await db.exec(`CREATE OR REPLACE TEMP VIEW openalex_part AS SELECT * FROM ${table}`);
  // One pass: the lines of each file, and whether it holds a work out of shape.
  const perFile = await db.all<{ filename: string; n: number; bad: boolean }>(
    sql`SELECT filename, count(*)::INT AS n, bool_or(out_of_shape) AS bad FROM temp.openalex_part
      GROUP BY filename ORDER BY filename`,
  );
  return {
    lines: new Map(perFile.map((r) => [r.filename, r.n])),
    outOfShape: perFile.find((r) => r.bad)?.filename ?? null,
  };
}

export interface PartInstitution {
  key: string;
  display_name: string | null;
  country_code: string | null;
  type: string | null;
  ror: string | null;
  [key: string]: unknown;
}

/** The distinct institutions of the partition's counted works, as their works describe them (institutions.sql). */
export async function partInstitutions(db: Db): Promise<PartInstitution[]> {
  return db.all<PartInstitution>({
    text: INSTITUTIONS.replaceAll('{{works}}', () => 'temp.openalex_part'),
    params: [],
  });
}

// The scale-out steps, run by DuckDB here (`neijuan openalex-reduce`) as a cluster runs them (docs/SCALE.md).

const quoted = (path: string) => literal(path);

/** works.sql over every works file of a snapshot, as a parenthesised relation. */
function allWorks(files: readonly string[], filter: ReduceFilter, read: WorksRead = 'declared'): string {
  return `(${worksReduceSql(files, filter, read)})`;
}

/** The merged_ids files as a relation of work keys (none: an empty one). */
function mergedRelation(files: readonly string[]): string {
  if (files.length === 0) return '(SELECT NULL::VARCHAR AS work_key WHERE FALSE)';
  return `(SELECT upper(regexp_extract(id, '([A-Za-z][0-9]+)$', 1)) AS work_key FROM read_csv(${list(files)}, header = true,
    columns = {'merge_date': 'VARCHAR', 'id': 'VARCHAR', 'merge_into_id': 'VARCHAR'}))`;
}

/** institutions.sql over a whole snapshot, written to Parquet. */
export async function writeSeenInstitutions(
  db: Db,
  files: readonly string[],
  filter: ReduceFilter,
  out: string,
): Promise<void> {
  await db.exec(
    `COPY (${INSTITUTIONS.replaceAll('{{works}}', () => allWorks(files, filter))}) TO ${quoted(out)} (FORMAT parquet)`,
  );
}

/** counts.sql over a whole snapshot, with the subjects of each institution from a Parquet file, written to Parquet. */
export async function writeCounts(
  db: Db,
  input: { works: readonly string[]; merged: readonly string[]; subjects: string },
  filter: ReduceFilter,
  out: string,
): Promise<void> {
  await db.exec(`COPY (${countsSql(input, filter)} ORDER BY ALL) TO ${quoted(out)} (FORMAT parquet)`);
}

/** counts.sql over a whole snapshot (`detect`: with every column inferred, as a plain read_json would). */
export function countsSql(
  input: { works: readonly string[]; merged: readonly string[]; subjects: string },
  filter: ReduceFilter,
  read: WorksRead = 'declared',
): string {
  return COUNTS.replaceAll('{{works}}', () => allWorks(input.works, filter, read))
    .replaceAll('{{merged}}', () => mergedRelation(input.merged))
    .replaceAll('{{subjects}}', () => `read_parquet(${quoted(input.subjects)})`);
}

/** Each institution's subjects (its entity and its city) for a dataset, written to Parquet for counts.sql. */
export async function writeSubjects(db: Db, dataset: string, out: string): Promise<number> {
  const body = `SELECT institution_id AS institution_key, subject_id FROM (
      SELECT institution_id, unnest([entity_id, city_id]) AS subject_id FROM main.openalex_institutions
      WHERE dataset = ${literal(dataset)}) WHERE subject_id IS NOT NULL ORDER BY ALL`;
  await db.exec(`COPY (${body}) TO ${quoted(out)} (FORMAT parquet)`);
  const n = await db.one<{ n: number }>({ text: `SELECT count(*)::INT AS n FROM (${body})`, params: [] });
  return n?.n ?? 0;
}

/** Rows of a Parquet file the caller reads whole (a list of seen institutions: thousands, not millions). */
export async function readSeenInstitutions(db: Db, file: string): Promise<PartInstitution[]> {
  return db.all<PartInstitution>({
    text: `SELECT key, display_name, country_code, type, ror FROM read_parquet(${quoted(file)}) ORDER BY key`,
    params: [],
  });
}

/** The distinct country codes of the partition's counted works. */
export async function partCountries(db: Db): Promise<string[]> {
  const rows = await db.all<{ c: string }>(sql`
    SELECT DISTINCT unnest(countries) AS c FROM temp.openalex_part WHERE counted ORDER BY 1`);
  return rows.map((r) => r.c);
}

export interface PartTopic {
  topicId: string;
  displayName: string;
  subfield: string | null;
  field: string | null;
  domain: string | null;
  [key: string]: unknown;
}

/** The distinct primary topics of the partition's counted works. */
export async function partTopics(db: Db): Promise<PartTopic[]> {
  return db.all<PartTopic>(sql`
    SELECT topic_id AS "topicId", min(topic_name) AS "displayName", min(subfield) AS subfield, min(field) AS field,
      min(domain) AS domain
    FROM temp.openalex_part WHERE counted AND topic_id IS NOT NULL GROUP BY topic_id ORDER BY topic_id`);
}

/**
 * Fills temp.openalex_stage from the staged partition (the latest line of each work): counted works with their
 * subjects — the entities and cities of their institutions (openalex_institutions) and their countries — and the
 * rest as removals. Returns how many works it counts.
 */
export async function stageFromPartition(db: Db, dataset: string, partition: string): Promise<number> {
  // A work is staged once, as its latest line (the greatest file name). Lines of one work twice in a partition are
  // rare, so the ranking runs only when there are some.
  const repeated = await db.one<{ r: boolean }>(
    sql`SELECT count(*) <> count(DISTINCT work_key) AS r FROM temp.openalex_part`,
  );
  const latest = repeated?.r ? 'QUALIFY row_number() OVER (PARTITION BY work_key ORDER BY filename DESC) = 1' : '';
  await db.run(sql`CREATE OR REPLACE TEMP TABLE openalex_stage AS
    WITH latest AS (
      SELECT work_key, counted, year, topic_id, institution_keys, countries FROM temp.openalex_part ${raw(latest)}),
    subjects AS (
      SELECT f.work_key, unnest([m.entity_id, m.city_id]) AS s
      FROM (SELECT work_key, unnest(institution_keys) AS key FROM latest WHERE counted) f
      JOIN main.openalex_institutions m ON m.dataset = ${dataset} AND m.institution_id = f.key
      UNION ALL SELECT work_key, 'country:' || lower(unnest(countries)) FROM latest WHERE counted),
    per_work AS (SELECT work_key, list(DISTINCT s ORDER BY s) AS subjects FROM subjects WHERE s IS NOT NULL GROUP BY 1)
    SELECT l.work_key AS work_id, NOT l.counted AS remove, l.year::INTEGER AS year,
      coalesce(p.subjects, []::VARCHAR[]) AS subject_ids, CASE WHEN l.counted THEN l.topic_id END AS topic,
      ${partition} AS partition
    FROM latest l LEFT JOIN per_work p ON p.work_key = l.work_key`);
  const n = await db.one<{ n: number }>(sql`SELECT count(*)::INT AS n FROM temp.openalex_stage WHERE NOT remove`);
  return n?.n ?? 0;
}

/** The columns of an aggregates file (counts.sql's output) and their DuckDB types. */
export async function aggregateColumns(db: Db, file: string): Promise<Map<string, string>> {
  const rows = await db.all<{ column_name: string; column_type: string }>({
    text: `DESCRIBE SELECT * FROM read_parquet(${quoted(file)})`,
    params: [],
  });
  return new Map(rows.map((r) => [r.column_name, r.column_type]));
}

/**
 * The first row of an aggregates file that cannot be stored, with the field at fault: a missing subject, a year out
 * of range, a count that is not positive, a topic that is not an OpenAlex topic key, a subject no entity has, or a
 * (subject, year, topic) given twice. Rows are numbered from 1 in file order.
 */
export async function firstBadAggregate(
  db: Db,
  file: string,
): Promise<{ row: number; field: string; reason: string } | undefined> {
  return db.one({
    text: `WITH a AS (SELECT file_row_number + 1 AS row, subject_id, year, topic_id, works
        FROM read_parquet(${quoted(file)}, file_row_number = true)),
      bad AS (
        SELECT row, 'subject_id' AS field, 'missing' AS reason FROM a WHERE subject_id IS NULL
        UNION ALL SELECT row, 'year', 'expected a year from 1000 to 2200, found ' || coalesce(year::VARCHAR, 'nothing')
          FROM a WHERE year IS NULL OR year NOT BETWEEN 1000 AND 2200
        UNION ALL SELECT row, 'works', 'expected a positive whole count, found ' || coalesce(works::VARCHAR, 'nothing')
          FROM a WHERE works IS NULL OR works <= 0 OR works <> floor(works)
        UNION ALL SELECT row, 'topic_id', 'expected an OpenAlex topic key (T123) or nothing, found "' || topic_id || '"'
          FROM a WHERE topic_id IS NOT NULL AND NOT regexp_matches(topic_id, '^T[0-9]+$')
        UNION ALL SELECT row, 'subject_id', 'no entity has the id "' || subject_id || '" (map the institutions first)'
          FROM a WHERE subject_id IS NOT NULL AND subject_id NOT IN (SELECT id FROM main.entities)
        UNION ALL SELECT max(row), 'subject_id', 'the same subject, year and topic twice' FROM a
          GROUP BY subject_id, year, topic_id HAVING count(*) > 1)
      SELECT row::INT AS row, field, reason FROM bad ORDER BY row, field LIMIT 1`,
    params: [],
  });
}

/** Datasets other than `dataset` that hold OpenAlex work counts (counting both would count works twice). */
export async function otherWorkCounts(db: Db, dataset: string): Promise<string[]> {
  const rows = await db.all<{ dataset: string }>(sql`SELECT DISTINCT dataset FROM main.observations
    WHERE starts_with(metric, 'openalex.works') AND dataset <> ${dataset} ORDER BY 1`);
  return rows.map((r) => r.dataset);
}

/** Replaces a dataset's work counts with an aggregates file's rows (inside the caller's transaction). */
export async function replaceWorkCounts(
  db: Db,
  dataset: string,
  sourceId: string,
  file: string,
): Promise<{ deleted: number; inserted: number }> {
  const before = await db.one<{ n: number }>(sql`SELECT count(*)::INT AS n FROM main.observations
    WHERE dataset = ${dataset} AND starts_with(metric, 'openalex.works')`);
  await db.run(sql`DELETE FROM main.observations WHERE dataset = ${dataset} AND starts_with(metric, 'openalex.works')`);
  await db.run({
    text: `INSERT INTO main.observations
      SELECT $1, CASE WHEN topic_id IS NULL THEN 'openalex.works' ELSE 'openalex.works.topic.' || topic_id END,
        subject_id, year::VARCHAR, works::DOUBLE, 'works', NULL, $2
      FROM read_parquet(${quoted(file)})`,
    params: [dataset, sourceId],
  });
  const after = await db.one<{ n: number }>(sql`SELECT count(*)::INT AS n FROM main.observations
    WHERE dataset = ${dataset} AND starts_with(metric, 'openalex.works')`);
  return { deleted: before?.n ?? 0, inserted: after?.n ?? 0 };
}
