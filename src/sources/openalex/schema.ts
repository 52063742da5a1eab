/**
 * Zod schemas of the OpenAlex payloads we read: works in the 2025 shape (authorships → institutions with
 * country_code and lineage, primary_topic, topics) and the older 2023 shape (no primary_topic, host_venue, concepts,
 * authorships without countries), institutions, API list and group_by envelopes, the snapshot manifest and merged_ids
 * rows. Only the fields we use are declared; the rest of each object is ignored, so new fields do not break a read.
 */
import { z } from 'zod';

const OPENALEX = 'https://openalex.org/';

/** An OpenAlex id of one entity type, as a URL or a bare key (W2741809807). */
function openalexId(letter: 'W' | 'I' | 'T' | 'C') {
  return z.string().regex(new RegExp(`^(?:https://openalex\\.org/)?${letter}\\d+$`, 'i'), {
    message: `expected an OpenAlex ${letter} id (${OPENALEX}${letter}123)`,
  });
}

/** The upper-case key of an OpenAlex id: "https://openalex.org/w2741809807" → "W2741809807". */
export function keyOf(id: string): string {
  return id.slice(id.lastIndexOf('/') + 1).toUpperCase();
}

/** A bare or URL work id, parsed to its key (merged_ids files write bare keys). */
export const workKey = openalexId('W').transform(keyOf);

const countryCode = z.string().regex(/^[A-Za-z]{2}$/, { message: 'expected an ISO 3166-1 alpha-2 code' });

const named = z.object({ id: z.string(), display_name: z.string() });

/** A topic as works carry it (2024 onwards). */
export const topicSchema = z.object({
  id: openalexId('T'),
  display_name: z.string(),
  score: z.number().optional(),
  subfield: named.nullish(),
  field: named.nullish(),
  domain: named.nullish(),
});
export type RawTopic = z.infer<typeof topicSchema>;

/** An institution as a work's authorship carries it (dehydrated: no geo). */
export const dehydratedInstitutionSchema = z.object({
  id: openalexId('I'),
  display_name: z.string().nullable(),
  ror: z.string().nullish(),
  country_code: countryCode.nullish(),
  type: z.string().nullish(),
});
export type RawDehydratedInstitution = z.infer<typeof dehydratedInstitutionSchema>;

/**
 * One work, either shape; only the fields counted are declared (validating the rest would triple the cost per
 * line of a snapshot). What differs between the shapes:
 * - 2025: `primary_topic`; authorships carry `countries`, `affiliations` and institutions with `lineage`;
 *   venues are `primary_location.source`.
 * - 2023: no `primary_topic` (its `topics`, when present, are ranked by score); `host_venue` and
 *   `alternate_host_venues` instead of locations; authorships without `countries`; `concepts` as the taxonomy.
 */
export const workSchema = z.object({
  id: openalexId('W'),
  publication_year: z.number().int().min(1000).max(2200).nullable(),
  authorships: z.array(z.object({ institutions: z.array(dehydratedInstitutionSchema) })),
  primary_topic: topicSchema.nullish(),
  topics: z.array(topicSchema).optional(),
  concepts: z.array(z.object({ id: openalexId('C') })).optional(),
});
export type RawWork = z.infer<typeof workSchema>;

/** A full institution object (API /institutions/I…, or a line of the snapshot's institutions partitions). */
export const institutionSchema = z.object({
  id: openalexId('I'),
  display_name: z.string(),
  ror: z.string().nullish(),
  country_code: countryCode.nullish(),
  type: z.string().nullish(),
  display_name_alternatives: z.array(z.string()).optional(),
  geo: z
    .object({
      city: z.string().nullish(),
      country_code: countryCode.nullish(),
      country: z.string().nullish(),
    })
    .nullish(),
  international: z.object({ display_name: z.record(z.string(), z.string().nullable()).nullish() }).nullish(),
});
export type RawInstitution = z.infer<typeof institutionSchema>;

/** The `meta` of an API list response. */
export const listMetaSchema = z.object({
  count: z.number().int().nonnegative(),
  per_page: z.number().int().nullish(),
  next_cursor: z.string().nullish(),
  groups_count: z.number().int().nullish(),
});

/** An API list response: one page of entities (still unparsed: each is checked by its own schema). */
export const listPageSchema = z.object({
  meta: listMetaSchema,
  results: z.array(z.unknown()),
});

/** An API group_by response. Country keys come as "US" or "https://openalex.org/countries/US". */
export const groupByPageSchema = z.object({
  meta: listMetaSchema,
  group_by: z.array(
    z.object({
      key: z.string(),
      key_display_name: z.string().nullable(),
      count: z.number().int().nonnegative(),
    }),
  ),
});

/** The snapshot manifest of one entity type (Redshift manifest format). */
export const manifestSchema = z.object({
  entries: z.array(
    z.object({
      url: z.string(),
      meta: z
        .object({ content_length: z.number().int().nonnegative(), record_count: z.number().int().nonnegative() })
        .partial()
        .optional(),
    }),
  ),
  meta: z.object({ content_length: z.number().int(), record_count: z.number().int() }).partial().optional(),
});
export type Manifest = z.infer<typeof manifestSchema>;

/** The header every merged_ids CSV starts with (see the snapshot documentation's "Merged Entities"). */
export const MERGED_IDS_HEADER = ['merge_date', 'id', 'merge_into_id'] as const;

/** The letter of the OpenAlex key in an id, or null when the value is not an OpenAlex id. */
export function openalexKind(id: unknown): string | null {
  if (typeof id !== 'string') return null;
  const m = /^(?:https:\/\/openalex\.org\/)?([A-Za-z])\d+$/.exec(id);
  return m?.[1]?.toUpperCase() ?? null;
}
