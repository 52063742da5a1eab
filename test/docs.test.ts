// Documentation is tested: every CLI command, API route and metric has its entry.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { renderMethodology } from '../src/analytics/methodology.ts';
import { METRICS } from '../src/analytics/metrics.ts';
import { createProgram } from '../src/cli/program.ts';
import { INPUTS } from '../src/ingest/inputs.ts';
import { CONNECTOR_DEFINITIONS } from '../src/sources/registry.ts';
import { ROOT, bundledApp } from './support/bundled.ts';

const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');

test('README shows how to ingest every input `neijuan ingest` takes', () => {
  for (const def of INPUTS) {
    assert.match(readme, new RegExp(`neijuan ingest ${def.name} `), `README lacks "neijuan ingest ${def.name}"`);
    // A connector's example input is one a fresh clone has (the CSV connector's and the syncs' are the user's own).
    if (def.kind === 'records' && def.name !== 'csv')
      assert.ok(existsSync(join(ROOT, def.example)), `${def.name}: ${def.example} is missing`);
  }
});

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
    const cited = m.sources.length > 0 || ('perRecord' in m && m.perRecord !== undefined);
    assert.ok(cited && m.caveats.length > 0, `${m.id} lacks sources or caveats`);
  }
});

test('docs/ARCHITECTURE.md names every folder of src/ and every connector, and nothing that is gone', () => {
  const arch = readFileSync(join(ROOT, 'docs', 'ARCHITECTURE.md'), 'utf8');
  const dirs = (path: string) =>
    readdirSync(join(ROOT, path), { withFileTypes: true })
      .filter((e) => e.isDirectory() && e.name !== 'fixtures')
      .map((e) => e.name);
  for (const d of dirs('src')) assert.match(arch, new RegExp(`src/${d}/`), `ARCHITECTURE.md lacks src/${d}/`);
  for (const d of ['web', 'data', 'test', 'bench', 'scripts', 'docs'].filter((x) => existsSync(join(ROOT, x)))) {
    assert.match(arch, new RegExp(`^${d}/`, 'm'), `ARCHITECTURE.md lacks ${d}/`);
  }
  // The connector list: every connector folder, and no name that is not one; the registry declares the same set
  // (csv-mapping is the folder of the connector named csv).
  const connectors = dirs('src/sources').filter((d) => d !== 'http');
  assert.deepEqual(
    CONNECTOR_DEFINITIONS.map((d) => (d.name === 'csv' ? 'csv-mapping' : d.name)).sort(),
    [...connectors].sort(),
    'src/sources/registry.ts vs the connector folders',
  );
  const line = /one folder per connector[^:]*:\s*\n?\s*([^;]+);/.exec(arch)?.[1] ?? '';
  const listed = line
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
  assert.deepEqual([...listed].sort(), [...connectors].sort(), 'ARCHITECTURE.md connector list vs src/sources/');
  // Files the text names under src/ exist.
  for (const [, file] of arch.matchAll(/\b(src\/[a-z/-]+\.ts)\b/g)) {
    assert.ok(existsSync(join(ROOT, file as string)), `ARCHITECTURE.md names ${file}, which does not exist`);
  }
});
