import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_USER_AGENT, HttpError, createHttpClient, userAgentFor } from './http-client.ts';
import { type Recording, faultsThen, replayTransport, tooManyRequests } from './replay-transport.ts';
import { retryAfterMs } from './retry-after.ts';
import { virtualClock } from './virtual-clock.ts';

const URL_A = 'https://huggingface.co/api/models?author=deepseek-ai&full=true&limit=100';
const ok: Recording = { url: URL_A, status: 200, body: [{ id: 'deepseek-ai/DeepSeek-R1' }] };

/** A client on a virtual clock, with no pacing and a fixed jitter, so every wait it asks for is predictable. */
function setup(recordings: Recording[], overrides: Partial<Parameters<typeof createHttpClient>[0]> = {}) {
  const clock = virtualClock();
  const transport = replayTransport(recordings);
  const client = createHttpClient({
    fetch: transport,
    sleep: clock.sleep,
    now: clock.now,
    random: () => 0.5,
    minIntervalMs: 0,
    baseDelayMs: 1000,
    timeoutMs: 50,
    ...overrides,
  });
  return { clock, transport, client };
}

test('5xx answers are retried with exponential backoff and jitter until the page arrives', async () => {
  const { client, clock, transport } = setup(faultsThen(ok, [500, 502, 503]));
  const res = await client.get(URL_A);
  assert.equal(res.status, 200);
  assert.equal(res.attempts, 4);
  assert.deepEqual(JSON.parse(res.body), [{ id: 'deepseek-ai/DeepSeek-R1' }]);
  // Half of 1 s, 2 s, 4 s fixed plus half of it times the (fixed) random 0.5.
  assert.deepEqual(clock.waits, [750, 1500, 3000]);
  assert.equal(transport.calls.length, 4);
  assert.deepEqual(transport.pending(), []);
});

test('Retry-After in seconds is honoured instead of the backoff', async () => {
  const { client, clock } = setup(faultsThen(ok, [tooManyRequests('7'), tooManyRequests('0')]));
  await client.get(URL_A);
  assert.deepEqual(clock.waits, [7000, 0]);
});

test('Retry-After as an HTTP-date is honoured, measured from the injected clock', async () => {
  const clock = virtualClock(Date.UTC(2026, 10, 29, 12, 0, 0));
  const when = new Date(Date.UTC(2026, 10, 29, 12, 0, 12)).toUTCString();
  const { client } = setup(faultsThen(ok, [{ status: 503, headers: { 'Retry-After': when } }]), {
    now: clock.now,
    sleep: clock.sleep,
  });
  await client.get(URL_A);
  assert.deepEqual(clock.waits, [12_000]);
});

test('a Retry-After longer than the client will wait fails at once, saying what the server asked', async () => {
  const { client, transport } = setup(faultsThen(ok, [tooManyRequests('3600')]), { maxRetryAfterMs: 60_000 });
  await assert.rejects(client.get(URL_A), (e: unknown) => {
    assert.ok(e instanceof HttpError);
    assert.equal(e.status, 429);
    assert.match(e.message, /retry after 3600 s, more than the 60 s this client waits/);
    return true;
  });
  assert.equal(transport.calls.length, 1);
});

test('gives up after maxRetries, naming the URL and the last status', async () => {
  const { client, transport, clock } = setup(faultsThen(ok, [503, 500, 502]), { maxRetries: 2 });
  await assert.rejects(client.get(URL_A), (e: unknown) => {
    assert.ok(e instanceof HttpError);
    assert.equal(e.status, 502);
    assert.equal(e.attempts, 3);
    assert.equal(e.message, `GET ${URL_A}: gave up after 3 attempts; last status 502 (HTTP 502)`);
    return true;
  });
  assert.equal(transport.calls.length, 3, 'exactly 1 + maxRetries attempts');
  assert.equal(clock.waits.length, 2, 'no wait after the last attempt');
  assert.equal(transport.pending().length, 1, 'the success was never reached');
});

test('a request that hangs times out (AbortSignal) and is retried', async () => {
  const { client } = setup(faultsThen(ok, ['timeout']), { timeoutMs: 20 });
  const res = await client.get(URL_A);
  assert.equal(res.attempts, 2);
});

test('timeouts and resets that never end name no status in the final error', async () => {
  const { client } = setup(
    [
      { url: URL_A, fault: 'reset' },
      { url: URL_A, fault: 'timeout' },
    ],
    {
      maxRetries: 1,
      timeoutMs: 20,
    },
  );
  await assert.rejects(client.get(URL_A), /gave up after 2 attempts; last status none \(timed out after 20 ms\)/);
});

test('a connection reset in the middle of the body is a failed attempt, not half a page', async () => {
  const { client } = setup(faultsThen(ok, ['reset', 'reset-mid-body']));
  const res = await client.get(URL_A);
  assert.equal(res.attempts, 3);
  assert.deepEqual(JSON.parse(res.body), [{ id: 'deepseek-ai/DeepSeek-R1' }]);
});

test('a client error other than 408/429 is not retried', async () => {
  const { client, transport } = setup([{ url: URL_A, status: 404, body: '{"error":"not found"}' }]);
  await assert.rejects(client.get(URL_A), (e: unknown) => {
    assert.ok(e instanceof HttpError);
    assert.equal(e.status, 404);
    assert.equal(e.message, `GET ${URL_A}: HTTP 404`);
    return true;
  });
  assert.equal(transport.calls.length, 1);
});

test('requests are paced: at least minIntervalMs between starts', async () => {
  const pages = [1, 2, 3].map((n) => ({ url: `${URL_A}&p=${n}`, body: [] }));
  const { client, clock } = setup(pages, { minIntervalMs: 1000 });
  for (const p of pages) await client.get(p.url);
  assert.deepEqual(clock.waits, [1000, 1000]);
});

test('a retry wait longer than the interval is not padded by pacing', async () => {
  const { client, clock } = setup(faultsThen(ok, [tooManyRequests('5')]), { minIntervalMs: 1000 });
  await client.get(URL_A);
  assert.deepEqual(clock.waits, [5000]);
});

test('the client identifies itself; a contact address goes in when given, and only a well-formed one', async () => {
  const { client, transport } = setup([ok]);
  await client.get(URL_A, { headers: { Accept: 'application/json' } });
  assert.equal(transport.calls[0]?.headers['User-Agent'], DEFAULT_USER_AGENT);
  assert.equal(transport.calls[0]?.headers.Accept, 'application/json');
  assert.equal(userAgentFor('data@example.org'), 'neijuan/0.1 (open observatory; mailto:data@example.org)');
  assert.throws(() => userAgentFor('me@example.org)\r\nX-Evil: 1'), /not an e-mail address/);
  assert.throws(() => userAgentFor('nobody'), /not an e-mail address/);
});

test('the replaying transport refuses anything not recorded, and serves recordings in order per URL', async () => {
  const transport = replayTransport([
    { url: URL_A, body: 'first' },
    { url: URL_A, body: 'second' },
  ]);
  const init = { method: 'GET', headers: {}, signal: new AbortController().signal };
  assert.equal(await (await transport(URL_A, init)).text(), 'first');
  assert.equal(await (await transport(URL_A, init)).text(), 'second');
  await assert.rejects(transport(URL_A, init), { message: `connection refused: ${URL_A} is not recorded` });
  await assert.rejects(transport('https://example.org/', init), /connection refused: https:\/\/example.org\/ is not/);
  await assert.rejects(transport(URL_A, { ...init, method: 'POST' }), /is not recorded/);
});

test('through the client, an unrecorded URL fails with the refusal in the message', async () => {
  const { client } = setup([], { maxRetries: 1 });
  await assert.rejects(client.get('https://www.wikidata.org/'), /connection refused: https:\/\/www.wikidata.org\/ is/);
});

test('a request cancelled by the caller is not retried', async () => {
  const controller = new AbortController();
  const { client, transport } = setup(faultsThen(ok, ['timeout']), { timeoutMs: 10_000 });
  const pending = client.get(URL_A, { signal: controller.signal });
  controller.abort(new Error('interrupted'));
  await assert.rejects(pending, /interrupted/);
  assert.equal(transport.calls.length, 1);
});

test('Retry-After values: seconds, HTTP-dates in the three forms, the past, and junk', () => {
  const now = Date.UTC(2015, 9, 21, 7, 28, 0);
  assert.equal(retryAfterMs('120', now), 120_000);
  assert.equal(retryAfterMs(' 3 ', now), 3000);
  assert.equal(retryAfterMs('Wed, 21 Oct 2015 07:28:30 GMT', now), 30_000);
  assert.equal(retryAfterMs('Wednesday, 21-Oct-15 07:29:00 GMT', now), 60_000);
  assert.equal(retryAfterMs('Wed Oct 21 07:28:10 2015', now) !== null, true);
  assert.equal(retryAfterMs('Wed, 21 Oct 2015 07:00:00 GMT', now), 0);
  assert.equal(retryAfterMs('1.5', now), null);
  assert.equal(retryAfterMs('-3', now), null);
  assert.equal(retryAfterMs('soon', now), null);
  assert.equal(retryAfterMs(null, now), null);
});
