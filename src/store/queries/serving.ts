/**
 * Named SQL for what the server reads instead of computing (migration 014): rows keyed by what they answer, each
 * stamped with the data state it was computed from. The stamp moves with every ingest run but those that changed
 * nothing (a failed or killed run may have committed part of its work: a snapshot sync commits per unit), and with any
 * change to the counted tables, so a row computed before a change is never mistaken for a current one; after an
 * ingest that changed nothing, what is stored stays valid.
 */
import type { Db } from '../db.ts';
import { type Sql, sql } from '../sql.ts';

export interface ServingRow {
  key: string;
  content_type: string;
  body: string;
}

/** The data state: the last ingest run that may have changed data, and the size of every table a payload reads. */
export async function dataStamp(db: Db): Promise<string> {
  const row = await db.one<{ stamp: string }>(sql`SELECT concat_ws(':',
      (SELECT coalesce(max(id), 0) FROM ingest_runs WHERE status <> 'unchanged'),
      (SELECT count(*) FROM entities), (SELECT count(*) FROM entity_names), (SELECT count(*) FROM facts),
      (SELECT count(*) FROM relations), (SELECT count(*) FROM observations), (SELECT count(*) FROM prices),
      (SELECT count(*) FROM entity_redirects)) AS stamp`);
  return row?.stamp ?? '';
}

/**
 * Replaces every stored row with `rows` and the rows `selected` gives (key, content_type, body: written by DuckDB,
 * thousands of them), all stamped `stamp`, in one transaction. Returns how many rows are stored.
 */
export async function replaceServing(
  db: Db,
  stamp: string,
  rows: Iterable<ServingRow>,
  selected: Sql | null = null,
): Promise<number> {
  return db.transaction(async () => {
    await db.run(sql`DELETE FROM serving_store`);
    if (selected)
      await db.run(sql`INSERT INTO serving_store SELECT key, ${stamp}, content_type, body FROM (${selected})`);
    const appender = await db.raw.createAppender('serving_store');
    for (const r of rows) {
      appender.appendVarchar(r.key);
      appender.appendVarchar(stamp);
      appender.appendVarchar(r.content_type);
      appender.appendVarchar(r.body);
      appender.endRow();
    }
    appender.closeSync();
    return (await db.one<{ n: number }>(sql`SELECT count(*)::INT AS n FROM serving_store`))?.n ?? 0;
  });
}

/** The keys stored for this stamp (what a server may read instead of computing). */
export async function servingKeys(db: Db, stamp: string): Promise<string[]> {
  const rows = await db.all<{ key: string }>(sql`SELECT key FROM serving_store WHERE stamp = ${stamp} ORDER BY key`);
  return rows.map((r) => r.key);
}

/** One stored row, if it was computed for this stamp. */
export async function readServing(db: Db, key: string, stamp: string): Promise<ServingRow | undefined> {
  return db.one<ServingRow & { [k: string]: unknown }>(
    sql`SELECT key, content_type, body FROM serving_store WHERE key = ${key} AND stamp = ${stamp}`,
  );
}

/** The stored rows of these keys computed for this stamp (the preloaded defaults): no other row's body is read. */
export async function readServingRows(db: Db, stamp: string, keys: readonly string[]): Promise<ServingRow[]> {
  return db.all<ServingRow & { [k: string]: unknown }>(sql`SELECT key, content_type, body FROM serving_store
    WHERE stamp = ${stamp} AND list_contains(${keys}::VARCHAR[], key) ORDER BY key`);
}
