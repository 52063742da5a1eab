/**
 * The map payload: China's provinces with their measures (for a choropleth) and the league's cities with GeoNames
 * coordinates (for dots sized by the same measures). Cities without a matched coordinate are listed, not placed.
 */
import { z } from '@hono/zod-openapi';
import type { Db } from '../store/db.ts';
import { cityPlaces, makersByCity, provinceMeasures } from '../store/queries/map.ts';
import { computeCitiesPayload, cityRowSchema } from './cities.ts';
import { coordinatesOf, GEONAMES_SOURCE } from './coordinates.ts';
import { provenance, provenanceSchema } from './provenance.ts';

/** The measures a map can draw, for provinces and cities alike. */
export const MAP_MEASURES = ['ai_organizations', 'ai_makers', 'genai_filings', 'universities', 'founders'] as const;

export const mapPayload = z
  .object({
    country: z.literal('country:cn'),
    measures: z.array(z.enum(MAP_MEASURES)),
    provinces: z.array(
      z.object({
        province: z.string(),
        name_en: z.string().nullable(),
        name_zh: z.string().nullable(),
        ai_organizations: z.number().int(),
        ai_makers: z.number().int(),
        genai_filings: z.number().int(),
        universities: z.number().int(),
        founders: z.number().int(),
        policies: z.number().int(),
        funding_rounds: z.number().int(),
      }),
    ),
    cities: z.array(
      cityRowSchema.extend({
        ai_makers: z.number().int().openapi({ description: 'the city’s AI organisations that are makers' }),
        founders: z.number().int().openapi({ description: 'founders of its AI organisations with a cited university' }),
        lon: z.number().nullable(),
        lat: z.number().nullable(),
      }),
    ),
    unplaced: z.array(z.string()).openapi({ description: 'league cities with no GeoNames match: not drawn' }),
  })
  .extend(provenanceSchema.shape)
  .openapi('Map');
export type MapPayload = z.infer<typeof mapPayload>;

export async function computeMapPayload(db: Db): Promise<MapPayload> {
  const league = await computeCitiesPayload(db, { country: 'country:cn' });
  const provinces = await provinceMeasures(db, 'country:cn');
  const places = await cityPlaces(
    db,
    league.cities.map((c) => c.city),
  );
  const coords = coordinatesOf(places);
  const makers = new Map((await makersByCity(db)).map((r) => [r.city, r.n] as const));
  const cities = league.cities.map((c) => {
    const at = coords.get(c.city);
    return {
      ...c,
      ai_makers: makers.get(c.city) ?? 0,
      founders: c.founders_known,
      lon: at?.[0] ?? null,
      lat: at?.[1] ?? null,
    };
  });
  const prov = await provenance(db, ['city-league', 'genai-filing-records']);
  return {
    country: 'country:cn',
    measures: [...MAP_MEASURES],
    provinces,
    cities,
    unplaced: cities.filter((c) => c.lon === null).map((c) => c.city),
    metrics: [...league.metrics, ...prov.metrics.filter((m) => !league.metrics.some((x) => x.id === m.id))],
    sources: [...prov.sources, GEONAMES_SOURCE],
  };
}
