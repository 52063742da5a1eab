/**
 * The Wikidata entity JSON (Special:EntityData/<QID>.json, the same item shape wbgetentities returns): zod schemas
 * that validate what the connector reads and turn each statement's datavalue into a small tagged value. Everything
 * else an item carries (descriptions, sitelinks, qualifiers, references, hashes) is accepted and ignored.
 */
import { z } from 'zod';

/** Wikibase serialises an empty map as `[]` (a PHP empty array): read it as `{}`. */
const map = <T extends z.ZodType>(value: T) =>
  z.preprocess((v) => (Array.isArray(v) && v.length === 0 ? {} : v), z.record(z.string(), value));

const term = z.looseObject({ language: z.string(), value: z.string() });

const WIKIBASE_TIME = /^[+-]\d{1,16}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

const timeValue = z.looseObject({
  time: z.string().regex(WIKIBASE_TIME, { message: 'expected a Wikibase time like +2023-07-17T00:00:00Z' }),
  // 9 year, 10 month, 11 day; lower is decades, centuries …; higher is hours and finer.
  precision: z.number().int().min(0).max(14),
  calendarmodel: z.string().optional(),
});

const entityIdValue = z
  .looseObject({
    'entity-type': z.string().optional(),
    id: z
      .string()
      .regex(/^[QPL]\d+$/, { message: 'expected an entity id like Q42' })
      .optional(),
    'numeric-id': z.number().int().nonnegative().optional(),
  })
  .refine((v) => v.id !== undefined || v['numeric-id'] !== undefined, {
    message: 'an entity id value needs "id" or "numeric-id"',
  });

/** Value schemas for the datavalue types the mapper reads; other types (quantity, monolingualtext …) pass through. */
const VALUE_SCHEMAS: Record<string, z.ZodType> = {
  time: timeValue,
  'wikibase-entityid': entityIdValue,
  string: z.string(),
};

export type WikidataValue =
  | { kind: 'time'; time: string; precision: number }
  | { kind: 'item'; id: string }
  | { kind: 'string'; value: string }
  | { kind: 'other'; type: string };

const datavalue = z
  .looseObject({ type: z.string(), value: z.unknown() })
  .superRefine((dv, ctx) => {
    const schema = VALUE_SCHEMAS[dv.type];
    if (!schema) return;
    const parsed = schema.safeParse(dv.value);
    if (parsed.success) return;
    for (const issue of parsed.error.issues) {
      ctx.addIssue({ code: 'custom', message: issue.message, path: ['value', ...issue.path] });
    }
  })
  .transform((dv): WikidataValue => {
    switch (dv.type) {
      case 'time': {
        const v = dv.value as z.infer<typeof timeValue>;
        return { kind: 'time', time: v.time, precision: v.precision };
      }
      case 'wikibase-entityid': {
        const v = dv.value as z.infer<typeof entityIdValue>;
        // Items are Q…; the numeric form alone (older dumps) is an item unless said otherwise.
        const prefix = v['entity-type'] === 'property' ? 'P' : v['entity-type'] === 'lexeme' ? 'L' : 'Q';
        return { kind: 'item', id: v.id ?? `${prefix}${v['numeric-id']}` };
      }
      case 'string':
        return { kind: 'string', value: dv.value as string };
      default:
        return { kind: 'other', type: dv.type };
    }
  });

const snak = z.looseObject({
  snaktype: z.enum(['value', 'somevalue', 'novalue']),
  property: z.string().regex(/^P\d+$/, { message: 'expected a property id like P31' }),
  datavalue: datavalue.optional(),
});

const statement = z.looseObject({
  mainsnak: snak,
  rank: z.enum(['preferred', 'normal', 'deprecated']).default('normal'),
});

const item = z.looseObject({
  type: z.literal('item', { message: 'only items (Q…) are read, not properties or lexemes' }).optional(),
  id: z.string().regex(/^Q\d+$/, { message: 'expected an item id like Q42' }),
  modified: z.string().optional(),
  labels: map(term).default({}),
  aliases: map(z.array(term)).default({}),
  claims: map(z.array(statement)).default({}),
});

export const entityDataSchema = z.looseObject({
  entities: map(item).refine((e) => Object.keys(e).length > 0, { message: 'no entities in this payload' }),
});

export type EntityData = z.infer<typeof entityDataSchema>;
export type RawItem = z.infer<typeof item>;

export interface WikidataStatement {
  rank: 'preferred' | 'normal' | 'deprecated';
  /** Null for "some value" and "no value" statements. */
  value: WikidataValue | null;
}

/** One item as the mapper sees it. */
export interface WikidataItem {
  qid: string;
  /** Where the item was read (file or URL). */
  where: string;
  modified: string | null;
  /** Language code → label. */
  labels: Record<string, string>;
  aliases: Record<string, string[]>;
  claims: Record<string, WikidataStatement[]>;
}

export function toItem(raw: RawItem, where: string): WikidataItem {
  const claims: Record<string, WikidataStatement[]> = {};
  for (const [property, statements] of Object.entries(raw.claims)) {
    claims[property] = statements.map((s) => ({
      rank: s.rank,
      value: s.mainsnak.snaktype === 'value' ? (s.mainsnak.datavalue ?? null) : null,
    }));
  }
  return {
    qid: raw.id,
    where,
    modified: raw.modified ?? null,
    labels: Object.fromEntries(Object.entries(raw.labels).map(([lang, t]) => [lang, t.value])),
    aliases: Object.fromEntries(Object.entries(raw.aliases).map(([lang, ts]) => [lang, ts.map((t) => t.value)])),
    claims,
  };
}

/**
 * The statements of a property that count: the preferred ones if any, else the normal ones (Wikidata's "best
 * rank"); deprecated statements never count.
 */
export function bestStatements(item: WikidataItem, property: string): WikidataStatement[] {
  const all = item.claims[property] ?? [];
  const preferred = all.filter((s) => s.rank === 'preferred');
  return preferred.length > 0 ? preferred : all.filter((s) => s.rank === 'normal');
}
