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
  status: 'running' | 'ok' | 'unchanged' | 'failed';
  error: string | null;
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
}

export async function finishRun(db: Db, id: number, o: RunOutcome): Promise<void> {
  await db.run(sql`
    UPDATE ingest_runs SET finished = now()::TIMESTAMP, dataset = ${o.dataset}, status = ${o.status}, input_sha256 = ${o.sha256},
      rows_read = ${o.read}, rows_inserted = ${o.inserted}, rows_updated = ${o.updated},
      rows_deleted = ${o.deleted}, error = ${o.error}
    WHERE id = ${id}`);
}

export async function listRuns(db: Db, limit: number): Promise<RunRow[]> {
  return db.all<RunRow>(sql`
    SELECT id::INT AS id, connector, dataset, input, input_sha256, started::VARCHAR AS started,
      finished::VARCHAR AS finished, rows_read::INT AS rows_read, rows_inserted::INT AS rows_inserted,
      rows_updated::INT AS rows_updated, rows_deleted::INT AS rows_deleted, status, error
    FROM ingest_runs ORDER BY id DESC LIMIT ${limit}`);
}
