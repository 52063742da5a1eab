// The CLI as a user runs it: a child process on a real database file.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, test } from 'node:test';
import { ROOT } from './support/bundled.ts';

const dbFile = join(mkdtempSync(join(tmpdir(), 'neijuan-cli-')), 'n.duckdb');

function neijuan(...args: string[]) {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'neijuan.js'), '--db', dbFile, ...args], {
    encoding: 'utf8',
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

before(() => {
  const r = neijuan('build', '--json');
  assert.equal(r.code, 0, r.err);
  assert.equal(JSON.parse(r.out).skipped, false);
});

test('build --if-stale skips a database built from the same data', () => {
  const r = neijuan('build', '--if-stale', '--json');
  assert.equal(r.code, 0, r.err);
  assert.equal(JSON.parse(r.out).skipped, true);
});

test('show finds by id and by Chinese name, with sources', () => {
  const byName = JSON.parse(neijuan('show', '深度求索', '--json').out);
  assert.equal(byName.entity.id, 'org:deepseek');
  assert.ok(byName.sources.length > 0);
  const text = neijuan('show', 'org:unitree');
  assert.equal(text.code, 0, text.err);
  assert.match(text.out, /org:unitree \(company\) Unitree/);
  assert.match(text.out, /\[1\] .+https?:\/\//);
});

test('search prints JSON hits', () => {
  const hits = JSON.parse(neijuan('search', 'hang', 'zhou', '--json').out);
  assert.equal(hits[0].id, 'city:hangzhou');
});

test('sql runs one SELECT and refuses the rest with exit code 1', () => {
  const ok = neijuan('sql', "SELECT count(*)::INT AS n FROM entities WHERE id = 'org:deepseek'", '--json');
  assert.deepEqual(JSON.parse(ok.out), [{ n: 1 }]);
  const refused = neijuan('sql', 'DROP TABLE entities');
  assert.equal(refused.code, 1);
  assert.match(refused.err, /neijuan: only SELECT is allowed/);
});

test('ingest epoch reports counts; a missing file is a clear error', () => {
  const again = neijuan(
    'ingest',
    'epoch',
    '--file',
    join(ROOT, 'data', 'epoch', 'notable_ai_models_2026-01.csv'),
    '--json',
  );
  assert.equal(again.code, 0, again.err);
  assert.equal(JSON.parse(again.out).status, 'unchanged');
  const missing = neijuan('ingest', 'epoch', '--file', '/nonexistent/x.csv');
  assert.equal(missing.code, 1);
  assert.match(missing.err, /\/nonexistent\/x\.csv: cannot read: ENOENT/);
});

test('resolve prints counts per input and method; --report lists every merge', () => {
  const summary = JSON.parse(neijuan('resolve', '--json').out) as {
    merges: { dataset: string; method: string; merges: number }[];
  };
  const full = JSON.parse(neijuan('resolve', '--report', '--json').out) as { merges: unknown[] };
  assert.ok(summary.merges.length > 0 && full.merges.length > summary.merges.length);
  assert.equal(
    summary.merges.reduce((n, m) => n + m.merges, 0),
    full.merges.length,
  );
});
