/** source → validate → map → stage → merge, in one transaction, with a run log. */
import type { Bundle } from '../model/bundle.ts';
import { InputError } from '../model/errors.ts';
import { IDENTITY_ATTRIBUTES, Resolver } from '../model/resolver.ts';
import type { Cell, TableSpec } from '../model/tables.ts';
import type { EntityKind } from '../model/types.ts';
import type { Connector, ReadResult } from '../sources/source.ts';
import type { Db } from '../store/db.ts';
import { refreshDerived } from '../store/derived.ts';
import { insertFirstRows, mergeRows } from '../store/merge.ts';
import {
  type DanglingRef,
  type SourceDefinition,
  danglingReferences,
  datasetRowCounts,
  sourcesDefinedElsewhere,
} from '../store/queries/integrity.ts';
import { CHANGE_TABLES, type ChangeSide, oneDataset, recordChanges } from '../store/queries/changes.ts';
import { raw, sql } from '../store/sql.ts';
import { knownKeys, knownNames } from '../store/queries/entities.ts';
import { finishRun, startRun } from '../store/queries/runs.ts';
import { TABLES, type TableName } from '../store/tables.ts';
import type { Known } from './known-names.ts';
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

export interface IngestOptions {
  /** Let the input delete more than MAX_SHRINK of its dataset's rows (or replace it with nothing). */
  allowShrink?: boolean;
  /**
   * Record what this ingest added, changed and removed (the `changes` table, the feed). On by default; a build turns
   * it off for its own ingests into an empty database and records the build's changes against the old one instead.
   */
  recordChanges?: boolean;
  /**
   * Recompute the derived tables (where each entity is, which releases are in which segment …) inside this ingest's
   * transaction. On by default; the bundled build turns it off for its own inputs, which read none of them, and
   * recomputes them once after the last.
   */
  refreshDerived?: boolean;
}

async function knownFromDatabase(db: Db, dataset: string): Promise<Known> {
  return {
    names: (await knownNames(db, dataset)).map((k) => ({ ...k, kind: k.kind as EntityKind })),
    keys: await knownKeys(db, IDENTITY_ATTRIBUTES, dataset),
  };
}

/**
 * The share of a dataset's rows one ingest may delete without --allow-shrink. A cut or empty download looks like a
 * valid, smaller input; a real update of these sources rarely removes a fifth of what they held.
 */
export const MAX_SHRINK = 0.2;

/** The connector's datasets: its name, or the namespaces it declares. */
export function ownsDataset(connector: { name: string; namespaces?: readonly string[] }, dataset: string): boolean {
  return (connector.namespaces ?? [connector.name]).some((ns) => dataset === ns || dataset.startsWith(`${ns}:`));
}

// Merge order: sources and entities before the rows that point at them; a connector's own tables after these.
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
  'dataIssues',
  'resolutions',
  'claims',
  'claimEvidence',
  'entityRedirects',
  'fundingRounds',
  'roundInvestors',
  'supplyLinks',
];

/**
 * The rows of the connector's own tables, `dataset` first. A row for a table it does not declare, or of another
 * width than its table, is a bug in the connector: refused before anything is written.
 */
function ownTables<R>(connector: Connector<R>, bundle: Bundle, dataset: string): { spec: TableSpec; rows: Cell[][] }[] {
  const specs = connector.tables ?? [];
  for (const name of Object.keys(bundle.own)) {
    if (!specs.some((s) => s.name === name)) {
      throw new Error(`connector ${connector.name} gave rows for table ${name}, which it does not declare`);
    }
  }
  return specs.map((spec) => ({
    spec,
    rows: (bundle.own[spec.name] ?? []).map((row) => {
      if (row.length !== spec.columns.length - 1) {
        throw new Error(
          `connector ${connector.name} gave a row of ${row.length} cells for ${spec.name}, which has ` +
            `${spec.columns.length - 1} besides dataset`,
        );
      }
      return [dataset, ...row];
    }),
  }));
}

/** Every table's rows of a mapped input, in merge order (the core's, then the connector's own). */
export function tableRows<R>(
  connector: Connector<R>,
  bundle: Bundle,
  dataset: string,
): { spec: TableSpec; rows: Cell[][] }[] {
  const cells = bundleToCells(dataset, bundle);
  return [
    ...ORDER.map((t) => ({ spec: TABLES[t] as TableSpec, rows: cells[t] })),
    ...ownTables(connector, bundle, dataset),
  ];
}

/**
 * A source id another dataset defines may be cited only as that dataset defines it: no input can re-title,
 * re-license or re-point another's citation. Throws for the first of `others` (sources defined by other datasets)
 * that the bundle defines otherwise.
 */
export function refuseRedefinedSources(
  input: string,
  bundle: Bundle,
  others: readonly Omit<SourceDefinition, 'retrieved'>[],
): void {
  for (const other of others) {
    const mine = bundle.sources.find((s) => s.id === other.id);
    const same =
      mine &&
      mine.title === other.title &&
      mine.url === other.url &&
      mine.publisher === other.publisher &&
      (mine.published ?? null) === (other.published ?? null) &&
      mine.licence === other.licence;
    if (!same) {
      throw new InputError(
        input,
        null,
        'source.id',
        `source id ${other.id} belongs to dataset ${other.dataset} ("${other.title}"); give this input's source an id of its own`,
      );
    }
  }
}

/** Throws when an input's rows point at entities or sources that do not exist, naming the first. */
export function refuseDangling(input: string, dangling: readonly DanglingRef[]): void {
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
}

/**
 * Maps a read input, its names resolved against `known`: JavaScript alone, no database. Refuses an input whose
 * dataset is not its connector's.
 */
export function mapRead<R>(connector: Connector<R>, input: string, read: ReadResult<R>, known: Known): Bundle {
  if (!ownsDataset(connector, read.dataset)) {
    throw new InputError(
      input,
      null,
      'dataset',
      `"${read.dataset}" is not a ${connector.name} dataset: an input may only replace its own connector's datasets ` +
        `(${(connector.namespaces ?? [connector.name]).map((n) => `${n}, ${n}:…`).join('; ')})`,
    );
  }
  return connector.map(read, new Resolver(known.names, known.keys));
}

/** Ingests one input. On any error nothing is written but the failed run's log row, and the error is rethrown. */
export async function ingest<R>(
  db: Db,
  connector: Connector<R>,
  input: string,
  progress: Progress = () => {},
  options: IngestOptions & {
    /** The input already being read (the bundled build reads the next input while this one is merged). */
    reading?: Promise<ReadResult<R>>;
    /**
     * That read input already being mapped (`mapRead`) against the names it resolves onto: the bundled build maps
     * the next input while this one is merged. Without it, the names are read from the database: every name and
     * identity fact but the input's own dataset's.
     */
    mapping?: Promise<Bundle>;
  } = {},
): Promise<IngestSummary> {
  const runId = await startRun(db, connector.name, connector.name, input);
  let read: ReadResult<R> | undefined;
  try {
    progress('read', 0, 1);
    read = await (options.reading ?? connector.read(input));
    progress('read', 1, 1);
    const dataset = read.dataset;
    const bundle: Bundle = await (options.mapping ??
      knownFromDatabase(db, dataset).then((known) => mapRead(connector, input, read as ReadResult<R>, known)));
    refuseRedefinedSources(
      input,
      bundle,
      await sourcesDefinedElsewhere(
        db,
        dataset,
        bundle.sources.map((s) => s.id),
      ),
    );
    const tables = tableRows(connector, bundle, dataset);
    const rowsRead = read.rowsRead;
    let note: string | null = null;
    const totals = await db.transaction(async () => {
      const had = await datasetRowCounts(
        db,
        dataset,
        tables.map((t) => t.spec.name),
      );
      const before = [...had.values()].reduce((a, b) => a + b, 0);
      // The dataset as it was, for the changes this ingest makes (compared once its rows are merged).
      const series =
        options.recordChanges === false
          ? null
          : {
              subjects: [...new Set(bundle.observations.map((o) => o.subjectId))],
              metrics: [...new Set(bundle.observations.map((o) => o.metric))],
            };
      if (series) {
        const before = oneDataset(dataset, series);
        for (const t of CHANGE_TABLES) {
          await db.run(sql`CREATE OR REPLACE TEMP TABLE ${raw(`before_${t}`)} AS SELECT * FROM ${before[t]}`);
        }
      }
      const sum = { inserted: 0, updated: 0, deleted: 0 };
      if (before === 0) {
        // The dataset's first rows (every input of a build): nothing to compare, update or delete.
        progress('merge', 0, tables.length);
        for (const n of (await insertFirstRows(db, dataset, tables)).values()) sum.inserted += n;
      } else {
        for (const [i, { spec, rows }] of tables.entries()) {
          progress('merge', i, tables.length);
          const c = await mergeRows(db, spec, dataset, rows, had.get(spec.name) ?? null);
          sum.inserted += c.inserted;
          sum.updated += c.updated;
          sum.deleted += c.deleted;
        }
      }
      progress('merge', tables.length, tables.length);
      // A replacement must be plausible: an empty input, or one that deletes more than MAX_SHRINK of the dataset,
      // is refused (the transaction rolls back) unless the caller says it is meant.
      if (before > 0 && (rowsRead === 0 || sum.deleted > MAX_SHRINK * before)) {
        const what =
          `would delete ${sum.deleted.toLocaleString('en')} of the ${before.toLocaleString('en')} rows of dataset ` +
          `${dataset} (${Math.round((100 * sum.deleted) / before)} %; ${rowsRead} data rows read, ` +
          `${sum.inserted.toLocaleString('en')} rows new)`;
        if (!options.allowShrink) {
          throw new InputError(
            input,
            null,
            null,
            `${what}; more than ${MAX_SHRINK * 100} % looks like a cut or empty input. ` +
              'Nothing was changed; re-run with --allow-shrink if the smaller input is meant.',
          );
        }
        note = `shrink allowed (--allow-shrink): ${what}`;
      }
      if (options.refreshDerived !== false) await refreshDerived(db);
      refuseDangling(input, await danglingReferences(db, dataset));
      if (series) {
        const before = Object.fromEntries(
          CHANGE_TABLES.map((t) => [t, sql`(SELECT * FROM ${raw(`temp.before_${t}`)})`]),
        ) as ChangeSide;
        const at = await db.one<{ at: string }>(sql`SELECT strftime(now(), '%Y-%m-%d %H:%M:%S') AS at`);
        await recordChanges(
          db,
          {
            id: `ingest:${at?.at.replace(' ', 'T')}Z:${runId}:${dataset}`,
            at: at?.at ?? '',
            kind: 'ingest',
            label: input,
          },
          before,
          oneDataset(dataset, series),
        );
        for (const t of CHANGE_TABLES) await db.exec(`DROP TABLE IF EXISTS temp.before_${t}`);
      }
      return sum;
    });
    progress('committed', 1, 1);
    const status = totals.inserted + totals.updated + totals.deleted === 0 ? 'unchanged' : 'ok';
    await finishRun(db, runId, {
      dataset,
      status,
      sha256: read.sha256,
      read: read.rowsRead,
      ...totals,
      error: null,
      note,
    });
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
