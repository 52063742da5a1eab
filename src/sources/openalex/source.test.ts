import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { bundledDb } from '../../../test/support/bundled.ts';
import { ingest } from '../../ingest/pipeline.ts';
import { InputError } from '../../model/errors.ts';
import type { Db } from '../../store/db.ts';
import { openalexGeoContext } from '../../store/queries/openalex.ts';
import { listRuns } from '../../store/queries/runs.ts';
import { sql } from '../../store/sql.ts';
import { HttpError, createHttpClient } from '../http/http-client.ts';
import { type Recording, replayTransport } from '../http/replay-transport.ts';
import { virtualClock } from '../http/virtual-clock.ts';
import { OpenAlexClient } from './api-client.ts';
import { type LiveMode, createOpenAlexLiveConnector } from './source.ts';

const API = join(import.meta.dirname, 'fixtures', 'api');
const MAILTO = 'neijuan-tests@example.org';
const FILTER = 'openalex:W2741809807|W2755950973';
const recordings: Recording[] = (
  JSON.parse(readFileSync(join(API, 'recordings.json'), 'utf8')) as { url: string; status: number; file: string }[]
).map((r) => ({ url: r.url, status: r.status, body: readFileSync(join(API, r.file), 'utf8') }));

function replay(extra: Recording[] = []) {
  const clock = virtualClock();
  const transport = replayTransport([...recordings, ...extra]);
  const http = createHttpClient({
    fetch: transport,
    sleep: clock.sleep,
    now: clock.now,
    random: () => 0,
    mailto: MAILTO,
    maxRetries: 2,
  });
  return { transport, clock, http };
}

describe('OpenAlex live mode, replayed', () => {
  let db: Db;
  const realFetch = globalThis.fetch;
  before(async () => {
    // Nothing here may reach the network: the replaying transport is the only way out.
    globalThis.fetch = () => Promise.reject(new Error('network refused in tests'));
    db = await bundledDb();
  });
  after(() => {
    globalThis.fetch = realFetch;
    db.close();
  });

  const connector = (http: ReturnType<typeof replay>['http'], mode: LiveMode, apiKey: string | null = null) =>
    createOpenAlexLiveConnector({
      http,
      mailto: MAILTO,
      apiKey,
      geo: () => openalexGeoContext(db),
      mode,
      years: { from: 2017, to: 2018 },
      today: () => '2026-11-29',
    });

  const counts = async (dataset: string) =>
    new Map(
      (
        await db.all<{ s: string; p: string; v: number }>(sql`SELECT subject_id AS s, period AS p, value::INT AS v
          FROM observations WHERE dataset = ${dataset} AND metric = 'openalex.works' ORDER BY 1, 2`)
      ).map((r) => [`${r.s} ${r.p}`, r.v]),
    );

  test('works mode pages by cursor from cursor=* to a null next_cursor, sending mailto every time', async () => {
    const { transport, http } = replay();
    const summary = await ingest(db, connector(http, { kind: 'works', maxWorks: 1000 }), FILTER);
    assert.equal(summary.read, 2);
    const urls = transport.calls.map((c) => new URL(c.url));
    assert.deepEqual(
      urls.map((u) => u.searchParams.get('cursor')),
      [
        '*',
        'IlsxMDAsICdodHRwczovL29wZW5hbGV4Lm9yZy9XMjc0MTgwOTgwNyddIg==',
        'IlsxMDAsICdodHRwczovL29wZW5hbGV4Lm9yZy9XMjc1NTk1MDk3MyddIg==',
      ],
    );
    assert.ok(urls.every((u) => u.searchParams.get('mailto') === MAILTO));
    assert.ok(transport.calls.every((c) => c.headers['User-Agent']?.includes(`mailto:${MAILTO}`)));
    const c = await counts(summary.dataset);
    assert.equal(c.get('country:us 2017'), 1, 'W2755950973: Caltech');
    assert.equal(c.get('country:us 2018'), 1, 'W2741809807 has five US authorships: one work');
    assert.equal(c.get('country:ca 2018'), 1);
    assert.equal(c.get('org:openalex-i4210166736 2018'), 1);
    const [run] = await listRuns(db, 1);
    assert.equal(run?.status, 'ok');
    assert.equal(run?.input, FILTER);
  });

  test('group_by counts agree with the counts made from the works themselves', async () => {
    const a = replay();
    const fromWorks = await ingest(db, connector(a.http, { kind: 'works', maxWorks: 1000 }), FILTER);
    const b = replay();
    const fields = ['authorships.institutions.country_code', 'authorships.institutions.id'] as const;
    const fromGroups = await ingest(db, connector(b.http, { kind: 'groups', fields }), FILTER);
    assert.equal(b.transport.calls.length, 4, 'one request per year and field');
    assert.ok(b.transport.calls.every((c) => /publication_year%3A201[78]&group_by=/.test(c.url)));
    const w = await counts(fromWorks.dataset);
    const g = await counts(fromGroups.dataset);
    assert.equal(g.size, 12, '2017: Caltech and US; 2018: eight institutions, US and CA');
    assert.deepEqual(g, w);
  });

  test('a rate limit that does not lift fails the run with the status, after the client retried', async () => {
    const limited = recordings.find((r) => r.status === 429) as Recording;
    const { transport, http, clock } = replay([limited, limited]);
    const live = createOpenAlexLiveConnector({
      http,
      mailto: MAILTO,
      geo: () => openalexGeoContext(db),
      mode: { kind: 'groups', fields: ['authorships.institutions.country_code'] },
      years: { from: 2017, to: 2017 },
      today: () => '2026-11-29',
    });
    const before = await db.one<{ n: number }>(sql`SELECT count(*)::INT AS n FROM observations`);
    await assert.rejects(ingest(db, live, 'primary_topic.subfield.id:1702'), (e: unknown) => {
      assert.ok(e instanceof HttpError);
      assert.equal(e.status, 429);
      return true;
    });
    assert.equal(transport.calls.length, 3, 'the first attempt and two retries');
    assert.ok(clock.waits.length >= 2, 'the client backed off before each retry');
    const after = await db.one<{ n: number }>(sql`SELECT count(*)::INT AS n FROM observations`);
    assert.deepEqual(after, before);
  });

  test('refuses more works than maxWorks, a malformed filter and a malformed mailto', async () => {
    await assert.rejects(ingest(db, connector(replay().http, { kind: 'works', maxWorks: 1 }), FILTER), (e: unknown) => {
      assert.ok(e instanceof InputError);
      assert.match(e.message, /field "meta\.count": 2 works match, more than 1: use the snapshot/);
      return true;
    });
    await assert.rejects(
      ingest(db, connector(replay().http, { kind: 'works', maxWorks: 10 }), 'title.search=ai&x'),
      /--filter, field "filter": expected attribute:value pairs/,
    );
    assert.throws(
      () => new OpenAlexClient({ http: replay().http, mailto: 'not-an-address' }),
      /--mailto: expected an e-mail/,
    );
  });

  test('an API key goes to OpenAlex but never into errors or the run log', async () => {
    const clock = virtualClock();
    const secret = 'SECRET-KEY-123';
    const client = new OpenAlexClient({ http: replay().http, mailto: MAILTO, apiKey: secret });
    const url = client.url('/works', { filter: `${FILTER},publication_year:2017-2018`, per_page: '200', cursor: '*' });
    assert.match(url, /api_key=SECRET-KEY-123/);
    const transport = replayTransport([{ url, status: 403, body: '{"error":"forbidden"}' }]);
    const http = createHttpClient({
      fetch: transport,
      sleep: clock.sleep,
      now: clock.now,
      random: () => 0,
      mailto: MAILTO,
    });
    await assert.rejects(ingest(db, connector(http, { kind: 'works', maxWorks: 10 }, secret), FILTER), (e: unknown) => {
      assert.ok(e instanceof HttpError);
      assert.equal(e.status, 403);
      assert.ok(!e.message.includes(secret) && !e.url.includes(secret), e.message);
      return true;
    });
    assert.equal(transport.calls.length, 1);
    const [run] = await listRuns(db, 1);
    assert.ok(!JSON.stringify(run).includes(secret));
  });
});
