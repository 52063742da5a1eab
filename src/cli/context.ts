/** Options every command shares: where the database is, where the bundled data is, JSON or text output. */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Db } from '../store/db.ts';

export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DEFAULT_DATA_DIR = join(PROJECT_ROOT, 'data');
export const WEB_ROOT = join(PROJECT_ROOT, 'web', 'dist');
export const DOCS_ROOT = join(PROJECT_ROOT, 'docs');
export const VERSION = '0.1.0';

export interface GlobalOptions {
  db?: string;
  json?: boolean;
}

/** --db, then NEIJUAN_DB, then ./neijuan.duckdb. */
export function dbPath(options: GlobalOptions): string {
  return options.db ?? process.env.NEIJUAN_DB ?? 'neijuan.duckdb';
}

/** Opens the database read-only for one piece of work, and closes it whatever happens. */
export async function withReadOnlyDb<T>(g: GlobalOptions, work: (db: Db) => Promise<T>): Promise<T> {
  const db = await Db.open({ path: dbPath(g), readOnly: true });
  try {
    return await work(db);
  } finally {
    db.close();
  }
}
