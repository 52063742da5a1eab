/**
 * Starts a worker thread on a module of src/: its compiled copy in dist/ when the CLI runs compiled
 * (scripts/build-cli.mjs compiles each worker beside it), else the TypeScript through tsx, registered in the worker
 * first (a worker's own module is loaded before the loaders of `--import` apply to it).
 */
import { Worker } from 'node:worker_threads';

// Set by scripts/build-cli.mjs in the compiled CLI.
declare const NEIJUAN_COMPILED: boolean | undefined;
const COMPILED = typeof NEIJUAN_COMPILED !== 'undefined' && NEIJUAN_COMPILED;

/** `source`: the worker's module under src/; `compiled`: its file name in dist/. */
export function moduleWorker(source: URL, compiled: string): Worker {
  if (COMPILED) return new Worker(new URL(`../../dist/${compiled}`, import.meta.url));
  return new Worker(
    `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))})` +
      `.then((tsx) => { tsx.register(); return import(${JSON.stringify(source.href)}); })`,
    { eval: true },
  );
}
