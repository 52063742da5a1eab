// Documentation is tested: every CLI command, API route and metric has its entry.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { renderMethodology } from '../src/analytics/methodology.ts';
import { METRICS } from '../src/analytics/metrics.ts';
import { createProgram } from '../src/cli/program.ts';
import { ROOT, bundledApp } from './support/bundled.ts';

const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');

test('README shows every CLI command', () => {
  for (const command of createProgram().commands) {
    assert.match(readme, new RegExp(`neijuan ${command.name()}\\b`), `README lacks "neijuan ${command.name()}"`);
  }
});

test('README lists every API route of the OpenAPI document', async () => {
  const { app, db } = await bundledApp();
  const doc = (await (await app.request('/api/openapi.json')).json()) as { paths: Record<string, unknown> };
  db.close();
  for (const path of Object.keys(doc.paths)) {
    const written = path.replace('{id}', ':id');
    assert.ok(readme.includes(`GET ${written}`), `README lacks GET ${written}`);
  }
});

test('docs/METHODOLOGY.md is generated from the registry and covers every metric', () => {
  const doc = readFileSync(join(ROOT, 'docs', 'METHODOLOGY.md'), 'utf8');
  assert.equal(doc, renderMethodology(), 'run npm run docs:methodology');
  for (const m of METRICS) {
    assert.ok(doc.includes(`## ${m.id}`));
    assert.ok(m.sources.length > 0 && m.caveats.length > 0, `${m.id} lacks sources or caveats`);
  }
});
