/**
 * `neijuan ingest openalex-snapshot --dir <root>`: syncs a local copy of the OpenAlex snapshot into the database.
 *
 * Reads only what is newer than the last sync of that root: institutions partitions, then works partitions, then
 * merged_ids files, each in date order and each in ONE transaction together with its row in `openalex_sync`. A run
 * killed at any point leaves every unit either fully in or not at all, and the next run starts at the first unit
 * not recorded. Memory stays bounded: DuckDB reduces a works partition to one row per work (store/openalex/works.sql),
 * at most two partitions are held at a time, and the counts move by exactly the difference each unit makes (see
 * store/queries/openalex.ts applyStaged).
 */
import { resolve } from 'node:path';
import type { Bundle } from '../model/bundle.ts';
import { InputError } from '../model/errors.ts';
import { Resolver } from '../model/resolver.ts';
import type { EntityKind, Source } from '../model/types.ts';
import { InstitutionMapper, type InstitutionState } from '../sources/openalex/institution-mapper.ts';
import { WORKS_METRIC } from '../sources/openalex/map.ts';
import { AI_FILTER, type WorkFilter, parseInstitution, parseWork } from '../sources/openalex/records.ts';
import {
  type MergedIdsFile,
  type SnapshotFile,
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
  type PartInstitution,
  SCRATCH,
  needsTopicsDeclared,
  partCountries,
  partInstitutions,
  partTopics,
  reducePartition,
  stageFromPartition,
  stagePartition,
} from '../store/openalex/reduce.ts';
import {
  type InstitutionRow,
  applyStaged,
  insertMissing,
  lastSyncedUnits,
  loadInstitutions,
  openalexGeoContext,
  recordSyncUnit,
  removeWorks,
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
  /** Institutions per flush to DuckDB. Default 10 000. */
  batchSize?: number;
  /**
   * Sync only the institutions partitions (their full records: names, cities): what a scale-out run needs before
   * mapping the institutions its works name (docs/SCALE.md).
   */
  institutionsOnly?: boolean;
  progress?: Progress;
  /** Called after each unit commits (the CLI prints it; the kill test waits for it). */
  onCommit?: (unit: SnapshotUnitResult) => void;
}

export type SyncEntity = 'institutions' | 'works' | 'merged_ids/works';

/** A works partition reduced into a table, or DuckDB's reason it could not be. */
type Reduced = { table: string } | { error: unknown };

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

// The bundle tables an institution adds rows to (sources are written per unit, observations by applyStaged).
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

/** A sync's state: the institutions the dataset knows, and a mapper resolving onto every entity the database has. */
export async function openSync(
  db: Db,
  dataset: string,
  source: Source,
  filter: WorkFilter = AI_FILTER,
  batchSize?: number,
): Promise<SnapshotSync> {
  const resolver = new Resolver((await knownNames(db, '')).map((k) => ({ ...k, kind: k.kind as EntityKind })));
  const mapper = new InstitutionMapper(
    resolver,
    await openalexGeoContext(db),
    source,
    (await loadInstitutions(db, dataset)).map(toState),
  );
  return new SnapshotSync(db, dataset, source, filter, mapper, batchSize);
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
  // Nothing the sync reads depends on the order rows were written in (every read orders or aggregates): without
  // keeping it, DuckDB writes a reduced partition from both threads at once (5 % of a sync at 1 M works).
  await db.exec('SET preserve_insertion_order = false');
  try {
    const plan = await readSnapshotPlan(dir, { institutionsOnly: options.institutionsOnly ?? false });
    const last = options.full ? new Map<string, string>() : await lastSyncedUnits(db, dataset, dir);
    const newer = <T extends { date: string }>(entity: SyncEntity, units: T[]) =>
      units.filter((u) => u.date > (last.get(entity) ?? ''));
    const todo = {
      institutions: newer('institutions', plan.institutions),
      works: options.institutionsOnly ? [] : newer('works', plan.works),
      merged: options.institutionsOnly ? [] : newer('merged_ids/works', plan.mergedWorks),
    };
    const all = plan.institutions.length + (options.institutionsOnly ? 0 : plan.works.length + plan.mergedWorks.length);
    const pending = todo.institutions.length + todo.works.length + todo.merged.length;
    const newest =
      [...plan.works, ...plan.institutions]
        .map((p) => p.date)
        .sort()
        .at(-1) ?? null;
    const source = options.source ?? snapshotSource(newest);
    const sync = await openSync(db, dataset, source, options.filter ?? AI_FILTER, options.batchSize);
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
    // Each works partition is reduced on a second connection while the unit before it (the institutions, or the
    // works partition before) is counted on this one: the reduce (DuckDB parsing JSON) and the counting take turns
    // on the cores instead of waiting for each other. At most two reduced partitions are held at a time.
    await db.exec(`ATTACH IF NOT EXISTS ':memory:' AS ${SCRATCH}`);
    try {
      await db.beside(async (reducer) => {
        // Partitions are read lean (works.sql without each topic's subfield, field and domain) until one holds a
        // work in the older shape, which takes its topic from its topics: that one and the rest are read declared.
        let lean = true;
        const reduce = (i: number): Promise<Reduced> | null => {
          const p = todo.works[i];
          if (!p) return null;
          const table = `${SCRATCH}.part_${i}`;
          const files = p.files.map((f) => f.path);
          const run = async (): Promise<Reduced> => {
            if (lean) {
              await reducePartition(reducer, files, sync.filter, table, 'lean');
              if (!(await needsTopicsDeclared(reducer, table))) return { table };
              lean = false;
            }
            await reducePartition(reducer, files, sync.filter, table, 'declared');
            return { table };
          };
          return run().catch((error: unknown) => ({ error }));
        };
        let next = reduce(0);
        try {
          for (const p of todo.institutions) await commit(() => sync.institutions(p));
          for (const [i, p] of todo.works.entries()) {
            const reduced = (await next) as Reduced;
            next = reduce(i + 1);
            await commit(() => sync.works(p, reduced));
            if ('table' in reduced) await db.exec(`DROP TABLE ${reduced.table}`);
          }
        } finally {
          // A failed unit leaves the next reduce running: it ends before its connection closes.
          await next;
        }
      });
    } finally {
      await db.exec(`DETACH DATABASE IF EXISTS ${SCRATCH}`);
    }
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
  } finally {
    await db.exec('RESET preserve_insertion_order');
  }
}

/** The work of one unit, run inside its transaction. */
export class SnapshotSync {
  private readonly savedTopics = new Set<string>();

  constructor(
    private readonly db: Db,
    private readonly dataset: string,
    private readonly source: Source,
    readonly filter: WorkFilter,
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

  /**
   * A works partition, reduced in SQL (store/openalex/works.sql: DuckDB parses the JSON, reading only the fields
   * counted); what stays in JavaScript is per institution and per country, not per work: the mapper decides the
   * entity of each institution the counted works name. A file DuckDB cannot read, or a work out of shape, is
   * diagnosed line by line with the full validator, so the error names the file, line and field.
   */
  async works(p: SnapshotPartition, reduced: Reduced): Promise<SnapshotUnitResult> {
    if ('error' in reduced) return diagnose(p.files, reduced.error);
    const staged = await stagePartition(this.db, reduced.table);
    if (staged.outOfShape !== null) {
      return diagnose(
        p.files.filter((f) => f.path === staged.outOfShape),
        new Error('a work out of shape'),
      );
    }
    let records = 0;
    for (const file of p.files) {
      const lines = staged.lines.get(file.path) ?? 0;
      checkCount(file.path, lines, file.recordCount);
      records += lines;
    }
    await this.named(await partCountries(this.db), await partInstitutions(this.db));
    const topics = (await partTopics(this.db)).filter((t) => !this.savedTopics.has(t.topicId));
    for (const t of topics) this.savedTopics.add(t.topicId);
    await saveTopics(this.db, this.dataset, topics);
    const counted = await stageFromPartition(this.db, this.dataset, p.date);
    await applyStaged(this.db, this.dataset, this.source.id, WORKS_METRIC);
    return { entity: 'works', unit: p.date, files: p.files.length, records, counted };
  }

  /**
   * Entities for the countries and institutions counted works name (an institution as its works describe it, when
   * no full record mapped it yet), written with the institutions' state.
   */
  async named(countries: readonly string[], institutions: readonly PartInstitution[]): Promise<void> {
    for (const code of countries) this.mapper.countryEntity(code);
    for (const i of institutions) {
      this.mapper.entityFor({
        id: i.key,
        // A few institutions carry no name; the key still identifies them.
        displayName: i.display_name?.trim() || i.key,
        nameZh: null,
        alternatives: [],
        countryCode: i.country_code,
        type: i.type,
        ror: i.ror,
        city: null,
      });
    }
    await this.flushInstitutions();
  }

  async merged(f: MergedIdsFile): Promise<SnapshotUnitResult> {
    let records = 0;
    let removed = 0;
    for await (const rows of readMergedIds(f.path)) {
      records += rows.length;
      const r = await removeWorks(
        this.db,
        this.dataset,
        this.source.id,
        WORKS_METRIC,
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
}

/**
 * DuckDB could not reduce a partition (or found a work out of shape): read its files line by line with the full
 * validator, which throws an InputError naming the file, line and field. Should every line pass it, the error says
 * what DuckDB said, about the file it named.
 */
async function diagnose(files: readonly SnapshotFile[], error: unknown): Promise<never> {
  const message = error instanceof Error ? error.message : String(error);
  const named = /in file "([^"]+)"/.exec(message)?.[1];
  const order = [...files].sort((a, b) => Number(b.path === named) - Number(a.path === named));
  for (const file of order) {
    for await (const lines of gzipLines(file.path)) {
      for (const l of lines) parseWork(parseJsonLine(l, file.path), file.path, l.line);
    }
  }
  const first = message.split('\n')[0] ?? message;
  throw new InputError(named ?? files[0]?.path ?? '', null, null, `cannot be read as OpenAlex works (${first})`);
}

function checkCount(path: string, found: number, expected: number | null): void {
  if (expected !== null && expected !== found) {
    throw new InputError(path, null, null, `${found} records, the manifest says ${expected}: incomplete download?`);
  }
}
