/**
 * The JavaScript the overview page loads: the entry chunk of index.html, its modulepreloads and, transitively, the
 * chunks they import statically (lazy chunks such as the network page are left out), each gzipped at level 9.
 * Goal: < 300 kB (1 kB = 1,000 bytes, as Vite reports sizes).
 *
 *   npm run bench:web-size            builds the dashboard as `npm run build:web` does, into a temporary directory
 *   npm run bench:web-size -- --dist web/dist    measures an existing build instead
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, posix, resolve } from 'node:path';
import { constants, gzipSync } from 'node:zlib';
import { PROJECT_ROOT, commandLine, formatGoal, goal, header, round, writeResult } from './support/bench-report.ts';

const GOAL_KB = 300;

interface Chunk {
  file: string;
  bytes: number;
  gzip_bytes: number;
  reason: string;
}

const gzipSize = (body: Buffer) => gzipSync(body, { level: constants.Z_BEST_COMPRESSION }).length;

/** Static `import … from "./x.js"`, `import "./x.js"` and `export … from "./x.js"`; never `import("./x.js")`. */
export function staticImports(code: string): string[] {
  const found = new Set<string>();
  for (const m of code.matchAll(/\b(?:import|export)\s*(?:[^"'`()]*?\bfrom\s*)?["'`](\.{1,2}\/[^"'`]+?\.js)["'`]/g)) {
    if (m[1]) found.add(m[1]);
  }
  return [...found];
}

/** The scripts index.html loads at once: module entry points and modulepreloads, as paths inside dist. */
export function entryScripts(html: string): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(/<script\b[^>]*\btype="module"[^>]*\bsrc="([^"]+)"/g)) if (m[1]) out.push(m[1]);
  for (const m of html.matchAll(/<link\b[^>]*\brel="modulepreload"[^>]*\bhref="([^"]+)"/g)) if (m[1]) out.push(m[1]);
  return out.map((src) => src.replace(/^\//, ''));
}

function distFlag(): string | null {
  const i = process.argv.indexOf('--dist');
  return i < 0 ? null : resolve(process.argv[i + 1] ?? 'web/dist');
}

header('bench:web-size — JavaScript the overview page loads, gzip -9');
let dist = distFlag();
let tmp: string | null = null;
try {
  if (dist === null) {
    // The same build as `npm run build:web`, into a directory of our own so a running server keeps its web/dist.
    tmp = mkdtempSync(join(tmpdir(), 'neijuan-bench-web-'));
    dist = join(tmp, 'dist');
    const vite = join(PROJECT_ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
    const build = spawnSync(process.execPath, [vite, 'build', 'web', '--outDir', dist, '--emptyOutDir'], {
      cwd: PROJECT_ROOT,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    if (build.status !== 0) throw new Error(`vite build exited with ${build.status}`);
  }
  const indexHtml = join(dist, 'index.html');
  if (!existsSync(indexHtml)) throw new Error(`${indexHtml} does not exist: run npm run build:web first`);

  const chunks = new Map<string, Chunk>();
  const queue = entryScripts(readFileSync(indexHtml, 'utf8')).map((file) => ({ file, reason: 'index.html' }));
  while (queue.length > 0) {
    const next = queue.shift() as { file: string; reason: string };
    if (chunks.has(next.file)) continue;
    const body = readFileSync(join(dist, next.file));
    chunks.set(next.file, { file: next.file, bytes: body.length, gzip_bytes: gzipSize(body), reason: next.reason });
    for (const spec of staticImports(body.toString('utf8'))) {
      queue.push({ file: posix.join(posix.dirname(next.file), spec), reason: `static import of ${next.file}` });
    }
  }
  const list = [...chunks.values()];
  const gzipKb = round(list.reduce((a, c) => a + c.gzip_bytes, 0) / 1000, 1);
  const rawKb = round(list.reduce((a, c) => a + c.bytes, 0) / 1000, 1);
  const size = goal('overview JavaScript, gzip -9', gzipKb, 'kB', GOAL_KB, 'max');
  for (const c of list) {
    process.stdout.write(
      `${c.file}: ${(c.bytes / 1000).toFixed(1)} kB, ${(c.gzip_bytes / 1000).toFixed(1)} kB gzipped (${c.reason})\n`,
    );
  }
  process.stdout.write(`\n${list.length} chunk(s), ${rawKb} kB raw\n${formatGoal(size)}\n`);
  const out = writeResult('web-size', commandLine('web-size'), {
    dist: tmp === null ? dist : '(temporary build of web/ with vite build, as npm run build:web)',
    chunks: list,
    raw_kb: rawKb,
    gzip_kb: gzipKb,
    goal: size,
  });
  process.stdout.write(`wrote ${out}\n`);
} finally {
  if (tmp !== null) rmSync(tmp, { recursive: true, force: true });
}
