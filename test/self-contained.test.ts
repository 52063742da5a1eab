// A fresh clone has nothing beside it: no test, script, benchmark, README command or CI step may read outside the
// repository. This scans them for the ways a path can climb out of it (the workbench folder beside the clone, or a
// join() that climbs above the root), and names the file and line.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { ROOT } from './support/bundled.ts';

const SCANNED_DIRS = ['src', 'test', 'scripts', 'bench', 'web/src', '.ci', 'docs'];
const SCANNED_FILES = ['README.md', 'package.json'];
const TEXT = /\.(ts|tsx|mjs|js|json|md|sh|yaml|yml)$|^run$/;

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'fixtures' || e.name === 'node_modules' ? [] : walk(path);
    return TEXT.test(e.name) ? [path] : [];
  });
}

/** Patterns of a path that leaves the repository. */
const OUTSIDE = [
  /\.\.\/shared\b/, // the workbench beside the clone
  /['"]\.\.['"]\s*,\s*['"]shared['"]/, // join(ROOT, '..', 'shared')
  /\bROOT\s*,\s*['"]\.\.['"]/, // join(ROOT, '..', …)
];

test('nothing reads outside the repository', () => {
  const files = [...SCANNED_DIRS.flatMap((d) => walk(join(ROOT, d))), ...SCANNED_FILES.map((f) => join(ROOT, f))];
  assert.ok(files.length > 100, `scanned only ${files.length} files`);
  const hits: string[] = [];
  for (const file of files) {
    if (file === import.meta.filename) continue;
    readFileSync(file, 'utf8')
      .split('\n')
      .forEach((line, i) => {
        if (OUTSIDE.some((re) => re.test(line))) hits.push(`${relative(ROOT, file)}:${i + 1}: ${line.trim()}`);
      });
  }
  assert.deepEqual(hits, [], `paths outside the repository:\n${hits.join('\n')}`);
});
