import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { InputError } from '../../model/errors.ts';
import { createHttpClient } from '../http/http-client.ts';
import { type Recording, faultsThen, replayTransport, tooManyRequests } from '../http/replay-transport.ts';
import { virtualClock } from '../http/virtual-clock.ts';
import { fileCursorStore } from './cursor-store.ts';
import type { HuggingFaceInput } from './listing.ts';
import { type LiveSyncOptions, firstPageUrl, readLive } from './live-sync.ts';
import { huggingfaceLiveConnector, readHuggingFace } from './source.ts';

const FIXTURE = join(import.meta.dirname, 'fixtures', 'huggingface-2026-11-29');
const page = (org: string, n: number) => readFile(join(FIXTURE, org, `000${n}.json`), 'utf8');
const pageUrl = (org: string, n: number) =>
  n === 1 ? firstPageUrl(org) : `${firstPageUrl(org)}&cursor=synthetic-${n}`;

/** The recorded exchange of a full sync of deepseek-ai (two pages) and Qwen (one page), from the fixture pages. */
async function recordings(): Promise<Record<string, Recording>> {
  const json = { 'content-type': 'application/json; charset=utf-8' };
  return {
    ds1: {
      url: pageUrl('deepseek-ai', 1),
      headers: { ...json, link: `<${pageUrl('deepseek-ai', 2)}>; rel="next"` },
      body: await page('deepseek-ai', 1),
    },
    ds2: { url: pageUrl('deepseek-ai', 2), headers: json, body: await page('deepseek-ai', 2) },
    qw1: { url: pageUrl('Qwen', 1), headers: json, body: await page('Qwen', 1) },
  };
}

const dirs: string[] = [];
after(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

async function setup(recorded: Recording[], overrides: Partial<LiveSyncOptions> = {}, clockStart?: number) {
  const dir = await mkdtemp(join(tmpdir(), 'neijuan-hf-'));
  dirs.push(dir);
  return { dir, ...(await rig(dir, recorded, overrides, clockStart)) };
}

async function rig(dir: string, recorded: Recording[], overrides: Partial<LiveSyncOptions> = {}, clockStart?: number) {
  const clock = virtualClock(clockStart);
  const transport = replayTransport(recorded);
  const http = createHttpClient({
    fetch: transport,
    sleep: clock.sleep,
    now: clock.now,
    random: () => 0.5,
    mailto: 'data@example.org',
    maxRetries: 4,
    timeoutMs: 20,
  });
  const options: LiveSyncOptions = {
    orgs: ['deepseek-ai', 'Qwen'],
    http,
    syncDate: '2026-11-29',
    cursorStore: fileCursorStore(join(dir, 'cursor.json')),
    now: clock.now,
    ...overrides,
  };
  return { transport, clock, options };
}

const ids = (input: HuggingFaceInput) => input.models.map((m) => m.id);

test('a live sync pages through every organisation, politely, and saves a directory that reads back the same', async () => {
  const r = await recordings();
  const { dir, transport, clock, options } = await setup([r.ds1, r.ds2, r.qw1] as Recording[]);
  const read = await readLive(options);
  const input = read.records[0] as HuggingFaceInput;
  assert.equal(read.dataset, 'huggingface:2026-11-29');
  assert.deepEqual(input.orgs, ['deepseek-ai', 'Qwen']);
  assert.equal(input.source.title, 'Hugging Face Hub API, models by deepseek-ai, Qwen, synced 2026-11-29');
  assert.deepEqual(transport.pending(), []);
  assert.deepEqual(
    transport.calls.map((c) => c.url),
    [pageUrl('deepseek-ai', 1), pageUrl('deepseek-ai', 2), pageUrl('Qwen', 1)],
  );
  assert.ok(
    transport.calls.every((c) => c.headers['User-Agent']?.endsWith('(open observatory; mailto:data@example.org)')),
  );
  assert.deepEqual(clock.waits, [1000, 1000], 'one second between requests');
  // The pages saved beside the cursor are a recorded input: offline, they read as the live sync did.
  const offline = await readHuggingFace(join(dir, 'huggingface-2026-11-29'));
  assert.deepEqual(ids(offline.records[0] as HuggingFaceInput).sort(), ids(input).sort());
  assert.equal(offline.rowsRead, 6);
  const fixture = await readHuggingFace(FIXTURE);
  assert.deepEqual(ids(fixture.records[0] as HuggingFaceInput).sort(), ids(input).sort());
});

test('a page that fails and is retried (429, 500, a timeout, a reset mid-page) is kept once', async () => {
  const r = await recordings();
  const { transport, clock, options } = await setup([
    r.ds1,
    ...faultsThen(r.ds2 as Recording, [tooManyRequests('30'), 500, 'timeout', 'reset-mid-body']),
    r.qw1,
  ] as Recording[]);
  const input = (await readLive(options)).records[0] as HuggingFaceInput;
  assert.equal(input.models.length, 6);
  assert.equal(new Set(ids(input)).size, 6);
  assert.deepEqual(input.duplicates, []);
  assert.ok(clock.waits.includes(30_000), 'Retry-After honoured');
  assert.equal(transport.calls.filter((c) => c.url === pageUrl('deepseek-ai', 2)).length, 5);
});

test('an interrupted sync resumes at the page it stopped on, without refetching or duplicating', async () => {
  const r = await recordings();
  // First run: page 2 keeps failing until the client gives up, as when the network goes away.
  const first = await setup([
    r.ds1,
    ...Array.from({ length: 5 }, () => ({ ...(r.ds2 as Recording), status: 503 })),
  ] as Recording[]);
  await assert.rejects(readLive(first.options), /gave up after 5 attempts; last status 503/);
  const saved = JSON.parse(await readFile(join(first.dir, 'cursor.json'), 'utf8'));
  assert.deepEqual(
    [saved.orgs['deepseek-ai'].next, saved.orgs['deepseek-ai'].pages, saved.orgs['deepseek-ai'].done],
    [pageUrl('deepseek-ai', 2), 1, false],
  );
  // Second run, same directory: only what is missing is fetched; page 1 is not recorded, so refetching it would fail.
  const second = await rig(first.dir, [r.ds2, r.qw1] as Recording[]);
  const input = (await readLive(second.options)).records[0] as HuggingFaceInput;
  assert.deepEqual(
    second.transport.calls.map((c) => c.url),
    [pageUrl('deepseek-ai', 2), pageUrl('Qwen', 1)],
  );
  assert.equal(input.models.length, 6);
  assert.equal(new Set(ids(input)).size, 6);
  // A third run of the same date fetches nothing and returns the same sync.
  const third = await rig(first.dir, []);
  const again = await readLive(third.options);
  assert.deepEqual(third.transport.calls, []);
  assert.deepEqual(ids(again.records[0] as HuggingFaceInput), ids(input));
  // Saved pages that went missing are not silently an empty organisation.
  await rm(join(first.dir, 'huggingface-2026-11-29', 'Qwen'), { recursive: true });
  const fourth = await rig(first.dir, []);
  await assert.rejects(readLive(fourth.options), /Qwen: the cursor counts 1 saved pages .* but 0 are there/);
});

test('changed-only mode stops at the first page holding a repo older than the last completed sync', async () => {
  const r = await recordings();
  // The last completed sync of deepseek-ai started on 2025-03-01: on page 1, DeepSeek-R1 was modified after it
  // (2025-03-27) and the distilled model before it (2025-02-24), so page 2 is never asked for.
  const { dir, transport, options } = await setup([r.ds1, r.qw1] as Recording[], { mode: 'changed' });
  const store = fileCursorStore(join(dir, 'cursor.json'));
  await store.save({
    version: 1,
    syncDate: '2026-11-22',
    orgs: {},
    lastSync: { 'deepseek-ai': '2025-03-01T00:00:00.000Z' },
  });
  const input = (await readLive(options)).records[0] as HuggingFaceInput;
  assert.deepEqual(transport.pending(), []);
  assert.ok(!transport.calls.some((c) => c.url === pageUrl('deepseek-ai', 2)));
  assert.deepEqual(ids(input).slice(0, 2), ['deepseek-ai/DeepSeek-R1', 'deepseek-ai/DeepSeek-R1-Distill-Qwen-7B']);
  assert.equal(input.models.length, 5, 'Qwen had no earlier sync: listed in full');
  const state = await store.load();
  assert.equal(state?.orgs['deepseek-ai']?.since, '2025-03-01T00:00:00.000Z');
  assert.equal(state?.lastSync['deepseek-ai'], state?.orgs['deepseek-ai']?.startedAt);
});

test('a page that is not a model listing stops the sync with an error naming the URL, and is not saved', async () => {
  const r = await recordings();
  const broken = { ...(r.ds2 as Recording), body: '{"error":"Internal Error - We\'re working hard to fix this"}' };
  const { dir, options } = await setup([r.ds1, broken] as Recording[]);
  await assert.rejects(readLive(options), (e: unknown) => {
    assert.ok(e instanceof InputError);
    assert.equal(e.file, pageUrl('deepseek-ai', 2));
    assert.match(e.message, /expected a JSON array of models/);
    return true;
  });
  const state = await fileCursorStore(join(dir, 'cursor.json')).load();
  assert.equal(state?.orgs['deepseek-ai']?.next, pageUrl('deepseek-ai', 2), 'the cursor still points at the bad page');
  await assert.rejects(readFile(join(dir, 'huggingface-2026-11-29', 'deepseek-ai', '0002.json')), /ENOENT/);
});

test('the live connector runs the sync in its read, and refuses a malformed sync date', async () => {
  const r = await recordings();
  const { options } = await setup([r.ds1, r.ds2, r.qw1] as Recording[]);
  const connector = huggingfaceLiveConnector(options);
  const read = await connector.read('https://huggingface.co/api/models');
  assert.equal(read.rowsRead, 6);
  const bad = await setup([], { syncDate: '2026-13-01' });
  await assert.rejects(readLive(bad.options), /sync date "2026-13-01" is not YYYY-MM-DD/);
});
