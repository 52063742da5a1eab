/** Answers requests stored by `prepareServing` (api/serving.ts) from the database, without computing them. */
import type { MiddlewareHandler } from 'hono';
import type { Db } from '../store/db.ts';
import { readServing } from '../store/queries/serving.ts';

export interface StoredResponses {
  /** The data state the server reads; only rows stamped with it are served. */
  stamp: string;
  /**
   * The few stored responses every visitor's first page asks for (the dashboard's defaults: tens of kilobytes to a
   * few megabytes in all), read once at start.
   */
  preloaded: ReadonlyMap<string, { content_type: string; body: string }>;
  /** Key prefixes read from the file per request when stored (one row per entity); none when nothing is stored. */
  perRequest: readonly string[];
}

/**
 * The key a request is stored under: its path with percent-escapes decoded (the dashboard asks for
 * /api/entities/org%3Adeepseek, a person types org:deepseek) and its query string as sent.
 */
export function servingKey(url: string): string {
  const u = new URL(url, 'http://localhost');
  return `${decodeURIComponent(u.pathname)}${u.search}`;
}

/** Answers a GET whose path and query were stored for this data state from the store, without computing. */
export function storedResponses(db: Db, state: StoredResponses): MiddlewareHandler {
  return async (c, next) => {
    if (c.req.method !== 'GET' || (state.preloaded.size === 0 && state.perRequest.length === 0)) return next();
    const key = servingKey(c.req.url);
    const row =
      state.preloaded.get(key) ??
      (state.perRequest.some((p) => key.startsWith(p)) ? await readServing(db, key, state.stamp) : undefined);
    if (!row) return next();
    return c.body(row.body, 200, { 'content-type': row.content_type, 'x-precomputed': 'build' });
  };
}
