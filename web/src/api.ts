/** A typed client for the JSON API the dashboard reads; row types come from the API itself. */
import type {
  Basis,
  CityLeagueRow,
  Component,
  ConvertedPrice,
  EntityRow,
  FactRow,
  InvolutionPayload,
  InvolutionYear,
  PlayerRow,
  PlayerSpan,
  PriceIndexResult,
  PricesPayload,
  RelationRow,
  SourceRow,
} from '../../src/api/types.ts';

export type Source = SourceRow & { uses?: number };
export type EntitySummary = EntityRow;
export type Fact = FactRow;
export type Relation = RelationRow;
export type Player = PlayerRow;
export type CityRow = CityLeagueRow;
export type PricePoint = ConvertedPrice;
export type { Basis, Component, InvolutionYear, PlayerSpan, PriceIndexResult };
export interface MetricRef {
  id: string;
  title: string;
  methodology: string;
}
export interface Provenance {
  metrics: MetricRef[];
  sources: Source[];
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
/** The involution payload, typed by the server's own schema (src/payloads/involution.ts). */
export type InvolutionData = InvolutionPayload;
/** The prices payload and its index, typed by the server's own schema (src/payloads/prices.ts). */
export type PricesData = PricesPayload;
export type PriceIndex = PricesPayload['indexes'][number];
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
export interface CitiesData extends Provenance {
  cities: CityRow[];
  alumni: { university: string; name: string | null; city: string | null; founders: number; companies: number }[];
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
  involution: (s: string, basis: string, weights: string) =>
    get<InvolutionData>(
      `/api/involution?segment=${encodeURIComponent(s)}&from=2015&to=2025&basis=${encodeURIComponent(basis)}` +
        (weights ? `&weights=${encodeURIComponent(weights)}` : ''),
    ),
  cities: () => get<CitiesData>('/api/cities'),
  prices: () => get<PricesData>('/api/prices'),
  network: () => get<NetworkData>('/api/network'),
  sources: () => get<{ sources: Source[] }>('/api/sources'),
};
