import assert from 'node:assert/strict';
import { test } from 'node:test';
import { InputError } from '../../model/errors.ts';
import { followPages } from './follow-pages.ts';
import { createHttpClient } from './http-client.ts';
import { fieldPath, parseJsonBody } from './json-body.ts';
import { linkTarget } from './link-header.ts';
import { type Recording, faultsThen, replayTransport, tooManyRequests } from './replay-transport.ts';
import { virtualClock } from './virtual-clock.ts';

const BASE = 'https://huggingface.co/api/models?author=Qwen&full=true&limit=2';
const page = (n: number, ids: string[], next: number | null): Recording => ({
  url: n === 1 ? BASE : `${BASE}&cursor=c${n}`,
  status: 200,
  headers: next === null ? {} : { link: `<${BASE}&cursor=c${next}>; rel="next"` },
  body: ids.map((id) => ({ id })),
});

function client(recordings: Recording[]) {
  const clock = virtualClock();
  const transport = replayTransport(recordings);
  return {
    transport,
    clock,
    http: createHttpClient({
      fetch: transport,
      sleep: clock.sleep,
      now: clock.now,
      random: () => 0,
      minIntervalMs: 500,
      timeoutMs: 20,
    }),
  };
}

async function collect(http: ReturnType<typeof createHttpClient>, start = BASE) {
  const ids: string[] = [];
  const indexes: number[] = [];
  for await (const p of followPages(http, start)) {
    indexes.push(p.index);
    for (const m of parseJsonBody(p.body, p.url) as { id: string }[]) ids.push(m.id);
  }
  return { ids, indexes };
}

test('follows Link rel="next" to the last page', async () => {
  const { http, transport } = client([
    page(1, ['Qwen/Qwen3-8B', 'Qwen/Qwen3-4B'], 2),
    page(2, ['Qwen/Qwen3-1.7B', 'Qwen/Qwen3-0.6B'], 3),
    page(3, ['Qwen/Qwen2.5-7B'], null),
  ]);
  const { ids, indexes } = await collect(http);
  assert.deepEqual(ids, ['Qwen/Qwen3-8B', 'Qwen/Qwen3-4B', 'Qwen/Qwen3-1.7B', 'Qwen/Qwen3-0.6B', 'Qwen/Qwen2.5-7B']);
  assert.deepEqual(indexes, [1, 2, 3]);
  assert.deepEqual(transport.pending(), []);
});

test('no duplicate results when a page is retried (429, 500, a timeout, a reset mid-page, then success)', async () => {
  const second = page(2, ['Qwen/Qwen3-1.7B', 'Qwen/Qwen3-0.6B'], 3);
  const { http, transport, clock } = client([
    page(1, ['Qwen/Qwen3-8B', 'Qwen/Qwen3-4B'], 2),
    ...faultsThen(second, [tooManyRequests('2'), 500, 'timeout', 'reset-mid-body']),
    page(3, ['Qwen/Qwen2.5-7B'], null),
  ]);
  const { ids } = await collect(http);
  assert.deepEqual(ids, ['Qwen/Qwen3-8B', 'Qwen/Qwen3-4B', 'Qwen/Qwen3-1.7B', 'Qwen/Qwen3-0.6B', 'Qwen/Qwen2.5-7B']);
  assert.equal(new Set(ids).size, ids.length);
  assert.equal(transport.calls.filter((c) => c.url === second.url).length, 5);
  assert.equal(clock.waits[1], 2000, 'the 429 Retry-After was waited out');
  assert.deepEqual(transport.pending(), []);
});

test('resumes from a stored cursor URL, counting pages from where it stopped', async () => {
  const { http } = client([page(3, ['Qwen/Qwen2.5-7B'], null)]);
  const pages = [];
  for await (const p of followPages(http, `${BASE}&cursor=c3`, { startIndex: 3 })) pages.push(p);
  assert.deepEqual(
    pages.map((p) => [p.index, p.next]),
    [[3, null]],
  );
});

test('a Link that points back at a fetched page is refused instead of looping', async () => {
  const { http } = client([{ url: BASE, headers: { link: `<${BASE}>; rel="next"` }, body: [] }]);
  await assert.rejects(collect(http), /pagination loops/);
});

test('Link headers: relative targets, several links, commas inside URLs, unquoted rel', () => {
  const base = 'https://huggingface.co/api/models?author=x';
  assert.equal(
    linkTarget('</api/models?cursor=abc>; rel="next"', base),
    'https://huggingface.co/api/models?cursor=abc',
  );
  assert.equal(
    linkTarget('<https://a.org/p?x=1,2>; rel="prev", <https://a.org/p?x=3,4>; rel="next"', base),
    'https://a.org/p?x=3,4',
  );
  assert.equal(linkTarget('<https://a.org/n>; rel=next', base), 'https://a.org/n');
  assert.equal(linkTarget('<https://a.org/n>; rel="last"', base), null);
  assert.equal(linkTarget(null, base), null);
});

test('JSON errors name the place and line; a cut-off body says it ends too early', () => {
  assert.throws(
    () => parseJsonBody('[{"id": "a"},\n{"id": "b"', 'page.json'),
    (e: unknown) => e instanceof InputError && e.line === 2 && /ends too early/.test(e.message),
  );
  assert.throws(
    () => parseJsonBody('[{"id": "a"},\n {"id": b}]', 'page.json'),
    (e: unknown) => e instanceof InputError && e.line === 2 && /not valid JSON/.test(e.message),
  );
  assert.throws(() => parseJsonBody(' \n', 'x.json'), /x\.json: empty body/);
  assert.deepEqual(parseJsonBody('\ufeff[1]', 'bom.json'), [1]);
  assert.equal(fieldPath(['entities', 'Q1', 'claims', 'P571', 0, 'mainsnak']), 'entities.Q1.claims.P571[0].mainsnak');
});
