/** /api/indicators/* — computed series, each with its method and sources. */
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { metricById } from '../../analytics/metrics.ts';
import { getSources } from '../../store/queries/entities.ts';
import {
  defaultNotableDataset,
  notableModelsByCountry,
  notableModelsCoverage,
} from '../../store/queries/indicators.ts';
import type { AppDeps } from '../context.ts';
import { toCsv } from '../csv.ts';
import { notableModelsPayload } from '../../payloads/lookups.ts';
import { errorSchema } from '../../payloads/provenance.ts';

const year = z.coerce.number().int().min(1900).max(2100);

const route = createRoute({
  method: 'get',
  path: '/api/indicators/notable-models',
  operationId: 'getNotableModels',
  summary: 'Notable AI models per year by country, or by group (CN, US, rest)',
  request: {
    query: z
      .object({
        by: z.enum(['country', 'group']).default('country'),
        from: year.optional(),
        to: year.optional(),
        format: z.enum(['json', 'csv']).default('json'),
      })
      .refine((q) => q.from === undefined || q.to === undefined || q.from <= q.to, {
        message: 'from must not be after to',
        path: ['from'],
      }),
  },
  responses: {
    200: {
      description: 'The series with its method, coverage and sources (or CSV)',
      content: { 'application/json': { schema: notableModelsPayload }, 'text/csv': { schema: z.string() } },
    },
    400: { description: 'A bad parameter', content: { 'application/json': { schema: errorSchema } } },
    404: { description: 'No Epoch data', content: { 'application/json': { schema: errorSchema } } },
  },
});

export function indicatorRoutes(app: OpenAPIHono, deps: AppDeps): void {
  app.openapi(route, async (c) => {
    const q = c.req.valid('query');
    const dataset = await defaultNotableDataset(deps.db);
    if (dataset === null) return c.json({ error: 'no Epoch notable-models data has been ingested' }, 404);
    const rows = await notableModelsByCountry(deps.db, dataset, q.from ?? null, q.to ?? null, q.by);
    if (q.format === 'csv') return c.body(toCsv(rows), 200, { 'content-type': 'text/csv; charset=utf-8' });
    const coverage = await notableModelsCoverage(deps.db, dataset);
    const metric = metricById('notable-models');
    const sources = await getSources(deps.db, coverage ? [coverage.source_id] : []);
    return c.json(
      {
        metric: metric?.id,
        method: metric?.method,
        methodology: '/methodology#notable-models',
        by: q.by,
        dataset,
        coverage,
        rows,
        sources,
      },
      200,
    );
  });
}
