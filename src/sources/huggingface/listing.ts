/** Pages of the Hub's model listing → one sync's validated input (models, organisations, source). */
import { InputError } from '../../model/errors.ts';
import type { Source } from '../../model/types.ts';
import { fieldPath, parseJsonBody } from '../http/json-body.ts';
import { type HfModel, hfPageSchema, ownerOf } from './schema.ts';

export const LISTING_URL = 'https://huggingface.co/api/models';

export interface HuggingFaceInput {
  source: Source;
  /** YYYY-MM-DD (or YYYY-MM for an older recording): the period of this sync's observations. */
  syncDate: string;
  /** The organisations whose models were listed. */
  orgs: string[];
  models: HfModel[];
  /** Repos listed more than once (pages that overlapped while the listing changed); the first listing is kept. */
  duplicates: { id: string; where: string }[];
}

export interface ListingPage {
  /** File or URL the page came from, for messages. */
  where: string;
  models: HfModel[];
}

function describeJson(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value !== 'object') return `a ${typeof value}`;
  const error = (value as { error?: unknown }).error;
  return typeof error === 'string' ? `an error object ("${error}")` : 'an object';
}

function valueAt(json: unknown, path: readonly PropertyKey[]): unknown {
  let value = json;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/** Validates one page's text: a JSON array of model objects. Errors name the file or URL and the field. */
export function parsePage(text: string, where: string): HfModel[] {
  const json = parseJsonBody(text, where);
  if (!Array.isArray(json)) {
    throw new InputError(
      where,
      null,
      null,
      `expected a JSON array of models (GET /api/models), got ${describeJson(json)}`,
    );
  }
  const parsed = hfPageSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue?.path ?? [];
    const index = typeof path[0] === 'number' ? path[0] : null;
    const id = index === null ? undefined : (json[index] as { id?: unknown } | null)?.id;
    const got = valueAt(json, path);
    throw new InputError(
      where,
      null,
      fieldPath(path),
      `${issue?.message ?? 'invalid'}${got === undefined ? '' : `, got ${JSON.stringify(got)}`}` +
        (typeof id === 'string' ? ` (model ${id})` : ''),
    );
  }
  return parsed.data;
}

/** YYYY-MM-DD or YYYY-MM that is a real calendar date. */
export function isSyncDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(text);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), m[3] === undefined ? 1 : Number(m[3])];
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

export function sourceFor(syncDate: string, orgs: readonly string[]): Source {
  return {
    id: `src:huggingface-${syncDate}`,
    title: `Hugging Face Hub API, models by ${orgs.join(', ')}, synced ${syncDate}`,
    url: LISTING_URL,
    publisher: 'Hugging Face',
    published: null,
    retrieved: syncDate,
    licence: 'facts from the public API',
  };
}

/**
 * One sync's input from its pages, in order. The organisations are those asked for (live) or, for a recording, the
 * namespaces of the repos it lists.
 */
export function syncInput(syncDate: string, pages: readonly ListingPage[], orgs?: readonly string[]): HuggingFaceInput {
  const seen = new Set<string>();
  const models: HfModel[] = [];
  const duplicates: { id: string; where: string }[] = [];
  for (const page of pages) {
    for (const model of page.models) {
      if (seen.has(model.id)) {
        duplicates.push({ id: model.id, where: page.where });
        continue;
      }
      seen.add(model.id);
      models.push(model);
    }
  }
  const owners = orgs ?? [...new Set(models.map((m) => ownerOf(m.id)).filter((o): o is string => o !== null))].sort();
  return { source: sourceFor(syncDate, owners), syncDate, orgs: [...owners], models, duplicates };
}
