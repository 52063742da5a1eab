/**
 * `neijuan diff OLD NEW`: what changed between any two Neijuan database files, slot by slot, as a build records it.
 * Both files are read, never written: each is attached read-only to an in-memory database.
 */
import { existsSync } from 'node:fs';
import { InputError } from '../model/errors.ts';
import { Db } from './db.ts';
import { type ChangeRow, diffSql, wholeDatabase } from './queries/changes.ts';
import { literal, sql } from './sql.ts';
import { WriterLock } from './writer-lock.ts';

/** Refuses a file that is not there, is being written, or is not a Neijuan database of this schema version. */
async function attach(db: Db, path: string, alias: 'a' | 'b', current: number): Promise<void> {
  if (!existsSync(path)) throw new InputError(path, null, null, 'no such database file');
  if (existsSync(`${path}.wal`)) {
    throw new InputError(
      path,
      null,
      null,
      'is being written (it has a write-ahead log): wait for the writer, or open it once to fold the log in',
    );
  }
  // A writer holds the lock while it works: taking it for a moment proves none does.
  WriterLock.acquire(path).release();
  try {
    await db.exec(`ATTACH ${literal(path)} AS ${alias} (READ_ONLY)`);
  } catch (error) {
    throw new InputError(path, null, null, `is not a DuckDB database (${(error as Error).message.split('\n')[0]})`);
  }
  const tables = await db.one<{ n: number }>(sql`
    SELECT count(*)::INT AS n FROM information_schema.tables
    WHERE table_catalog = ${alias} AND table_name IN ('schema_migrations', 'entities', 'facts', 'relations')`);
  if (tables?.n !== 4) throw new InputError(path, null, null, 'is a DuckDB file but not a Neijuan database');
  const version = await db.one<{ v: number }>(
    sql`SELECT max(version)::INT AS v FROM ${alias === 'a' ? sql`a.main.schema_migrations` : sql`b.main.schema_migrations`}`,
  );
  if (version?.v !== current) {
    throw new InputError(
      path,
      null,
      null,
      `has schema version ${version?.v ?? 'none'}; this Neijuan reads ${current}: run \`neijuan --db ${path} migrate\` (or rebuild it) first`,
    );
  }
}

export async function diffDatabases(oldPath: string, newPath: string): Promise<ChangeRow[]> {
  const db = await Db.open({ path: ':memory:' });
  try {
    const current = (await db.one<{ v: number }>(sql`SELECT max(version)::INT AS v FROM schema_migrations`))?.v ?? 0;
    await attach(db, oldPath, 'a', current);
    await attach(db, newPath, 'b', current);
    return await db.all<ChangeRow>(diffSql(wholeDatabase('a'), wholeDatabase('b')));
  } finally {
    db.close();
  }
}
