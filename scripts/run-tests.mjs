// Runs every *.test.ts under src/ and test/ (or the files named) with node:test through tsx, two files at a time.
//
// First, once per run: the compiled CLI (dist/neijuan.cjs), so that the CLI the tests spawn starts as a user's does,
// and the bundled database, into a temporary file each suite copies (test/support/bundled.ts). Then the files run
// from a queue, the longest first, so that both slots end together (node --test sorts the files it is given by name,
// which started the longest file last). A file with hooks or an await at its top level runs in a process of its own
// (such hooks would wrap every file's tests in a shared process); the others run together in one process, which
// saves each of them the start of Node, tsx and DuckDB. A job's output is printed whole when it ends; the run ends
// with a summary and fails if any job failed (a failure's location names its file).
//
// Temporary files (the databases the suites copy, build and kill) go to a folder of the run's own, removed at its end,
// under /dev/shm when that is a RAM-backed file system with room, unless TMPDIR says otherwise: on a 2-core machine a suite of builds ran 8 % faster there (no test
// depends on the disk surviving a power cut; the crash tests kill processes, which tmpfs survives like any disk).
//
//   node scripts/run-tests.mjs [--test-name-pattern=…] [files…]      (npm run test:unit; npm test runs it)
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statfsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { performance } from 'node:perf_hooks';

function find(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return find(path);
    return e.name.endsWith('.test.ts') ? [path] : [];
  });
}

// Arguments starting with -- go to node:test (a name pattern, say); the others name the files to run.
const flags = process.argv.slice(2).filter((a) => a.startsWith('--'));
const only = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const SLOTS = Number(process.env.NEIJUAN_TEST_SLOTS ?? 2);
// The longest files, longest first (measured on a 2-core machine); every other file follows by name.
const LONGEST = [
  'test/dashboard.e2e.test.ts',
  'test/data-safety.test.ts',
  'test/changes.test.ts',
  'test/cli.test.ts',
  'test/crash-safety.test.ts',
  'src/ingest/openalex-snapshot.test.ts',
  'src/ingest/pipeline.test.ts',
  'test/analytics.golden.test.ts',
  'test/data.test.ts',
];
const rank = (f) => (LONGEST.includes(f) ? LONGEST.indexOf(f) : LONGEST.length);
const files =
  only.length > 0 ? only : [...find('src'), ...find('test')].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));

/** Whether a test file may share a process: no hook and no await at its top level. */
function sharable(file) {
  const text = readFileSync(file, 'utf8');
  return !/^(before|after|beforeEach|afterEach)\(/m.test(text) && !/^(const|let|var|await)\b.*\bawait\b/m.test(text);
}

/** The queue: the longest files, then the files that share a process (one job), then the other files. */
function jobs(list) {
  const one = (f) => ({ name: f, files: [f] });
  const longest = list.filter((f) => LONGEST.includes(f));
  const shared = list.filter((f) => !LONGEST.includes(f) && sharable(f));
  const rest = list.filter((f) => !LONGEST.includes(f) && !sharable(f));
  return [
    ...longest.map(one),
    ...(shared.length > 0 ? [{ name: `${shared.length} files in one process`, files: shared }] : []),
    ...rest.map(one),
  ];
}

/** Runs one job's files in one process; resolves with its counts and output. */
function runJob(job, env) {
  return new Promise((resolve) => {
    const started = performance.now();
    // Every file but the last is loaded with --import, the last as the main module: one root test for them all.
    const path = (f) => (isAbsolute(f) ? f : `./${f}`);
    const imports = job.files.slice(0, -1).flatMap((f) => ['--import', path(f)]);
    const main = path(job.files.at(-1));
    const child = spawn(process.execPath, ['--import', 'tsx', '--test-reporter=tap', ...flags, ...imports, main], {
      env,
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('close', (code, signal) => {
      const count = (name) => Number(out.match(new RegExp(`^# ${name} (\\d+)$`, 'm'))?.[1] ?? 0);
      resolve({
        file: job.name,
        files: job.files,
        ok: code === 0,
        why: signal ? `killed by ${signal}` : `exit ${code}`,
        tests: count('tests'),
        pass: count('pass'),
        fail: count('fail'),
        seconds: (performance.now() - started) / 1000,
        out,
      });
    });
  });
}

/** /dev/shm when TMPDIR is not set and it is a tmpfs with at least 4 GB free; otherwise the usual place. */
function scratchRoot() {
  if (process.env.TMPDIR || !existsSync('/dev/shm')) return tmpdir();
  try {
    const fs = statfsSync('/dev/shm');
    const TMPFS = 0x01021994;
    return fs.type === TMPFS && fs.bavail * fs.bsize >= 4 * 1024 ** 3 ? '/dev/shm' : tmpdir();
  } catch {
    return tmpdir();
  }
}
const TMP = scratchRoot();

const started = performance.now();
const scratch = mkdtempSync(join(TMP, 'neijuan-test-run-'));
let failed = true;
try {
  const cli = spawnSync(process.execPath, ['scripts/build-cli.mjs'], { stdio: 'inherit' });
  if (cli.status !== 0) throw new Error('could not compile the CLI for the tests (see above)');
  const bundled = join(scratch, 'bundled.duckdb');
  const build = spawnSync(process.execPath, ['--import', 'tsx', 'test/support/build-bundled.ts', bundled], {
    stdio: 'inherit',
  });
  if (build.status !== 0) throw new Error('could not build the bundled database for the tests (see above)');
  // Every temporary file a test makes goes under the run's own folder, removed when the run ends (a test that forgets
  // to remove its own leaves nothing behind, which matters more in memory than on a disk).
  const testTmp = join(scratch, 'tmp');
  mkdirSync(testTmp);
  const env = { ...process.env, TMPDIR: testTmp, NEIJUAN_TEST_BUNDLED: bundled };

  const queue = jobs(files.map((f) => f.replace(/^\.\//, '')));
  const results = [];
  const worker = async () => {
    for (let job = queue.shift(); job !== undefined; job = queue.shift()) {
      const r = await runJob(job, env);
      results.push(r);
      process.stdout.write(r.out.endsWith('\n') ? r.out : `${r.out}\n`);
      process.stdout.write(
        `${r.ok ? 'ok' : 'FAILED'} ${r.file}: ${r.pass} of ${r.tests} passed in ${r.seconds.toFixed(1)} s` +
          `${r.ok ? '' : ` (${r.why})`}\n\n`,
      );
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, SLOTS) }, worker));

  const sum = (key) => results.reduce((n, r) => n + r[key], 0);
  const bad = results.filter((r) => !r.ok);
  failed = bad.length > 0;
  const fileCount = results.reduce((n, r) => n + r.files.length, 0);
  console.log(`# files ${fileCount}, tests ${sum('tests')}, passed ${sum('pass')}, failed ${sum('fail')}`);
  console.log(`# ${((performance.now() - started) / 1000).toFixed(1)} s in all, ${SLOTS} at a time; the longest:`);
  for (const r of [...results].sort((a, b) => b.seconds - a.seconds).slice(0, 8)) {
    console.log(`#   ${r.seconds.toFixed(1).padStart(6)} s  ${r.file}`);
  }
  for (const r of bad) console.log(`# FAILED ${r.file} (${r.why})`);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
