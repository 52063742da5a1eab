/**
 * Writing tables out: Parquet and CSV by DuckDB's own writer (`COPY … TO`), and a DuckDB file assembled from them in a
 * separate instance (the server's database is read-only, and an export must not carry its internals). Column types are
 * read back from the written files, so what the data package describes is what the files hold.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import type { Db } from './db.ts';
import { literal as quote, raw, sql } from './sql.ts';

/** The tables anyone may take away: the data with its sources, the derived place and class tables, the change log. */
export const PUBLIC_TABLES = [
  'sources',
  'entities',
  'entity_names',
  'entity_segments',
  'entity_sources',
  'entity_place',
  'org_profile',
  'entity_redirects',
  'facts',
  'relations',
  'observations',
  'prices',
  'claims',
  'claim_evidence',
  'epoch_models',
  'funding_rounds',
  'round_investors',
  'supply_links',
  'genai_filings',
  'changes',
  'change_runs',
] as const;
export type PublicTable = (typeof PUBLIC_TABLES)[number];

export type ExportFormat = 'parquet' | 'csv';

export interface WrittenTable {
  name: string;
  file: string;
  rows: number;
  columns: { name: string; type: string }[];
}

async function describe(db: Db, file: string, format: ExportFormat) {
  const reader = format === 'parquet' ? `read_parquet(${quote(file)})` : `read_csv(${quote(file)}, header = true)`;
  const columns = await db.all<{ column_name: string; column_type: string }>(
    sql`DESCRIBE SELECT * FROM ${raw(reader)}`,
  );
  const rows = await db.one<{ n: number }>(sql`SELECT count(*)::INT AS n FROM ${raw(reader)}`);
  return { rows: rows?.n ?? 0, columns: columns.map((c) => ({ name: c.column_name, type: c.column_type })) };
}

/** Writes one public table of the open database to `dir/<table>.<format>`. */
export async function writeTable(db: Db, table: PublicTable, dir: string, format: ExportFormat): Promise<WrittenTable> {
  if (!(PUBLIC_TABLES as readonly string[]).includes(table)) throw new Error(`not a public table: ${table}`);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${table}.${format}`);
  const options = format === 'parquet' ? 'FORMAT parquet, COMPRESSION zstd' : 'FORMAT csv, HEADER true';
  await db.exec(`COPY (SELECT * FROM main.${table} ORDER BY ALL) TO ${quote(file)} (${options})`);
  return { name: table, file, ...(await describe(db, file, format)) };
}

/**
 * Writes rows computed outside the database (a payload's table) to `dir/<name>.<format>`, through a JSON Lines file
 * DuckDB reads (its types inferred), so payload tables and stored tables come out of the same writer.
 */
export async function writeRows(
  db: Db,
  name: string,
  rows: readonly Record<string, unknown>[],
  dir: string,
  format: ExportFormat,
): Promise<WrittenTable> {
  if (!/^[a-z0-9][a-z0-9_-]*$/.test(name)) throw new Error(`not a table name: ${name}`);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${name}.${format}`);
  const tmp = join(dir, `.${name}.jsonl`);
  writeFileSync(tmp, rows.map((r) => JSON.stringify(r)).join('\n') + (rows.length ? '\n' : ''));
  try {
    const options = format === 'parquet' ? 'FORMAT parquet, COMPRESSION zstd' : 'FORMAT csv, HEADER true';
    const source = rows.length
      ? `read_json(${quote(tmp)}, format = 'newline_delimited', sample_size = -1)`
      : `(SELECT NULL::VARCHAR AS empty WHERE false)`;
    await db.exec(`COPY (SELECT * FROM ${source}) TO ${quote(file)} (${options})`);
  } finally {
    rmSync(tmp, { force: true });
  }
  return { name, file, ...(await describe(db, file, format)) };
}

/** Assembles a DuckDB file from written Parquet tables (one table each), in an instance of its own. */
export async function duckdbFromParquet(tables: readonly WrittenTable[], file: string): Promise<void> {
  rmSync(file, { force: true });
  const instance = await DuckDBInstance.create(file);
  const connection = await instance.connect();
  try {
    for (const t of tables) {
      await connection.run(
        `CREATE TABLE "${t.name.replace(/-/g, '_')}" AS SELECT * FROM read_parquet(${quote(t.file)})`,
      );
    }
    await connection.run('CHECKPOINT');
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}
