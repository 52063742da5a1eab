/** A typed client for the JSON API the dashboard reads. */
export interface Source {
  id: string;
  title: string;
  url: string;
  publisher: string;
  published: string | null;
  retrieved: string;
  licence: string;
}
export interface EntitySummary {
  id: string;
  kind: string;
  name_en: string | null;
  name_zh: string | null;
  name_pinyin: string | null;
  description: string | null;
  segments: string[];
  city: string | null;
  country: string | null;
}
export interface SearchResult {
  id: string;
  kind: string;
  name_en: string | null;
  name_zh: string | null;
  name_pinyin: string | null;
  matched: string;
  city: string | null;
}
export interface Fact {
  attr: string;
  value: string;
  unit: string | null;
  as_of: string | null;
  note: string | null;
  estimate: boolean;
  source_id: string;
  disputed: boolean;
}
export interface Relation {
  direction: 'out' | 'in';
  predicate: string;
  other_id: string;
  other_name: string | null;
  other_kind: string | null;
  source_id: string;
}
export interface EntityDetail {
  entity: EntitySummary;
  names: { name: string; kind: string; source_id: string }[];
  facts: Fact[];
  disputed: string[];
  relations: Relation[];
  sources: Source[];
}
export interface NotableSeries {
  metric: string;
  method: string;
  methodology: string;
  by: 'country' | 'group';
  coverage: { models: number; dated: number; attributed: number };
  rows: { year: number; country: string; models: number }[];
  sources: Source[];
}

async function get<T>(path: string): Promise<T> {
  const response = await fetch(path);
  const body = (await response.json()) as T & { error?: string };
  if (!response.ok) throw new Error(body.error ?? `${response.status} ${response.statusText}`);
  return body;
}

export const api = {
  search: (q: string) => get<{ results: SearchResult[] }>(`/api/search?q=${encodeURIComponent(q)}&limit=10`),
  entity: (id: string) => get<EntityDetail>(`/api/entities/${encodeURIComponent(id)}`),
  notable: (by: 'country' | 'group') => get<NotableSeries>(`/api/indicators/notable-models?by=${by}`),
};
