/** /api/search — bilingual name search. */
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { getEntities } from '../../store/queries/entities.ts';
import type { AppDeps } from '../context.ts';
import { toCsv } from '../csv.ts';

const route = createRoute({
  method: 'get',
  path: '/api/search',
  summary: 'Find entities by English, Chinese (simplified or traditional), pinyin or alias',
  request: {
    query: z.object({
      q: z.string().trim().min(1, 'q is required').max(200).openapi({ example: '深度求索' }),
      limit: z.coerce.number().int().min(1).max(100).default(20),
      format: z.enum(['json', 'csv']).default('json'),
    }),
  },
  responses: { 200: { description: 'Matches, best first, each with its city and country' } },
});

export function searchRoutes(app: OpenAPIHono, deps: AppDeps): void {
  app.openapi(route, async (c) => {
    const { q, limit, format } = c.req.valid('query');
    const hits = deps.search.search(q, limit);
    const places = new Map(
      (
        await getEntities(
          deps.db,
          hits.map((h) => h.id),
        )
      ).map((e) => [e.id, e]),
    );
    const results = hits.map((h) => ({
      ...h,
      city: places.get(h.id)?.city ?? null,
      country: places.get(h.id)?.country ?? null,
    }));
    if (format === 'csv') return c.body(toCsv(results), 200, { 'content-type': 'text/csv; charset=utf-8' });
    return c.json({ query: q, results }, 200);
  });
}
