/**
 * A table an ingest writes, as a typed constant: its columns in order (as in its migration; every table has `dataset`,
 * a connector's own first of all) and its key. The core's tables are in store/tables.ts; a connector with tables of
 * its own declares them in its folder (sources/<connector>/tables.ts, beside its migrations/), and its mapper fills
 * them (`Bundle.own`).
 */
export type ColumnType = 'varchar' | 'double' | 'integer' | 'boolean';

export interface TableSpec {
  readonly name: string;
  readonly columns: readonly (readonly [name: string, type: ColumnType])[];
  /** Columns that identify a row (always including `dataset`, or `id` for entities). */
  readonly key: readonly string[];
}

/** One value of a row as it is staged. */
export type Cell = string | number | boolean | null;
