/** The worker thread's side of `CpuWorker`: runs each task it is sent and posts back its result or its error. */
import { parentPort } from 'node:worker_threads';
import { type CpuTask, runCpuTask } from './cpu-tasks.ts';

parentPort?.on('message', (message: { id: number; task: CpuTask; input: never }) => {
  try {
    parentPort?.postMessage({ id: message.id, result: runCpuTask(message.task, message.input) });
  } catch (error) {
    parentPort?.postMessage({ id: message.id, error: error instanceof Error ? error.message : String(error) });
  }
});
