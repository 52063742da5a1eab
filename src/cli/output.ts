/** CLI output: JSON on --json, aligned tables otherwise; progress bars on stderr only when it is a terminal. */
import { createRequire } from 'node:module';
import type * as CliProgress from 'cli-progress';
import type CliTable from 'cli-table3';
import type { Progress } from '../ingest/pipeline.ts';

// Loaded when a table or a bar is drawn, not with every start of the CLI (the server draws neither).
const load = createRequire(import.meta.url);

export interface OutputOptions {
  json: boolean;
}

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

export function printTable(rows: readonly object[], columns?: string[]): void {
  const first = rows[0];
  if (!first) {
    process.stdout.write('(no rows)\n');
    return;
  }
  const cols = columns ?? Object.keys(first);
  const Table = load('cli-table3') as typeof CliTable;
  const table = new Table({ head: cols, style: { head: [], border: [] } });
  for (const r of rows) {
    table.push(
      cols.map((c) => {
        const v = (r as Record<string, unknown>)[c];
        if (v === null || v === undefined) return '';
        const text = (x: unknown) => (typeof x === 'object' && x !== null ? JSON.stringify(x) : String(x));
        return Array.isArray(v) ? v.map(text).join(', ') : text(v);
      }),
    );
  }
  process.stdout.write(`${table.toString()}\n`);
}

/** A progress callback that draws a bar on a terminal and does nothing elsewhere (CI logs, pipes, --json). */
export function progressBar(enabled: boolean): { progress: Progress; stop: () => void } {
  if (!enabled || !process.stderr.isTTY || !process.stdout.isTTY) return { progress: () => {}, stop: () => {} };
  const { SingleBar } = load('cli-progress') as typeof CliProgress;
  const bar = new SingleBar({ format: '{phase} [{bar}] {value}/{total}', stream: process.stderr, hideCursor: true });
  let started = false;
  return {
    progress: (phase, done, total) => {
      if (!started) {
        bar.start(total, done, { phase });
        started = true;
      }
      bar.setTotal(total);
      bar.update(done, { phase });
    },
    stop: () => {
      if (started) bar.stop();
    },
  };
}
