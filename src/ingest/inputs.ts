/**
 * Every input `neijuan ingest` takes, in one list: the CLI, `build` and the docs test loop over it.
 *
 * Most inputs are record connectors (sources/registry.ts): their `read()` yields records, which the pipeline maps
 * and merges in one transaction. Two inputs are syncs instead: the OpenAlex snapshot, and the aggregates a cluster
 * reduces from it. Their reduce is SQL run by DuckDB over the files (store/openalex/*.sql), so no record passes
 * through JavaScript: a sync takes its input in units (a partition, a Parquet file), each committed with its counts.
 */
import type { Progress } from './pipeline.ts';
import { CONNECTOR_DEFINITIONS, type ConnectorDefinition } from '../sources/registry.ts';
import type { Db } from '../store/db.ts';
import { ingestOpenAlexAggregates } from './openalex-aggregates.ts';
import { type SnapshotUnitResult, ingestOpenAlexSnapshot } from './openalex-snapshot.ts';

/** What the command line gives a sync beyond its input. */
export interface SyncOptions {
  /** openalex-snapshot: read every unit again. */
  full?: boolean;
  /** openalex-snapshot: only the institutions partitions. */
  institutionsOnly?: boolean;
  /** openalex-aggregates: the date of the snapshot the counts were reduced from. */
  snapshotDate?: string;
  progress?: Progress;
  /** Called after each unit commits. */
  onCommit?: (unit: SnapshotUnitResult) => void;
}

export interface SyncDefinition {
  kind: 'sync';
  name: string;
  /** What it reads, in a few words (the CLI help and the docs). */
  reads: string;
  /** An input to try it on, as the README shows it (the user's own: no fresh clone has one). */
  example: string;
  /** The options it reads, as the CLI declares them (flags, help). */
  options: readonly (readonly [flags: string, help: string])[];
  run: (db: Db, input: string, options: SyncOptions) => Promise<object>;
}

export type InputDefinition = (ConnectorDefinition & { kind: 'records' }) | SyncDefinition;

const SYNCS: readonly SyncDefinition[] = [
  {
    kind: 'sync',
    name: 'openalex-snapshot',
    reads: 'a local copy of the OpenAlex bulk snapshot (its root folder), only the partitions newer than the last sync',
    example: '/path/to/openalex-snapshot',
    options: [
      ['--full', 'openalex-snapshot: read every partition again, not only the new ones'],
      [
        '--institutions-only',
        'openalex-snapshot: sync only data/institutions (before reducing the works elsewhere: docs/SCALE.md)',
      ],
    ],
    run: (db, input, o) =>
      ingestOpenAlexSnapshot(db, input, {
        full: o.full ?? false,
        institutionsOnly: o.institutionsOnly ?? false,
        ...(o.progress ? { progress: o.progress } : {}),
        ...(o.onCommit ? { onCommit: o.onCommit } : {}),
      }),
  },
  {
    kind: 'sync',
    name: 'openalex-aggregates',
    reads: 'counts.parquet, the OpenAlex snapshot reduced elsewhere (docs/SCALE.md)',
    example: 'counts.parquet --snapshot-date 2025-03-07',
    options: [['--snapshot-date <date>', 'openalex-aggregates: the date of the snapshot the counts were reduced from']],
    run: (db, input, o) => {
      if (!o.snapshotDate) throw new Error('openalex-aggregates needs --snapshot-date <YYYY-MM-DD>');
      return ingestOpenAlexAggregates(db, input, { snapshotDate: o.snapshotDate });
    },
  },
];

/** The record connectors in build order, then the syncs. */
export const INPUTS: readonly InputDefinition[] = [
  ...CONNECTOR_DEFINITIONS.map((d) => ({ ...d, kind: 'records' as const })),
  ...SYNCS,
];

export function inputDefinition(name: string): InputDefinition {
  const found = INPUTS.find((d) => d.name === name);
  if (!found) throw new Error(`unknown input "${name}"; known: ${INPUTS.map((d) => d.name).join(', ')}`);
  return found;
}
