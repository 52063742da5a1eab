/** What every benchmark prints and writes: the machine, the command, the figures and a ratio against a goal. */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const BENCH_DIR = dirname(dirname(fileURLToPath(import.meta.url)));
export const PROJECT_ROOT = dirname(BENCH_DIR);
export const DATA_DIR = join(PROJECT_ROOT, 'data');

export interface Machine {
  cores: number;
  cpu: string;
  memory_gb: number;
  node: string;
  platform: string;
  /** The 1-minute load average when the benchmark started: anything else running skews the figures. */
  load_1m: number;
}

export function machine(): Machine {
  const list = cpus();
  return {
    cores: list.length,
    cpu: list[0]?.model.trim() ?? 'unknown',
    memory_gb: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
    load_1m: round(loadavg()[0] ?? 0, 2),
  };
}

// Taken when the benchmark starts, before it loads the machine itself.
const startMachine = machine();

/** A figure compared with its limit: ratio ≥ 1 means the goal is met, whichever way the limit points. */
export interface Goal {
  what: string;
  measured: number;
  unit: string;
  limit: number;
  /** 'max': measured must stay under the limit (ratio limit / measured); 'min': reach it (measured / limit). */
  direction: 'max' | 'min';
  ratio: number;
  met: boolean;
}

export function goal(what: string, measured: number, unit: string, limit: number, direction: Goal['direction']): Goal {
  // Nothing measured (no request answered in time) is a miss, not an infinite ratio.
  if (!Number.isFinite(measured)) return { what, measured, unit, limit, direction, ratio: 0, met: false };
  const ratio = direction === 'max' ? limit / measured : measured / limit;
  // The goals are strict inequalities (p95 < 20 ms): equal to the limit is not met.
  const met = direction === 'max' ? measured < limit : measured >= limit;
  return { what, measured, unit, limit, direction, ratio: round(ratio, 2), met };
}

/** "ratio 1.37 (goal ≥ 1.0)" and whether it is met. */
export function formatGoal(g: Goal): string {
  const sign = g.direction === 'max' ? '<' : '≥';
  return (
    `${g.what}: ${g.measured} ${g.unit} (limit ${sign} ${g.limit} ${g.unit}) — ` +
    `ratio ${g.ratio.toFixed(2)} (goal ≥ 1.0) ${g.met ? 'MET' : 'NOT MET'}`
  );
}

export function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  if (sorted.length === 0) return Number.NaN;
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** The value below which `p` (0–100) per cent of the sorted samples fall (nearest rank). */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] as number;
}

/** The commit measured, and the source files that differ from it (the figures are of the working tree). */
export function codeVersion(): { commit: string; uncommitted_src: string[] } {
  const git = (...args: string[]) => execFileSync('git', args, { cwd: PROJECT_ROOT, encoding: 'utf8' }).trim();
  try {
    const changed = git('status', '--porcelain', '--', 'src', 'web/src', 'data');
    return { commit: git('rev-parse', 'HEAD'), uncommitted_src: changed ? changed.split('\n') : [] };
  } catch {
    return { commit: 'unknown (not a git checkout)', uncommitted_src: [] };
  }
}

/** Writes bench/out/<name>.json with the machine, the date and the command, and returns its path. */
export function writeResult(name: string, command: string, body: Record<string, unknown>): string {
  const dir = join(BENCH_DIR, 'out');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${name}.json`);
  const result = {
    bench: name,
    date: new Date().toISOString(),
    command,
    code: codeVersion(),
    machine: { ...startMachine, load_1m_at_end: round(loadavg()[0] ?? 0, 2) },
    ...body,
  };
  writeFileSync(path, `${JSON.stringify(result, null, 2)}\n`);
  return path;
}

/** `--name value` flags of the command line, as numbers, with defaults. */
export function numberFlag(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const value = Number(process.argv[i + 1]);
  if (!Number.isFinite(value)) throw new Error(`--${name}: expected a number, got ${process.argv[i + 1]}`);
  return value;
}

export function booleanFlag(name: string): boolean {
  return process.argv.includes(`--${name}`);
}

/** The command that ran this benchmark, as a reader would type it. */
export function commandLine(name: string): string {
  const args = process.argv.slice(2);
  return `npm run bench:${name}${args.length > 0 ? ` -- ${args.join(' ')}` : ''}`;
}

export function header(title: string): void {
  const m = startMachine;
  process.stdout.write(
    `${title}\n${m.cores} × ${m.cpu}, ${m.memory_gb} GB, Node ${m.node}, ${m.platform}, load ${m.load_1m} at start\n\n`,
  );
}
