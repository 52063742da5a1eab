/** What a connector's mapper produces from one input: model rows, ready to stage and merge. */
import type {
  Claim,
  DataIssue,
  Entity,
  Fact,
  FundingRound,
  GenaiFiling,
  NameKind,
  Observation,
  Price,
  Redirect,
  Relation,
  Source,
  SupplyLink,
} from './types.ts';

export interface NameRow {
  entityId: string;
  name: string;
  kind: NameKind;
  sourceId: string;
}

/** One model row of an Epoch AI vintage, as the indicator counts it. */
export interface EpochModelRow {
  modelId: string;
  sourceId: string;
  line: number;
  name: string;
  /** YYYY-MM-DD, or null when the row has none. */
  publicationDate: string | null;
  organizations: string[];
  /** Distinct ISO 3166-1 alpha-2 codes of the row's countries ("China,China" → ["CN"]). */
  countries: string[];
  countryLabels: string[];
  notable: boolean;
  accessibility: string | null;
}

/** A raw name that an input resolved onto an existing entity, and how (exact, alias, stripped, variant). */
export interface Resolution {
  rawName: string;
  entityId: string;
  method: string;
}

export interface Bundle {
  sources: Source[];
  entities: Entity[];
  names: NameRow[];
  segments: { entityId: string; segment: string }[];
  entitySources: { entityId: string; sourceId: string }[];
  facts: Fact[];
  relations: Relation[];
  observations: Observation[];
  prices: Price[];
  epochModels: EpochModelRow[];
  issues: DataIssue[];
  resolutions: Resolution[];
  claims: Claim[];
  redirects: Redirect[];
  rounds: FundingRound[];
  supplyLinks: SupplyLink[];
  filings: GenaiFiling[];
}

export function emptyBundle(): Bundle {
  return {
    sources: [],
    entities: [],
    names: [],
    segments: [],
    entitySources: [],
    facts: [],
    relations: [],
    observations: [],
    prices: [],
    epochModels: [],
    issues: [],
    resolutions: [],
    claims: [],
    redirects: [],
    rounds: [],
    supplyLinks: [],
    filings: [],
  };
}
