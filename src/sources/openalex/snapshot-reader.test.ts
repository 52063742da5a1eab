import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { InputError } from '../../model/errors.ts';
import { parseWork } from './records.ts';
import { gzipLines, parseJsonLine, readMergedIds, readSnapshotPlan } from './snapshot-reader.ts';

const fixture = (name: string) => readFileSync(join(import.meta.dirname, 'fixtures', name), 'utf8');
// Real objects, one per line, as the snapshot stores them.
const W2025 = JSON.stringify(JSON.parse(fixture('W2741809807.json')));
const W2023 = JSON.stringify(JSON.parse(fixture('W-api-response.json')));

const root = mkdtempSync(join(tmpdir(), 'neijuan-openalex-reader-'));
after(() => rmSync(root, { recursive: true, force: true }));
let n = 0;

/** Writes a snapshot copy: partitions of gzipped lines (or raw bytes), with a manifest that matches them. */
function snapshot(parts: Record<string, (string[] | Buffer)[]>, extra: (data: string) => void = () => {}): string {
  const dir = join(root, `s${++n}`);
  const data = join(dir, 'data', 'works');
  const entries: unknown[] = [];
  for (const [date, files] of Object.entries(parts)) {
    mkdirSync(join(data, `updated_date=${date}`), { recursive: true });
    files.forEach((content, i) => {
      const name = `part_${String(i).padStart(3, '0')}.gz`;
      const bytes = Buffer.isBuffer(content) ? content : gzipSync(content.map((l) => `${l}\n`).join(''));
      writeFileSync(join(data, `updated_date=${date}`, name), bytes);
      const meta = Buffer.isBuffer(content)
        ? { content_length: bytes.length }
        : { content_length: bytes.length, record_count: content.length };
      entries.push({ url: `s3://openalex/data/works/updated_date=${date}/${name}`, meta });
    });
  }
  writeFileSync(join(data, 'manifest'), JSON.stringify({ entries }));
  extra(join(dir, 'data'));
  return dir;
}

async function lines(path: string): Promise<{ line: number; text: string }[]> {
  const out = [];
  for await (const batch of gzipLines(path)) out.push(...batch);
  return out;
}

async function rejects(work: Promise<unknown>, expect: RegExp): Promise<void> {
  await assert.rejects(work, (e: unknown) => {
    assert.ok(e instanceof InputError, String(e));
    assert.match(e.message, expect);
    return true;
  });
}

describe('snapshot plan', () => {
  test('partitions in date order, files in name order, from the manifest only', async () => {
    const dir = snapshot({ '2025-01-02': [[W2023]], '2024-12-31': [[W2025], [W2023]] }, (data) => {
      // A file the manifest does not list (an interrupted copy) is not read.
      writeFileSync(join(data, 'works', 'updated_date=2025-01-02', 'part_001.gz'), 'junk');
    });
    const plan = await readSnapshotPlan(dir);
    assert.deepEqual(
      plan.works.map((p) => [p.date, p.files.map((f) => f.path.slice(f.path.lastIndexOf('/') + 1))]),
      [
        ['2024-12-31', ['part_000.gz', 'part_001.gz']],
        ['2025-01-02', ['part_000.gz']],
      ],
    );
    assert.equal(plan.works[0]?.files[0]?.recordCount, 1);
    assert.deepEqual(plan.institutions, []);
    assert.deepEqual(plan.mergedWorks, []);
  });

  test('a missing manifest, a missing file and a short file are refused', async () => {
    const noManifest = snapshot({ '2025-01-01': [[W2025]] }, (data) => rmSync(join(data, 'works', 'manifest')));
    await rejects(readSnapshotPlan(noManifest), /works\/manifest: missing manifest/);
    const missing = snapshot({ '2025-01-01': [[W2025]] }, (data) =>
      rmSync(join(data, 'works', 'updated_date=2025-01-01', 'part_000.gz')),
    );
    await rejects(readSnapshotPlan(missing), /part_000\.gz: listed in the manifest but missing/);
    const short = snapshot({ '2025-01-01': [[W2025]] }, (data) =>
      writeFileSync(join(data, 'works', 'updated_date=2025-01-01', 'part_000.gz'), gzipSync('{}')),
    );
    await rejects(readSnapshotPlan(short), /part_000\.gz: \d+ bytes, the manifest says \d+: incomplete download/);
    await rejects(readSnapshotPlan(join(root, 'nowhere')), /no data\/works directory/);
  });
});

describe('streaming lines', () => {
  test('lines longer than a gzip chunk are reassembled; both work shapes parse', async () => {
    const long = JSON.stringify({ ...JSON.parse(W2025), padding: 'x'.repeat(300_000) });
    const dir = snapshot({ '2025-01-01': [[W2025, long, W2023]] });
    const path = (await readSnapshotPlan(dir)).works[0]?.files[0]?.path as string;
    const got = await lines(path);
    assert.deepEqual(
      got.map((l) => [l.line, l.text.length]),
      [
        [1, W2025.length],
        [2, long.length],
        [3, W2023.length],
      ],
    );
    const works = got.map((l) => parseWork(parseJsonLine(l, path), path, l.line));
    assert.deepEqual(
      works.map((w) => [w.id, w.shape]),
      [
        ['W2741809807', '2025'],
        ['W2741809807', '2025'],
        ['W2755950973', '2023'],
      ],
    );
  });

  test('a line past the limit is refused with file and line, before it fills memory', async () => {
    // 20 MiB without a newline (a few kilobytes gzipped): over the 16 MiB limit, after one good line.
    const huge = gzipSync(Buffer.concat([Buffer.from(`${W2025}\n`), Buffer.alloc(20 * 1024 * 1024, 0x78)]));
    const dir = snapshot({ '2025-01-01': [huge] });
    const path = (await readSnapshotPlan(dir)).works[0]?.files[0]?.path as string;
    await rejects(lines(path), /part_000\.gz, line 2: line longer than 16 MiB/);
    // A smaller limit applies to a line that ends, too.
    const dir2 = snapshot({ '2025-01-01': [[W2025, W2023]] });
    const path2 = (await readSnapshotPlan(dir2)).works[0]?.files[0]?.path as string;
    await rejects(
      (async () => {
        for await (const _ of gzipLines(path2, 100)) void _;
      })(),
      /line 1: line longer than/,
    );
  });

  test('a truncated gzip names the file and the line where it stopped', async () => {
    const whole = gzipSync([W2025, W2023, W2025, W2023].map((l) => `${l}\n`).join(''));
    const dir = snapshot({ '2025-01-01': [whole.subarray(0, whole.length - 600)] });
    const path = (await readSnapshotPlan(dir)).works[0]?.files[0]?.path as string;
    await rejects(lines(path), /part_000\.gz, line \d+: truncated gzip stream/);
    writeFileSync(path, 'not gzip at all');
    await rejects(lines(path), /part_000\.gz, line 1: corrupt gzip stream/);
  });

  test('invalid JSON, wrong types and bad UTF-8 name file and line (and field)', async () => {
    const wrong = JSON.stringify({ ...JSON.parse(W2023), publication_year: '2017' });
    const dir = snapshot({ '2025-01-01': [[W2025, '{"id": "https://openalex.org/W1",', wrong]] });
    const path = (await readSnapshotPlan(dir)).works[0]?.files[0]?.path as string;
    const got = await lines(path);
    assert.throws(
      () => parseJsonLine(got[1] as { line: number; text: string }, path),
      /part_000\.gz, line 2: invalid JSON/,
    );
    assert.throws(
      () => parseWork(parseJsonLine(got[2] as { line: number; text: string }, path), path, 3),
      /part_000\.gz, line 3, field "publication_year": .*expected number/,
    );
    const bad = Buffer.concat([Buffer.from(`${W2025}\n{"id":"`), Buffer.from([0xff, 0xfe]), Buffer.from('"}\n')]);
    const utf = snapshot({ '2025-01-01': [gzipSync(bad)] });
    await rejects(lines((await readSnapshotPlan(utf)).works[0]?.files[0]?.path as string), /line 2: not valid UTF-8/);
  });
});

describe('merged_ids', () => {
  const merged = (text: string) => {
    const dir = snapshot({ '2025-01-01': [[W2025]] }, (data) => {
      mkdirSync(join(data, 'merged_ids', 'works'), { recursive: true });
      writeFileSync(join(data, 'merged_ids', 'works', '2025-01-05.csv.gz'), gzipSync(text));
    });
    return join(dir, 'data', 'merged_ids', 'works', '2025-01-05.csv.gz');
  };
  const read = async (path: string) => {
    const out = [];
    for await (const rows of readMergedIds(path)) out.push(...rows);
    return out;
  };

  test('rows of merge_date,id,merge_into_id give the ids to delete', async () => {
    const path = merged(
      'merge_date,id,merge_into_id\n2025-01-05,W2741809807,W2755950973\n2025-01-05,https://openalex.org/W1,\n',
    );
    assert.deepEqual(await read(path), [
      { line: 2, id: 'W2741809807', mergeIntoId: 'W2755950973' },
      { line: 3, id: 'W1', mergeIntoId: null },
    ]);
    const plan = await readSnapshotPlan(join(path, '..', '..', '..', '..'));
    assert.deepEqual(plan.mergedWorks, [{ date: '2025-01-05', path }]);
  });

  test('a wrong header or a bad id is refused with file, line and field', async () => {
    await rejects(read(merged('id,merge_into_id\nW1,W2\n')), /2025-01-05\.csv\.gz, line 1: expected the header/);
    await rejects(
      read(merged('merge_date,id,merge_into_id\n2025-01-05,A123,W2\n')),
      /line 2, field "id": expected a work id/,
    );
    await rejects(read(merged('')), /2025-01-05\.csv\.gz: file is empty/);
  });
});
