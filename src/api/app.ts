/** The HTTP app: JSON API under /api, the dashboard at /. */
import { existsSync } from 'node:fs';
import { extname } from 'node:path';
import { gzipSync } from 'node:zlib';
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { QueryTimeoutError } from '../store/db.ts';
import { getEntities } from '../store/queries/entities.ts';
import { sql } from '../store/sql.ts';
import type { AppDeps } from './context.ts';
import { analyticsRoutes } from './routes/analytics.ts';
import { changeRoutes } from './routes/changes.ts';
import { entityRoutes } from './routes/entities.ts';
import { indicatorRoutes } from './routes/indicators.ts';
import { searchRoutes } from './routes/search.ts';
import { sourceRoutes } from './routes/sources.ts';
import { healthPayload } from '../payloads/lookups.ts';
import { errorSchema } from '../payloads/provenance.ts';
import { admission } from './admission.ts';
import { escapeMarkup } from './escape.ts';
import { responseCache } from './response-cache.ts';
import { staticFile } from './static.ts';
import { storedResponses } from './stored-responses.ts';

export type { AppDeps } from './context.ts';

/**
 * The dashboard loads only its own scripts and data; charts set inline styles (Observable Plot), downloads are data:
 * links; nothing may frame it.
 */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
  "connect-src 'self'; font-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; " +
  "frame-ancestors 'none'";

/** The analytics routes: each runs many statements, so they are admitted apart from quick lookups. */
const HEAVY_ROUTES = [
  '/api/involution',
  '/api/cities',
  '/api/compare',
  '/api/network',
  '/api/prices',
  '/api/segments',
  '/api/map',
  '/api/events',
  '/api/funding',
  '/api/filings',
  '/api/adoption',
  '/api/indicators',
];

/** Longest request URL served (path and query string). */
export const MAX_URL_LENGTH = 4096;

/** Each page's title and what it shows, for the page's <title> and its Open Graph preview. */
const PAGE_META: Record<string, [title: string, description: string]> = {
  '/': [
    'Overview',
    "China, the US, the EU and the UK on notable models, open weights, AI publications, AI patents and China's generative-AI filings, each from one open source.",
  ],
  '/segments': [
    'Segments & involution',
    "Players, entry and exit, concentration, prices and capability per segment of China's AI industry, and the involution index they make.",
  ],
  '/cities': [
    'Cities',
    "The city league of China's AI: organisations, LLM makers, notable models, universities and where founders studied.",
  ],
  '/prices': [
    'Price war',
    'LLM API prices of Chinese and US vendors over time, and a like-for-like index of the 2024 price war.',
  ],
  '/money': [
    'Money & policy',
    'Funding rounds of Chinese AI makers with their investors, and city and provincial AI policies with the firms they back.',
  ],
  '/supply': [
    'Supply chain',
    "The humanoid-robot supply chain: component makers, the robot makers they supply, and estimates of a humanoid's cost.",
  ],
  '/network': ['Network', 'Universities, the founders who studied there, and the organisations they founded.'],
  '/compare': ['Compare', 'Organisations, cities and countries side by side, every fact with its source.'],
  '/changes': ['What changed', 'What each build and sync of the data added, changed and removed, with a feed.'],
  '/sources': ['Sources', 'Every source behind Neijuan, with its publisher, date and licence.'],
  '/methodology': ['Methodology', 'How each figure is computed, what it cannot say, and what it rests on.'],
};

/** The same in Chinese, for a link shared with ?lang=zh (the dashboard's own strings: web/src/main.tsx). */
const PAGE_META_ZH: Record<string, [title: string, description: string]> = {
  '/': [
    '总览',
    '中国、美国、欧盟和英国在重要模型、开放权重、人工智能论文、专利上的对比，以及中国的生成式人工智能服务备案，每项数据各有公开来源。',
  ],
  '/segments': [
    '细分领域与内卷',
    '中国人工智能各细分领域的参与者、进入与退出、集中度、价格和能力，以及由此计算的内卷指数。',
  ],
  '/cities': ['城市', '中国人工智能城市榜：机构、大模型厂商、重要模型、高校，以及创始人的毕业院校。'],
  '/prices': ['价格战', '中美厂商大模型 API 价格的变化，以及 2024 年价格战的同口径价格指数。'],
  '/money': ['资金与政策', '中国人工智能企业的融资轮次及投资方，以及各城市和省份的人工智能政策及其支持的企业。'],
  '/supply': ['供应链', '人形机器人供应链：零部件厂商、其供货的机器人厂商，以及人形机器人成本的估算。'],
  '/network': ['关系网络', '高校、在此求学的创始人，以及他们创办的机构。'],
  '/compare': ['对比', '机构、城市和国家并列对比，每条事实都附来源。'],
  '/changes': ['更新记录', '每次构建和同步新增、修改和删除的数据，并提供订阅源。'],
  '/sources': ['数据来源', 'Neijuan 使用的全部来源，附发布者、日期和许可协议。'],
  '/methodology': ['方法说明', '每个数字如何计算、不能说明什么、依据哪些数据。'],
};

/** The page's HTML with its own <title>, description and Open Graph tags (an entity page: the entity's). */
async function withMeta(html: string, url: string, status: number, deps: AppDeps): Promise<string> {
  const { pathname: path, searchParams } = new URL(url);
  const zh = searchParams.get('lang') === 'zh';
  let [title, description] =
    (zh ? PAGE_META_ZH : PAGE_META)[embeddedPage(path) ?? path] ??
    (zh ? ['页面不存在', '这个地址没有页面。'] : ['Page not found', 'There is no page at this address.']);
  const entity = /^\/entity\/([a-z]+:[a-z0-9-]+)$/.exec(path)?.[1];
  if (entity && status === 200) {
    const [e] = await getEntities(deps.db, [entity]);
    if (e) {
      title = (zh ? [e.name_zh, e.name_en] : [e.name_en, e.name_zh]).filter(Boolean).join(' ') || e.id;
      description = e.description ?? `${e.kind} in Neijuan, every fact with its source.`;
    }
  }
  const full = `${title} · Neijuan 内卷`;
  const meta = [
    `<title>${escapeMarkup(full)}</title>`,
    `<meta name="description" content="${escapeMarkup(description)}" />`,
    `<meta property="og:site_name" content="Neijuan 内卷" />`,
    `<meta property="og:title" content="${escapeMarkup(full)}" />`,
    `<meta property="og:description" content="${escapeMarkup(description)}" />`,
    `<meta property="og:type" content="website" />`,
    `<meta property="og:url" content="${escapeMarkup(url)}" />`,
    `<meta property="og:locale" content="${zh ? 'zh_CN' : 'en_GB'}" />`,
  ].join('\n    ');
  // The document's language is the page's from its first byte (the app keeps it in step after a switch).
  return html
    .replace(/<html lang="[^"]*"/, `<html lang="${zh ? 'zh-Hans' : 'en'}"`)
    .replace(/<title>[^<]*<\/title>/, meta);
}

/** /embed/<page>/<view>: the page an embedded view belongs to ('/' for overview), or null. */
export function embeddedPage(path: string): string | null {
  const page = /^\/embed\/([a-z]+)(?:\/[a-z0-9-]+)?$/.exec(path)?.[1];
  if (page === undefined) return null;
  const full = page === 'overview' ? '/' : `/${page}`;
  return full in PAGE_META ? full : null;
}

/** The dashboard's pages (web/src/main.tsx, PAGE_META above, each entity, each embeddable view): else a 404 page. */
const isPage = (path: string) =>
  path in PAGE_META || /^\/entity\/[a-z]+:[a-z0-9-]+$/.test(path) || embeddedPage(path) !== null;

export function createApp(deps: AppDeps): OpenAPIHono {
  const app = new OpenAPIHono({
    // A bad parameter gets a 400 naming the parameter and what was wrong.
    defaultHook: (result, c) => {
      if (!result.success) {
        const issues = result.error.issues.map((i) => ({ parameter: i.path.join('.'), message: i.message }));
        const text = issues.map((i) => `${i.parameter || 'request'}: ${i.message}`).join('; ');
        return c.json({ error: `bad request: ${text}`, issues }, 400);
      }
      return undefined;
    },
  });

  app.use('*', async (c, next) => {
    // Set first, so every response carries them, the early refusals below included.
    c.header('x-content-type-options', 'nosniff');
    // An embedded view is made to be framed by any site; nothing else may be.
    if (embeddedPage(new URL(c.req.url).pathname) !== null) {
      c.header(
        'content-security-policy',
        CONTENT_SECURITY_POLICY.replace("frame-ancestors 'none'", 'frame-ancestors *'),
      );
    } else {
      c.header('content-security-policy', CONTENT_SECURITY_POLICY);
      c.header('x-frame-options', 'DENY');
    }
    c.header('referrer-policy', 'no-referrer');
    // A request line this long is an attack or a mistake; no route needs more than a few hundred characters.
    if (c.req.url.length > MAX_URL_LENGTH) {
      return c.json({ error: `request URL longer than ${MAX_URL_LENGTH} characters` }, 414);
    }
    // Malformed percent-encoding (half an escape, bytes that are not UTF-8) is refused, not guessed at.
    const rawQuery = c.req.url.includes('?') ? c.req.url.slice(c.req.url.indexOf('?') + 1) : '';
    try {
      decodeURIComponent(rawQuery.replace(/\+/g, ' '));
      decodeURIComponent(new URL(c.req.url).pathname);
    } catch {
      return c.json({ error: 'malformed percent-encoding in the URL' }, 400);
    }
    // Every route reads. Anything that would write requires the configured token; without one, nothing writes.
    if (!['GET', 'HEAD', 'OPTIONS'].includes(c.req.method)) {
      const token = deps.writeToken ?? null;
      const given = c.req.header('authorization')?.replace(/^Bearer\s+/i, '') ?? null;
      if (token === null) return c.json({ error: 'this server is read-only (no write token is configured)' }, 403);
      if (given !== token) return c.json({ error: 'a valid bearer token is required to write' }, 401);
    }
    await next();
  });

  // Only for a read-only database (the server's): results cannot change while it serves.
  if (deps.cacheResponses) app.use('/api/*', responseCache({ maxEntries: 2_000, maxBytes: 128 * 1024 * 1024 }));
  // What the build stored for this data state is read, not computed, and never queues behind computations.
  if (deps.stored) app.use('/api/*', storedResponses(deps.db, deps.stored));
  // After the cache: a cached answer never queues; what must be computed waits for a slot, briefly, or gets a 503.
  // Analytics (many statements each) and lookups (a few) queue apart, so a flood of one cannot starve the other.
  if (deps.admission) {
    const heavy = admission(deps.admission);
    const light = admission(deps.admission);
    app.use('/api/*', (c, next) => (HEAVY_ROUTES.some((r) => c.req.path.startsWith(r)) ? heavy : light)(c, next));
  }

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/health',
      operationId: 'getHealth',
      summary: 'Liveness, the version, and how many entities and sources the database holds',
      responses: {
        200: { description: 'The server answers', content: { 'application/json': { schema: healthPayload } } },
        400: { description: 'A malformed URL', content: { 'application/json': { schema: errorSchema } } },
        503: {
          description: 'The database did not answer in time',
          content: { 'application/json': { schema: errorSchema } },
        },
      },
    }),
    async (c) => {
      const row = await deps.db.one<{ entities: number; sources: number }>(
        sql`SELECT (SELECT count(*) FROM entities)::INT AS entities, (SELECT count(DISTINCT id) FROM sources)::INT AS sources`,
      );
      return c.json(
        { status: 'ok' as const, version: deps.version, entities: row?.entities ?? 0, sources: row?.sources ?? 0 },
        200,
      );
    },
  );

  searchRoutes(app, deps);
  entityRoutes(app, deps);
  indicatorRoutes(app, deps);
  sourceRoutes(app, deps);
  analyticsRoutes(app, deps);
  changeRoutes(app, deps);

  // The document itself is a route too: listed, so a generated client knows where to fetch it.
  app.openAPIRegistry.registerPath({
    method: 'get',
    path: '/api/openapi.json',
    operationId: 'getOpenApiDocument',
    summary: 'This OpenAPI 3.1 document',
    responses: {
      200: {
        description: 'The document',
        content: { 'application/json': { schema: z.object({ openapi: z.string() }).passthrough() } },
      },
      400: { description: 'A malformed URL', content: { 'application/json': { schema: errorSchema } } },
    },
  });
  app.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Neijuan API',
      version: deps.version,
      description:
        "An open observatory of China's AI ecosystem. Every payload carries its sources. Read-only and open: no " +
        'authentication (writes are refused unless the server was started with a write token).',
      license: { name: 'Apache-2.0', url: 'https://www.apache.org/licenses/LICENSE-2.0' },
    },
    servers: [{ url: '/', description: 'The server this document was fetched from' }],
    security: [],
  });

  // The methodology and other docs every payload links to; only upper-case .md names, so nothing else is reachable.
  app.get('/docs/:name{[A-Z]+\\.md}', async (c) => {
    if (deps.docsRoot === null) return c.text('not found', 404);
    const file = await staticFile(deps.docsRoot, `/${c.req.param('name')}`);
    if (!file) return c.text('not found', 404);
    return c.body(new Uint8Array(file.body), 200, { 'content-type': 'text/markdown; charset=utf-8' });
  });

  app.all('/api/*', (c) => c.json({ error: `no such endpoint: ${c.req.method} ${c.req.path}` }, 404));

  // The dashboard: hashed assets cached for a year, the page itself revalidated; gzip when the client takes it. A path
  // the dashboard has no page for answers 404 (with the page, which says so and offers a way on).
  const gzipped = new Map<string, Buffer>();
  // Looked for until found (npm start builds the dashboard while the server starts), then no more.
  let webBuilt = false;
  app.get('*', async (c: Context) => {
    if (deps.webRoot === null || !(webBuilt ||= existsSync(deps.webRoot))) {
      return c.json({ error: 'the dashboard is not built; run npm run build:web' }, 404);
    }
    const file = await staticFile(deps.webRoot, c.req.path);
    if (!file) return c.text('not found', 404);
    const asset = extname(c.req.path) !== '';
    const status = asset || isPage(c.req.path) ? 200 : 404;
    const headers: Record<string, string> = {
      'content-type': file.type,
      'cache-control': c.req.path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
      vary: 'accept-encoding',
    };
    // A page (not an asset) carries its own title and description, so a shared link previews what it shows.
    const body = asset ? file.body : Buffer.from(await withMeta(file.body.toString('utf8'), c.req.url, status, deps));
    const compressible = /^(text\/|application\/(javascript|json)|image\/svg)/.test(file.type);
    if (compressible && /\bgzip\b/.test(c.req.header('accept-encoding') ?? '')) {
      let zipped = asset ? gzipped.get(c.req.path) : undefined;
      if (!zipped) {
        zipped = gzipSync(body);
        if (asset) gzipped.set(c.req.path, zipped);
      }
      return c.body(new Uint8Array(zipped), status, { ...headers, 'content-encoding': 'gzip' });
    }
    return c.body(new Uint8Array(body), status, headers);
  });

  app.onError((error, c) => {
    if (error instanceof QueryTimeoutError) return c.json({ error: error.message }, 503);
    if (error instanceof URIError) return c.json({ error: 'malformed percent-encoding in the URL' }, 400);
    // Internal details stay in the server log, not in the response.
    console.error(error);
    return c.json({ error: 'internal error' }, 500);
  });

  return app;
}
