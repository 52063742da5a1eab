/** A typed client for the JSON API the dashboard reads; row types come from the API itself. */
import type {
  Basis,
  Component,
  ConvertedPrice,
  EntityRow,
  FactRow,
  CitiesPayload,
  ChangesPayload,
  ComparePayload,
  EntityPayload,
  FilingsPayload,
  FundingPayload,
  MapPayload,
  PoliciesPayload,
  SupplyPayload,
  MethodologyPayload,
  NetworkPayload,
  NotableModelsPayload,
  SearchPayload,
  InvolutionPayload,
  InvolutionYear,
  SegmentDetailPayload,
  SegmentListPayload,
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
export type CityRow = CitiesPayload['cities'][number];
export type PricePoint = ConvertedPrice;
export type { Basis, Component, InvolutionYear, PlayerSpan, PriceIndexResult };
/** Payloads typed by the server's own response schemas (src/payloads/*.ts): one definition, no copies. */
export type SearchResult = SearchPayload['results'][number];
export type EntityDetail = EntityPayload;
export type NotableSeries = NotableModelsPayload;
export type CompareData = ComparePayload;
export type NetworkData = NetworkPayload;
export interface MetricRef {
  id: string;
  title: string;
  title_zh?: string;
  methodology: string;
}
export interface Provenance {
  metrics: MetricRef[];
  sources: Source[];
}
export interface BlocRow {
  year: number;
  bloc: string;
  value: number;
  upper_bound?: boolean;
}
/** Payloads typed by the server's own schemas (src/payloads/*.ts). */
export type SegmentDetail = SegmentDetailPayload;
export type SegmentList = SegmentListPayload;
export type CitiesData = CitiesPayload;
/** The involution payload, typed by the server's own schema (src/payloads/involution.ts). */
export type InvolutionData = InvolutionPayload;
/** The prices payload and its index, typed by the server's own schema (src/payloads/prices.ts). */
export type PricesData = PricesPayload;
export type PriceIndex = PricesPayload['indexes'][number];
/** Money, policies, suppliers and filings (src/payloads/funding.ts, policies.ts, supply.ts, filings.ts). */
export type FundingData = FundingPayload;
export type PoliciesData = PoliciesPayload;
export type SupplyData = SupplyPayload;
export type FilingsData = FilingsPayload;
export type MapData = MapPayload;
/** What builds and ingests changed (src/payloads/changes.ts). */
export type ChangesData = ChangesPayload;

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
  /** With `place` (a city or province id), the payload adds where its founders studied (place_alumni). */
  cities: (place?: string) => get<CitiesData>(`/api/cities${place ? `?place=${encodeURIComponent(place)}` : ''}`),
  map: () => get<MapData>('/api/map'),
  prices: () => get<PricesData>('/api/prices'),
  network: (include = 'founders') => get<NetworkData>(`/api/network?include=${encodeURIComponent(include)}`),
  sources: () => get<{ sources: Source[] }>('/api/sources'),
  methodology: () => get<MethodologyPayload>('/api/methodology'),
  /** `query` is a URLSearchParams string of the route's filters ('' for none). */
  funding: (query: string) => get<FundingData>(`/api/funding${query ? `?${query}` : ''}`),
  policies: (query: string) => get<PoliciesData>(`/api/policies${query ? `?${query}` : ''}`),
  supply: (query: string) => get<SupplyData>(`/api/supply${query ? `?${query}` : ''}`),
  filings: (query: string) => get<FilingsData>(`/api/filings${query ? `?${query}` : ''}`),
  changes: (query: string) => get<ChangesData>(`/api/changes?${query}${query ? '&' : ''}limit=200`),
};
