/**
 * A worker thread that turns one gzipped JSON Lines file of works into compact records: gunzip, split, JSON.parse
 * and validation — the costly part of a snapshot sync — off the main thread, which keeps writing to DuckDB.
 */
import { parentPort } from 'node:worker_threads';
import { InputError } from '../../model/errors.ts';
import { type WorkFilter, type WorkRecord, matchesFilter, parseWork } from './records.ts';
import { gzipLines, parseJsonLine } from './snapshot-reader.ts';

export interface ParseJob {
  job: number;
  path: string;
  filter: WorkFilter;
  batchSize: number;
}

/** A kept work, or the id of one that does not (or no longer) match the filter. */
export type ParsedWork = { keep: true; work: WorkRecord } | { keep: false; id: string };

export type ParseMessage =
  | { job: number; type: 'batch'; works: ParsedWork[] }
  | { job: number; type: 'done'; lines: number }
  | { job: number; type: 'error'; file: string; line: number | null; field: string | null; reason: string };

async function run(job: ParseJob): Promise<void> {
  let lines = 0;
  let batch: ParsedWork[] = [];
  try {
    for await (const chunk of gzipLines(job.path)) {
      for (const l of chunk) {
        const work = parseWork(parseJsonLine(l, job.path), job.path, l.line);
        lines++;
        batch.push(matchesFilter(work, job.filter) ? { keep: true, work } : { keep: false, id: work.id });
      }
      if (batch.length >= job.batchSize) {
        parentPort?.postMessage({ job: job.job, type: 'batch', works: batch } satisfies ParseMessage);
        batch = [];
      }
    }
    if (batch.length > 0) parentPort?.postMessage({ job: job.job, type: 'batch', works: batch } satisfies ParseMessage);
    parentPort?.postMessage({ job: job.job, type: 'done', lines } satisfies ParseMessage);
  } catch (error) {
    const e =
      error instanceof InputError
        ? error
        : new InputError(job.path, null, null, error instanceof Error ? error.message : String(error));
    parentPort?.postMessage({
      job: job.job,
      type: 'error',
      file: e.file,
      line: e.line,
      field: e.field,
      reason: e.reason,
    } satisfies ParseMessage);
  }
}

parentPort?.on('message', (job: ParseJob) => void run(job));
