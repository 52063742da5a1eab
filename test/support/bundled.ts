/**
 * The bundled data loaded into a real DuckDB, built once per test run and copied for each suite that needs it: the
 * test runner (scripts/run-tests.mjs) builds it before the suites start and names the file in NEIJUAN_TEST_BUNDLED;
 * a suite run on its own builds it once in its own process. Every suite gets a writable copy of its own.
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SearchIndex } from '../../src/analytics/search-index.ts';
import { createApp } from '../../src/api/app.ts';
import { loadBundled } from '../../src/ingest/build.ts';
import { Db } from '../../src/store/db.ts';
import { searchDocuments } from '../../src/store/queries/entities.ts';

export const ROOT = join(import.meta.dirname, '..', '..');
export const DATA_DIR = join(ROOT, 'data');

let scratch: string | null = null;
/** A temporary folder of this process, removed when it exits. */
function scratchDir(): string {
  if (scratch === null) {
    const dir = mkdtempSync(join(tmpdir(), 'neijuan-test-'));
    process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
    scratch = dir;
  }
  return scratch;
}

/** Writes the database of the bundled data/ to `path` (migrated, loaded, checkpointed: no WAL beside it). */
export async function buildBundledFile(path: string): Promise<void> {
  const db = await Db.open({ path });
  try {
    await loadBundled(db, DATA_DIR);
    await db.exec('CHECKPOINT');
  } finally {
    db.close();
  }
}

let built: Promise<string> | null = null;
function bundledFile(): Promise<string> {
  built ??= (async () => {
    const shared = process.env.NEIJUAN_TEST_BUNDLED;
    if (shared) return shared;
    const path = join(scratchDir(), 'bundled.duckdb');
    await buildBundledFile(path);
    return path;
  })();
  return built;
}

/** Copies the run's bundled database to `path` (a file of the caller's, not opened). */
export async function copyBundled(path: string): Promise<string> {
  copyFileSync(await bundledFile(), path);
  return path;
}

let copies = 0;
/** A database of the bundled data, the caller's own to write: a copy of the run's bundled file. */
export async function bundledDb(): Promise<Db> {
  return Db.open({ path: await copyBundled(join(scratchDir(), `copy-${++copies}.duckdb`)) });
}

export async function bundledApp(webRoot: string | null = null) {
  const db = await bundledDb();
  const search = new SearchIndex(await searchDocuments(db));
  return { db, search, app: createApp({ db, search, webRoot, docsRoot: join(ROOT, 'docs'), version: 'test' }) };
}
