import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Db } from './db.ts';
import { RefusedQuery, runReadOnlyQuery } from './read-only-query.ts';
import { sql } from './sql.ts';

let db: Db;
before(async () => {
  db = await Db.open({ path: ':memory:' });
  await db.run(sql`INSERT INTO entities VALUES ('org:a', 'test', 'company', 'A', NULL, NULL, NULL)`);
});
after(() => db.close());

test('a single SELECT runs', async () => {
  assert.deepEqual(await runReadOnlyQuery(db, 'SELECT id, kind FROM entities'), [{ id: 'org:a', kind: 'company' }]);
});

test('everything but one read-only SELECT is refused, and nothing changes', async () => {
  const refused = [
    'DROP TABLE entities',
    "INSERT INTO entities VALUES ('org:b', 'x', 'company', 'B', NULL, NULL, NULL)",
    "UPDATE entities SET name_en = 'Z'",
    'DELETE FROM entities',
    'CREATE TABLE t (x INT)',
    "ATTACH ':memory:' AS other",
    "COPY entities TO '/tmp/neijuan-leak.csv'",
    'INSTALL httpfs',
    'PRAGMA database_list',
    'SET threads = 1',
    'SELECT 1; DROP TABLE entities',
    "SELECT * FROM read_csv('/etc/passwd')",
    "SELECT * FROM read_text('/etc/hostname')",
    'not sql at all',
  ];
  for (const q of refused) await assert.rejects(runReadOnlyQuery(db, q), RefusedQuery, q);
  assert.deepEqual(await runReadOnlyQuery(db, 'SELECT count(*)::INT AS n FROM entities'), [{ n: 1 }]);
});
