/** /api/search — bilingual name search. */
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppDeps } from '../context.ts';
import { toCsv } from '../csv.ts';
import { searchPayload } from '../../payloads/lookups.ts';
import { errorSchema } from '../../payloads/provenance.ts';

const route = createRoute({
  method: 'get',
  path: '/api/search',
  operationId: 'searchEntities',
  summary: 'Find entities by English, Chinese (simplified or traditional), pinyin or alias',
  request: {
    query: z.object({
      q: z.string().trim().min(1, 'q is required').max(200).openapi({ example: '深度求索' }),
      limit: z.coerce.number().int().min(1).max(100).default(20),
      format: z.enum(['json', 'csv']).default('json'),
    }),
  },
  responses: {
    200: {
      description: 'Matches, best first, each with its city and country (or CSV)',
      content: { 'application/json': { schema: searchPayload }, 'text/csv': { schema: z.string() } },
    },
    400: { description: 'A missing or bad parameter', content: { 'application/json': { schema: errorSchema } } },
  },
});

export function searchRoutes(app: OpenAPIHono, deps: AppDeps): void {
  app.openapi(route, async (c) => {
    const { q, limit, format } = c.req.valid('query');
    // Places come from the index, which read them with the names: a search costs no database query.
    const results = deps.search.search(q, limit).map((h) => ({
      ...h,
      city: deps.search.document(h.id)?.city ?? null,
      country: deps.search.document(h.id)?.country ?? null,
    }));
    if (format === 'csv') return c.body(toCsv(results), 200, { 'content-type': 'text/csv; charset=utf-8' });
    return c.json({ query: q, results }, 200);
  });
}
