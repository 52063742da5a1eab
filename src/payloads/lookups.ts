/**
 * The response schemas of the lookup routes (search, entities, sources, health): small payloads read straight from
 * the store, declared here so the OpenAPI document describes every response.
 */
import { z } from '@hono/zod-openapi';
import { AI_CLASSES, CLAIM_STANCES, CLAIM_STATUSES } from '../model/types.ts';
import { sourceSchema } from './provenance.ts';

const nullableString = z.string().nullable();

export const entityRowSchema = z
  .object({
    id: z.string(),
    kind: z.string(),
    name_en: nullableString,
    name_zh: nullableString,
    name_pinyin: nullableString,
    description: nullableString,
    segments: z.array(z.string()),
    city: nullableString,
    country: nullableString,
  })
  .openapi('Entity');

export const entityListPayload = z
  .object({
    total: z.number().int(),
    limit: z.number().int(),
    offset: z.number().int(),
    entities: z.array(entityRowSchema),
  })
  .openapi('EntityList');

/** A figure someone said, with its evidence (never a fact). */
export const claimSchema = z
  .object({
    id: z.string(),
    subject_id: z.string(),
    attr: z.string(),
    value: z.string(),
    unit: nullableString,
    counts: z.string(),
    speaker: z.string(),
    occasion_id: nullableString,
    said_on: nullableString,
    status: z.enum(CLAIM_STATUSES),
    note: nullableString,
    source_id: z.string(),
    evidence: z.array(
      z.object({
        stance: z.enum(CLAIM_STANCES),
        note: z.string(),
        source_id: z.string(),
        entity_id: nullableString,
        attr: nullableString,
        value: nullableString,
      }),
    ),
  })
  .openapi('Claim');

export const entityPayload = z
  .object({
    entity: entityRowSchema,
    names: z.array(z.object({ entity_id: z.string(), name: z.string(), kind: z.string(), source_id: z.string() })),
    facts: z.array(
      z.object({
        attr: z.string(),
        value: z.string(),
        unit: nullableString,
        as_of: nullableString,
        note: nullableString,
        estimate: z.boolean(),
        source_id: z.string(),
        scope: nullableString,
        disputed: z.boolean(),
      }),
    ),
    disputed: z.array(z.string()),
    ai_class: z
      .object({
        class: z.enum(AI_CLASSES),
        basis: z.string().openapi({ description: 'cited, estimate, kind, or the rule that gave the class' }),
        source_id: nullableString,
      })
      .nullable(),
    claims: z.array(claimSchema),
    relations: z.array(
      z.object({
        direction: z.enum(['out', 'in']),
        predicate: z.string(),
        other_id: z.string(),
        other_name: nullableString,
        other_kind: nullableString,
        source_id: z.string(),
      }),
    ),
    timeline: z.array(
      z.object({
        date: z.string(),
        what: z.string(),
        entity_id: z.string(),
        name: nullableString,
        source_id: z.string(),
      }),
    ),
    entity_sources: z.array(z.string()),
    sources: z.array(sourceSchema),
  })
  .openapi('EntityDetail');
export type EntityPayload = z.infer<typeof entityPayload>;

export const searchPayload = z
  .object({
    query: z.string(),
    results: z.array(
      z.object({
        id: z.string(),
        kind: z.string(),
        name_en: nullableString,
        name_zh: nullableString,
        name_pinyin: nullableString,
        matched: z.string(),
        match: z.enum(['exact', 'prefix', 'partial']),
        score: z.number(),
        city: nullableString,
        country: nullableString,
      }),
    ),
  })
  .openapi('SearchResults');

export const sourcesPayload = z
  .object({ total: z.number().int(), sources: z.array(sourceSchema.extend({ uses: z.number().int() })) })
  .openapi('SourceList');

export const healthPayload = z
  .object({ status: z.literal('ok'), version: z.string(), entities: z.number().int(), sources: z.number().int() })
  .openapi('Health');

export const notableModelsPayload = z
  .object({
    metric: z.string().optional(),
    method: z.string().optional(),
    methodology: z.string(),
    by: z.enum(['country', 'group']),
    dataset: z.string(),
    coverage: z
      .object({
        models: z.number().int(),
        dated: z.number().int(),
        attributed: z.number().int(),
        source_id: z.string(),
      })
      .optional(),
    rows: z.array(z.object({ year: z.number().int(), country: z.string(), models: z.number().int() })),
    sources: z.array(sourceSchema),
  })
  .openapi('NotableModels');

export type SearchPayload = z.infer<typeof searchPayload>;
export type NotableModelsPayload = z.infer<typeof notableModelsPayload>;
export type SourcesPayload = z.infer<typeof sourcesPayload>;

export const methodologyPayload = z
  .object({
    metrics: z.array(
      z.object({
        id: z.string(),
        title: z.string(),
        title_zh: z.string().openapi({ description: 'the title in Chinese (the method text is in English)' }),
        unit: z.string(),
        definition: z.string(),
        method: z.string(),
        caveats: z.array(z.string()),
        sources: z.array(z.string()),
        per_record: z.string().nullable().openapi({ description: 'what each record cites, for record-level metrics' }),
        query: z.string(),
      }),
    ),
  })
  .openapi('Methodology');
export type MethodologyPayload = z.infer<typeof methodologyPayload>;
