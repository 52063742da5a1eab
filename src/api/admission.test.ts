// Admission control: a bounded number compute, a bounded number wait (not past their deadline), the rest get a fast
// 503 with Retry-After; a slot freed goes to the next in line.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Hono } from 'hono';
import { admission } from './admission.ts';

function slowApp(options: { concurrent: number; queue: number; waitMs: number }) {
  const gates: (() => void)[] = [];
  const app = new Hono();
  app.use('/api/*', admission(options));
  app.get('/api/slow', async (c) => {
    await new Promise<void>((resolve) => gates.push(resolve));
    return c.json({ ok: true });
  });
  return { app, open: () => gates.shift()?.() };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 10));

test('past the queue: an immediate 503 with Retry-After; a waiter is served when a slot frees', async () => {
  const { app, open } = slowApp({ concurrent: 1, queue: 1, waitMs: 5_000 });
  const first = app.request('/api/slow');
  await tick();
  const second = app.request('/api/slow');
  await tick();
  const started = Date.now();
  const third = await app.request('/api/slow');
  assert.equal(third.status, 503);
  // Refused, not queued: well before the 5 s a waiter would wait (a bound loose enough for a loaded machine).
  assert.ok(Date.now() - started < 2_500, 'refused at once');
  assert.equal(third.headers.get('retry-after'), '2');
  assert.match(((await third.json()) as { error: string }).error, /server busy: 1 requests already waiting/);
  open();
  assert.equal((await first).status, 200);
  await tick();
  open();
  assert.equal((await second).status, 200);
});

test('a waiter past its deadline gets a 503, and the slot count stays right', async () => {
  const { app, open } = slowApp({ concurrent: 1, queue: 4, waitMs: 50 });
  const first = app.request('/api/slow');
  await tick();
  const late = await app.request('/api/slow');
  assert.equal(late.status, 503);
  assert.equal(late.headers.get('retry-after'), '1');
  open();
  assert.equal((await first).status, 200);
  // The slot is free again: the next request runs at once.
  const next = app.request('/api/slow');
  await tick();
  open();
  assert.equal((await next).status, 200);
});
