/**
 * One autocannon run against one URL, with exact latency percentiles (autocannon's own histogram has no p95).
 * Runs in the calling process, or in a child process of its own (`node --import tsx load-runner.ts <json>`), so on
 * a two-core machine the load generator and the server do not share one event loop (the options go in on stdin).
 */
import { spawn } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import autocannon from 'autocannon';
import { percentile, round } from './bench-report.ts';

export interface LoadOptions {
  url: string;
  connections: number;
  seconds: number;
  /** Paths (percent-encoded) each request takes in turn instead of the URL's, e.g. queries nobody asked before. */
  paths?: string[];
}

export interface LoadResult {
  requests: number;
  seconds: number;
  rps: number;
  p50_ms: number;
  p95_ms: number;
  p99_ms: number;
  max_ms: number;
  errors: number;
  timeouts: number;
  non2xx: number;
}

/** Loads `url` with `connections` keep-alive connections for `seconds`, one request in flight on each. */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const latencies: number[] = [];
  const paths = options.paths ?? [];
  let next = 0;
  const instance = autocannon({
    url: options.url,
    connections: options.connections,
    duration: options.seconds,
    pipelining: 1,
    timeout: 10,
    requests:
      paths.length > 0
        ? [{ setupRequest: (request) => ({ ...request, path: paths[next++ % paths.length] as string }) }]
        : undefined,
  });
  instance.on('response', (_client, _status, _bytes, ms) => {
    latencies.push(ms);
  });
  const result = await instance;
  latencies.sort((a, b) => a - b);
  const at = (p: number) => round(percentile(latencies, p), 2);
  return {
    requests: latencies.length,
    seconds: result.duration,
    rps: round(latencies.length / result.duration, 1),
    p50_ms: at(50),
    p95_ms: at(95),
    p99_ms: at(99),
    max_ms: round(latencies[latencies.length - 1] ?? Number.NaN, 2),
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
  };
}

/** The same run in a child process: its stdout is the result as JSON. */
export function runLoadInChild(options: LoadOptions): Promise<LoadResult> {
  const self = fileURLToPath(import.meta.url);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', self], { stdio: ['pipe', 'pipe', 'inherit'] });
    child.stdin.end(JSON.stringify(options));
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`load runner exited with ${code}`));
      try {
        resolve(JSON.parse(out) as LoadResult);
      } catch (error) {
        reject(new Error(`load runner printed no result: ${(error as Error).message}`));
      }
    });
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  let input = '';
  for await (const chunk of process.stdin.setEncoding('utf8')) input += chunk as string;
  const options = JSON.parse(input) as LoadOptions;
  process.stdout.write(`${JSON.stringify(await runLoad(options))}\n`);
}
