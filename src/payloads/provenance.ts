/** Every analytics payload carries the metrics it reports (with a link to their method) and the sources behind it. */
import { z } from '@hono/zod-openapi';
import { type MetricId, metricById } from '../analytics/metrics.ts';
import type { Db } from '../store/db.ts';
import { getSources, sourcesWithPrefix } from '../store/queries/entities.ts';

export const sourceSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    url: z.string(),
    publisher: z.string(),
    published: z.string().nullable(),
    retrieved: z.string(),
    licence: z.string(),
  })
  .openapi('Source');

export const provenanceSchema = z.object({
  metrics: z.array(z.object({ id: z.string(), title: z.string(), title_zh: z.string(), methodology: z.string() })),
  sources: z.array(sourceSchema),
});
export type Provenance = z.infer<typeof provenanceSchema>;

/** The country a payload is about: `country:xx`, or `all`. */
export const countryParam = z.string().regex(/^(country:[a-z]{2}|all)$/, 'expected country:xx or all');
/** An entity id in a query or a path: `org:deepseek`, `city:hangzhou`. */
export const entityIdParam = z
  .string()
  .max(200)
  .regex(/^[a-z]+:[a-z0-9][a-z0-9-]*$/, 'expected an id like org:deepseek');

/** `all` means no country filter. */
export const countryFilter = (country: string): string | null => (country === 'all' ? null : country);

/** The body of every 4xx and 5xx answer. */
export const errorSchema = z
  .object({
    error: z.string(),
    issues: z.array(z.object({ parameter: z.string(), message: z.string() })).optional(),
  })
  .openapi('Error');

export async function provenance(
  db: Db,
  metricIds: readonly MetricId[],
  sourceIds: Iterable<string> = [],
): Promise<Provenance> {
  const ids = new Set<string>(sourceIds);
  const metrics = metricIds.map((id) => {
    const m = metricById(id);
    if (!m) throw new Error(`metric ${id} is not in the registry`);
    for (const s of m.sources) if (!s.endsWith('*')) ids.add(s);
    return { id: m.id, title: m.title, title_zh: m.title_zh, methodology: `/methodology#${m.id}` };
  });
  // "src:huggingface-*" stands for every sync's source. Only sources present in this database are listed: a metric
  // whose connector has not run cites nothing yet.
  for (const id of metricIds) {
    for (const pattern of metricById(id)?.sources ?? []) {
      if (pattern.endsWith('*')) for (const found of await sourcesWithPrefix(db, pattern.slice(0, -1))) ids.add(found);
    }
  }
  return { metrics, sources: await getSources(db, [...ids]) };
}
