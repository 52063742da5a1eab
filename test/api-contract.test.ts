// The API contract: the OpenAPI document passes Redocly's recommended ruleset with no error and no warning, and a
// client generated from it by openapi-typescript type-checks against real responses of the bundled data.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import openapiTS, { astToString } from 'openapi-typescript';
import { ROOT, bundledApp } from './support/bundled.ts';

const dir = mkdtempSync(join(tmpdir(), 'neijuan-contract-'));
let ctx: Awaited<ReturnType<typeof bundledApp>>;
let doc: { paths: Record<string, Record<string, { operationId?: string; responses: Record<string, unknown> }>> };

before(async () => {
  ctx = await bundledApp();
  doc = (await (await ctx.app.request('/api/openapi.json')).json()) as typeof doc;
  writeFileSync(join(dir, 'openapi.json'), JSON.stringify(doc));
});
after(() => ctx.db.close());

test('every operation has an operationId, a described 200 and a 4xx', () => {
  const ops = Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([m, op]) => ({ path, m, op })),
  );
  assert.ok(ops.length >= 14, `${ops.length} operations`);
  for (const { path, m, op } of ops) {
    assert.ok(op.operationId, `${m} ${path}: no operationId`);
    const ok = op.responses['200'] as { content?: Record<string, { schema?: unknown }> };
    assert.ok(ok?.content?.['application/json']?.schema, `${m} ${path}: no JSON response schema`);
    assert.ok(
      Object.keys(op.responses).some((s) => s.startsWith('4')),
      `${m} ${path}: no 4xx`,
    );
  }
  assert.ok(doc.paths['/api/health'] && doc.paths['/api/openapi.json']);
});

test("Redocly's recommended ruleset: no errors, no warnings", () => {
  const r = spawnSync(
    process.execPath,
    [
      join(ROOT, 'node_modules', '@redocly', 'cli', 'bin', 'cli.js'),
      'lint',
      join(dir, 'openapi.json'),
      '--format=json',
    ],
    { encoding: 'utf8', env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' } },
  );
  const report = JSON.parse(r.stdout.slice(r.stdout.indexOf('{'))) as {
    totals: { errors: number; warnings: number };
    problems: { ruleId: string; message: string }[];
  };
  assert.deepEqual(
    report.totals,
    { ...report.totals, errors: 0, warnings: 0 },
    report.problems.map((p) => `${p.ruleId}: ${p.message}`).join('\n'),
  );
});

test('a client generated from the document type-checks against real responses', async () => {
  const types = astToString(await openapiTS(JSON.stringify(doc)));
  writeFileSync(join(dir, 'api.d.ts'), types);
  const cases: [string, string][] = [
    ['/api/health', '/api/health'],
    ['/api/search', '/api/search?q=%E6%B7%B1%E5%BA%A6%E6%B1%82%E7%B4%A2&limit=3'],
    ['/api/entities/{id}', '/api/entities/org:deepseek'],
    ['/api/involution', '/api/involution?segment=bci'],
    ['/api/prices', '/api/prices?vendor=org:deepseek'],
    ['/api/segments', '/api/segments'],
    ['/api/compare', '/api/compare?series=genai-filings-cn'],
  ];
  const lines = ["import type { paths } from './api.d.ts';"];
  for (const [i, [path, url]] of cases.entries()) {
    const res = await ctx.app.request(url);
    assert.equal(res.status, 200, url);
    lines.push(
      `export const r${i}: paths['${path}']['get']['responses'][200]['content']['application/json'] = ${JSON.stringify(await res.json())};`,
    );
  }
  writeFileSync(join(dir, 'check.ts'), `${lines.join('\n')}\n`);
  const tsc = spawnSync(
    process.execPath,
    [
      join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'),
      '--noEmit',
      '--strict',
      '--skipLibCheck',
      '--target',
      'es2022',
      '--module',
      'nodenext',
      '--allowImportingTsExtensions',
      join(dir, 'check.ts'),
    ],
    { encoding: 'utf8' },
  );
  assert.equal(tsc.status, 0, tsc.stdout + tsc.stderr);
});
