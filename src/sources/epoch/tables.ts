/**
 * Epoch's own tables (their DDL is migrations/001_epoch_models.sql): each model row as the indicator counts it, and the
 * row's countries one by one.
 */
import type { TableSpec } from '../../model/tables.ts';

export const EPOCH_MODELS = {
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
} as const satisfies TableSpec;

export const EPOCH_MODEL_COUNTRIES = {
  name: 'epoch_model_countries',
  columns: [
    ['dataset', 'varchar'],
    ['model_id', 'varchar'],
    ['country', 'varchar'],
  ],
  key: ['dataset', 'model_id', 'country'],
} as const satisfies TableSpec;

/** In merge order. */
export const EPOCH_TABLES: readonly TableSpec[] = [EPOCH_MODELS, EPOCH_MODEL_COUNTRIES];
