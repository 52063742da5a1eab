/** The worker thread's side of `CpuWorker`: runs each task it is sent and posts back its result or its error. */
import { parentPort } from 'node:worker_threads';
import { type CpuTask, runCpuTask } from './cpu-tasks.ts';

parentPort?.on('message', (message: { id: number; task: CpuTask; input: never }) => {
  const fail = (error: unknown) =>
    parentPort?.postMessage({ id: message.id, error: error instanceof Error ? error.message : String(error) });
  try {
    // A task may answer later (one that reads files): its result is posted when it comes.
    Promise.resolve(runCpuTask(message.task, message.input)).then(
      (result) => parentPort?.postMessage({ id: message.id, result }),
      fail,
    );
  } catch (error) {
    fail(error);
  }
});
