/** /api/sources — every source with publisher, date, licence, and how many rows cite it. */
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { listSources } from '../../store/queries/entities.ts';
import type { AppDeps } from '../context.ts';
import { toCsv } from '../csv.ts';
import { methodologyPayload, sourcesPayload } from '../../payloads/lookups.ts';
import { type Metric, METRICS } from '../../analytics/metrics.ts';
import { errorSchema } from '../../payloads/provenance.ts';

const route = createRoute({
  method: 'get',
  path: '/api/sources',
  operationId: 'listSources',
  summary: 'All sources',
  request: { query: z.object({ format: z.enum(['json', 'csv']).default('json') }) },
  responses: {
    200: {
      description: 'Sources, with the number of facts, relations and rows citing each (or CSV)',
      content: { 'application/json': { schema: sourcesPayload }, 'text/csv': { schema: z.string() } },
    },
    400: { description: 'A bad parameter', content: { 'application/json': { schema: errorSchema } } },
  },
});

const methodology = createRoute({
  method: 'get',
  path: '/api/methodology',
  operationId: 'getMethodology',
  summary: 'Every metric: its definition, method, caveats and the sources it rests on (docs/METHODOLOGY.md as data)',
  responses: {
    200: { description: 'The metric registry', content: { 'application/json': { schema: methodologyPayload } } },
    400: { description: 'A malformed URL', content: { 'application/json': { schema: errorSchema } } },
  },
});

export function sourceRoutes(app: OpenAPIHono, deps: AppDeps): void {
  app.openapi(methodology, (c) =>
    c.json(
      {
        metrics: (METRICS as readonly Metric[]).map(({ perRecord, ...m }) => ({
          ...m,
          caveats: [...m.caveats],
          sources: [...m.sources],
          per_record: perRecord ?? null,
        })),
      },
      200,
    ),
  );
  app.openapi(route, async (c) => {
    const { format } = c.req.valid('query');
    const sources = await listSources(deps.db);
    if (format === 'csv') return c.body(toCsv(sources), 200, { 'content-type': 'text/csv; charset=utf-8' });
    return c.json({ total: sources.length, sources }, 200);
  });
}
