// Lists every *.test.ts under src/ and test/ (Node 20 does not expand globs) and runs them with node:test via tsx.
// First, once per run: the bundled database, into a temporary file the suites copy (test/support/bundled.ts), and the
// compiled CLI (dist/neijuan.mjs), so that the CLI the tests spawn starts as a user's does, without compiling.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function find(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return find(path);
    return e.name.endsWith('.test.ts') ? [path] : [];
  });
}

// Arguments starting with -- go to node:test (a reporter, say); the others name the files to run.
const flags = process.argv.slice(2).filter((a) => a.startsWith('--'));
const only = process.argv.slice(2).filter((a) => !a.startsWith('--'));
// The longest suites start first, so that the two slots end together rather than one waiting on a late long file.
const LONGEST = [
  'test/dashboard.e2e.test.ts',
  'test/changes.test.ts',
  'test/data-safety.test.ts',
  'test/cli.test.ts',
  'test/crash-safety.test.ts',
  'src/ingest/pipeline.test.ts',
  'src/ingest/openalex-snapshot.test.ts',
];
const rank = (f) => (LONGEST.includes(f) ? LONGEST.indexOf(f) : LONGEST.length);
const files =
  only.length > 0 ? only : [...find('src'), ...find('test')].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
const scratch = mkdtempSync(join(tmpdir(), 'neijuan-test-run-'));
let status = 1;
try {
  const cli = spawnSync(process.execPath, ['scripts/build-cli.mjs'], { stdio: 'inherit' });
  if (cli.status !== 0) throw new Error('could not compile the CLI for the tests (see above)');
  const bundled = join(scratch, 'bundled.duckdb');
  const build = spawnSync(process.execPath, ['--import', 'tsx', 'test/support/build-bundled.ts', bundled], {
    stdio: 'inherit',
  });
  if (build.status !== 0) throw new Error('could not build the bundled database for the tests (see above)');
  const result = spawnSync(
    process.execPath,
    ['--import', 'tsx', '--test', '--test-concurrency=2', ...flags, ...files],
    {
      stdio: 'inherit',
      env: { ...process.env, NEIJUAN_TEST_BUNDLED: bundled },
    },
  );
  status = result.status ?? 1;
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
process.exit(status);
