/**
 * Named SQL for OpenAlex: the geo context resolution checks against, the institution and topic tables, the
 * snapshot sync log, and the batch step that keeps work counts exact (an updated or removed work takes back exactly
 * the contribution its index row records).
 */
import type { Db } from '../db.ts';
import { type Cell, append, stageTableSql } from '../merge.ts';
import { sql } from '../sql.ts';
import type { TableSpec } from '../tables.ts';

type Appender = Awaited<ReturnType<Db['raw']['createAppender']>>;

function appendText(a: Appender, v: string | null): void {
  if (v === null) a.appendNull();
  else a.appendVarchar(v);
}

/**
 * Entity id → ISO codes of the countries it is in: a country itself, or reached through up to three located_in /
 * headquartered_in steps (organisation → city → province → country), or stated in a `country` fact.
 */
export async function openalexGeoContext(db: Db): Promise<{ countriesOf: Map<string, string[]> }> {
  const rows = await db.all<{ id: string; codes: string[] }>(sql`
    WITH loc AS (SELECT DISTINCT subject_id AS s, object_id AS o FROM relations
        WHERE predicate IN ('located_in', 'headquartered_in')),
      country AS (SELECT id FROM entities WHERE kind = 'country'),
      pairs AS (
        SELECT id AS entity, id AS country FROM country
        UNION SELECT l.s, l.o FROM loc l JOIN country c ON c.id = l.o
        UNION SELECT l1.s, l2.o FROM loc l1 JOIN loc l2 ON l2.s = l1.o JOIN country c ON c.id = l2.o
        UNION SELECT l1.s, l3.o FROM loc l1 JOIN loc l2 ON l2.s = l1.o JOIN loc l3 ON l3.s = l2.o
          JOIN country c ON c.id = l3.o
        UNION SELECT entity_id, 'country:' || lower(value) FROM facts
          WHERE attr = 'country' AND regexp_matches(value, '^[A-Za-z]{2}$'))
    SELECT entity AS id, list(DISTINCT upper(substr(country, 9)) ORDER BY upper(substr(country, 9))) AS codes
    FROM pairs GROUP BY entity ORDER BY entity`);
  return { countriesOf: new Map(rows.map((r) => [r.id, r.codes])) };
}

export interface InstitutionRow {
  institutionId: string;
  displayName: string;
  nameZh: string | null;
  alternatives: string[];
  countryCode: string | null;
  type: string | null;
  ror: string | null;
  city: string | null;
  entityId: string | null;
  cityId: string | null;
  method: string | null;
}

export async function loadInstitutions(db: Db, dataset: string): Promise<InstitutionRow[]> {
  const rows = await db.all<Omit<InstitutionRow, 'alternatives'> & { alternatives: string }>(sql`
    SELECT institution_id AS "institutionId", display_name AS "displayName", name_zh AS "nameZh", alternatives,
      country_code AS "countryCode", type, ror, city, entity_id AS "entityId", city_id AS "cityId", method
    FROM openalex_institutions WHERE dataset = ${dataset} ORDER BY institution_id`);
  return rows.map((r) => ({ ...r, alternatives: JSON.parse(r.alternatives) as string[] }));
}

/** Writes institutions' current state (replacing earlier rows of the same institution). */
export async function saveInstitutions(db: Db, dataset: string, rows: readonly InstitutionRow[]): Promise<void> {
  if (rows.length === 0) return;
  await db.exec(
    'CREATE OR REPLACE TEMP TABLE openalex_stage_institutions AS SELECT * FROM main.openalex_institutions LIMIT 0',
  );
  const a = await db.raw.createAppender('openalex_stage_institutions', 'main', 'temp');
  for (const r of rows) {
    for (const v of [dataset, r.institutionId, r.displayName, r.nameZh, JSON.stringify(r.alternatives)])
      appendText(a, v);
    for (const v of [r.countryCode, r.type, r.ror, r.city, r.entityId, r.cityId, r.method]) appendText(a, v);
    a.endRow();
  }
  a.closeSync();
  await db.exec(
    'INSERT OR REPLACE INTO main.openalex_institutions SELECT DISTINCT ON (institution_id) * ' +
      'FROM temp.openalex_stage_institutions ORDER BY institution_id',
  );
  await db.exec('DROP TABLE temp.openalex_stage_institutions');
}

export interface TopicRow {
  topicId: string;
  displayName: string;
  subfield: string | null;
  field: string | null;
  domain: string | null;
}

export async function saveTopics(db: Db, dataset: string, rows: readonly TopicRow[]): Promise<void> {
  for (const t of rows) {
    await db.run(sql`INSERT INTO openalex_topics VALUES (${dataset}, ${t.topicId}, ${t.displayName}, ${t.subfield},
      ${t.field}, ${t.domain}) ON CONFLICT DO NOTHING`);
  }
}

/**
 * Inserts rows whose key is not there yet, leaving existing rows alone (the snapshot adds to entities, names,
 * facts and relations unit by unit instead of replacing its dataset's rows wholesale).
 */
export async function insertMissing(db: Db, spec: TableSpec, rows: readonly Cell[][]): Promise<void> {
  if (rows.length === 0) return;
  const stage = `openalex_stage_${spec.name}`;
  await db.exec(stageTableSql(spec, stage));
  await append(db, spec, stage, rows);
  const key = spec.key.join(', ');
  await db.exec(
    `INSERT INTO main.${spec.name} SELECT DISTINCT ON (${key}) * FROM temp.${stage} ORDER BY ALL ON CONFLICT DO NOTHING`,
  );
  await db.exec(`DROP TABLE temp.${stage}`);
}

export async function upsertSource(db: Db, dataset: string, s: SourceRowIn): Promise<void> {
  await db.run(sql`INSERT OR REPLACE INTO sources VALUES (${dataset}, ${s.id}, ${s.title}, ${s.url}, ${s.publisher},
    ${s.published}, ${s.retrieved}, ${s.licence})`);
}
export interface SourceRowIn {
  id: string;
  title: string;
  url: string;
  publisher: string;
  published: string | null;
  retrieved: string;
  licence: string;
}

/**
 * The stage a unit's counting step reads: one row per work the unit touches, with what its index row will hold
 * (removals carry only their key). Filled by stageFromPartition (store/openalex/reduce.ts) or stageRemovals.
 */
const STAGE_TABLE = `CREATE OR REPLACE TEMP TABLE openalex_stage (work_id VARCHAR, remove BOOLEAN, year INTEGER,
  subject_ids VARCHAR[], topic VARCHAR, partition VARCHAR)`;

/** Stages works to remove (merged away): their keys only. */
async function stageRemovals(db: Db, removals: readonly string[]): Promise<void> {
  await db.exec(STAGE_TABLE);
  const a = await db.raw.createAppender('openalex_stage', 'main', 'temp');
  for (const id of removals) {
    a.appendVarchar(id);
    a.appendBoolean(true);
    for (let i = 0; i < 4; i++) a.appendNull();
    a.endRow();
  }
  a.closeSync();
}

/**
 * Removes works from the index (merged away), inside the caller's transaction: each takes back the subjects its
 * index row records. Returns how many of them were indexed (and so removed).
 */
export async function removeWorks(
  db: Db,
  dataset: string,
  sourceId: string,
  metric: string,
  removals: readonly string[],
): Promise<{ removed: number }> {
  await stageRemovals(db, removals);
  return applyStaged(db, dataset, sourceId, metric);
}

/**
 * The counting step of a unit over temp.openalex_stage, inside the caller's transaction: staged works replace their
 * index rows, removals lose theirs, and the counts in `observations` move by exactly the difference — each replaced
 * or removed row takes back the subjects it records, each new row adds its own (once per distinct subject, for the
 * total and for its topic). Counts that reach zero are deleted by `settleCounts` at the end of the unit. Returns
 * how many removals were indexed (and so removed).
 */
export async function applyStaged(
  db: Db,
  dataset: string,
  sourceId: string,
  metric: string,
): Promise<{ removed: number }> {
  // The index rows the stage replaces or removes, read once.
  await db.run(sql`CREATE OR REPLACE TEMP TABLE openalex_replaced AS
    SELECT w.work_id, w.year, w.subject_ids, w.topic, s.remove FROM main.openalex_works w
    JOIN (SELECT work_id, bool_and(remove) AS remove FROM temp.openalex_stage GROUP BY work_id) s
      ON s.work_id = w.work_id
    WHERE w.dataset = ${dataset}`);
  await db.run(sql`INSERT INTO main.observations
    SELECT ${dataset}, CASE WHEN grouping(topic) = 1 THEN ${metric} ELSE ${metric} || '.topic.' || topic END,
      subject_id, period, sum(sign)::DOUBLE, 'works', NULL, ${sourceId}
    FROM (
      SELECT sign, year::VARCHAR AS period, unnest(subjects) AS subject_id, topic FROM (
        SELECT 1 AS sign, year, subject_ids AS subjects, topic FROM temp.openalex_stage WHERE NOT remove
        UNION ALL SELECT -1, year, subject_ids, topic FROM temp.openalex_replaced)
      WHERE year IS NOT NULL)
    GROUP BY GROUPING SETS ((subject_id, period, topic), (subject_id, period))
    HAVING (grouping(topic) = 1 OR topic IS NOT NULL) AND sum(sign) <> 0
    ON CONFLICT (dataset, metric, subject_id, period, source_id) DO UPDATE SET value = value + excluded.value`);
  const row = await db.one<{ n: number }>(sql`SELECT count(*)::INT AS n FROM temp.openalex_replaced WHERE remove`);
  await db.run(sql`DELETE FROM main.openalex_works
    WHERE dataset = ${dataset} AND work_id IN (SELECT work_id FROM temp.openalex_replaced)`);
  await db.run(sql`INSERT INTO main.openalex_works SELECT ${dataset}, work_id, year, subject_ids, topic, partition
    FROM temp.openalex_stage WHERE NOT remove`);
  return { removed: row?.n ?? 0 };
}

/** Ends a unit's counting: deletes counts that fell to zero, and refuses counts that fell below. */
export async function settleCounts(db: Db, dataset: string, sourceId: string, metric: string): Promise<void> {
  const like = `${metric}%`;
  const negative = await db.one<{ n: number }>(sql`SELECT count(*)::INT AS n FROM main.observations
    WHERE dataset = ${dataset} AND source_id = ${sourceId} AND metric LIKE ${like} AND value < 0`);
  if ((negative?.n ?? 0) > 0) {
    // The counts and the index disagree (observations edited by hand?): refuse rather than store a negative count.
    throw new Error(`openalex: ${negative?.n} counts of ${dataset} would turn negative; rebuild the dataset`);
  }
  await db.run(sql`DELETE FROM main.observations
    WHERE dataset = ${dataset} AND source_id = ${sourceId} AND metric LIKE ${like} AND value = 0`);
}

export interface SyncUnitRow {
  entity: string;
  unit: string;
  files: number;
  records: number;
  counted: number;
}

/** Records a committed unit of a snapshot sync (call inside the unit's transaction). */
export async function recordSyncUnit(db: Db, dataset: string, root: string, u: SyncUnitRow): Promise<void> {
  await db.run(sql`INSERT OR REPLACE INTO openalex_sync VALUES (${dataset}, ${root}, ${u.entity}, ${u.unit},
    ${u.files}, ${u.records}, ${u.counted})`);
}

/** The last unit committed per entity type for a snapshot root. */
export async function lastSyncedUnits(db: Db, dataset: string, root: string): Promise<Map<string, string>> {
  const rows = await db.all<{ entity: string; unit: string }>(sql`SELECT entity, max(unit) AS unit FROM openalex_sync
    WHERE dataset = ${dataset} AND root = ${root} GROUP BY entity ORDER BY entity`);
  return new Map(rows.map((r) => [r.entity, r.unit]));
}

export async function listSyncUnits(db: Db, dataset: string): Promise<(SyncUnitRow & { root: string })[]> {
  return db.all(sql`SELECT root, entity, unit, files::INT AS files, records::INT AS records, counted::INT AS counted
    FROM openalex_sync WHERE dataset = ${dataset} ORDER BY root, entity, unit`);
}

export interface WorkCountRow {
  subject_id: string;
  period: string;
  works: number;
  [key: string]: unknown;
}

/** Counted works per subject and year (or per topic metric), as stored. */
export async function openalexCounts(db: Db, dataset: string, metric: string): Promise<WorkCountRow[]> {
  return db.all<WorkCountRow>(sql`SELECT subject_id, period, value::INT AS works FROM observations
    WHERE dataset = ${dataset} AND metric = ${metric} ORDER BY subject_id, period`);
}
