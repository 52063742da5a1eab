/**
 * Start-up: from spawning `node bin/neijuan.js serve` on a built database to the first 200 from /api/health
 * (goal < 2 s, median of 5), and `neijuan build` of the bundled data into a new temporary file (goal < 3 s, median of 3,
 * with the median of each of its steps).
 *
 *   npm run bench:start [-- --serve-runs 5 --build-runs 3 --synthetic]
 *
 * --synthetic serves the built database plus the API benchmark's 10 M synthetic OpenAlex works instead.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { prepareServing } from '../src/api/serving.ts';
import { Db } from '../src/store/db.ts';
import {
  DATA_DIR,
  booleanFlag,
  PROJECT_ROOT,
  commandLine,
  formatGoal,
  goal,
  header,
  median,
  numberFlag,
  round,
  writeResult,
} from './support/bench-report.ts';
import { DEFAULT_SPEC, addSyntheticWorks } from './support/synthetic-works.ts';

const CLI = join(PROJECT_ROOT, 'bin', 'neijuan.js');
// Issue 15: under 2 s to the first 200, at 10 M works as on the bundled data.
const SERVE_GOAL_S = 2;
// Issue 15: `neijuan build` of the bundled data under 3 s.
const BUILD_GOAL_S = 3;
const serveRuns = numberFlag('serve-runs', 5);
const buildRuns = numberFlag('build-runs', 3);
const synthetic = booleanFlag('synthetic');

/** A port nobody listens on right now. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function exited(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

/**
 * Runs `neijuan build` into a new `db` (as `npm start` does on a fresh clone) and returns its wall-clock seconds and the
 * seconds of each step the build reports.
 */
async function timeBuild(db: string): Promise<{ seconds: number; steps: { step: string; seconds: number }[] }> {
  rmSync(db, { force: true });
  const started = performance.now();
  const child = spawn(process.execPath, [CLI, '--json', '--db', db, 'build', '--data', DATA_DIR], {
    cwd: PROJECT_ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout?.on('data', (d) => (out += d));
  const code = await exited(child);
  if (code !== 0) throw new Error(`neijuan build exited with ${code}`);
  const seconds = (performance.now() - started) / 1000;
  return { seconds, steps: (JSON.parse(out) as { steps: { step: string; seconds: number }[] }).steps };
}

/** Spawns `neijuan serve` and returns the seconds until /api/health first answers 200. */
async function timeServe(db: string): Promise<number> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, [CLI, '--db', db, 'serve', '--port', String(port)], {
    cwd: PROJECT_ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`neijuan serve exited with ${child.exitCode}`);
      if (performance.now() - started > 60_000) throw new Error('neijuan serve did not answer within 60 s');
      try {
        const res = await fetch(`http://127.0.0.1:${port}/api/health`);
        await res.arrayBuffer();
        if (res.status === 200) return (performance.now() - started) / 1000;
      } catch {
        // Not listening yet.
      }
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  } finally {
    child.kill('SIGTERM');
    await exited(child);
  }
}

header('bench:start — neijuan serve to first /api/health 200, and neijuan build');
// The compiled CLI, as `npm start` makes it: bin/neijuan.js would run the TypeScript through tsx if a source were newer.
// Compiling removes its code cache, so the first build runs without it (as a user's first after an install) and writes
// it; the runs after it use it.
const compiled = spawnSync(process.execPath, [join(PROJECT_ROOT, 'scripts', 'build-cli.mjs')], { stdio: 'inherit' });
if (compiled.status !== 0) throw new Error('could not compile the CLI (see above)');
const dir = mkdtempSync(join(tmpdir(), 'neijuan-bench-start-'));
try {
  const db = join(dir, 'neijuan.duckdb');
  const builds: number[] = [];
  const steps = new Map<string, number[]>();
  for (let i = 0; i < buildRuns; i++) {
    const run = await timeBuild(db);
    builds.push(run.seconds);
    for (const s of run.steps) steps.set(s.step, [...(steps.get(s.step) ?? []), s.seconds]);
    const detail = run.steps.map((s) => `${s.step} ${s.seconds}`).join(', ');
    const cache = i === 0 ? ', making the code cache' : '';
    process.stdout.write(`build ${i + 1}/${buildRuns}: ${run.seconds.toFixed(2)} s (${detail}${cache})\n`);
  }
  if (synthetic) {
    const writable = await Db.open({ path: db });
    const added = await addSyntheticWorks(writable, DEFAULT_SPEC);
    // As `neijuan ingest` does after writing: the search index and default responses for the new data.
    await prepareServing(writable);
    await writable.exec('CHECKPOINT');
    writable.close();
    process.stdout.write(`+ ${added.institutions} synthetic institutions, ${added.works} works\n`);
  }
  const serves: number[] = [];
  for (let i = 0; i < serveRuns; i++) {
    serves.push(await timeServe(db));
    process.stdout.write(`serve ${i + 1}/${serveRuns}: ${serves[i]?.toFixed(3)} s to the first 200\n`);
  }
  const serve = goal('serve to first 200 (median)', round(median(serves), 3), 's', SERVE_GOAL_S, 'max');
  const build = goal('neijuan build (median)', round(median(builds), 2), 's', BUILD_GOAL_S, 'max');
  const stepMedians = [...steps].map(([step, runs]) => ({ step, median_s: round(median(runs), 3) }));
  process.stdout.write(
    `\n${formatGoal(serve)}\n${formatGoal(build)}\n  steps (median): ` +
      `${stepMedians.map((s) => `${s.step} ${s.median_s} s`).join(', ')}\n`,
  );
  const out = writeResult(synthetic ? 'start-synthetic' : 'start', commandLine('start'), {
    database: synthetic ? 'bundled data + 10 M synthetic OpenAlex works (bench:api)' : 'bundled data',
    serve: { runs_s: serves.map((s) => round(s, 3)), median_s: serve.measured, goal: serve },
    build: { runs_s: builds.map((s) => round(s, 2)), median_s: build.measured, goal: build, steps: stepMedians },
  });
  process.stdout.write(`wrote ${out}\n`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
