/**
 * A bounded cache of successful GET responses, keyed by URL. Sound only because the server's database is opened
 * read-only: a payload computed once stays true for the server's lifetime (as /api/network's layout does).
 */
import type { MiddlewareHandler } from 'hono';

export function responseCache(options: { maxEntries: number; maxBytes: number }): MiddlewareHandler {
  const entries = new Map<string, { body: Uint8Array; type: string }>();
  let bytes = 0;
  return async (c, next) => {
    if (c.req.method !== 'GET') return next();
    const key = c.req.url;
    const hit = entries.get(key);
    if (hit) {
      // Map order is insertion order: re-inserting marks the entry as recently used.
      entries.delete(key);
      entries.set(key, hit);
      return c.body(hit.body.slice(), 200, { 'content-type': hit.type, 'x-cache': 'hit' });
    }
    await next();
    // A response that depends on more than the URL (a named watchlist, kept in a file that can change) says so.
    if (c.res.status !== 200 || c.res.headers.get('cache-control')?.includes('no-store')) return;
    const body = new Uint8Array(await c.res.clone().arrayBuffer());
    if (body.byteLength > options.maxBytes / 8) return;
    entries.set(key, { body, type: c.res.headers.get('content-type') ?? 'application/json' });
    bytes += body.byteLength;
    for (const [k, v] of entries) {
      if (entries.size <= options.maxEntries && bytes <= options.maxBytes) break;
      entries.delete(k);
      bytes -= v.body.byteLength;
    }
  };
}
