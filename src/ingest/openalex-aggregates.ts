/**
 * The OpenAlex snapshot reduced elsewhere (docs/SCALE.md): the same SQL as the in-process sync, run by DuckDB,
 * Spark SQL or Trino over the whole snapshot in object storage, hands Neijuan Parquet files.
 *
 *  1. `neijuan ingest-snapshot --dir <copy of data/institutions> --institutions-only`: full institution records.
 *  2. institutions.sql on the cluster → seen.parquet: the institutions the counted works name.
 *  3. `neijuan openalex-subjects --seen seen.parquet --out subjects.parquet`: each is mapped as the sync maps it
 *     (entity, city, country), and every institution's subjects are written out.
 *  4. counts.sql on the cluster, with subjects.parquet → counts.parquet.
 *  5. `neijuan ingest openalex-aggregates --file counts.parquet --snapshot-date <date>`: the counts, checked and
 *     stored in one transaction.
 *
 * `neijuan openalex-reduce` runs steps 2 and 4 with DuckDB here, on a local copy.
 */
import { resolve } from 'node:path';
import { InputError } from '../model/errors.ts';
import { AI_FILTER, type WorkFilter } from '../sources/openalex/records.ts';
import { readSnapshotPlan } from '../sources/openalex/snapshot-reader.ts';
import type { Db } from '../store/db.ts';
import { refreshDerived } from '../store/derived.ts';
import {
  aggregateColumns,
  firstBadAggregate,
  otherWorkCounts,
  readSeenInstitutions,
  replaceWorkCounts,
  writeCounts,
  writeSeenInstitutions,
  writeSubjects,
} from '../store/openalex/reduce.ts';
import { upsertSource } from '../store/queries/openalex.ts';
import { finishRun, startRun } from '../store/queries/runs.ts';
import { openSync, snapshotSource } from './openalex-snapshot.ts';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function checkDate(date: string): void {
  if (!DATE.test(date)) throw new InputError('--snapshot-date', null, null, `expected YYYY-MM-DD, found "${date}"`);
}

/** Step 3: maps the institutions in `seen` (institutions.sql's output) and writes every institution's subjects. */
export async function writeOpenAlexSubjects(
  db: Db,
  seen: string,
  out: string,
  options: { dataset?: string; snapshotDate: string },
): Promise<{ institutions: number; subjects: number }> {
  checkDate(options.snapshotDate);
  const dataset = options.dataset ?? 'openalex-snapshot';
  const source = snapshotSource(options.snapshotDate);
  const rows = await readSeenInstitutions(db, resolve(seen)).catch((error: unknown) => {
    throw new InputError(seen, null, null, `not a seen-institutions Parquet file (${(error as Error).message})`);
  });
  const bad = rows.find((r) => !/^I\d+$/.test(r.key ?? '') || (r.country_code && !/^[A-Z]{2}$/.test(r.country_code)));
  if (bad) {
    throw new InputError(
      seen,
      null,
      'key',
      `not an OpenAlex institution (I123) with a two-letter country: "${bad.key}"`,
    );
  }
  const runId = await startRun(db, 'openalex-subjects', dataset, resolve(seen));
  try {
    await db.transaction(async () => {
      await upsertSource(db, dataset, source);
      const sync = await openSync(db, dataset, source);
      const countries = [...new Set(rows.flatMap((r) => (r.country_code ? [r.country_code] : [])))].sort();
      await sync.named(countries, rows);
      await refreshDerived(db);
    });
    const subjects = await writeSubjects(db, dataset, resolve(out));
    await finishRun(db, runId, {
      dataset,
      status: 'ok',
      sha256: null,
      read: rows.length,
      inserted: 0,
      updated: 0,
      deleted: 0,
      error: null,
    });
    return { institutions: rows.length, subjects };
  } catch (error) {
    await finishRun(db, runId, {
      dataset,
      status: 'failed',
      sha256: null,
      read: rows.length,
      inserted: 0,
      updated: 0,
      deleted: 0,
      error: error instanceof Error ? error.message : String(error),
    });
    throw error;
  }
}

export interface AggregatesSummary {
  connector: 'openalex-aggregates';
  dataset: string;
  input: string;
  runId: number;
  read: number;
  inserted: number;
  deleted: number;
  status: 'ok';
}

const COLUMNS: Record<string, readonly string[]> = {
  subject_id: ['VARCHAR'],
  year: ['INTEGER', 'BIGINT', 'SMALLINT'],
  topic_id: ['VARCHAR'],
  works: ['BIGINT', 'INTEGER', 'HUGEINT', 'UBIGINT', 'DOUBLE'],
};

/** Step 5: stores counts.sql's output as the dataset's work counts, all or nothing. */
export async function ingestOpenAlexAggregates(
  db: Db,
  file: string,
  options: { dataset?: string; snapshotDate: string },
): Promise<AggregatesSummary> {
  checkDate(options.snapshotDate);
  const path = resolve(file);
  const dataset = options.dataset ?? 'openalex-aggregates';
  let columns: Map<string, string>;
  try {
    columns = await aggregateColumns(db, path);
  } catch (error) {
    throw new InputError(file, null, null, `not a Parquet file (${(error as Error).message.split('\n')[0]})`);
  }
  for (const [name, types] of Object.entries(COLUMNS)) {
    const type = columns.get(name);
    if (!type)
      throw new InputError(file, null, name, 'missing column (counts.sql writes subject_id, year, topic_id, works)');
    if (!types.includes(type)) throw new InputError(file, null, name, `expected ${types.join(' or ')}, found ${type}`);
  }
  const bad = await firstBadAggregate(db, path);
  if (bad) throw new InputError(file, bad.row, bad.field, bad.reason);
  const others = await otherWorkCounts(db, dataset);
  if (others.length > 0) {
    throw new InputError(
      file,
      null,
      null,
      `dataset ${others.join(', ')} already holds OpenAlex work counts: storing these too would count works twice`,
    );
  }
  const source = snapshotSource(options.snapshotDate);
  const runId = await startRun(db, 'openalex-aggregates', dataset, path);
  try {
    const counts = await db.transaction(async () => {
      await upsertSource(db, dataset, source);
      const c = await replaceWorkCounts(db, dataset, source.id, path);
      await refreshDerived(db);
      return c;
    });
    await finishRun(db, runId, {
      dataset,
      status: 'ok',
      sha256: null,
      read: counts.inserted,
      inserted: counts.inserted,
      updated: 0,
      deleted: counts.deleted,
      error: null,
    });
    return {
      connector: 'openalex-aggregates',
      dataset,
      input: path,
      runId,
      read: counts.inserted,
      ...counts,
      status: 'ok',
    };
  } catch (error) {
    await finishRun(db, runId, {
      dataset,
      status: 'failed',
      sha256: null,
      read: 0,
      inserted: 0,
      updated: 0,
      deleted: 0,
      error: error instanceof Error ? error.message : String(error),
    });
    throw error;
  }
}

/** Steps 2 and 4 with DuckDB on a local copy: what a cluster runs over object storage, unchanged. */
export async function reduceOpenAlexSnapshot(
  db: Db,
  root: string,
  step: { kind: 'institutions'; out: string } | { kind: 'counts'; subjects: string; out: string },
  filter: WorkFilter = AI_FILTER,
): Promise<void> {
  const plan = await readSnapshotPlan(resolve(root));
  const works = plan.works.flatMap((p) => p.files.map((f) => f.path));
  if (step.kind === 'institutions') return writeSeenInstitutions(db, works, filter, resolve(step.out));
  return writeCounts(
    db,
    { works, merged: plan.mergedWorks.map((m) => m.path), subjects: resolve(step.subjects) },
    filter,
    resolve(step.out),
  );
}
