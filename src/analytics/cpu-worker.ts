/**
 * One worker thread for the long computations in JavaScript of a build (cpu-tasks.ts): the search index and the
 * network layout run there while the main thread turns DuckDB's rows into payloads, on the second core. Started on
 * the first task, ended by `close`. Where no worker can start (TypeScript run without tsx in the worker, say), every
 * task runs on this thread instead, with the same result.
 */
import type { Worker } from 'node:worker_threads';
import { moduleWorker } from '../store/worker-thread.ts';
import { type CpuTask, type CpuTasks, runCpuTask } from './cpu-tasks.ts';

interface Pending {
  run: () => unknown;
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

export class CpuWorker {
  private worker: Worker | null = null;
  /** True once the worker answered a task (false: every task so far ran on this thread). */
  answered = false;
  /** True once a worker failed to start: tasks run on this thread. */
  private here = false;
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;
  /** True once closed: no task starts the worker again (it would keep the process alive after its work ended). */
  private closed = false;

  /** `spawn` starts the worker (tests give one that cannot start). */
  constructor(
    private readonly spawn: () => Worker = () =>
      moduleWorker(new URL('./cpu-worker-entry.ts', import.meta.url), 'neijuan-cpu-worker.mjs'),
  ) {}

  run<K extends CpuTask>(task: K, input: Parameters<CpuTasks[K]>[0]): Promise<ReturnType<CpuTasks[K]>> {
    if (this.closed) return Promise.reject(new Error(`the CPU worker is closed: task ${task} not run`));
    const run = () => runCpuTask(task, input);
    const worker = this.here ? null : this.start();
    if (!worker) return Promise.resolve().then(run);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { run, resolve: resolve as (value: unknown) => void, reject });
      worker.postMessage({ id, task, input });
    });
  }

  /**
   * Starts the worker now and has it load what its tasks use (a build calls it as its ingest starts, so the loading
   * happens while the main thread maps inputs, not when the first task waits for it).
   */
  warm(): void {
    this.run('warm', null).catch(() => {});
  }

  /** Ends the worker; tasks not answered yet are rejected (call it once those that matter are answered). */
  close(): void {
    this.closed = true;
    void this.worker?.terminate();
    this.worker = null;
    const jobs = [...this.pending.values()];
    this.pending.clear();
    for (const job of jobs) job.reject(new Error('the CPU worker was closed before it answered'));
  }

  private start(): Worker | null {
    if (this.worker) return this.worker;
    let worker: Worker;
    try {
      worker = this.spawn();
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
