/**
 * What changed, and take it with you: /api/changes (paged, filtered, watchlists), /api/watchlists, the Atom feed at
 * /feed.xml, and /api/export/… (the database file, a table as Parquet or CSV, the Frictionless data package).
 */
import { createReadStream, existsSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { SEGMENTS } from '../../model/types.ts';
import { exportAll } from '../../payloads/export.ts';
import { changesPayload } from '../../payloads/changes.ts';
import { entityIdParam, errorSchema } from '../../payloads/provenance.ts';
import { PUBLIC_TABLES, type PublicTable, writeTable } from '../../store/export.ts';
import { CHANGE_KINDS, listChangeRuns, listChanges, type StoredChange } from '../../store/queries/changes.ts';
import { getSources } from '../../store/queries/entities.ts';
import { readWatchlists, resolveWatchlist } from '../../store/watchlists.ts';
import type { AppDeps } from '../context.ts';
import { toCsv } from '../csv.ts';
import { escapeMarkup } from '../escape.ts';

const idParam = entityIdParam;

const filters = z.object({
  since: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date like 2026-12-01')
    .optional()
    .openapi({ description: 'only changes recorded on or after this date' }),
  kind: z.enum(CHANGE_KINDS).optional(),
  entity: idParam.optional().openapi({ description: 'changes about this entity, and about what it made' }),
  segment: z.enum(SEGMENTS).optional(),
  city: idParam.optional().openapi({ example: 'city:hangzhou' }),
  watchlist: z
    .string()
    .max(2000)
    .regex(/^[a-z0-9:,_ -]+$/, 'a watchlist name, or entity ids separated by commas')
    .optional()
    .openapi({ description: 'a watchlist name (neijuan watch), or entity ids separated by commas' }),
});

/**
 * A page of changes with the sources they cite, or the message of a bad watchlist (the route's 400): what
 * /api/changes and /feed.xml both answer from.
 */
async function answer(
  deps: AppDeps,
  q: z.infer<typeof filters>,
  limit: number,
  offset: number,
): Promise<
  | { error: string }
  | { total: number; rows: StoredChange[]; sources: Awaited<ReturnType<typeof getSources>>; urls: Map<string, string> }
> {
  let entities: string[] | null = null;
  if (q.watchlist) {
    try {
      entities = await resolveWatchlist(deps.db, deps.watchlistsFile ?? null, q.watchlist);
    } catch (error) {
      return { error: (error as Error).message };
    }
  }
  const page = await listChanges(deps.db, {
    since: q.since ?? null,
    kind: q.kind ?? null,
    entity: q.entity ?? null,
    segment: q.segment ?? null,
    city: q.city ?? null,
    entities,
    limit,
    offset,
  });
  const sources = await getSources(deps.db, [...new Set(page.rows.flatMap((r) => (r.source_id ? [r.source_id] : [])))]);
  return { ...page, sources, urls: new Map(sources.map((s) => [s.id, s.url])) };
}

const linked = (c: StoredChange, sourceUrl: Map<string, string>) => ({
  ...c,
  links: {
    entity: c.entity_id ? `/api/entities/${encodeURIComponent(c.entity_id)}` : null,
    source: c.source_id ? (sourceUrl.get(c.source_id) ?? null) : null,
  },
});

/** The Atom document for a page of changes (RFC 4287). */
function atom(
  origin: string,
  self: string,
  title: string,
  rows: StoredChange[],
  sourceUrl: Map<string, string>,
): string {
  const updated = rows[0]?.at ?? '1970-01-01T00:00:00Z';
  const entries = rows.map((c) => {
    const about = c.entity_name ?? c.entity_id ?? 'Neijuan';
    const summary =
      c.kind === 'metric'
        ? `${c.what}: ${c.old_value ?? 'none'} → ${c.new_value ?? 'none'}. ${c.note ?? ''}`
        : `${c.op}: ${c.what}${c.old_value ? ` (was ${c.old_value})` : ''}${c.new_value ? ` (now ${c.new_value})` : ''}`;
    const link = c.entity_id ? `${origin}/entity/${encodeURIComponent(c.entity_id)}` : `${origin}/changes`;
    const source = c.source_id ? sourceUrl.get(c.source_id) : undefined;
    return [
      '  <entry>',
      `    <id>tag:neijuan,2026:change/${escapeMarkup(encodeURIComponent(c.run))}/${c.seq}</id>`,
      `    <title>${escapeMarkup(c.kind === 'metric' ? `${c.what} moved` : `${about}: ${c.kind} ${c.op} (${c.what})`)}</title>`,
      `    <updated>${c.at}</updated>`,
      `    <link rel="alternate" href="${escapeMarkup(link)}"/>`,
      source ? `    <link rel="related" href="${escapeMarkup(source)}"/>` : null,
      `    <category term="${c.kind}"/>`,
      `    <summary>${escapeMarkup(summary)}</summary>`,
      '  </entry>',
    ]
      .filter((l) => l !== null)
      .join('\n');
  });
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  <id>tag:neijuan,2026:feed${escapeMarkup(self.replace(/^\/feed\.xml/, ''))}</id>`,
    `  <title>${escapeMarkup(title)}</title>`,
    `  <updated>${updated}</updated>`,
    `  <link rel="self" href="${escapeMarkup(origin + self)}"/>`,
    `  <link rel="alternate" href="${escapeMarkup(`${origin}/changes`)}"/>`,
    '  <author><name>Neijuan</name></author>',
    '  <generator>Neijuan</generator>',
    ...entries,
    '</feed>',
    '',
  ].join('\n');
}

/** Files written for /api/export, once per server (its database does not change while it serves). */
function exportCache() {
  let dir: string | null = null;
  return () => (dir ??= mkdtempSync(join(tmpdir(), 'neijuan-export-')));
}

function sendFile(c: Context, file: string, type: string, name: string) {
  const stream = Readable.toWeb(createReadStream(file)) as ReadableStream;
  return c.body(stream, 200, {
    'content-type': type,
    'content-length': String(statSync(file).size),
    'content-disposition': `attachment; filename="${name}"`,
    'cache-control': 'no-store',
  });
}

export function changeRoutes(app: OpenAPIHono, deps: AppDeps): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/changes',
      operationId: 'listChanges',
      summary: 'What builds and ingests changed: entities, facts, releases, relations, prices, observations, metrics',
      request: {
        query: filters.extend({
          limit: z.coerce.number().int().min(1).max(500).default(100),
          offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
          format: z.enum(['json', 'csv']).default('json'),
        }),
      },
      responses: {
        200: {
          description: 'A page of changes, newest first, each linked to its entity and source (or CSV)',
          content: { 'application/json': { schema: changesPayload }, 'text/csv': { schema: z.string() } },
        },
        400: {
          description: 'A bad parameter or an unknown watchlist id',
          content: { 'application/json': { schema: errorSchema } },
        },
      },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const page = await answer(deps, q, q.limit, q.offset);
      if ('error' in page) return c.json({ error: page.error }, 400);
      const { sources, urls } = page;
      const headers: Record<string, string> =
        q.watchlist && !q.watchlist.includes(':') ? { 'cache-control': 'no-store' } : {};
      if (q.format === 'csv') {
        return c.body(
          toCsv(page.rows.map((r) => ({ ...r, source_url: r.source_id ? (urls.get(r.source_id) ?? '') : '' }))),
          200,
          { 'content-type': 'text/csv; charset=utf-8', ...headers },
        );
      }
      return c.json(
        {
          total: page.total,
          limit: q.limit,
          offset: q.offset,
          changes: page.rows.map((r) => linked(r, urls)),
          runs: await listChangeRuns(deps.db),
          sources,
        },
        200,
        headers,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/watchlists',
      operationId: 'listWatchlists',
      summary: 'The watchlists kept beside the database (edit them with neijuan watch)',
      responses: {
        200: {
          description: 'Watchlist names and their entity ids',
          content: { 'application/json': { schema: z.object({ lists: z.record(z.string(), z.array(z.string())) }) } },
        },
        400: { description: 'A malformed URL', content: { 'application/json': { schema: errorSchema } } },
      },
    }),
    (c) =>
      c.json({ lists: deps.watchlistsFile ? readWatchlists(deps.watchlistsFile) : {} }, 200, {
        'cache-control': 'no-store',
      }),
  );

  // Atom: not part of the JSON API, so not in the OpenAPI document.
  app.get('/feed.xml', async (c) => {
    const parsed = filters.safeParse(c.req.query());
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return c.json({ error: `${issue?.path.join('.') ?? 'query'}: ${issue?.message ?? 'invalid'}` }, 400);
    }
    const page = await answer(deps, parsed.data, 100, 0);
    if ('error' in page) return c.json({ error: page.error }, 400);
    const { urls } = page;
    const q = parsed.data;
    const scope = [
      q.entity && `entity ${q.entity}`,
      q.city && `city ${q.city}`,
      q.segment && `segment ${q.segment}`,
      q.watchlist && `watchlist ${q.watchlist}`,
      q.kind && `kind ${q.kind}`,
    ].filter(Boolean);
    const url = new URL(c.req.url);
    const title = `Neijuan: what changed${scope.length ? ` (${scope.join(', ')})` : ''}`;
    return c.body(atom(url.origin, url.pathname + url.search, title, page.rows, urls), 200, {
      'content-type': 'application/atom+xml; charset=utf-8',
      'cache-control': 'no-store',
    });
  });

  const cacheDir = exportCache();
  const PARQUET = 'application/vnd.apache.parquet';
  app.get('/api/export/:file', async (c) => {
    const file = c.req.param('file');
    const dir = cacheDir();
    if (file === 'neijuan.duckdb' || file === 'datapackage.json') {
      const target = join(dir, 'duckdb');
      if (!existsSync(join(target, 'neijuan.duckdb')))
        await exportAll(deps.db, target, 'duckdb', { version: deps.version });
      return file === 'datapackage.json'
        ? sendFile(c, join(target, 'datapackage.json'), 'application/json', file)
        : sendFile(c, join(target, 'neijuan.duckdb'), 'application/vnd.duckdb', file);
    }
    const m = /^([a-z_]+)\.(parquet|csv)$/.exec(file);
    if (!m || !(PUBLIC_TABLES as readonly string[]).includes(m[1] as string)) {
      return c.json(
        {
          error: `no export named ${file}: neijuan.duckdb, datapackage.json, or <table>.parquet|csv of ${PUBLIC_TABLES.join(', ')}`,
        },
        404,
      );
    }
    const format = m[2] as 'parquet' | 'csv';
    const target = join(dir, format);
    const path = join(target, file);
    if (!existsSync(path)) await writeTable(deps.db, m[1] as PublicTable, target, format);
    return sendFile(c, path, format === 'parquet' ? PARQUET : 'text/csv; charset=utf-8', file);
  });
}
