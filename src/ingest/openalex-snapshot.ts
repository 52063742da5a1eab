/**
 * `neijuan ingest openalex-snapshot --dir <root>`: syncs a local copy of the OpenAlex snapshot into the database.
 *
 * Reads only what is newer than the last sync of that root: institutions partitions, then works partitions, then
 * merged_ids files, each in date order and each in ONE transaction together with its row in `openalex_sync`. A run
 * killed at any point leaves every unit either fully in or not at all, and the next run starts at the first unit
 * not recorded. Memory stays bounded: lines are streamed and works are flushed to DuckDB in batches (Appender),
 * where the counts move by exactly the difference each batch makes (see store/queries/openalex.ts applyWorkBatch).
 */
import { resolve } from 'node:path';
import type { Bundle } from '../model/bundle.ts';
import { InputError } from '../model/errors.ts';
import { Resolver } from '../model/resolver.ts';
import type { EntityKind, Source } from '../model/types.ts';
import { InstitutionMapper, type InstitutionState } from '../sources/openalex/institution-mapper.ts';
import { WORKS_METRIC, contribution } from '../sources/openalex/map.ts';
import { AI_FILTER, type WorkFilter, matchesFilter, parseInstitution, parseWork } from '../sources/openalex/records.ts';
import {
  type MergedIdsFile,
  type SnapshotPartition,
  gzipLines,
  parseJsonLine,
  readMergedIds,
  readSnapshotPlan,
} from '../sources/openalex/snapshot-reader.ts';
import type { Db } from '../store/db.ts';
import { refreshDerived } from '../store/derived.ts';
import { knownNames } from '../store/queries/entities.ts';
import { danglingReferences } from '../store/queries/integrity.ts';
import {
  type InstitutionRow,
  type StagedWork,
  type TopicRow,
  applyWorkBatch,
  insertMissing,
  lastSyncedUnits,
  loadInstitutions,
  openalexGeoContext,
  recordSyncUnit,
  saveInstitutions,
  saveTopics,
  settleCounts,
  upsertSource,
} from '../store/queries/openalex.ts';
import { finishRun, startRun } from '../store/queries/runs.ts';
import { TABLES, type TableName } from '../store/tables.ts';
import type { Progress } from './pipeline.ts';
import { bundleToCells } from './rows.ts';

export interface SnapshotIngestOptions {
  /** The dataset its rows carry. Default "openalex-snapshot". */
  dataset?: string;
  /** Which works count. Default: primary topic in subfield 1702, Artificial Intelligence. */
  filter?: WorkFilter;
  /** The source the counts cite. Default: the OpenAlex snapshot, dated by its newest partition. */
  source?: Source;
  /** Re-read every unit, ignoring the sync log (the result is the same; a check of idempotence). */
  full?: boolean;
  /** Works per flush to DuckDB. Default 10 000. */
  batchSize?: number;
  progress?: Progress;
  /** Called after each unit commits (the CLI prints it; the kill test waits for it). */
  onCommit?: (unit: SnapshotUnitResult) => void;
}

export type SyncEntity = 'institutions' | 'works' | 'merged_ids/works';

export interface SnapshotUnitResult {
  entity: SyncEntity;
  unit: string;
  files: number;
  /** Lines read. */
  records: number;
  /** Works indexed (works), institutions taken in (institutions), or indexed works removed (merged_ids). */
  counted: number;
}

export interface SnapshotSummary {
  connector: 'openalex-snapshot';
  dataset: string;
  input: string;
  runId: number;
  units: SnapshotUnitResult[];
  /** Units the sync log already had, skipped. */
  skipped: number;
  read: number;
  counted: number;
  removed: number;
  status: 'ok' | 'unchanged';
}

// The bundle tables an institution adds rows to (sources are written per unit, observations by applyWorkBatch).
const BUNDLE_TABLES: readonly TableName[] = [
  'entities',
  'entityNames',
  'entitySources',
  'facts',
  'relations',
  'dataIssues',
  'resolutions',
];

/** The source a snapshot's counts cite, dated by its newest partition (the copy holds data up to that day). */
export function snapshotSource(newest: string | null): Source {
  return {
    id: 'src:openalex-snapshot',
    title: `OpenAlex snapshot (updated_date partitions to ${newest ?? 'none'})`,
    url: 'https://docs.openalex.org/download-all-data/openalex-snapshot',
    publisher: 'OurResearch (OpenAlex)',
    published: newest,
    retrieved: newest ?? 'unknown',
    licence: 'CC0 1.0',
  };
}

function toState(r: InstitutionRow): InstitutionState {
  const { entityId, cityId, method, institutionId, ...info } = r;
  return { info: { id: institutionId, ...info }, entityId, cityId, method };
}

function toRow(s: InstitutionState): InstitutionRow {
  const { id, ...info } = s.info;
  return { institutionId: id, ...info, entityId: s.entityId, cityId: s.cityId, method: s.method };
}

/** Syncs the snapshot at `root`. Throws InputError (file, line, field) on bad input; committed units stay. */
export async function ingestOpenAlexSnapshot(
  db: Db,
  root: string,
  options: SnapshotIngestOptions = {},
): Promise<SnapshotSummary> {
  const dir = resolve(root);
  const dataset = options.dataset ?? 'openalex-snapshot';
  const runId = await startRun(db, 'openalex-snapshot', dataset, dir);
  const totals = { read: 0, counted: 0, removed: 0 };
  try {
    const plan = await readSnapshotPlan(dir);
    const last = options.full ? new Map<string, string>() : await lastSyncedUnits(db, dataset, dir);
    const newer = <T extends { date: string }>(entity: SyncEntity, units: T[]) =>
      units.filter((u) => u.date > (last.get(entity) ?? ''));
    const todo = {
      institutions: newer('institutions', plan.institutions),
      works: newer('works', plan.works),
      merged: newer('merged_ids/works', plan.mergedWorks),
    };
    const all = plan.institutions.length + plan.works.length + plan.mergedWorks.length;
    const pending = todo.institutions.length + todo.works.length + todo.merged.length;
    const newest =
      [...plan.works, ...plan.institutions]
        .map((p) => p.date)
        .sort()
        .at(-1) ?? null;
    const source = options.source ?? snapshotSource(newest);
    const resolver = new Resolver((await knownNames(db, '')).map((k) => ({ ...k, kind: k.kind as EntityKind })));
    const mapper = new InstitutionMapper(
      resolver,
      await openalexGeoContext(db),
      source,
      (await loadInstitutions(db, dataset)).map(toState),
    );
    const sync = new SnapshotSync(db, dataset, source, options.filter ?? AI_FILTER, mapper, options.batchSize);
    const units: SnapshotUnitResult[] = [];
    const commit = async (work: () => Promise<SnapshotUnitResult>) => {
      options.progress?.('openalex-snapshot', units.length, pending);
      const result = await db.transaction(async () => {
        await upsertSource(db, dataset, source);
        const r = await work();
        await settleCounts(db, dataset, source.id, WORKS_METRIC);
        await recordSyncUnit(db, dataset, dir, r);
        const dangling = await danglingReferences(db, dataset);
        if (dangling[0]) {
          const d = dangling[0];
          throw new InputError(dir, null, `${d.table}.${d.field}`, `unknown reference "${d.value}" (${d.context})`);
        }
        return r;
      });
      units.push(result);
      totals.read += result.records;
      if (result.entity === 'merged_ids/works') totals.removed += result.counted;
      else if (result.entity === 'works') totals.counted += result.counted;
      options.onCommit?.(result);
    };
    for (const p of todo.institutions) await commit(() => sync.institutions(p));
    for (const p of todo.works) await commit(() => sync.works(p));
    for (const f of todo.merged) await commit(() => sync.merged(f));
    options.progress?.('openalex-snapshot', units.length, pending);
    // Derived places are refreshed once per sync, not per unit (each refresh rescans every relation); a sync killed
    // between units leaves them to the next run, which always ends here.
    await db.transaction(() => refreshDerived(db));
    const status = units.length === 0 ? 'unchanged' : 'ok';
    await finishRun(db, runId, {
      dataset,
      status,
      sha256: null,
      read: totals.read,
      inserted: totals.counted,
      updated: 0,
      deleted: totals.removed,
      error: null,
    });
    return {
      connector: 'openalex-snapshot',
      dataset,
      input: dir,
      runId,
      units,
      skipped: all - pending,
      ...totals,
      status,
    };
  } catch (error) {
    await finishRun(db, runId, {
      dataset,
      status: 'failed',
      sha256: null,
      read: totals.read,
      inserted: totals.counted,
      updated: 0,
      deleted: totals.removed,
      error: error instanceof Error ? error.message : String(error),
    });
    throw error;
  }
}

/** The work of one unit, run inside its transaction. */
class SnapshotSync {
  private readonly savedTopics = new Set<string>();
  private readonly batch = new Map<string, StagedWork | null>();
  private readonly topics: TopicRow[] = [];

  constructor(
    private readonly db: Db,
    private readonly dataset: string,
    private readonly source: Source,
    private readonly filter: WorkFilter,
    private readonly mapper: InstitutionMapper,
    private readonly batchSize = 10_000,
  ) {}

  async institutions(p: SnapshotPartition): Promise<SnapshotUnitResult> {
    let records = 0;
    for (const file of p.files) {
      let inFile = 0;
      let unflushed = 0;
      for await (const lines of gzipLines(file.path)) {
        for (const l of lines) {
          this.mapper.describe(parseInstitution(parseJsonLine(l, file.path), file.path, l.line), false);
          inFile++;
        }
        unflushed += lines.length;
        if (unflushed >= this.batchSize) {
          await this.flushInstitutions();
          unflushed = 0;
        }
      }
      checkCount(file.path, inFile, file.recordCount);
      records += inFile;
    }
    await this.flushInstitutions();
    return { entity: 'institutions', unit: p.date, files: p.files.length, records, counted: records };
  }

  async works(p: SnapshotPartition): Promise<SnapshotUnitResult> {
    let records = 0;
    let counted = 0;
    for (const file of p.files) {
      let inFile = 0;
      for await (const lines of gzipLines(file.path)) {
        for (const l of lines) {
          const work = parseWork(parseJsonLine(l, file.path), file.path, l.line);
          inFile++;
          if (!matchesFilter(work, this.filter)) {
            // Not (or no longer) a work we count: if an earlier partition had it, it leaves the counts.
            this.batch.set(work.id, null);
            continue;
          }
          const c = contribution(work, this.mapper);
          this.batch.set(work.id, { ...c, topic: c.topic?.id ?? null, partition: p.date });
          if (c.topic && !this.savedTopics.has(c.topic.id)) {
            this.savedTopics.add(c.topic.id);
            const { id, ...t } = c.topic;
            this.topics.push({ topicId: id, ...t });
          }
        }
        if (this.batch.size >= this.batchSize) counted += await this.flushWorks();
      }
      checkCount(file.path, inFile, file.recordCount);
      records += inFile;
    }
    counted += await this.flushWorks();
    return { entity: 'works', unit: p.date, files: p.files.length, records, counted };
  }

  async merged(f: MergedIdsFile): Promise<SnapshotUnitResult> {
    let records = 0;
    let removed = 0;
    for await (const rows of readMergedIds(f.path)) {
      records += rows.length;
      const r = await applyWorkBatch(
        this.db,
        this.dataset,
        this.source.id,
        WORKS_METRIC,
        [],
        rows.map((row) => row.id),
      );
      removed += r.removed;
    }
    return { entity: 'merged_ids/works', unit: f.date, files: 1, records, counted: removed };
  }

  private async writeBundle(bundle: Bundle): Promise<void> {
    const cells = bundleToCells(this.dataset, bundle);
    for (const table of BUNDLE_TABLES) await insertMissing(this.db, TABLES[table], cells[table]);
  }

  private async flushInstitutions(): Promise<void> {
    const { bundle, changed } = this.mapper.drain();
    await this.writeBundle(bundle);
    await saveInstitutions(this.db, this.dataset, changed.map(toRow));
  }

  /** Writes the batch; returns how many works it indexed. */
  private async flushWorks(): Promise<number> {
    await this.flushInstitutions();
    await saveTopics(this.db, this.dataset, this.topics.splice(0));
    const upserts: StagedWork[] = [];
    const removals: string[] = [];
    for (const [id, staged] of this.batch) {
      if (staged) upserts.push(staged);
      else removals.push(id);
    }
    this.batch.clear();
    if (upserts.length + removals.length > 0) {
      await applyWorkBatch(this.db, this.dataset, this.source.id, WORKS_METRIC, upserts, removals);
    }
    return upserts.length;
  }
}

function checkCount(path: string, found: number, expected: number | null): void {
  if (expected !== null && expected !== found) {
    throw new InputError(path, null, null, `${found} records, the manifest says ${expected}: incomplete download?`);
  }
}
