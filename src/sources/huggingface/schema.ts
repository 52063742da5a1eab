/**
 * The Hugging Face Hub model listing (GET /api/models?author=…&full=true): one zod schema per model object. Only `id`
 * is required; counts must be numbers when present; every other field the Hub adds is kept and ignored.
 */
import { z } from 'zod';

const isoTimestamp = z
  .string()
  .refine((s) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/.test(s) && Number.isFinite(Date.parse(s)), {
    message: 'expected an ISO timestamp like 2025-11-04T08:25:31.000Z',
  });
const count = z.number().int().nonnegative();

export const hfModelSchema = z.looseObject({
  id: z.string().trim().min(1, { message: 'a model without an id' }),
  likes: count.optional(),
  downloads: count.optional(),
  tags: z.array(z.string()).default([]),
  createdAt: isoTimestamp.optional(),
  lastModified: isoTimestamp.optional(),
  pipeline_tag: z.string().nullish(),
  library_name: z.string().nullish(),
  private: z.boolean().optional(),
});

export type HfModel = z.infer<typeof hfModelSchema>;

/** One page (or one saved file) of the listing: a JSON array of model objects. */
export const hfPageSchema = z.array(hfModelSchema);

/** A base model named in the tags: `base_model:<relation>:<repo>` (or the bare `base_model:<repo>`). */
export interface BaseModelTag {
  repo: string;
  /** finetune, quantized, adapter, merge …; null for the bare tag. */
  relation: string | null;
}

/** Base models a repo declares, one per base repo (a typed tag wins over the bare one). */
export function baseModelsOf(tags: readonly string[]): BaseModelTag[] {
  const byRepo = new Map<string, BaseModelTag>();
  for (const tag of tags) {
    if (!tag.startsWith('base_model:')) continue;
    const rest = tag.slice('base_model:'.length);
    // A repo id holds at most one "/" and no ":"; "finetune:org/name" carries the relation before the colon.
    const m = /^(?:([a-z_]+):)?([^:\s]+)$/.exec(rest);
    if (!m?.[2]) continue;
    const relation = m[1] ?? null;
    const prev = byRepo.get(m[2]);
    if (!prev || (prev.relation === null && relation !== null)) byRepo.set(m[2], { repo: m[2], relation });
  }
  return [...byRepo.values()];
}

/** The licence tag's value (`license:mit` → "mit"), or null. */
export function licenseOf(tags: readonly string[]): string | null {
  const tag = tags.find((t) => t.startsWith('license:'));
  return tag ? tag.slice('license:'.length) : null;
}

/** The organisation (namespace) part of a repo id, or null for a legacy id without one ("gpt2"). */
export function ownerOf(repoId: string): string | null {
  const slash = repoId.indexOf('/');
  return slash > 0 ? repoId.slice(0, slash) : null;
}
