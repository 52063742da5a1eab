/** The row types of the API's payloads, for the web client (type-only imports: no server code reaches the browser). */
export type { Basis, Component, InvolutionYear } from '../analytics/involution.ts';
export type { PriceIndexMonth, PriceIndexResult, PriceIndexYear } from '../analytics/price-index.ts';
export type { ConvertedPrice } from '../analytics/prices.ts';
export type { PlayerSpan } from '../analytics/segment-entry.ts';
export type { CityLeagueRow } from '../store/queries/cities.ts';
export type { EntityRow, SourceRow } from '../store/queries/entities.ts';
export type { ActivityCoverage, PlayerRow } from '../store/queries/segments.ts';
export type { InvolutionPayload } from '../payloads/involution.ts';
export type { PricesPayload } from '../payloads/prices.ts';
export type { CitiesPayload } from '../payloads/cities.ts';
export type { SegmentDetailPayload, SegmentListPayload } from '../payloads/segments.ts';
export type { AdoptionPayload } from '../payloads/adoption.ts';
export type { ComparePayload } from '../payloads/compare.ts';
import type { EntityPayload } from '../payloads/lookups.ts';
export type {
  EntityPayload,
  MethodologyPayload,
  NotableModelsPayload,
  SearchPayload,
  SourcesPayload,
} from '../payloads/lookups.ts';
/** A fact and a relation as an entity's payload lists them. */
export type FactRow = EntityPayload['facts'][number];
export type RelationRow = EntityPayload['relations'][number];
export type { NetworkPayload } from '../payloads/network.ts';
export type { ChangesPayload } from '../payloads/changes.ts';
export type { FundingPayload } from '../payloads/funding.ts';
export type { PoliciesPayload } from '../payloads/policies.ts';
export type { SupplyPayload } from '../payloads/supply.ts';
export type { FilingsPayload } from '../payloads/filings.ts';
export type { MapPayload } from '../payloads/map.ts';
export type { EventsPayload } from '../payloads/events.ts';
