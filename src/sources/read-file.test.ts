// Whole-file inputs: strict UTF-8, never empty, and never larger than the documented cap (checked before reading).
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { MAX_INPUT_BYTES, readTextFile } from './read-file.ts';

test('a file over the size cap is refused, naming it and both sizes', async () => {
  const file = join(mkdtempSync(join(tmpdir(), 'neijuan-read-')), 'big.json');
  writeFileSync(file, 'x'.repeat(3 * 1024 * 1024));
  await assert.rejects(
    readTextFile(file, 2 * 1024 * 1024),
    /big\.json: file is 3\.0 MiB; whole-file inputs are limited to 2 MiB/,
  );
  assert.equal((await readTextFile(file)).text.length, 3 * 1024 * 1024);
  assert.equal(MAX_INPUT_BYTES, 256 * 1024 * 1024);
});
