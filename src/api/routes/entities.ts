/** /api/entities and /api/entities/:id — entities with their names, facts and relations, each with its source. */
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { SEGMENTS, ENTITY_KINDS } from '../../model/types.ts';
import {
  entityClaims,
  entityFacts,
  entityProfile,
  entityNames,
  entityRelations,
  entitySourceIds,
  entityTimeline,
  getEntities,
  getSources,
  listEntities,
  redirectOf,
} from '../../store/queries/entities.ts';
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
    const [entity] = await getEntities(deps.db, [id]);
    if (!entity) {
      const survivor = await redirectOf(deps.db, id);
      if (survivor) return c.redirect(`/api/entities/${encodeURIComponent(survivor)}`, 301);
      return c.json({ error: `no entity with id ${id}` }, 404);
    }
    const [names, facts, relations, entitySources, timeline, claims, profile] = await Promise.all([
      entityNames(deps.db, id),
      entityFacts(deps.db, id),
      entityRelations(deps.db, id),
      entitySourceIds(deps.db, id),
      entityTimeline(deps.db, id),
      entityClaims(deps.db, id),
      entityProfile(deps.db, id),
    ]);
    const ids = new Set<string>(entitySources);
    for (const row of [...names, ...facts, ...relations, ...timeline, ...claims]) ids.add(row.source_id);
    for (const claim of claims) for (const e of claim.evidence) ids.add(e.source_id);
    if (profile?.source_id) ids.add(profile.source_id);
    const sources = await getSources(deps.db, [...ids]);
    const disputed = [...new Set(facts.filter((f) => f.disputed).map((f) => f.attr))];
    return c.json(
      {
        entity,
        ai_class: profile?.ai_class
          ? { class: profile.ai_class, basis: profile.basis ?? '', source_id: profile.source_id }
          : null,
        names,
        facts,
        disputed,
        claims,
        relations,
        timeline,
        entity_sources: entitySources,
        sources,
      },
      200,
    );
  });
}
