/**
 * Validated OpenAlex payloads → the compact records the mappers count: what a work contributes (year, distinct
 * institutions and countries, primary topic) and what is known of an institution. Pure; both work shapes land here.
 */
import type { z } from 'zod';
import { InputError } from '../../model/errors.ts';
import { fieldPath } from '../http/json-body.ts';
import {
  type RawDehydratedInstitution,
  type RawInstitution,
  type RawTopic,
  type RawWork,
  institutionSchema,
  keyOf,
  openalexKind,
  workSchema,
} from './schema.ts';

/** 2025: primary_topic, authorships with countries and institution lineage. 2023: host_venue, concepts, no primary topic. */
export type WorkShape = '2025' | '2023';

export interface TopicInfo {
  id: string;
  displayName: string;
  /** Short ids: subfield "1702", field "17", domain "3". */
  subfield: string | null;
  field: string | null;
  domain: string | null;
}

export interface InstitutionInfo {
  id: string;
  displayName: string;
  nameZh: string | null;
  alternatives: string[];
  countryCode: string | null;
  type: string | null;
  ror: string | null;
  /** geo.city as written; only full institution records carry it. */
  city: string | null;
}

export interface WorkRecord {
  id: string;
  shape: WorkShape;
  year: number | null;
  /** Distinct institutions, in order of first appearance. */
  institutions: InstitutionInfo[];
  /** Distinct ISO codes of those institutions (the definition of group_by=authorships.institutions.country_code). */
  countries: string[];
  /** The primary topic; for the 2023 shape, the best-scored of its topics. */
  topic: TopicInfo | null;
  topicIds: string[];
  conceptIds: string[];
}

/** Which works count. Mirrors the API filters primary_topic.subfield.id, topics.id and concepts.id. */
export type WorkFilter =
  | { kind: 'all' }
  | { kind: 'subfield'; ids: readonly string[] }
  | { kind: 'topic'; ids: readonly string[] }
  | { kind: 'concept'; ids: readonly string[] };

/** OpenAlex subfield 1702, "Artificial Intelligence", as a work's primary topic. */
export const AI_FILTER: WorkFilter = { kind: 'subfield', ids: ['1702'] };

export function matchesFilter(work: WorkRecord, filter: WorkFilter): boolean {
  switch (filter.kind) {
    case 'all':
      return true;
    case 'subfield': {
      const subfield = work.topic?.subfield;
      return subfield != null && filter.ids.includes(subfield);
    }
    case 'topic':
      return work.topicIds.some((t) => filter.ids.includes(t));
    case 'concept':
      return work.conceptIds.some((c) => filter.ids.includes(c));
    default: {
      const unreachable: never = filter;
      return unreachable;
    }
  }
}

const shortId = (url: string | null | undefined): string | null => (url ? url.slice(url.lastIndexOf('/') + 1) : null);

function topicInfo(t: RawTopic): TopicInfo {
  return {
    id: keyOf(t.id),
    displayName: t.display_name,
    subfield: shortId(t.subfield?.id),
    field: shortId(t.field?.id),
    domain: shortId(t.domain?.id),
  };
}

function fromDehydrated(i: RawDehydratedInstitution): InstitutionInfo {
  const id = keyOf(i.id);
  return {
    id,
    // A few institutions carry no name; the key still identifies them.
    displayName: i.display_name?.trim() || id,
    nameZh: null,
    alternatives: [],
    countryCode: i.country_code?.toUpperCase() ?? null,
    type: i.type ?? null,
    ror: i.ror ?? null,
    city: null,
  };
}

/** A validated work → its record. */
export function workRecord(w: RawWork): WorkRecord {
  const institutions = new Map<string, InstitutionInfo>();
  for (const a of w.authorships) {
    for (const i of a.institutions) {
      const info = fromDehydrated(i);
      if (!institutions.has(info.id)) institutions.set(info.id, info);
    }
  }
  const countries = [...new Set([...institutions.values()].flatMap((i) => (i.countryCode ? [i.countryCode] : [])))];
  const topics = w.topics ?? [];
  // OpenAlex defines the primary topic as the best-scored one; older objects list topics without naming it.
  const best = topics.reduce<RawTopic | null>((b, t) => (b === null || (t.score ?? 0) > (b.score ?? 0) ? t : b), null);
  const primary = w.primary_topic ?? (w.primary_topic === undefined ? best : null);
  return {
    id: keyOf(w.id),
    shape: w.primary_topic === undefined ? '2023' : '2025',
    year: w.publication_year,
    institutions: [...institutions.values()],
    countries,
    topic: primary ? topicInfo(primary) : null,
    topicIds: topics.map((t) => keyOf(t.id)),
    conceptIds: (w.concepts ?? []).map((c) => keyOf(c.id)),
  };
}

/** A validated full institution object → what we keep of it. */
export function institutionInfo(i: RawInstitution): InstitutionInfo {
  const names = i.international?.display_name ?? {};
  const zh = names['zh-hans'] ?? names['zh-cn'] ?? null;
  const id = keyOf(i.id);
  return {
    id,
    displayName: i.display_name.trim() || id,
    nameZh: zh && zh.trim() !== '' ? zh.trim() : null,
    alternatives: (i.display_name_alternatives ?? []).map((s) => s.trim()).filter((s) => s.length > 0),
    countryCode: (i.country_code ?? i.geo?.country_code)?.toUpperCase() ?? null,
    type: i.type ?? null,
    ror: i.ror ?? null,
    city: i.geo?.city?.trim() || null,
  };
}

export type ParsedObject = { kind: 'work'; work: WorkRecord } | { kind: 'institution'; institution: InstitutionInfo };

/** Validates one parsed JSON value as a work or an institution; the error names file, line and field. */
export function parseObject(value: unknown, file: string, line: number | null): ParsedObject {
  const id = typeof value === 'object' && value !== null ? (value as { id?: unknown }).id : undefined;
  const kind = openalexKind(id);
  if (kind === 'W') return { kind: 'work', work: workRecord(check(workSchema, value, file, line)) };
  if (kind === 'I')
    return { kind: 'institution', institution: institutionInfo(check(institutionSchema, value, file, line)) };
  const what = typeof id === 'string' ? `"${id}"` : 'no id';
  throw new InputError(file, line, 'id', `not an OpenAlex work or institution (${what})`);
}

/** Validates a work only (snapshot works partitions). */
export function parseWork(value: unknown, file: string, line: number | null): WorkRecord {
  return workRecord(check(workSchema, value, file, line));
}

/** Validates an institution only (snapshot institutions partitions). */
export function parseInstitution(value: unknown, file: string, line: number | null): InstitutionInfo {
  return institutionInfo(check(institutionSchema, value, file, line));
}

function check<T>(schema: z.ZodType<T>, value: unknown, file: string, line: number | null): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = fieldPath(issue?.path ?? []) || null;
  throw new InputError(
    file,
    line,
    field,
    `${issue?.message ?? 'invalid'}: ${preview(valueAt(value, issue?.path ?? []))}`,
  );
}

function valueAt(value: unknown, path: PropertyKey[]): unknown {
  let v = value;
  for (const p of path) v = typeof v === 'object' && v !== null ? (v as Record<PropertyKey, unknown>)[p] : undefined;
  return v;
}

function preview(v: unknown): string {
  if (v === undefined) return 'missing';
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}
