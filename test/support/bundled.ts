/** A real in-memory DuckDB, migrated and loaded from the bundled data/, shared by the tests of one file. */
import { join } from 'node:path';
import { SearchIndex } from '../../src/analytics/search-index.ts';
import { createApp } from '../../src/api/app.ts';
import { loadBundled } from '../../src/ingest/build.ts';
import { Db } from '../../src/store/db.ts';
import { searchDocuments } from '../../src/store/queries/entities.ts';

export const ROOT = join(import.meta.dirname, '..', '..');
export const DATA_DIR = join(ROOT, 'data');

export async function bundledDb(): Promise<Db> {
  const db = await Db.open({ path: ':memory:' });
  await loadBundled(db, DATA_DIR);
  return db;
}

export async function bundledApp(webRoot: string | null = null) {
  const db = await bundledDb();
  const search = new SearchIndex(await searchDocuments(db));
  return { db, search, app: createApp({ db, search, webRoot, docsRoot: join(ROOT, 'docs'), version: 'test' }) };
}
