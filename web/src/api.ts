/** A typed client for the JSON API the dashboard reads. */
export interface Source {
  id: string;
  title: string;
  url: string;
  publisher: string;
  published: string | null;
  retrieved: string;
  licence: string;
  uses?: number;
}
export interface MetricRef {
  id: string;
  title: string;
  methodology: string;
}
export interface Provenance {
  metrics: MetricRef[];
  sources: Source[];
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
  timeline: { date: string; what: string; entity_id: string; name: string | null; source_id: string }[];
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
export interface BlocRow {
  year: number;
  bloc: string;
  value: number;
  upper_bound?: boolean;
}
export interface CompareData extends Provenance {
  blocs: string[];
  series: {
    'notable-models': BlocRow[];
    'open-weight-models': BlocRow[];
    publications: BlocRow[];
    'genai-filings-cn': { period: string; value: number; unit: string; source_id: string }[];
  };
  notes: Record<string, string>;
}
export interface InvolutionYear {
  year: number;
  players: number;
  entrants: number;
  exits: number;
  releases: number;
  concentration: number | null;
  price: number | null;
  price_change: number | null;
  z: Record<string, number | null>;
  index: number | null;
}
export interface InvolutionData extends Provenance {
  segment: string;
  components: string[];
  weights: Record<string, number>;
  years: InvolutionYear[];
  coverage: { players: number; with_entry_year: number; with_releases: number; releases: number };
}
export interface Player {
  org: string;
  name: string | null;
  city: string | null;
  founded: number | null;
  status: string | null;
  first_release: number | null;
  last_release: number | null;
  releases: number;
}
export interface SegmentDetail extends Provenance {
  segment: string;
  players: Player[];
  cities: { city: string; name: string | null; players: number }[];
  releases: { year: number; releases: number }[];
}
export interface SegmentList extends Provenance {
  segments: string[];
  rows: { segment: string; players: number; cities: number; releases: number }[];
}
export interface CityRow {
  city: string;
  name_en: string | null;
  name_zh: string | null;
  province: string | null;
  ai_organizations: number;
  llm_makers: number;
  notable_models: number;
  universities: number;
  papers: number | null;
  founders_known: number;
  founders_local: number;
}
export interface CitiesData extends Provenance {
  cities: CityRow[];
  alumni: { university: string; name: string | null; city: string | null; founders: number; companies: number }[];
}
export interface PricePoint {
  vendor_id: string;
  vendor: string | null;
  model: string;
  date: string;
  currency: 'CNY' | 'USD';
  input_usd: number;
  output_usd: number | null;
  input_cny: number;
  output_cny: number | null;
  note: string | null;
  source_id: string;
  fx: { rate: number; period: string; source_id: string; match: string } | null;
}
export interface NetworkData extends Provenance {
  nodes: { id: string; label: string; kind: string; x: number; y: number; size: number }[];
  edges: { source: string; target: string; predicate: string; source_id: string }[];
}

export async function get<T>(path: string): Promise<T> {
  const response = await fetch(path);
  const body = (await response.json()) as T & { error?: string };
  if (!response.ok) throw new Error(body.error ?? `${response.status} ${response.statusText}`);
  return body;
}

export const api = {
  search: (q: string) => get<{ results: SearchResult[] }>(`/api/search?q=${encodeURIComponent(q)}&limit=10`),
  entity: (id: string) => get<EntityDetail>(`/api/entities/${encodeURIComponent(id)}`),
  notable: (by: 'country' | 'group') => get<NotableSeries>(`/api/indicators/notable-models?by=${by}`),
  compare: () => get<CompareData>('/api/compare'),
  segments: () => get<SegmentList>('/api/segments'),
  segment: (s: string) => get<SegmentDetail>(`/api/segments?segment=${encodeURIComponent(s)}`),
  involution: (s: string, weights: string) =>
    get<InvolutionData>(
      `/api/involution?segment=${encodeURIComponent(s)}&from=2015&to=2025&weights=${encodeURIComponent(weights)}`,
    ),
  cities: () => get<CitiesData>('/api/cities'),
  prices: () => get<Provenance & { prices: PricePoint[] }>('/api/prices'),
  network: () => get<NetworkData>('/api/network'),
  sources: () => get<{ sources: Source[] }>('/api/sources'),
};
