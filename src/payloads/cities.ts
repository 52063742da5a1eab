/** The city league payload: `(db, params) → payload`, with the zod schemas of both. */
import { z } from '@hono/zod-openapi';
import type { Db } from '../store/db.ts';
import { alumniFounders, cityLeague, placeAlumni } from '../store/queries/cities.ts';
import { filedServicesByCity } from '../store/queries/filings.ts';
import { defaultNotableDataset } from '../store/queries/indicators.ts';
import { countryFilter, countryParam, entityIdParam, provenance, provenanceSchema } from './provenance.ts';

export const citiesParams = z.object({
  country: countryParam.default('country:cn'),
  place: entityIdParam.optional().openapi({
    example: 'city:hangzhou',
    description: 'a city or province: adds where the founders of its AI organisations studied (place_alumni)',
  }),
});
export type CitiesParams = z.infer<typeof citiesParams>;

export const cityRowSchema = z.object({
  city: z.string(),
  name_en: z.string().nullable(),
  name_zh: z.string().nullable(),
  province: z.string().nullable(),
  ai_organizations: z.number().int(),
  ai_adopters: z.number().int(),
  llm_makers: z.number().int(),
  notable_models: z.number().int(),
  universities: z.number().int(),
  papers: z.number().nullable(),
  founders_known: z.number().int(),
  founders_local: z.number().int(),
  genai_filings: z.number().int().openapi({
    description:
      'generative-AI services filed with the CAC whose provider is in the city (bundled lists; see /api/filings)',
  }),
});

export const citiesPayload = z
  .object({
    country: z.string(),
    cities: z.array(cityRowSchema),
    alumni: z.array(
      z.object({
        university: z.string(),
        name: z.string().nullable(),
        city: z.string().nullable(),
        founders: z.number().int(),
        companies: z.number().int(),
        company_ids: z.array(z.string()),
      }),
    ),
    place_alumni: z
      .object({
        place: z.string(),
        founders_known: z
          .number()
          .int()
          .openapi({ description: 'founders of the place’s AI organisations with a cited university' }),
        founders_local: z.number().int().openapi({ description: 'of them, who studied in the same city or province' }),
        universities: z.array(
          z.object({
            university: z.string(),
            name_en: z.string().nullable(),
            name_zh: z.string().nullable(),
            city: z.string().nullable(),
            province: z.string().nullable(),
            founders: z.number().int(),
            companies: z.number().int(),
            local: z.boolean(),
          }),
        ),
      })
      .nullable()
      .openapi({ description: 'where the founders of the place’s AI organisations studied; null without ?place=' }),
  })
  .extend(provenanceSchema.shape)
  .openapi('Cities');
export type CitiesPayload = z.infer<typeof citiesPayload>;

export async function computeCitiesPayload(db: Db, q: CitiesParams): Promise<CitiesPayload> {
  const league = await cityLeague(db, countryFilter(q.country), await defaultNotableDataset(db));
  const filed = new Map((await filedServicesByCity(db)).map((r) => [r.city, r.filed]));
  const cities = league.map((c) => ({ ...c, genai_filings: filed.get(c.city) ?? 0 }));
  return {
    country: q.country,
    cities,
    alumni: (await alumniFounders(db)).slice(0, 50),
    place_alumni: q.place ? { place: q.place, ...(await placeAlumni(db, q.place)) } : null,
    ...(await provenance(db, ['city-league', 'genai-filing-records'])),
  };
}
