/**
 * The mapping file of `neijuan ingest csv`: how a user's own CSV export (funding rounds, patents, a watch-list)
 * becomes entities, facts, relations and observations — with one declared source for every row.
 */
import { z } from 'zod';
import { ENTITY_KINDS, PREDICATES } from '../../model/types.ts';

const column = z.string().trim().min(1, 'empty column name');
const partialDate = z
  .union([z.string(), z.number()])
  .transform((v) => String(v).trim())
  .refine((s) => /^\d{4}(-\d{2}(-\d{2})?)?$/.test(s), { message: 'expected YYYY, YYYY-MM or YYYY-MM-DD' });

export const mappingSchema = z
  .object({
    // A mapping names its own dataset under csv: — never another input's (curated, epoch:…), which it would replace.
    dataset: z
      .string()
      .regex(
        /^csv:[a-z0-9][a-z0-9._-]*$/,
        "expected csv:<name> (a CSV import owns only csv: datasets; it cannot replace another input's rows)",
      )
      .optional(),
    source: z.object({
      id: z.string().regex(/^src:[a-z0-9][a-z0-9._-]*$/, 'expected a source id like src:my-export'),
      title: z.string().trim().min(1),
      url: z.url(),
      publisher: z.string().trim().min(1),
      published: partialDate.optional(),
      retrieved: partialDate,
      licence: z.string().trim().min(1),
    }),
    entity: z.object({
      column,
      zh_column: column.optional(),
      kind: z.enum(ENTITY_KINDS),
      /** Create an entity when the name resolves onto none (else the row is a data issue). */
      create: z.boolean().default(true),
    }),
    facts: z
      .array(
        z.object({
          column,
          attr: z.string().regex(/^[a-z][a-z0-9_]*$/, 'expected lower_snake_case'),
          unit: z.string().optional(),
          as_of_column: column.optional(),
        }),
      )
      .default([]),
    relations: z
      .array(
        z.object({
          column,
          predicate: z.enum(PREDICATES),
          /** out: row entity → named entity; in: named entity → row entity. */
          direction: z.enum(['out', 'in']).default('out'),
          kind: z.enum(ENTITY_KINDS),
          create: z.boolean().default(false),
        }),
      )
      .default([]),
    observations: z
      .array(
        z.object({
          column,
          metric: z.string().regex(/^[a-z][a-z0-9_.]*$/, 'expected a dotted lower_snake_case metric'),
          unit: z.string().trim().min(1),
          period_column: column,
        }),
      )
      .default([]),
  })
  .strict();

export type CsvMapping = z.infer<typeof mappingSchema>;

/** Every column the mapping reads, to check against the CSV header before any row is read. */
export function mappedColumns(m: CsvMapping): string[] {
  return [
    m.entity.column,
    ...(m.entity.zh_column ? [m.entity.zh_column] : []),
    ...m.facts.flatMap((f) => [f.column, ...(f.as_of_column ? [f.as_of_column] : [])]),
    ...m.relations.map((r) => r.column),
    ...m.observations.flatMap((o) => [o.column, o.period_column]),
  ];
}
