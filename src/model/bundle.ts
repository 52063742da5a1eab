/** What a connector's mapper produces from one input: model rows, ready to stage and merge. */
import type {
  Claim,
  DataIssue,
  Entity,
  Fact,
  FundingRound,
  NameKind,
  Observation,
  Price,
  Redirect,
  Relation,
  Source,
  SupplyLink,
} from './types.ts';
import type { Cell, TableSpec } from './tables.ts';

export interface NameRow {
  entityId: string;
  name: string;
  kind: NameKind;
  sourceId: string;
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
  issues: DataIssue[];
  resolutions: Resolution[];
  claims: Claim[];
  redirects: Redirect[];
  rounds: FundingRound[];
  supplyLinks: SupplyLink[];
  /**
   * Rows of the connector's own tables (`Connector.tables`), by table name: each row's cells in the table's column
   * order after `dataset`, which the pipeline adds.
   */
  own: Record<string, Cell[][]>;
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
    issues: [],
    resolutions: [],
    claims: [],
    redirects: [],
    rounds: [],
    supplyLinks: [],
    own: {},
  };
}

/** Adds a row to one of the connector's own tables. */
export function addOwn(b: Bundle, table: TableSpec, row: Cell[]): void {
  (b.own[table.name] ??= []).push(row);
}

/** The rows of one own table as objects by column name (`dataset` aside): for a reader of a bundle, a test say. */
export function ownRows(b: Bundle, table: TableSpec): Record<string, Cell>[] {
  const names = table.columns.slice(1).map(([name]) => name);
  return (b.own[table.name] ?? []).map((row) => Object.fromEntries(names.map((n, i) => [n, row[i] ?? null])));
}
