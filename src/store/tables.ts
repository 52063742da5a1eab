/**
 * The tables an ingest writes, as typed constants: column order (as in the migrations), types and keys.
 * Merge code builds its SQL only from these, never from input.
 */
export type ColumnType = 'varchar' | 'double' | 'integer' | 'boolean';

export interface TableSpec {
  readonly name: string;
  readonly columns: readonly (readonly [name: string, type: ColumnType])[];
  /** Columns that identify a row (always including `dataset`, or `id` for entities). */
  readonly key: readonly string[];
}

export const TABLES = {
  sources: {
    name: 'sources',
    columns: [
      ['dataset', 'varchar'],
      ['id', 'varchar'],
      ['title', 'varchar'],
      ['url', 'varchar'],
      ['publisher', 'varchar'],
      ['published', 'varchar'],
      ['retrieved', 'varchar'],
      ['licence', 'varchar'],
    ],
    key: ['dataset', 'id'],
  },
  entities: {
    name: 'entities',
    columns: [
      ['id', 'varchar'],
      ['dataset', 'varchar'],
      ['kind', 'varchar'],
      ['name_en', 'varchar'],
      ['name_zh', 'varchar'],
      ['name_pinyin', 'varchar'],
      ['description', 'varchar'],
    ],
    key: ['id'],
  },
  entityNames: {
    name: 'entity_names',
    columns: [
      ['dataset', 'varchar'],
      ['entity_id', 'varchar'],
      ['name', 'varchar'],
      ['kind', 'varchar'],
      ['norm', 'varchar'],
      ['source_id', 'varchar'],
    ],
    key: ['dataset', 'entity_id', 'name', 'kind'],
  },
  entitySegments: {
    name: 'entity_segments',
    columns: [
      ['dataset', 'varchar'],
      ['entity_id', 'varchar'],
      ['segment', 'varchar'],
    ],
    key: ['dataset', 'entity_id', 'segment'],
  },
  entitySources: {
    name: 'entity_sources',
    columns: [
      ['dataset', 'varchar'],
      ['entity_id', 'varchar'],
      ['source_id', 'varchar'],
    ],
    key: ['dataset', 'entity_id', 'source_id'],
  },
  facts: {
    name: 'facts',
    columns: [
      ['dataset', 'varchar'],
      ['entity_id', 'varchar'],
      ['attr', 'varchar'],
      ['value', 'varchar'],
      ['value_num', 'double'],
      ['unit', 'varchar'],
      ['as_of', 'varchar'],
      ['note', 'varchar'],
      ['estimate', 'boolean'],
      ['source_id', 'varchar'],
      ['scope', 'varchar'],
    ],
    key: ['dataset', 'entity_id', 'attr', 'value', 'source_id'],
  },
  relations: {
    name: 'relations',
    columns: [
      ['dataset', 'varchar'],
      ['subject_id', 'varchar'],
      ['predicate', 'varchar'],
      ['object_id', 'varchar'],
      ['source_id', 'varchar'],
    ],
    key: ['dataset', 'subject_id', 'predicate', 'object_id', 'source_id'],
  },
  observations: {
    name: 'observations',
    columns: [
      ['dataset', 'varchar'],
      ['metric', 'varchar'],
      ['subject_id', 'varchar'],
      ['period', 'varchar'],
      ['value', 'double'],
      ['unit', 'varchar'],
      ['note', 'varchar'],
      ['source_id', 'varchar'],
    ],
    key: ['dataset', 'metric', 'subject_id', 'period', 'source_id'],
  },
  prices: {
    name: 'prices',
    columns: [
      ['dataset', 'varchar'],
      ['vendor_id', 'varchar'],
      ['model', 'varchar'],
      ['date', 'varchar'],
      ['currency', 'varchar'],
      ['input', 'double'],
      ['output', 'double'],
      ['note', 'varchar'],
      ['source_id', 'varchar'],
      ['kind', 'varchar'],
      ['tier', 'varchar'],
    ],
    key: ['dataset', 'vendor_id', 'model', 'tier', 'kind', 'date', 'currency', 'source_id'],
  },
  epochModels: {
    name: 'epoch_models',
    columns: [
      ['dataset', 'varchar'],
      ['model_id', 'varchar'],
      ['source_id', 'varchar'],
      ['line', 'integer'],
      ['name', 'varchar'],
      ['publication_date', 'varchar'],
      ['organizations', 'varchar'],
      ['countries', 'varchar'],
      ['country_labels', 'varchar'],
      ['notable', 'boolean'],
      ['accessibility', 'varchar'],
    ],
    key: ['dataset', 'model_id'],
  },
  epochModelCountries: {
    name: 'epoch_model_countries',
    columns: [
      ['dataset', 'varchar'],
      ['model_id', 'varchar'],
      ['country', 'varchar'],
    ],
    key: ['dataset', 'model_id', 'country'],
  },
  dataIssues: {
    name: 'data_issues',
    columns: [
      ['dataset', 'varchar'],
      ['source_id', 'varchar'],
      ['entity_id', 'varchar'],
      ['field', 'varchar'],
      ['value', 'varchar'],
      ['message', 'varchar'],
      ['line', 'integer'],
    ],
    key: ['dataset', 'entity_id', 'field', 'line'],
  },
  resolutions: {
    name: 'resolutions',
    columns: [
      ['dataset', 'varchar'],
      ['raw_name', 'varchar'],
      ['entity_id', 'varchar'],
      ['method', 'varchar'],
    ],
    key: ['dataset', 'raw_name'],
  },
  claims: {
    name: 'claims',
    columns: [
      ['dataset', 'varchar'],
      ['id', 'varchar'],
      ['subject_id', 'varchar'],
      ['attr', 'varchar'],
      ['value', 'varchar'],
      ['unit', 'varchar'],
      ['counts', 'varchar'],
      ['speaker', 'varchar'],
      ['occasion_id', 'varchar'],
      ['said_on', 'varchar'],
      ['status', 'varchar'],
      ['note', 'varchar'],
      ['source_id', 'varchar'],
    ],
    key: ['dataset', 'id'],
  },
  claimEvidence: {
    name: 'claim_evidence',
    columns: [
      ['dataset', 'varchar'],
      ['claim_id', 'varchar'],
      ['seq', 'integer'],
      ['stance', 'varchar'],
      ['note', 'varchar'],
      ['source_id', 'varchar'],
      ['entity_id', 'varchar'],
      ['attr', 'varchar'],
      ['value', 'varchar'],
    ],
    key: ['dataset', 'claim_id', 'seq'],
  },
  entityRedirects: {
    name: 'entity_redirects',
    columns: [
      ['dataset', 'varchar'],
      ['old_id', 'varchar'],
      ['new_id', 'varchar'],
      ['source_id', 'varchar'],
    ],
    key: ['dataset', 'old_id'],
  },
  fundingRounds: {
    name: 'funding_rounds',
    columns: [
      ['dataset', 'varchar'],
      ['id', 'varchar'],
      ['org_id', 'varchar'],
      ['date', 'varchar'],
      ['round', 'varchar'],
      ['stage', 'varchar'],
      ['amount', 'double'],
      ['currency', 'varchar'],
      ['qualifier', 'varchar'],
      ['valuation', 'double'],
      ['valuation_currency', 'varchar'],
      ['note', 'varchar'],
      ['source_id', 'varchar'],
    ],
    key: ['dataset', 'id'],
  },
  roundInvestors: {
    name: 'round_investors',
    columns: [
      ['dataset', 'varchar'],
      ['round_id', 'varchar'],
      ['investor_id', 'varchar'],
      ['lead', 'boolean'],
    ],
    key: ['dataset', 'round_id', 'investor_id'],
  },
  supplyLinks: {
    name: 'supply_links',
    columns: [
      ['dataset', 'varchar'],
      ['supplier_id', 'varchar'],
      ['customer_id', 'varchar'],
      ['component', 'varchar'],
      ['kind', 'varchar'],
      ['as_of', 'varchar'],
      ['note', 'varchar'],
      ['source_id', 'varchar'],
    ],
    key: ['dataset', 'supplier_id', 'customer_id', 'component', 'kind', 'source_id'],
  },
  genaiFilings: {
    name: 'genai_filings',
    columns: [
      ['dataset', 'varchar'],
      ['filing_id', 'varchar'],
      ['kind', 'varchar'],
      ['list_id', 'varchar'],
      ['list_date', 'varchar'],
      ['seq', 'integer'],
      ['province_label', 'varchar'],
      ['province_id', 'varchar'],
      ['service', 'varchar'],
      ['provider', 'varchar'],
      ['provider_id', 'varchar'],
      ['name_city_id', 'varchar'],
      ['filed_on', 'varchar'],
      ['id_date', 'varchar'],
      ['source_id', 'varchar'],
      ['line', 'integer'],
    ],
    key: ['dataset', 'filing_id'],
  },
} as const satisfies Record<string, TableSpec>;

export type TableName = keyof typeof TABLES;

/** Tables whose contents define the database's state (the run log is a journal and is excluded). */
export const DATA_TABLES: readonly TableName[] = Object.keys(TABLES) as TableName[];
