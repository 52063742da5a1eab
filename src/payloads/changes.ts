/** The changes payload: what builds and ingests changed, each change linked to its entity and source. */
import { z } from '@hono/zod-openapi';
import { CHANGE_KINDS, CHANGE_OPS } from '../store/queries/changes.ts';
import { sourceSchema } from './provenance.ts';

const changeSchema = z
  .object({
    run: z.string(),
    seq: z.number().int(),
    at: z.string(),
    kind: z.enum(CHANGE_KINDS),
    op: z.enum(CHANGE_OPS),
    entity_id: z.string().nullable(),
    entity_name: z.string().nullable(),
    what: z.string(),
    old_value: z.string().nullable(),
    new_value: z.string().nullable(),
    source_id: z.string().nullable(),
    dataset: z.string().nullable(),
    note: z.string().nullable(),
    links: z.object({ entity: z.string().nullable(), source: z.string().nullable() }),
  })
  .openapi('Change');

export const changesPayload = z
  .object({
    total: z.number().int(),
    limit: z.number().int(),
    offset: z.number().int(),
    changes: z.array(changeSchema),
    runs: z.array(
      z.object({ run: z.string(), at: z.string(), kind: z.string(), label: z.string(), changes: z.number().int() }),
    ),
    sources: z.array(sourceSchema),
  })
  .openapi('Changes');

export type ChangesPayload = z.infer<typeof changesPayload>;
