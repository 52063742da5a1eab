/** The curated dataset's YAML format (data/FORMAT.md): the one place its raw input is trusted. */
import { z } from 'zod';
import { ENTITY_KINDS, PREDICATES, PRICE_KINDS, SEGMENTS } from '../../model/types.ts';

const text = z.string().trim().min(1);
/** YAML reads 2025 as a number and 2024-05 as a string; both become text. */
const scalarText = z.union([z.string(), z.number(), z.boolean()]).transform((v) => String(v).trim());
const partialDate = z
  .union([z.string(), z.number()])
  .transform((v) => String(v).trim())
  .refine((s) => /^\d{3,4}(-\d{2}(-\d{2})?)?$/.test(s), { message: 'expected YYYY, YYYY-MM or YYYY-MM-DD' });
const sourceRef = z.string().regex(/^src:[a-z0-9][a-z0-9._-]*$/, 'expected a source id like src:some-slug');
const entityRef = z
  .string()
  .regex(/^(org|person|country|province|city|model|product|robot|event):[a-z0-9][a-z0-9-]*$/, 'expected an entity id');

export const sourceSchema = z.object({
  id: sourceRef,
  title: text,
  url: z.url(),
  publisher: text,
  published: partialDate.optional(),
  retrieved: partialDate,
  licence: text,
});

export const factSchema = z.object({
  attr: z.string().regex(/^[a-z][a-z0-9_]*$/, 'expected lower_snake_case'),
  value: scalarText.refine((s) => s.length > 0, { message: 'empty value' }),
  unit: z.string().optional(),
  as_of: partialDate.optional(),
  note: z.string().optional(),
  estimate: z.boolean().optional(),
  source: sourceRef,
});

export const relationSchema = z.object({
  pred: z.enum(PREDICATES),
  object: entityRef,
  source: sourceRef,
  note: z.string().optional(),
});

export const entitySchema = z
  .object({
    id: entityRef,
    kind: z.enum(ENTITY_KINDS),
    en: text.optional(),
    zh: text.optional(),
    aliases: z.array(scalarText).default([]),
    segments: z.array(z.enum(SEGMENTS)).default([]),
    description: z.string().optional(),
    sources: z.array(sourceRef).min(1, 'every entity needs at least one source'),
    facts: z.array(factSchema).default([]),
    relations: z.array(relationSchema).default([]),
  })
  .refine((e) => e.en !== undefined || e.zh !== undefined, { message: 'needs an English or Chinese name' })
  .refine((e) => e.zh === undefined || /\p{Script=Han}/u.test(e.zh), {
    message: 'zh must be in Chinese script',
    path: ['zh'],
  });

export const observationSchema = z.object({
  metric: z.string().regex(/^[a-z][a-z0-9_.]*$/, 'expected a dotted lower_snake_case metric'),
  subject: entityRef,
  period: partialDate,
  value: z.number().finite(),
  unit: text,
  note: z.string().optional(),
  source: sourceRef,
});

export const priceSchema = z.object({
  vendor: entityRef,
  model: scalarText,
  date: partialDate,
  currency: z.enum(['CNY', 'USD']),
  input: z.number().min(0),
  output: z.number().min(0),
  unit: z.literal('per_million_tokens'),
  kind: z.enum(PRICE_KINDS),
  tier: z.string().trim().min(1).max(40).optional(),
  note: z.string().optional(),
  source: sourceRef,
});

export const curatedFileSchema = z
  .object({
    sources: z.array(sourceSchema).default([]),
    entities: z.array(entitySchema).default([]),
    observations: z.array(observationSchema).default([]),
    prices: z.array(priceSchema).default([]),
  })
  .strict();

export type CuratedFile = z.infer<typeof curatedFileSchema>;
export type CuratedEntity = z.infer<typeof entitySchema>;
