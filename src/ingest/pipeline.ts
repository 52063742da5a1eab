/** source → validate → map → stage → merge, in one transaction, with a run log. */
import type { Bundle } from '../model/bundle.ts';
import { InputError } from '../model/errors.ts';
import { IDENTITY_ATTRIBUTES, Resolver } from '../model/resolver.ts';
import type { EntityKind } from '../model/types.ts';
import type { Connector, ReadResult } from '../sources/source.ts';
import type { Db } from '../store/db.ts';
import { refreshDerived } from '../store/derived.ts';
import { mergeRows } from '../store/merge.ts';
import { danglingReferences } from '../store/queries/integrity.ts';
import { knownKeys, knownNames } from '../store/queries/entities.ts';
import { finishRun, startRun } from '../store/queries/runs.ts';
import { TABLES, type TableName } from '../store/tables.ts';
import { bundleToCells } from './rows.ts';

export interface IngestSummary {
  connector: string;
  dataset: string;
  input: string;
  runId: number;
  read: number;
  inserted: number;
  updated: number;
  deleted: number;
  issues: number;
  status: 'ok' | 'unchanged';
}

export type Progress = (phase: string, done: number, total: number) => void;

// Merge order: sources and entities before the rows that point at them.
const ORDER: readonly TableName[] = [
  'sources',
  'entities',
  'entityNames',
  'entitySegments',
  'entitySources',
  'facts',
  'relations',
  'observations',
  'prices',
  'epochModels',
  'epochModelCountries',
  'dataIssues',
  'resolutions',
];

/** Ingests one input. On any error nothing is written but the failed run's log row, and the error is rethrown. */
export async function ingest<R>(
  db: Db,
  connector: Connector<R>,
  input: string,
  progress: Progress = () => {},
): Promise<IngestSummary> {
  const runId = await startRun(db, connector.name, connector.name, input);
  let read: ReadResult<R> | undefined;
  try {
    progress('read', 0, 1);
    read = await connector.read(input);
    progress('read', 1, 1);
    const resolver = new Resolver(
      (await knownNames(db, read.dataset)).map((k) => ({ ...k, kind: k.kind as EntityKind })),
      await knownKeys(db, IDENTITY_ATTRIBUTES, read.dataset),
    );
    const bundle: Bundle = connector.map(read, resolver);
    const cells = bundleToCells(read.dataset, bundle);
    const dataset = read.dataset;
    const totals = await db.transaction(async () => {
      const sum = { inserted: 0, updated: 0, deleted: 0 };
      for (const [i, table] of ORDER.entries()) {
        progress('merge', i, ORDER.length);
        const c = await mergeRows(db, TABLES[table], dataset, cells[table]);
        sum.inserted += c.inserted;
        sum.updated += c.updated;
        sum.deleted += c.deleted;
      }
      progress('merge', ORDER.length, ORDER.length);
      await refreshDerived(db);
      const dangling = await danglingReferences(db, dataset);
      const first = dangling[0];
      if (first) {
        throw new InputError(
          input,
          null,
          `${first.table}.${first.field}`,
          `unknown reference "${first.value}" (${first.context})` +
            (dangling.length > 1 ? ` and ${dangling.length - 1} more` : ''),
        );
      }
      return sum;
    });
    progress('committed', 1, 1);
    const status = totals.inserted + totals.updated + totals.deleted === 0 ? 'unchanged' : 'ok';
    await finishRun(db, runId, { dataset, status, sha256: read.sha256, read: read.rowsRead, ...totals, error: null });
    return {
      connector: connector.name,
      dataset,
      input,
      runId,
      read: read.rowsRead,
      ...totals,
      issues: bundle.issues.length,
      status,
    };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await finishRun(db, runId, {
      dataset: read?.dataset ?? connector.name,
      status: 'failed',
      sha256: read?.sha256 ?? null,
      read: read?.rowsRead ?? 0,
      inserted: 0,
      updated: 0,
      deleted: 0,
      error: message,
    });
    throw error;
  }
}
