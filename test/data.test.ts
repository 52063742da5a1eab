// The bundled dataset's checks (npm run check:data), run as part of npm test.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { checkBundledData, MIN_CHINESE_AI_ORGANIZATIONS } from '../src/ingest/data-check.ts';
import { DATA_DIR, ROOT } from './support/bundled.ts';

test('the bundled dataset passes every check and docs/DATA.md is its current report', async () => {
  const result = await checkBundledData(DATA_DIR);
  assert.deepEqual(result.problems, []);
  assert.ok(result.chineseAiOrganizations >= MIN_CHINESE_AI_ORGANIZATIONS);
  const committed = readFileSync(join(ROOT, 'docs', 'DATA.md'), 'utf8');
  assert.equal(committed, result.report, 'docs/DATA.md is stale: run npm run check:data -- --write');
});
