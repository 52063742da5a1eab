/** Set-based merge of one input's staged rows into a table, scoped to that input's `dataset`. */
import type { Db } from './db.ts';
import { datasetRowCounts } from './queries/integrity.ts';
import { raw, sql } from './sql.ts';
import type { Cell, ColumnType, TableSpec } from '../model/tables.ts';

export type { Cell } from '../model/tables.ts';

export interface MergeCounts {
  inserted: number;
  updated: number;
  deleted: number;
}

function appendCell(appender: Awaited<ReturnType<Db['raw']['createAppender']>>, type: ColumnType, cell: Cell): void {
  if (cell === null) {
    appender.appendNull();
    return;
  }
  switch (type) {
    case 'varchar':
      appender.appendVarchar(String(cell));
      return;
    case 'double':
      appender.appendDouble(Number(cell));
      return;
    case 'integer':
      appender.appendInteger(Number(cell));
      return;
    case 'boolean':
      appender.appendBoolean(Boolean(cell));
      return;
    default: {
      const unreachable: never = type;
      throw new Error(`unknown column type ${String(unreachable)}`);
    }
  }
}

/**
 * The statement that inserts a staged table's rows whose key no row of the table holds (one row per key), for a
 * dataset the table holds no row of (every caller's case). Where the key has the dataset in it, no other row can hold
 * the key, so only the staged rows' own repeats are dropped; where it does not (an entity's id), a key another dataset
 * holds keeps that dataset's row.
 */
export function insertNewKeys(spec: TableSpec, stage: string): string {
  const distinct = `SELECT DISTINCT ON (${spec.key.join(', ')}) * FROM temp.${stage} ORDER BY ALL`;
  if (spec.key.includes('dataset')) return `INSERT INTO main.${spec.name} ${distinct}`;
  const match = spec.key.map((k) => `t.${k} = s.${k}`).join(' AND ');
  return (
    `INSERT INTO main.${spec.name} SELECT s.* FROM (${distinct}) s WHERE NOT EXISTS ` +
    `(SELECT 1 FROM main.${spec.name} t WHERE ${match})`
  );
}

/** The statement that makes (or empties) a temporary table shaped like `spec`'s, to stage its rows in. */
export function stageTableSql(spec: TableSpec, stage: string): string {
  return `CREATE OR REPLACE TEMP TABLE ${stage} AS SELECT * FROM main.${spec.name} LIMIT 0`;
}

/** Stages rows into a new temporary table shaped like the table (created by the caller) through DuckDB's appender. */
export async function append(db: Db, spec: TableSpec, stage: string, rows: readonly Cell[][]): Promise<void> {
  const appender = await db.raw.createAppender(stage, 'main', 'temp');
  for (const row of rows) {
    spec.columns.forEach(([, type], i) => appendCell(appender, type, row[i] ?? null));
    appender.endRow();
  }
  appender.closeSync();
}

/**
 * The first rows of `dataset` in each of these tables (it has none in any of them, as in every build): the rows are
 * staged, then inserted where no other dataset holds their key, as `mergeRows` inserts them, but in two statements
 * for all the tables instead of four per table. Fewer round trips leave JavaScript free longer while DuckDB works
 * (a build maps the next input meanwhile). Returns the rows inserted per table.
 */
export async function insertFirstRows(
  db: Db,
  dataset: string,
  tables: readonly { spec: TableSpec; rows: readonly Cell[][] }[],
): Promise<Map<string, number>> {
  const filled = tables.filter((t) => t.rows.length > 0);
  const inserted = new Map(tables.map((t) => [t.spec.name, 0]));
  if (filled.length === 0) return inserted;
  const stage = (spec: TableSpec) => `stage_${spec.name}`;
  await db.exec(filled.map(({ spec }) => `${stageTableSql(spec, stage(spec))};`).join('\n'));
  for (const { spec, rows } of filled) await append(db, spec, stage(spec), rows);
  // In the order given (sources and entities before the rows that point at them), as the merge runs them.
  await db.exec(
    filled.map(({ spec }) => `${insertNewKeys(spec, stage(spec))};\nDROP TABLE temp.${stage(spec)};`).join('\n'),
  );
  // The dataset had no rows in these tables: what it holds now is what was inserted.
  const counts = await datasetRowCounts(
    db,
    dataset,
    filled.map(({ spec }) => spec.name),
  );
  for (const [t, n] of counts) inserted.set(t, n);
  return inserted;
}

/**
 * Makes the rows of `dataset` in `spec` equal to `rows`: inserts new keys, rewrites changed rows, deletes rows of
 * this dataset no longer present. Rows owned by another dataset (same key) are left alone. Runs inside the caller's
 * transaction; returns what changed, so an identical re-run reports zeros. `had`, when the caller has counted them in
 * this transaction, is the rows the table holds of `dataset`: none (a dataset's first ingest, as in every build) means
 * there is nothing to compare, update or delete, only rows to insert.
 */
export async function mergeRows(
  db: Db,
  spec: TableSpec,
  dataset: string,
  rows: readonly Cell[][],
  had: number | null = null,
): Promise<MergeCounts> {
  const table = spec.name;
  const stage = `stage_${table}`;
  const keyCols = spec.key;
  const valueCols = spec.columns.map(([c]) => c).filter((c) => !keyCols.includes(c));
  if (had === 0 && rows.length === 0) return { inserted: 0, updated: 0, deleted: 0 };
  if (rows.length === 0) {
    // Nothing of this table in the input (most inputs fill a few of the tables): its rows of the dataset go, and no
    // staging is needed to find them.
    const had = await db.one<{ n: number }>(
      sql`SELECT count(*)::INT AS n FROM main.${raw(table)} WHERE dataset = ${dataset}`,
    );
    const deleted = had?.n ?? 0;
    if (deleted > 0) await db.run(sql`DELETE FROM main.${raw(table)} WHERE dataset = ${dataset}`);
    return { inserted: 0, updated: 0, deleted };
  }
  await db.exec(stageTableSql(spec, stage));
  await append(db, spec, stage, rows);
  // Keep one row per key (the first in a stable order) so a repeated input line cannot break the key.
  const keyList = keyCols.join(', ');
  const match = (a: string, b: string) => keyCols.map((k) => `${a}.${k} = ${b}.${k}`).join(' AND ');
  if (had === 0) {
    // Nothing of the dataset to compare with: insert the keys no other dataset holds, in one statement.
    const inserted = await db.runCounting(insertNewKeys(spec, stage));
    await db.exec(`DROP TABLE temp.${stage}`);
    return { inserted, updated: 0, deleted: 0 };
  }
  await db.exec(
    `CREATE OR REPLACE TEMP TABLE ${stage} AS SELECT DISTINCT ON (${keyList}) * FROM temp.${stage} ORDER BY ALL`,
  );

  const differs =
    valueCols.length === 0 ? 'FALSE' : valueCols.map((c) => `t.${c} IS DISTINCT FROM s.${c}`).join(' OR ');
  const counts = await db.one<{ inserted: number; updated: number; deleted: number }>(sql`
    SELECT
      (SELECT count(*)::INT FROM temp.${raw(stage)} s WHERE NOT EXISTS
        (SELECT 1 FROM main.${raw(table)} t WHERE ${raw(match('t', 's'))})) AS inserted,
      (SELECT count(*)::INT FROM temp.${raw(stage)} s JOIN main.${raw(table)} t ON ${raw(match('t', 's'))}
        WHERE t.dataset = ${dataset} AND (${raw(differs)})) AS updated,
      (SELECT count(*)::INT FROM main.${raw(table)} t WHERE t.dataset = ${dataset} AND NOT EXISTS
        (SELECT 1 FROM temp.${raw(stage)} s WHERE ${raw(match('t', 's'))})) AS deleted`);
  const result = { inserted: counts?.inserted ?? 0, updated: counts?.updated ?? 0, deleted: counts?.deleted ?? 0 };
  if (result.updated + result.deleted > 0) {
    await db.run(sql`
      DELETE FROM main.${raw(table)} WHERE dataset = ${dataset} AND NOT EXISTS
        (SELECT 1 FROM temp.${raw(stage)} s WHERE ${raw(keyCols.map((k) => `s.${k} = ${table}.${k}`).join(' AND '))}
          AND NOT (${raw(valueCols.length === 0 ? 'FALSE' : valueCols.map((c) => `s.${c} IS DISTINCT FROM ${table}.${c}`).join(' OR '))}))`);
  }
  if (result.inserted + result.updated > 0) {
    await db.exec(
      `INSERT INTO main.${table} SELECT s.* FROM temp.${stage} s WHERE NOT EXISTS ` +
        `(SELECT 1 FROM main.${table} t WHERE ${match('t', 's')})`,
    );
  }
  await db.exec(`DROP TABLE temp.${stage}`);
  return result;
}
