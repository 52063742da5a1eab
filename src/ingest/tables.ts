/** Every table an ingest writes: the core's (store/tables.ts), then each connector's own, in registry order. */
import type { TableSpec } from '../model/tables.ts';
import { CONNECTOR_DEFINITIONS } from '../sources/registry.ts';
import { TABLES } from '../store/tables.ts';

export const INGEST_TABLES: readonly TableSpec[] = [
  ...Object.values(TABLES),
  ...CONNECTOR_DEFINITIONS.flatMap((d) => d.tables ?? []),
];
