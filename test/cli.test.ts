// The CLI as a user runs it: a child process on a real database file.
import assert from 'node:assert/strict';
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, test } from 'node:test';
import { generateSnapshot } from '../bench/openalex/generate.ts';
import { createApp } from '../src/api/app.ts';
import { servingState } from '../src/api/serving.ts';
import { foldQuery, tokenize } from '../src/analytics/search-index.ts';
import { normalizeName } from '../src/model/names.ts';
import { type SearchDoc, searchDocuments } from '../src/store/queries/entities.ts';
import { Db } from '../src/store/db.ts';
import { ROOT } from './support/bundled.ts';

const dbFile = join(mkdtempSync(join(tmpdir(), 'neijuan-cli-')), 'n.duckdb');

function neijuanOn(file: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'neijuan.js'), '--db', file, ...args], {
    encoding: 'utf8',
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
const neijuan = (...args: string[]) => neijuanOn(dbFile, ...args);

/** The search index's data as it was first made: each document's names joined into one text, then tokenised. */
function indexOfJoinedNames(docs: SearchDoc[]) {
  const byTerm = new Map<string, number[]>();
  docs.forEach((d, i) => {
    for (const term of tokenize(foldQuery(d.names.join('\n')))) byTerm.set(term, [...(byTerm.get(term) ?? []), i]);
  });
  const terms = [...byTerm.keys()].sort();
  return {
    version: 1,
    docs,
    terms,
    postings: terms.map((t) => byTerm.get(t)),
    norms: docs.map((d) => d.names.map((n) => normalizeName(foldQuery(n)))),
  };
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

test('a build that an input fails after every input is mapped exits with its error, and replaces nothing', () => {
  // The curated set retitles the source the university list cites: the list's own definition is refused when it is
  // merged, the second of eight inputs. The process must end (a task sent to the worker after it was closed once
  // started it again and kept the process alive), leaving the database as it was.
  const data = join(mkdtempSync(join(tmpdir(), 'neijuan-cli-bad-')), 'data');
  cpSync(join(ROOT, 'data'), data, { recursive: true });
  for (const name of readdirSync(join(data, 'curated'))) {
    const file = join(data, 'curated', name);
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replaceAll('全国高等学校名单 (2017)', '全国高等学校名单 (2017, retitled)'),
    );
  }
  const before = neijuan('sql', "SELECT value FROM build_info WHERE key = 'built'", '--json').out;
  const started = performance.now();
  const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'neijuan.js'), '--db', dbFile, 'build', '--data', data], {
    encoding: 'utf8',
    timeout: 30_000,
  });
  assert.equal(r.signal, null, `the build did not end within 30 s (${Math.round(performance.now() - started)} ms)`);
  assert.equal(r.status, 1);
  assert.match(
    r.stderr,
    /cn_higher_education_institutions\.csv.*src:moe-2017-university-list belongs to dataset curated/,
  );
  assert.equal(neijuan('sql', "SELECT value FROM build_info WHERE key = 'built'", '--json').out, before);
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

/** `neijuan serve --port 0` on the test's file; resolves with its URL once it listens. */
function serve(...options: string[]): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [
    join(ROOT, 'bin', 'neijuan.js'),
    '--db',
    dbFile,
    '--json',
    'serve',
    '--port',
    '0',
    ...options,
  ]);
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (line) resolve({ url: (JSON.parse(line) as { url: string }).url.replace(/\/$/, ''), child });
    });
    child.on('exit', (code) => reject(new Error(`serve exited with ${code}`)));
  });
}

test('the build stores the search index and default responses; two read-only servers on one file answer alike', async () => {
  const stored = JSON.parse(
    neijuan('sql', "SELECT key, stamp FROM serving_store WHERE key IN ('search-index', '/api/cities')", '--json').out,
  ) as { key: string; stamp: string }[];
  assert.deepEqual(stored.map((r) => r.key).sort(), ['/api/cities', 'search-index']);
  const built = () => neijuan('sql', "SELECT value FROM build_info WHERE key = 'built'", '--json').out;
  const builtBefore = built();
  // The second as npm start runs it: the file was built from this data, so it serves it without building again.
  const servers = [await serve(), await serve('--build-if-stale')];
  assert.equal(built(), builtBefore, 'serve --build-if-stale did not rebuild a database built from the same data');
  try {
    const urls = [
      '/api/involution?segment=llm',
      '/api/cities',
      '/api/entities/org:deepseek',
      '/api/entities/city%3Ahangzhou',
      '/api/search?q=%E6%B7%B1%E5%BA%A6%E6%B1%82%E7%B4%A2',
    ];
    const bodies: string[][] = [];
    for (const { url } of servers) {
      const got: string[] = [];
      for (const path of urls) {
        const res = await fetch(url + path);
        assert.equal(res.status, 200, path);
        const stored = path.startsWith('/api/search') ? null : 'build';
        assert.equal(res.headers.get('x-precomputed'), stored, `${path} is read, not computed`);
        got.push(await res.text());
      }
      bodies.push(got);
    }
    assert.deepEqual(bodies[0], bodies[1], 'both replicas answer byte for byte alike');
    // A stored response is exactly what computing it now gives, and the stored search index is the current one.
    const db = await Db.open({ path: dbFile, readOnly: true });
    try {
      const state = await servingState(db);
      assert.equal(state.searchFrom, 'stored');
      // The build tokenised each input's names on its worker as the input was mapped; its index is still the one the
      // documents give, each document's names tokenised together as one text.
      assert.deepEqual(state.search.toData(), indexOfJoinedNames(await searchDocuments(db)));
      const app = createApp({ db, search: state.search, webRoot: null, docsRoot: null, version: 'test' });
      for (const [i, path] of urls.entries()) {
        const res = await app.request(path);
        assert.equal(res.headers.get('x-precomputed'), null);
        assert.equal(await res.text(), bodies[0]?.[i], path);
      }
    } finally {
      db.close();
    }
    // While they serve, the file cannot be written: an ingest is refused and the servers answer as before.
    const refused = neijuan('ingest', 'epoch', '--file', join(ROOT, 'data', 'epoch', 'notable_ai_models_2026-01.csv'));
    assert.equal(refused.code, 1);
    const res = await fetch(`${servers[0]?.url}/api/cities`);
    assert.equal(await res.text(), bodies[0]?.[1]);
  } finally {
    // Stopped and gone before the next test opens the file for writing.
    await Promise.all(
      servers.map(
        ({ child }) =>
          new Promise<void>((done) => {
            if (child.exitCode !== null || child.signalCode !== null) return done();
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      ),
    );
  }
});

test('stored rows of another data state or another version of the code are not served', async () => {
  const db = await Db.open({ path: dbFile });
  try {
    const key = '/api/cities';
    const [row] = await db.all<{ stamp: string }>({
      text: 'SELECT stamp FROM serving_store WHERE key = $1',
      params: [key],
    });
    assert.match(row?.stamp ?? '', /^[0-9:]+:[0-9a-f]{16}$/, 'data state, then the code hash');
    await db.run({ text: "UPDATE serving_store SET stamp = stamp || '-older'", params: [] });
    const stale = await servingState(db);
    assert.equal(stale.searchFrom, 'built');
    assert.equal(stale.preloaded.size, 0);
    assert.deepEqual(stale.perRequest, []);
    await db.run({ text: "UPDATE serving_store SET stamp = replace(stamp, '-older', '')", params: [] });
    assert.equal((await servingState(db)).searchFrom, 'stored');
  } finally {
    db.close();
  }
  // A file from before serving_store existed is served, everything computed.
  const older = await Db.open({ path: ':memory:' });
  try {
    await older.exec('DROP TABLE serving_store');
    const state = await servingState(older);
    assert.equal(state.searchFrom, 'built');
    assert.equal(state.preloaded.size, 0);
    assert.deepEqual(state.perRequest, []);
  } finally {
    older.close();
  }
});

test('sql runs one SELECT and refuses the rest with exit code 1', () => {
  const ok = neijuan('sql', "SELECT count(*)::INT AS n FROM entities WHERE id = 'org:deepseek'", '--json');
  assert.deepEqual(JSON.parse(ok.out), [{ n: 1 }]);
  const refused = neijuan('sql', 'DROP TABLE entities');
  assert.equal(refused.code, 1);
  assert.match(refused.err, /neijuan: only SELECT is allowed/);
});

test('ingest epoch reports counts; a missing file is a clear error', () => {
  const stamps = () =>
    JSON.parse(neijuan('sql', 'SELECT DISTINCT stamp FROM serving_store', '--json').out) as unknown[];
  const built = stamps();
  assert.equal(built.length, 1);
  const again = neijuan(
    'ingest',
    'epoch',
    '--file',
    join(ROOT, 'data', 'epoch', 'notable_ai_models_2026-01.csv'),
    '--json',
  );
  assert.equal(again.code, 0, again.err);
  assert.equal(JSON.parse(again.out).status, 'unchanged');
  // An ingest that changed nothing leaves the data state as it was: what the server reads stays stored and valid.
  assert.deepEqual(stamps(), built);
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

test('ingest takes the OpenAlex snapshot like any input (ingest-snapshot is its older name); a sync without its options is a clear error', () => {
  const dir = mkdtempSync(join(tmpdir(), 'neijuan-cli-snapshot-'));
  // A database of its own, with nothing but the snapshot (what the CLI does with it is the question here).
  const file = join(dir, 'n.duckdb');
  // SYNTHETIC snapshot (bench/openalex/generate.ts).
  const gen = generateSnapshot({ works: 300, out: join(dir, 'snapshot'), seed: 4, partitions: 2, perFile: 150 });
  const first = neijuanOn(file, 'ingest', 'openalex-snapshot', '--file', join(dir, 'snapshot'), '--json');
  assert.equal(first.code, 0, first.err);
  const summary = JSON.parse(first.out) as { status: string; read: number; units: { entity: string }[] };
  assert.equal(summary.status, 'ok');
  assert.equal(summary.read, gen.lines + gen.institutions + gen.mergedIds.length);
  assert.deepEqual(
    summary.units.map((u) => u.entity),
    ['institutions', 'works', 'works', 'merged_ids/works'],
  );
  const again = neijuanOn(file, 'ingest-snapshot', '--dir', join(dir, 'snapshot'), '--json');
  assert.equal(again.code, 0, again.err);
  assert.equal((JSON.parse(again.out) as { status: string }).status, 'unchanged');
  const noDate = neijuanOn(file, 'ingest', 'openalex-aggregates', '--file', join(dir, 'counts.parquet'));
  assert.equal(noDate.code, 1);
  assert.match(noDate.err, /openalex-aggregates needs --snapshot-date/);
  const misplaced = neijuanOn(file, 'ingest', 'epoch', '--file', 'x.csv', '--full');
  assert.equal(misplaced.code, 1);
  assert.match(misplaced.err, /--full is for openalex-snapshot, not epoch/);
  const noFile = neijuanOn(file, 'ingest', 'openalex-snapshot');
  assert.equal(noFile.code, 1);
  assert.match(noFile.err, /openalex-snapshot needs --file <\/path\/to\/openalex-snapshot>/);
});
