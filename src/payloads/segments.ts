/**
 * The segments payload: the taxonomy with counts, or one segment in detail (its players, cities and release credits
 * per year). `(db, params) → payload`, with the zod schemas of both.
 */
import { z } from '@hono/zod-openapi';
import { SEGMENT_LABELS, SEGMENTS } from '../model/types.ts';
import type { Db } from '../store/db.ts';
import {
  releaseCredits,
  segmentCities,
  segmentPlayers,
  segmentSourceIds,
  segmentSummaries,
} from '../store/queries/segments.ts';
import { countryFilter, countryParam, provenance, provenanceSchema } from './provenance.ts';

export const segmentsParams = z.object({
  segment: z.enum(SEGMENTS).optional(),
  country: countryParam.default('country:cn'),
});
export type SegmentsParams = z.infer<typeof segmentsParams>;

const maybe = <T extends z.ZodType>(t: T) => t.nullable();
export const segmentPlayerSchema = z.object({
  org: z.string(),
  name: maybe(z.string()),
  kind: z.string(),
  city: maybe(z.string()),
  founded: maybe(z.number().int()),
  founded_source: maybe(z.string()),
  segments: z.number().int(),
  first_release: maybe(z.string()),
  first_release_thing: maybe(z.string()),
  first_release_name: maybe(z.string()),
  first_release_source: maybe(z.string()),
  last_release: maybe(z.string()),
  releases: z.number().int(),
  first_price: maybe(z.string()),
  first_price_source: maybe(z.string()),
  last_price: maybe(z.string()),
  first_listed: maybe(z.string()),
  first_listed_source: maybe(z.string()),
  entered: maybe(z.string()),
  entered_source: maybe(z.string()),
  status: maybe(z.string()),
  status_date: maybe(z.string()),
  status_source: maybe(z.string()),
  exited: maybe(z.string()),
  exited_source: maybe(z.string()),
});

export const segmentListPayload = z
  .object({
    country: z.string(),
    segments: z.array(z.enum(SEGMENTS)),
    labels: z.record(z.enum(SEGMENTS), z.string()),
    rows: z.array(
      z.object({
        segment: z.string(),
        players: z.number().int(),
        adopters: z
          .number()
          .int()
          .openapi({ description: 'organisations tagged with the segment whose business is elsewhere (not players)' }),
        cities: z.number().int(),
        releases: z.number().int(),
      }),
    ),
  })
  .extend(provenanceSchema.shape)
  .openapi('SegmentList');

export const segmentDetailPayload = z
  .object({
    segment: z.enum(SEGMENTS),
    country: z.string(),
    players: z.array(segmentPlayerSchema),
    cities: z.array(z.object({ city: z.string(), name: z.string().nullable(), players: z.number().int() })),
    releases: z.array(z.object({ year: z.number().int(), releases: z.number() })),
  })
  .extend(provenanceSchema.shape)
  .openapi('SegmentDetail');

export const segmentsPayload = z.union([segmentListPayload, segmentDetailPayload]);
export type SegmentListPayload = z.infer<typeof segmentListPayload>;
export type SegmentDetailPayload = z.infer<typeof segmentDetailPayload>;

export async function computeSegmentList(db: Db, q: SegmentsParams): Promise<SegmentListPayload> {
  const rows = await segmentSummaries(db, countryFilter(q.country));
  return {
    country: q.country,
    segments: [...SEGMENTS],
    labels: { ...SEGMENT_LABELS },
    rows,
    ...(await provenance(db, ['segments'])),
  };
}

export async function computeSegmentDetail(
  db: Db,
  q: SegmentsParams & { segment: (typeof SEGMENTS)[number] },
): Promise<SegmentDetailPayload> {
  const where = countryFilter(q.country);
  const perYear = new Map<number, number>();
  for (const r of await releaseCredits(db, q.segment, where))
    perYear.set(r.year, (perYear.get(r.year) ?? 0) + r.credit);
  return {
    segment: q.segment,
    country: q.country,
    players: await segmentPlayers(db, q.segment, where),
    cities: await segmentCities(db, q.segment, where),
    releases: [...perYear.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([y, n]) => ({ year: y, releases: Math.round(n * 100) / 100 })),
    ...(await provenance(db, ['segments'], await segmentSourceIds(db, q.segment, where))),
  };
}
