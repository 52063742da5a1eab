/** The open-weight adoption payload: derivatives per base model, downloads over time and by country. */
import { z } from '@hono/zod-openapi';
import type { Db } from '../store/db.ts';
import { derivativesByBase, downloadSeries } from '../store/queries/adoption.ts';
import { openWeightDownloadsByCountry } from '../store/queries/compare.ts';
import { provenance, provenanceSchema } from './provenance.ts';

export const downloadsByCountrySchema = z.object({
  country: z.string().nullable(),
  models: z.number().int(),
  downloads: z.number(),
  period: z.string().nullable(),
});

export const adoptionPayload = z
  .object({
    derivatives: z.array(
      z.object({
        base: z.string(),
        name: z.string().nullable(),
        organization: z.string().nullable(),
        derivatives: z.number().int(),
      }),
    ),
    downloads: z.array(z.object({ period: z.string(), organization: z.string().nullable(), downloads: z.number() })),
    by_country: z.array(downloadsByCountrySchema),
  })
  .extend(provenanceSchema.shape)
  .openapi('Adoption');
export type AdoptionPayload = z.infer<typeof adoptionPayload>;

export async function computeAdoptionPayload(db: Db): Promise<AdoptionPayload> {
  return {
    derivatives: await derivativesByBase(db),
    downloads: await downloadSeries(db),
    by_country: await openWeightDownloadsByCountry(db),
    ...(await provenance(db, ['open-weight-adoption', 'open-weight-downloads'])),
  };
}
