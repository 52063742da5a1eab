/** /api/entities and /api/entities/:id — entities with their names, facts and relations, each with its source. */
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { SEGMENTS, ENTITY_KINDS } from '../../model/types.ts';
import { listEntities, redirectOf } from '../../store/queries/entities.ts';
import { computeEntityPayload } from '../../payloads/entity.ts';
import type { AppDeps } from '../context.ts';
import { toCsv } from '../csv.ts';
import { entityListPayload, entityPayload } from '../../payloads/lookups.ts';
import { entityIdParam, errorSchema } from '../../payloads/provenance.ts';

const idParam = entityIdParam;

const listQuery = z.object({
  kind: z.enum(ENTITY_KINDS).optional(),
  segment: z.enum(SEGMENTS).optional(),
  city: idParam.optional().openapi({ example: 'city:hangzhou' }),
  country: idParam.optional().openapi({ example: 'country:cn' }),
  limit: z.coerce.number().int().min(1).max(1000).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  format: z.enum(['json', 'csv']).default('json'),
});

const listRoute = createRoute({
  method: 'get',
  path: '/api/entities',
  operationId: 'listEntities',
  summary: 'Entities, filtered by kind, segment, city or country',
  request: { query: listQuery },
  responses: {
    200: {
      description: 'A page of entities (JSON) or all matching rows of the page (CSV)',
      content: { 'application/json': { schema: entityListPayload }, 'text/csv': { schema: z.string() } },
    },
    400: { description: 'A bad parameter', content: { 'application/json': { schema: errorSchema } } },
  },
});

const oneRoute = createRoute({
  method: 'get',
  path: '/api/entities/{id}',
  operationId: 'getEntity',
  summary: 'One entity: names, facts (with disputes), relations, and every source they cite',
  request: { params: z.object({ id: idParam.openapi({ example: 'org:deepseek' }) }) },
  responses: {
    200: { description: 'The entity', content: { 'application/json': { schema: entityPayload } } },
    400: { description: 'A malformed id', content: { 'application/json': { schema: errorSchema } } },
    301: { description: 'The id was merged into another entity: Location names it' },
    404: { description: 'No such entity', content: { 'application/json': { schema: errorSchema } } },
  },
});

export function entityRoutes(app: OpenAPIHono, deps: AppDeps): void {
  app.openapi(listRoute, async (c) => {
    const q = c.req.valid('query');
    const page = await listEntities(deps.db, q);
    if (q.format === 'csv') return c.body(toCsv(page.rows), 200, { 'content-type': 'text/csv; charset=utf-8' });
    return c.json({ total: page.total, limit: q.limit, offset: q.offset, entities: page.rows }, 200);
  });

  app.openapi(oneRoute, async (c) => {
    const { id } = c.req.valid('param');
    const payload = await computeEntityPayload(deps.db, id);
    if (!payload) {
      const survivor = await redirectOf(deps.db, id);
      if (survivor) return c.redirect(`/api/entities/${encodeURIComponent(survivor)}`, 301);
      return c.json({ error: `no entity with id ${id}` }, 404);
    }
    return c.json(payload, 200);
  });
}
