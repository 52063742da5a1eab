/** The ingest run log. */
import type { Db } from '../db.ts';
import { sql } from '../sql.ts';

export interface RunRow {
  id: number;
  connector: string;
  dataset: string;
  input: string;
  input_sha256: string | null;
  started: string;
  finished: string | null;
  rows_read: number;
  rows_inserted: number;
  rows_updated: number;
  rows_deleted: number;
  status: 'running' | 'ok' | 'unchanged' | 'failed' | 'abandoned';
  error: string | null;
  note: string | null;
}

export async function startRun(db: Db, connector: string, dataset: string, input: string): Promise<number> {
  const row = await db.one<{ id: number }>(sql`
    INSERT INTO ingest_runs (connector, dataset, input, started, status)
    VALUES (${connector}, ${dataset}, ${input}, now()::TIMESTAMP, 'running') RETURNING id::INT AS id`);
  if (!row) throw new Error('run log insert returned nothing');
  return row.id;
}

export interface RunOutcome {
  dataset: string;
  status: RunRow['status'];
  sha256: string | null;
  read: number;
  inserted: number;
  updated: number;
  deleted: number;
  error: string | null;
  note?: string | null;
}

export async function finishRun(db: Db, id: number, o: RunOutcome): Promise<void> {
  await db.run(sql`
    UPDATE ingest_runs SET finished = now()::TIMESTAMP, dataset = ${o.dataset}, status = ${o.status}, input_sha256 = ${o.sha256},
      rows_read = ${o.read}, rows_inserted = ${o.inserted}, rows_updated = ${o.updated},
      rows_deleted = ${o.deleted}, error = ${o.error}
    WHERE id = ${id}`);
  if (o.note) await db.run(sql`INSERT OR REPLACE INTO ingest_run_notes VALUES (${id}, ${o.note})`);
}

/**
 * Runs still marked running when a writer opens the database: their process is gone (a writer holds the database
 * alone), so they are marked abandoned. Returns how many.
 */
export async function markAbandonedRuns(db: Db): Promise<number> {
  const row = await db.one<{ n: number }>(sql`SELECT count(*)::INT AS n FROM ingest_runs WHERE status = 'running'`);
  if (!row?.n) return 0;
  await db.run(sql`
    INSERT OR REPLACE INTO ingest_run_notes
    SELECT id, 'the process ended before this run finished; nothing of it was committed'
    FROM ingest_runs WHERE status = 'running'`);
  await db.run(sql`UPDATE ingest_runs SET status = 'abandoned', finished = now()::TIMESTAMP WHERE status = 'running'`);
  return row.n;
}

export async function listRuns(db: Db, limit: number): Promise<RunRow[]> {
  return db.all<RunRow>(sql`
    SELECT id::INT AS id, connector, dataset, input, input_sha256, started::VARCHAR AS started,
      finished::VARCHAR AS finished, rows_read::INT AS rows_read, rows_inserted::INT AS rows_inserted,
      rows_updated::INT AS rows_updated, rows_deleted::INT AS rows_deleted, status, error, n.note
    FROM ingest_runs LEFT JOIN ingest_run_notes n ON n.run_id = ingest_runs.id ORDER BY id DESC LIMIT ${limit}`);
}
