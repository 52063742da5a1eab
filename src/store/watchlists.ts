/**
 * Watchlists: named lists of entity ids, kept in a small JSON file beside the database (`<db>.watchlists.json`), so a
 * read-only server can filter changes and feeds by them while the CLI edits them. Writes are atomic (a temporary
 * file renamed over the old one); ids are checked against the database.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { InputError } from '../model/errors.ts';
import type { Db } from './db.ts';
import { sql } from './sql.ts';

export type Watchlists = Record<string, string[]>;

const NAME = /^[a-z0-9][a-z0-9_-]{0,39}$/;
/** What a watchlist may be called: 1–40 of a-z, 0-9, _ and -. */
export const isWatchlistName = (name: string) => NAME.test(name);
const ID = /^[a-z]+:[a-z0-9][a-z0-9-]*$/;

export function watchlistFile(dbPath: string): string {
  return `${dbPath}.watchlists.json`;
}

export function readWatchlists(file: string): Watchlists {
  if (!existsSync(file)) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new InputError(file, null, null, `not valid JSON (${(error as Error).message})`);
  }
  const lists = (parsed as { lists?: unknown })?.lists;
  if (typeof lists !== 'object' || lists === null || Array.isArray(lists))
    throw new InputError(file, null, 'lists', 'expected {"lists": {"name": ["org:…", …]}}');
  const out: Watchlists = {};
  for (const [name, ids] of Object.entries(lists)) {
    if (!NAME.test(name)) throw new InputError(file, null, `lists.${name}`, 'a list name is 1–40 of a-z, 0-9, _ and -');
    if (!Array.isArray(ids) || !ids.every((i) => typeof i === 'string' && ID.test(i)))
      throw new InputError(file, null, `lists.${name}`, 'expected an array of entity ids like org:deepseek');
    out[name] = [...new Set(ids as string[])].sort();
  }
  return out;
}

export function writeWatchlists(file: string, lists: Watchlists): void {
  const tmp = `${file}.tmp-${process.pid}`;
  const sorted = Object.fromEntries(Object.entries(lists).sort(([a], [b]) => a.localeCompare(b)));
  writeFileSync(tmp, `${JSON.stringify({ lists: sorted }, null, 2)}\n`);
  renameSync(tmp, file);
}

/** The ids among `ids` the database does not know (a merged id counts as known: it redirects). */
export async function unknownIds(db: Db, ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const known = await db.all<{ id: string }>(sql`
    SELECT id FROM entities WHERE list_contains(${ids}::VARCHAR[], id)
    UNION SELECT old_id FROM entity_redirects WHERE list_contains(${ids}::VARCHAR[], old_id)`);
  const set = new Set(known.map((k) => k.id));
  return ids.filter((i) => !set.has(i));
}

/**
 * A watchlist parameter: a list name from the file, or ids separated by commas. Merged ids are followed to their
 * survivor. Throws an Error naming what is unknown.
 */
export async function resolveWatchlist(db: Db, file: string | null, param: string): Promise<string[]> {
  let ids: string[];
  if (param.includes(':')) {
    ids = param
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    const bad = ids.find((i) => !ID.test(i));
    if (bad) throw new Error(`"${bad}" is not an entity id`);
  } else {
    const lists = file ? readWatchlists(file) : {};
    const list = lists[param];
    if (!list)
      throw new Error(
        `no watchlist named "${param}"${Object.keys(lists).length ? ` (there are: ${Object.keys(lists).sort().join(', ')})` : ''}`,
      );
    ids = list;
  }
  const unknown = await unknownIds(db, ids);
  if (unknown.length > 0)
    throw new Error(`unknown entity id${unknown.length > 1 ? 's' : ''} in the watchlist: ${unknown.join(', ')}`);
  const redirected = await db.all<{ old_id: string; new_id: string }>(
    sql`SELECT old_id, min(new_id) AS new_id FROM entity_redirects WHERE list_contains(${ids}::VARCHAR[], old_id) GROUP BY old_id`,
  );
  const to = new Map(redirected.map((r) => [r.old_id, r.new_id]));
  return [...new Set(ids.map((i) => to.get(i) ?? i))].sort();
}
