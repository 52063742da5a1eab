// Other connections to one database: a reading view (committed data, each distinct statement read once, no writes) and
// a connection beside (its own transactions).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Db } from './db.ts';
import { sql } from './sql.ts';

test('a reading view reads committed data side by side, answers a repeated statement once, and refuses writes', async () => {
  const db = await Db.open({ path: ':memory:' });
  try {
    await db.exec('CREATE TABLE t (k INTEGER, v VARCHAR)');
    await db.exec("INSERT INTO t VALUES (1, 'a'), (2, 'b')");
    let first: { k: number; v: string }[] = [];
    await db.readingView(3, async (view) => {
      const q = sql`SELECT k, v FROM t ORDER BY k`;
      const [a, b, c] = await Promise.all([view.all(q), view.all(q), view.all(sql`SELECT count(*)::INT AS n FROM t`)]);
      assert.deepEqual(a, [
        { k: 1, v: 'a' },
        { k: 2, v: 'b' },
      ]);
      assert.deepEqual(b, a);
      assert.deepEqual(c, [{ n: 2 }]);
      // Each caller gets its own copy: changing one changes no other.
      (a as { k: number; v: string }[]).reverse()[0]!.v = 'changed';
      first = await view.all<{ k: number; v: string }>(q);
      assert.equal(first[1]?.v, 'b');
      await assert.rejects(view.run(sql`DELETE FROM t`), /reading view does not write/);
      await assert.rejects(view.exec('DROP TABLE t'), /reading view does not write/);
    });
    // The database itself is untouched and open after the view closes.
    assert.deepEqual(await db.all(sql`SELECT count(*)::INT AS n FROM t`), [{ n: 2 }]);
    await db.exec("INSERT INTO t VALUES (3, 'c')");
    assert.deepEqual(await db.all(sql`SELECT count(*)::INT AS n FROM t`), [{ n: 3 }]);
  } finally {
    db.close();
  }
});

test('a reading view cannot be made inside a transaction (its connections would not see what it wrote)', async () => {
  const db = await Db.open({ path: ':memory:' });
  try {
    await db.exec('CREATE TABLE t (k INTEGER)');
    await db.transaction(async () => {
      await db.exec('INSERT INTO t VALUES (1)');
      await assert.rejects(
        db.readingView(1, async () => null),
        /committed data only/,
      );
    });
    assert.equal(
      await db.readingView(1, async (v) => (await v.all<{ n: number }>(sql`SELECT count(*)::INT AS n FROM t`))[0]?.n),
      1,
    );
  } finally {
    db.close();
  }
});

test('a connection beside runs its own transactions: it sees only what is committed, and this one sees its commits', async () => {
  const db = await Db.open({ path: ':memory:' });
  try {
    await db.exec('CREATE TABLE t (k INTEGER)');
    await db.exec("ATTACH ':memory:' AS side");
    await db.beside(async (other) => {
      await db.transaction(async () => {
        await db.exec('INSERT INTO t VALUES (1)');
        // Not committed yet: the other connection does not see it, and writes a table of its own meanwhile.
        assert.deepEqual(await other.all(sql`SELECT count(*)::INT AS n FROM t`), [{ n: 0 }]);
        await other.exec('CREATE TABLE side.u AS SELECT 7 AS v');
      });
      assert.deepEqual(await other.all(sql`SELECT count(*)::INT AS n FROM t`), [{ n: 1 }]);
    });
    // What it committed stays; the database stays open after it closes.
    assert.deepEqual(await db.all(sql`SELECT v FROM side.u`), [{ v: 7 }]);
    await db.exec('INSERT INTO t VALUES (2)');
    assert.deepEqual(await db.all(sql`SELECT count(*)::INT AS n FROM t`), [{ n: 2 }]);
  } finally {
    db.close();
  }
});

test('rows read through JSON equal rows read value by value, in order, for the types JSON carries', async () => {
  const db = await Db.open({ path: ':memory:' });
  try {
    await db.exec(`CREATE TABLE t AS SELECT i::INT AS i, 'name "' || i || '" 智谱\n' AS s, i / 3.0 AS d, i % 2 = 0 AS b,
      CASE WHEN i % 5 = 0 THEN NULL ELSE 'x' END AS n, [i::INT, (i + 1)::INT] AS l, {'a': i::VARCHAR, 'c': [NULL, 'z']} AS st,
      (i * 1000)::BIGINT AS big FROM range(2000) r(i)`);
    const q = sql`SELECT i, s, d, b, n, l, st, big::DOUBLE AS big FROM t WHERE i >= ${3} ORDER BY i DESC`;
    const json = await db.allJson(q);
    assert.equal(json.length, 1997);
    assert.deepStrictEqual(json, await db.all(q));
    assert.deepStrictEqual(await db.allJson(sql`SELECT * FROM t WHERE FALSE`), []);
  } finally {
    db.close();
  }
});
