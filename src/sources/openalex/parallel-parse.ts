/**
 * Parses snapshot files on worker threads (one per core) and hands their works back in file order, batch by batch,
 * so the reader's results are exactly those of a sequential read.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { InputError } from '../../model/errors.ts';
import type { ParseJob, ParseMessage, ParsedWork } from './parse-worker.ts';
import type { WorkFilter } from './records.ts';

type Event =
  { type: 'batch'; works: ParsedWork[] } | { type: 'done'; lines: number } | { type: 'error'; error: InputError };

/** A queue of one file's events, filled by a worker and drained by the reader. */
class FileStream {
  private readonly events: Event[] = [];
  private wake: (() => void) | null = null;
  push(e: Event): void {
    this.events.push(e);
    this.wake?.();
    this.wake = null;
  }
  async next(): Promise<Event> {
    while (this.events.length === 0) await new Promise<void>((resolve) => (this.wake = resolve));
    return this.events.shift() as Event;
  }
}

export class ParsePool {
  private readonly workers: Worker[] = [];
  private readonly idle: Worker[] = [];
  private readonly streams = new Map<number, FileStream>();
  private readonly waiting: (() => void)[] = [];
  private nextJob = 0;

  constructor(size = Math.max(1, availableParallelism())) {
    for (let i = 0; i < size; i++) {
      // The worker is TypeScript: a small .mjs entry registers tsx in the thread, then loads it.
      const worker = new Worker(new URL('./parse-worker-entry.mjs', import.meta.url));
      worker.on('message', (m: ParseMessage) => {
        const stream = this.streams.get(m.job);
        if (!stream) return;
        if (m.type === 'batch') stream.push({ type: 'batch', works: m.works });
        else {
          stream.push(
            m.type === 'done'
              ? { type: 'done', lines: m.lines }
              : { type: 'error', error: new InputError(m.file, m.line, m.field, m.reason) },
          );
          this.streams.delete(m.job);
          this.release(worker);
        }
      });
      this.workers.push(worker);
      this.idle.push(worker);
    }
  }

  private release(worker: Worker): void {
    this.idle.push(worker);
    this.waiting.shift()?.();
  }

  private async start(path: string, filter: WorkFilter, batchSize: number): Promise<FileStream> {
    while (this.idle.length === 0) await new Promise<void>((resolve) => this.waiting.push(resolve));
    const worker = this.idle.shift() as Worker;
    const job = this.nextJob++;
    const stream = new FileStream();
    this.streams.set(job, stream);
    worker.postMessage({ job, path, filter, batchSize } satisfies ParseJob);
    return stream;
  }

  /**
   * The works of `paths`, file after file, each file's batches in order; while one file is read, the next ones are
   * already being parsed. Ends each file with its line count; throws the first file's InputError.
   */
  async *files(
    paths: readonly string[],
    filter: WorkFilter,
    batchSize: number,
  ): AsyncGenerator<{ path: string; works?: ParsedWork[]; lines?: number }> {
    const started: Promise<FileStream>[] = [];
    const ahead = this.workers.length;
    for (let i = 0; i < paths.length; i++) {
      while (started.length < Math.min(paths.length, i + ahead + 1)) {
        started.push(this.start(paths[started.length] as string, filter, batchSize));
      }
      const stream = await (started[i] as Promise<FileStream>);
      for (;;) {
        const e = await stream.next();
        if (e.type === 'error') throw e.error;
        if (e.type === 'done') {
          yield { path: paths[i] as string, lines: e.lines };
          break;
        }
        yield { path: paths[i] as string, works: e.works };
      }
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
