/** Runs a user's SQL only if it is one read-only SELECT, with file and network access switched off. */
import { StatementType } from '@duckdb/node-api';
import type { Db, Row } from './db.ts';

export class RefusedQuery extends Error {
  override name = 'RefusedQuery';
}

/**
 * Refuses anything but a single SELECT (DDL, DML, ATTACH, COPY, INSTALL, PRAGMA, SET, several statements) and
 * table functions that read files or URLs; caps the rows returned.
 */
/** The memory one user query may take (DuckDB stops it past this, with an out-of-memory error). */
export const QUERY_MEMORY_LIMIT = '1GB';

export async function runReadOnlyQuery(
  db: Db,
  text: string,
  maxRows = 10_000,
  timeoutMs: number | null = null,
): Promise<Row[]> {
  if (text.length > 100_000) throw new RefusedQuery('query is longer than 100,000 characters');
  // Block comments nest in DuckDB ("/* /* */ … */"), so no pattern can tell where one ends: a comment could hide
  // the statement's first word. They are refused; line comments (--) are fine.
  if (text.includes('/*')) throw new RefusedQuery('block comments (/* … */) are not accepted; use -- comments');
  await db.exec(`SET memory_limit = '${QUERY_MEMORY_LIMIT}'`);
  // No reading of files or URLs through read_csv(), read_parquet(), glob() and the like — even while binding.
  // The setting cannot be switched back on, so this connection stays closed to the outside afterwards.
  await db.exec('SET enable_external_access = false');
  let extracted;
  try {
    extracted = await db.raw.extractStatements(text);
  } catch (error) {
    throw new RefusedQuery(`not valid SQL: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (extracted.count !== 1) throw new RefusedQuery(`expected exactly one statement, found ${extracted.count}`);
  let prepared;
  try {
    prepared = await extracted.prepare(0);
  } catch (error) {
    throw new RefusedQuery(error instanceof Error ? error.message : String(error));
  }
  // PRAGMA, SHOW, DESCRIBE and SUMMARIZE prepare as SELECTs in DuckDB; only a query that reads as one passes.
  const head = text.replace(/^(\s|--[^\n]*(\n|$))+/, '');
  if (prepared.statementType !== StatementType.SELECT || !/^(select|with|\()/i.test(head)) {
    throw new RefusedQuery(`only SELECT is allowed (this is ${StatementType[prepared.statementType]})`);
  }
  let timedOut = false;
  const timer =
    timeoutMs === null
      ? null
      : setTimeout(() => {
          timedOut = true;
          db.raw.interrupt();
        }, timeoutMs);
  let rows: Row[];
  try {
    const reader = await prepared.runAndReadUntil(maxRows + 1);
    rows = reader.getRowObjectsJson() as Row[];
  } catch (error) {
    if (timedOut) throw new RefusedQuery(`query ran longer than ${(timeoutMs ?? 0) / 1000} s and was stopped`);
    throw error;
  } finally {
    if (timer) clearTimeout(timer);
  }
  if (rows.length > maxRows) throw new RefusedQuery(`more than ${maxRows} rows; add a LIMIT`);
  return rows;
}
