// Nothing lost: every destructive scenario of the write side runs against a copy of the bundled database and must
// end in an error that names the problem, with every dataset's row counts unchanged, or in the documented result.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { before, test } from 'node:test';
import { buildDatabase } from '../src/ingest/build.ts';
import { ingest } from '../src/ingest/pipeline.ts';
import { parseCsv } from '../src/sources/csv-reader.ts';
import { createCsvMappingConnector } from '../src/sources/csv-mapping/source.ts';
import { readCuratedFile } from '../src/sources/curated/source.ts';
import { epochConnector } from '../src/sources/epoch/source.ts';
import { Db } from '../src/store/db.ts';
import { listRuns } from '../src/store/queries/runs.ts';
import { sql } from '../src/store/sql.ts';
import { WriterBusyError, WriterLock } from '../src/store/writer-lock.ts';
import { DATA_DIR, ROOT, copyBundled } from './support/bundled.ts';

const dir = mkdtempSync(join(tmpdir(), 'neijuan-safety-'));
const base = join(dir, 'base.duckdb');
const FIXTURES = join(ROOT, 'src', 'sources', 'csv-mapping', 'fixtures');
const WATCHLIST = join(FIXTURES, 'watchlist.csv');
const NOTABLE = join(DATA_DIR, 'epoch', 'notable_ai_models_2026-01.csv');
let copies = 0;

before(async () => {
  await copyBundled(base);
});

/** A fresh copy of the bundled database. */
function copy(): string {
  const file = join(dir, `copy-${++copies}.duckdb`);
  copyFileSync(base, file);
  return file;
}

/** Rows per dataset over every table that has a dataset column. */
async function countsByDataset(db: Db): Promise<Record<string, number>> {
  const tables = await db.all<{ t: string }>(sql`
    SELECT table_name AS t FROM information_schema.columns
    WHERE column_name = 'dataset' AND table_schema = 'main' AND table_name NOT IN ('ingest_runs', 'changes')
    ORDER BY 1`);
  const out: Record<string, number> = {};
  for (const { t } of tables) {
    for (const r of await db.all<{ d: string; n: number }>({
      text: `SELECT dataset AS d, count(*)::INT AS n FROM main.${t} GROUP BY 1`,
      params: [],
    })) {
      out[r.d] = (out[r.d] ?? 0) + r.n;
    }
  }
  return out;
}

/** Runs `work` on a copy and asserts it throws `expected` and leaves every dataset's counts as they were. */
async function refusedAndUnchanged(work: (db: Db) => Promise<unknown>, expected: RegExp): Promise<void> {
  const db = await Db.open({ path: copy() });
  try {
    const before = await countsByDataset(db);
    await assert.rejects(work(db), expected);
    assert.deepEqual(await countsByDataset(db), before);
  } finally {
    db.close();
  }
}

function mapping(replace: [RegExp, string]): string {
  const file = join(dir, `mapping-${++copies}.yaml`);
  writeFileSync(file, readFileSync(join(FIXTURES, 'watchlist.mapping.yaml'), 'utf8').replace(...replace));
  return file;
}

test('a CSV mapping cannot claim another dataset', async () => {
  for (const target of ['curated', 'epoch:notable_ai_models_2026-01']) {
    const m = mapping([/^dataset: .*$/m, `dataset: ${target}`]);
    await refusedAndUnchanged(
      (db) => ingest(db, createCsvMappingConnector(m), WATCHLIST),
      /field "dataset": expected csv:<name> \(a CSV import owns only csv: datasets/,
    );
  }
});

test("a mapping cannot take over another dataset's citation", async () => {
  const m = mapping([/^ {2}id: src:my-watchlist$/m, '  id: src:epoch-notable-2026-01']);
  await refusedAndUnchanged(
    (db) => ingest(db, createCsvMappingConnector(m), WATCHLIST),
    /field "source\.id": source id src:epoch-notable-2026-01 belongs to dataset [^ ]+ \("Epoch AI, Notable AI Models/,
  );
});

test('an empty or cut Epoch file cannot replace its dataset; --allow-shrink records the decision', async () => {
  // The dataset's rows in the bundled build (every table but the journals), computed rather than written down.
  const probe = await Db.open({ path: copy() });
  const total = (await countsByDataset(probe))['epoch:notable_ai_models_2026-01'] ?? 0;
  probe.close();
  const n = (x: number) => x.toLocaleString('en');
  const header = readFileSync(NOTABLE, 'utf8').split('\n')[0] as string;
  const empty = join(mkdtempSync(join(dir, 'e-')), 'notable_ai_models_2026-01.csv');
  writeFileSync(empty, `${header}\n`);
  await refusedAndUnchanged(
    (db) => ingest(db, epochConnector, empty),
    new RegExp(
      `would delete ${n(total - 1)} of the ${n(total)} rows of dataset epoch:notable_ai_models_2026-01 \\(100 %; 0 data rows read, 0 rows new\\)`,
    ),
  );
  // Cut at a row boundary: a well-formed file, half as long.
  const text = readFileSync(NOTABLE, 'utf8');
  const { records } = parseCsv(text, NOTABLE);
  const half = records[Math.floor(records.length / 2)]?.line as number;
  const cut = join(mkdtempSync(join(dir, 'c-')), 'notable_ai_models_2026-01.csv');
  writeFileSync(
    cut,
    `${text
      .split('\n')
      .slice(0, half - 1)
      .join('\n')}\n`,
  );
  await refusedAndUnchanged(
    (db) => ingest(db, epochConnector, cut),
    new RegExp(`would delete [\\d,]+ of the ${n(total)} rows`),
  );
  const db = await Db.open({ path: copy() });
  try {
    const summary = await ingest(db, epochConnector, cut, () => {}, { allowShrink: true });
    assert.ok(summary.deleted > 2_567);
    const [run] = await listRuns(db, 1);
    assert.equal(run?.status, 'ok');
    assert.match(
      run?.note ?? '',
      new RegExp(`^shrink allowed \\(--allow-shrink\\): would delete [\\d,]+ of the ${n(total)} rows`),
    );
  } finally {
    db.close();
  }
});

test('one writer at a time: build and ingest each fail fast, naming the holder', async () => {
  const file = copy();
  const held = WriterLock.acquire(file);
  try {
    await assert.rejects(
      Db.open({ path: file }),
      (e: unknown) => e instanceof WriterBusyError && e.pid === process.pid,
    );
    await assert.rejects(buildDatabase(file, DATA_DIR), /is being written by process \d+/);
    // Readers are not writers: the server and the CLI's queries still open it.
    const reader = await Db.open({ path: file, readOnly: true });
    reader.close();
  } finally {
    held.release();
  }
  // A lock left by a process that is gone (kill -9) is stale and taken over.
  writeFileSync(`${file}.writer.lock`, JSON.stringify({ pid: 2 ** 22 + 7, since: 'then' }));
  const db = await Db.open({ path: file });
  db.close();
  assert.equal(existsSync(`${file}.writer.lock`), false);
});

test('a rebuild keeps what the user ingested, and says so', async () => {
  const file = copy();
  const db = await Db.open({ path: file });
  const csv = await ingest(db, createCsvMappingConnector(join(FIXTURES, 'watchlist.mapping.yaml')), WATCHLIST);
  const before = (await countsByDataset(db))[csv.dataset];
  db.close();
  // A stale build file of a dead process is cleaned up on the way.
  writeFileSync(`${file}.building-${2 ** 22 + 9}`, 'stale');
  const result = await buildDatabase(file, DATA_DIR);
  assert.deepEqual(result.kept, [{ dataset: 'csv:my-watchlist', rows: before }]);
  assert.equal(existsSync(`${file}.building-${2 ** 22 + 9}`), false);
  assert.equal(existsSync(`${file}.wal`), false);
  const after = await Db.open({ path: file, readOnly: true });
  try {
    assert.equal((await countsByDataset(after))['csv:my-watchlist'], before);
    const entity = await after.one<{ id: string }>(
      sql`SELECT id FROM entities WHERE dataset = 'csv:my-watchlist' LIMIT 1`,
    );
    assert.ok(entity);
  } finally {
    after.close();
  }
});

test('a build over a crashed database folds its write-ahead log in first: no WAL survives the swap', async () => {
  const file = copy();
  const child = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'test', 'support', 'leave-wal.ts'), file], {
    encoding: 'utf8',
  });
  assert.equal(child.signal, 'SIGKILL', child.stderr);
  assert.ok(existsSync(`${file}.wal`), 'the killed writer left a WAL');
  let checked = false;
  await buildDatabase(file, DATA_DIR, {
    // At the moment of the swap neither file has a WAL: a crash right after the rename cannot pair the new file
    // with the old file's log.
    beforeSwap: ({ path, tmp }) => {
      assert.equal(existsSync(`${path}.wal`), false, 'old WAL at the swap');
      assert.equal(existsSync(`${tmp}.wal`), false, 'new WAL at the swap');
      checked = true;
    },
  });
  assert.ok(checked);
  assert.equal(existsSync(`${file}.wal`), false);
  const db = await Db.open({ path: file });
  try {
    // The new database, whole: bundled data in, the crashed writer's row gone with the old file.
    const marker = await db.one(sql`SELECT value FROM build_info WHERE key = 'crash-marker'`);
    assert.equal(marker, undefined);
    const n = await db.one<{ n: number }>(sql`SELECT count(*)::INT AS n FROM entities`);
    assert.ok((n?.n ?? 0) > 5000);
  } finally {
    db.close();
  }
});

test('a run left "running" by a killed writer is marked abandoned at the next open', async () => {
  const file = copy();
  const db = await Db.open({ path: file });
  await db.run(sql`INSERT INTO ingest_runs (connector, dataset, input, started, status)
    VALUES ('epoch', 'epoch:x', 'x.csv', now()::TIMESTAMP, 'running')`);
  db.close();
  const again = await Db.open({ path: file });
  try {
    const [run] = await listRuns(again, 1);
    assert.equal(run?.status, 'abandoned');
    assert.match(run?.note ?? '', /process ended before this run finished/);
  } finally {
    again.close();
  }
});

test('a YAML alias bomb is refused, naming the file', async () => {
  const file = join(mkdtempSync(join(dir, 'y-')), 'bomb.yaml');
  const lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
  for (let i = 0; i < 8; i++) {
    const prev = String.fromCharCode(97 + i);
    const next = String.fromCharCode(98 + i);
    lines.push(`${next}: &${next} [${Array(9).fill(`*${prev}`).join(',')}]`);
  }
  writeFileSync(file, `${lines.join('\n')}\n`);
  await assert.rejects(readCuratedFile(file), /bomb\.yaml: YAML cannot be expanded/);
});

test('neijuan sql: a nested comment cannot hide a PRAGMA; a runaway query is stopped', () => {
  const file = copy();
  const run = (...args: string[]) =>
    spawnSync(process.execPath, [join(ROOT, 'bin', 'neijuan.js'), '--db', file, 'sql', ...args], { encoding: 'utf8' });
  const hidden = run('/* /* */ select */ PRAGMA database_list');
  assert.notEqual(hidden.status, 0);
  assert.match(hidden.stderr, /block comments/);
  const endless = run(
    '--timeout',
    '2',
    'WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) SELECT count(*) FROM r',
  );
  assert.notEqual(endless.status, 0);
  assert.match(endless.stderr, /query ran longer than 2 s and was stopped/);
});

test('a build whose later input is broken fails naming its file and line, and keeps the database it would replace', async () => {
  // The bundled data with the OWID file's sixth row opening a quote it never closes: the build reads that file
  // while an earlier input is merged, and its error must still stop the build, naming file and line, before
  // anything is replaced.
  const data = join(dir, `data-${++copies}`);
  cpSync(DATA_DIR, data, { recursive: true });
  const owid = join(data, 'owid', 'ai_publications.csv');
  const lines = readFileSync(owid, 'utf8').split('\n');
  writeFileSync(owid, [...lines.slice(0, 5), `${lines[5]},"not closed`, ...lines.slice(6)].join('\n'));
  const file = copy();
  const before = readFileSync(file);
  await assert.rejects(buildDatabase(file, data), (error: Error) => {
    assert.match(error.message, /ai_publications\.csv, line 6: quoted cell is never closed/);
    return true;
  });
  assert.ok(readFileSync(file).equals(before), 'the old database is as it was');
  const name = basename(file);
  assert.deepEqual(
    readdirSync(dir).filter((f) => f.startsWith(`${name}.building`)),
    [],
    'no half-built file is left',
  );
});
