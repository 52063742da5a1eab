import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Hono } from 'hono';
import { responseCache } from './response-cache.ts';

test('successful GETs are served from the cache the second time; errors and other methods never are', async () => {
  let computed = 0;
  const app = new Hono();
  app.use('*', responseCache({ maxEntries: 2, maxBytes: 1 << 20 }));
  app.get('/a', (c) => c.json({ n: ++computed }));
  app.get('/b', (c) => c.json({ n: ++computed }));
  app.get('/c', (c) => c.json({ n: ++computed }));
  app.get('/bad', (c) => c.json({ error: 'no' }, 400));
  const get = async (path: string) => {
    const res = await app.request(path);
    return {
      status: res.status,
      hit: res.headers.get('x-cache') === 'hit',
      body: (await res.json()) as { n?: number },
    };
  };
  assert.deepEqual(await get('/a'), { status: 200, hit: false, body: { n: 1 } });
  assert.deepEqual(await get('/a'), { status: 200, hit: true, body: { n: 1 } });
  assert.equal((await get('/a?x=1')).body.n, 2, 'the query string is part of the key');
  await get('/bad');
  assert.equal((await get('/bad')).hit, false);
  // Bounded: with room for two, the least recently used entry leaves.
  await get('/b');
  await get('/c');
  assert.equal((await get('/a')).hit, false);
});
