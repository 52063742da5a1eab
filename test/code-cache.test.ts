/** The compiled CLI's code cache (bin/code-cache.js): made once, used after, never taken from another bundle. */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const CODE_CACHE = fileURLToPath(new URL('../bin/code-cache.js', import.meta.url));

/**
 * Runs `file` as bin/neijuan.js runs the CLI, in a process of its own (in this one, V8 would find the text already
 * compiled and never look at the cache), and says what it ran and what became of the cache.
 */
function runWithCodeCache(file: string): {
  cache: string;
  value: unknown;
  twice: unknown;
  where: unknown;
  written: boolean;
} {
  const script = `
    const { runWithCodeCache } = await import(${JSON.stringify(CODE_CACHE)});
    const run = runWithCodeCache(${JSON.stringify(file)});
    const { value, twice, where } = run.exports;
    process.stdout.write(JSON.stringify({ cache: run.cache, value, twice, where, written: await run.written }));`;
  return JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' }));
}

/** Runs `check` on a bundle in a folder of its own (removed after): its exports say which text ran, and where. */
function withBundle(value: string, check: (file: string) => void): void {
  const dir = mkdtempSync(join(tmpdir(), 'neijuan-code-cache-'));
  const file = join(dir, 'bundle.cjs');
  writeFileSync(file, source(value));
  try {
    check(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
const source = (value: string) =>
  `exports.value = ${JSON.stringify(value)};\n` +
  `exports.where = require('node:path').basename(__filename);\n` +
  `exports.twice = [1, 2, 3].map((n) => n * 2);\n` +
  `exports.finished = Promise.resolve();\n`;

test('the first run writes the cache after its command; the next runs take their functions from it', () => {
  withBundle('first', (file) => {
    const first = runWithCodeCache(file);
    assert.equal(first.cache, 'none');
    assert.deepEqual([first.value, first.where, first.twice], ['first', 'bundle.cjs', [2, 4, 6]]);
    assert.equal(first.written, true);
    const cached = readFileSync(`${file}.cache`);
    assert.ok(
      cached
        .subarray(0, 40)
        .toString('latin1')
        .startsWith(`${statSync(file).size}:`),
    );
    const second = runWithCodeCache(file);
    assert.equal(second.cache, 'used');
    assert.equal(second.value, 'first');
    assert.equal(second.written, false, 'a cache that was used is not written again');
  });
});

test('a cache made from another text is never used, even of the same length (V8 checks only the length)', () => {
  withBundle('aaaa', (file) => {
    runWithCodeCache(file);
    writeFileSync(file, source('bbbb'));
    utimesSync(file, new Date(), new Date(Date.now() + 5000));
    const changed = runWithCodeCache(file);
    assert.equal(changed.cache, 'none');
    assert.equal(changed.value, 'bbbb');
    assert.equal(changed.written, true);
    assert.equal(runWithCodeCache(file).cache, 'used');
  });
});

test('a damaged cache is turned away and replaced; one that cannot be written is only not used', () => {
  withBundle('damaged', (file) => {
    runWithCodeCache(file);
    const good = readFileSync(`${file}.cache`);
    const stamp = good.subarray(0, good.indexOf('\n') + 1);
    writeFileSync(`${file}.cache`, Buffer.concat([stamp, Buffer.from('not V8 code cache data at all')]));
    const damaged = runWithCodeCache(file);
    assert.equal(damaged.cache, 'rejected');
    assert.equal(damaged.value, 'damaged');
    assert.equal(damaged.written, true);
    assert.equal(runWithCodeCache(file).cache, 'used');
    // Where the cache would go there is a folder: nothing is read or written, and the bundle still runs.
    rmSync(`${file}.cache`);
    mkdirSync(`${file}.cache`);
    const blocked = runWithCodeCache(file);
    assert.equal(blocked.cache, 'none');
    assert.equal(blocked.value, 'damaged');
    assert.equal(blocked.written, false);
    assert.equal(statSync(`${file}.cache`).isDirectory(), true);
  });
});
