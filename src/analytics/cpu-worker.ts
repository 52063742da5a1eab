/**
 * One worker thread for the long computations in JavaScript of a build (cpu-tasks.ts): the search index and the
 * network layout run there while the main thread turns DuckDB's rows into payloads, on the second core. Started on
 * the first task, ended by `close`. Where no worker can start (TypeScript run without tsx in the worker, say), every
 * task runs on this thread instead, with the same result.
 */
import { Worker } from 'node:worker_threads';
import { type CpuTask, type CpuTasks, runCpuTask } from './cpu-tasks.ts';

// Set by scripts/build-cli.mjs in the compiled CLI, whose worker is compiled beside it (dist/neijuan-cpu-worker.mjs).
declare const NEIJUAN_COMPILED: boolean | undefined;
const COMPILED = typeof NEIJUAN_COMPILED !== 'undefined' && NEIJUAN_COMPILED;

interface Pending {
  run: () => unknown;
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

/** The worker's module: compiled beside the compiled CLI, else the TypeScript (the worker inherits tsx's loader). */
function defaultEntry(): URL {
  return COMPILED
    ? new URL('../../dist/neijuan-cpu-worker.mjs', import.meta.url)
    : new URL('./cpu-worker-entry.ts', import.meta.url);
}

export class CpuWorker {
  private worker: Worker | null = null;
  /** True once the worker answered a task (false: every task so far ran on this thread). */
  answered = false;
  /** True once a worker failed to start: tasks run on this thread. */
  private here = false;
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;

  constructor(private readonly entry: URL = defaultEntry()) {}

  run<K extends CpuTask>(task: K, input: Parameters<CpuTasks[K]>[0]): Promise<ReturnType<CpuTasks[K]>> {
    const run = () => runCpuTask(task, input);
    const worker = this.here ? null : this.start();
    if (!worker) return Promise.resolve().then(run);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { run, resolve: resolve as (value: unknown) => void, reject });
      worker.postMessage({ id, task, input });
    });
  }

  /** Ends the worker (tasks still running are abandoned: call it once they are all answered). */
  close(): void {
    void this.worker?.terminate();
    this.worker = null;
  }

  private start(): Worker | null {
    if (this.worker) return this.worker;
    let worker: Worker;
    try {
      // The TypeScript loads through tsx, registered in the worker first: a worker's own module is loaded before
      // the loaders of `--import` apply to it.
      worker = this.entry.pathname.endsWith('.ts')
        ? new Worker(
            `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))})` +
              `.then((tsx) => { tsx.register(); return import(${JSON.stringify(this.entry.href)}); })`,
            { eval: true },
          )
        : new Worker(this.entry);
    } catch {
      this.here = true;
      return null;
    }
    worker.on('message', (message: { id: number; result?: unknown; error?: string }) => {
      const job = this.pending.get(message.id);
      if (!job) return;
      this.pending.delete(message.id);
      this.answered = true;
      if (message.error !== undefined) job.reject(new Error(message.error));
      else job.resolve(message.result);
    });
    // A worker that cannot load its module (or dies) hands its tasks back: they run here.
    const fallBack = () => {
      this.here = true;
      this.worker = null;
      const jobs = [...this.pending.values()];
      this.pending.clear();
      for (const job of jobs) {
        try {
          job.resolve(job.run());
        } catch (error) {
          job.reject(error instanceof Error ? error : new Error(String(error)));
        }
      }
    };
    worker.on('error', fallBack);
    worker.on('exit', () => {
      if (this.worker === worker && this.pending.size > 0) fallBack();
    });
    this.worker = worker;
    return worker;
  }
}
