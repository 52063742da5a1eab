/**
 * The bundled inputs loaded into a database that holds no data yet, as every build does: in one transaction, each
 * input's rows inserted by one call to DuckDB while the next input is mapped. `ingest` (pipeline.ts) takes some ten
 * round trips per input (its own transaction, counts before and after, the run log, the checks); each waited for the
 * main thread, busy mapping the next input, so DuckDB sat idle between them. Here the checks that need the database
 * ride on the insert's call, the source check runs in JavaScript against the inputs loaded before, and the run log
 * and counts are written once at the end. The rows and the run log equal those of ingesting the inputs one by one
 * (first-load.test.ts).
 */
import type { Bundle } from '../model/bundle.ts';
import type { Connector } from '../sources/source.ts';
import type { Db } from '../store/db.ts';
import { refreshDerived } from '../store/derived.ts';
import { append, insertNewKeys, stageTableSql } from '../store/merge.ts';
import { type DanglingRef, type SourceDefinition, danglingReferencesSql } from '../store/queries/integrity.ts';
import { inlined, join, raw, sql } from '../store/sql.ts';
import type { TableSpec } from '../model/tables.ts';
import { mapAhead, mapInput } from './bundled-mapping.ts';
import type { KnownSoFar } from './known-names.ts';
import { type IngestSummary, type Progress, refuseDangling, refuseRedefinedSources, tableRows } from './pipeline.ts';

/** The temporary table an input's rows of `spec` are appended to before they are inserted. */
const stageOf = (spec: TableSpec) => `first_${spec.name}`;

/**
 * Loads `inputs` in order into `db`, which no input was ever loaded into (it has no ingest run; `known` is loaded
 * from it). A dataset may come once: a second input of one dataset would replace the first, which only `ingest` does.
 */
export async function loadFirst(
  db: Db,
  inputs: readonly { connector: Connector<unknown>; input: string }[],
  known: KnownSoFar,
  progress: Progress = () => {},
  mapped?: (bundles: Bundle[]) => void,
): Promise<IngestSummary[]> {
  const jobs = mapAhead(inputs, known, mapped);
  const staged = new Set<string>();
  // Sources by id, as the inputs loaded so far define them (what `ingest` reads back from the database).
  const defined = new Map<string, Omit<SourceDefinition, 'retrieved'>[]>();
  const loaded: {
    connector: string;
    dataset: string;
    input: string;
    sha256: string | null;
    read: number;
    issues: number;
    started: Date;
    finished: Date | null;
  }[] = [];
  // The call inserting the input before, which checks its references too.
  let inserting: Promise<void> = Promise.resolve();
  return db.transaction(async () => {
    try {
      for (const [i, { connector, input }] of inputs.entries()) {
        const started = new Date();
        let job = await jobs[i];
        if (!job) {
          // The names of an input before could not be told ahead: those the last input wrote are read back.
          await inserting;
          const before = loaded.at(-1);
          if (before) await known.changed(db, before.dataset);
          job = mapInput({ connector, input }, known);
        }
        progress('read', 0, 1);
        const read = await job.reading;
        progress('read', 1, 1);
        const bundle = await job.mapping;
        const dataset = read.dataset;
        const twice = loaded.find((l) => l.dataset === dataset);
        if (twice) {
          throw new Error(
            `bundled inputs ${twice.input} and ${input} both write dataset ${dataset}; each may come once`,
          );
        }
        refuseRedefinedSources(
          input,
          bundle,
          bundle.sources.flatMap((s) => defined.get(s.id) ?? []),
        );
        for (const s of bundle.sources) {
          const list = defined.get(s.id) ?? [];
          if (!list.some((d) => d.dataset === dataset)) {
            list.push({ ...s, published: s.published ?? null, dataset });
            defined.set(s.id, list);
          }
        }
        const tables = tableRows(connector, bundle, dataset).filter((t) => t.rows.length > 0);
        const unstaged = tables.filter((t) => !staged.has(t.spec.name));
        await inserting;
        if (unstaged.length > 0) {
          await db.exec(unstaged.map(({ spec }) => `${stageTableSql(spec, stageOf(spec))};`).join('\n'));
          for (const { spec } of unstaged) staged.add(spec.name);
        }
        progress('merge', i, inputs.length);
        for (const { spec, rows } of tables) await append(db, spec, stageOf(spec), rows);
        const run = {
          connector: connector.name,
          dataset,
          input,
          sha256: read.sha256,
          read: read.rowsRead,
          issues: bundle.issues.length,
          started,
          finished: null as Date | null,
        };
        loaded.push(run);
        // In merge order (sources and entities before the rows that point at them), then the input's references
        // checked against what this input and those before it wrote: one call, its result the check's.
        const inserts = tables.map(
          ({ spec }) => `${insertNewKeys(spec, stageOf(spec))};\nDELETE FROM temp.${stageOf(spec)};\n`,
        );
        // Sent as one text without parameters, DuckDB runs it in one call, whatever the main thread is doing meanwhile.
        const text = inserts.join('') + inlined(danglingReferencesSql(dataset));
        inserting = db.all<DanglingRef>({ text, params: [] }).then((dangling) => {
          refuseDangling(input, dangling);
          run.finished = new Date();
        });
        // Reported when awaited; not left unhandled while the next input is mapped.
        inserting.catch(() => {});
      }
      await inserting;
    } catch (error) {
      // Nothing is left running on the connection when the transaction rolls back.
      await inserting.catch(() => {});
      throw error;
    }
    progress('merge', inputs.length, inputs.length);
    const counts = new Map<string, number>();
    if (staged.size > 0) {
      const rows = await db.all<{ dataset: string; n: number }>(
        sql`SELECT dataset, sum(n)::INT AS n FROM (${join(
          [...staged].map((t) => sql`SELECT dataset, count(*) AS n FROM main.${raw(t)} GROUP BY dataset`),
          ' UNION ALL ',
        )}) GROUP BY dataset`,
      );
      for (const r of rows) counts.set(r.dataset, r.n);
    }
    const at = (d: Date | null) => sql`${(d ?? new Date()).toISOString()}::TIMESTAMPTZ::TIMESTAMP`;
    const ids = await db.all<{ id: number; dataset: string }>(sql`
      INSERT INTO ingest_runs (connector, dataset, input, input_sha256, started, finished, rows_read, rows_inserted,
        rows_updated, rows_deleted, status, error)
      VALUES ${join(
        loaded.map((l) => {
          const n = counts.get(l.dataset) ?? 0;
          return sql`(${l.connector}, ${l.dataset}, ${l.input}, ${l.sha256}, ${at(l.started)}, ${at(l.finished)},
            ${l.read}, ${n}, 0, 0, ${n > 0 ? 'ok' : 'unchanged'}, NULL)`;
        }),
        ', ',
      )}
      RETURNING id::INT AS id, dataset`);
    const runIds = new Map(ids.map((r) => [r.dataset, r.id]));
    await db.exec([...staged].map((name) => `DROP TABLE temp.first_${name};`).join('\n'));
    // Once for all the inputs: none of them reads a derived table while it is loaded.
    await refreshDerived(db);
    progress('committed', 1, 1);
    return loaded.map((l): IngestSummary => {
      const n = counts.get(l.dataset) ?? 0;
      return {
        connector: l.connector,
        dataset: l.dataset,
        input: l.input,
        runId: runIds.get(l.dataset) ?? 0,
        read: l.read,
        inserted: n,
        updated: 0,
        deleted: 0,
        issues: l.issues,
        status: n > 0 ? 'ok' : 'unchanged',
      };
    });
  });
}
