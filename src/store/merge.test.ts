// A dataset's first rows in a table take the insert-only path; it must leave what the full merge leaves, and count alike.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Db } from './db.ts';
import { type Cell, mergeRows } from './merge.ts';
import { sql } from './sql.ts';
import { TABLES } from './tables.ts';

const entity = (id: string, dataset: string, name: string): Cell[] => [id, dataset, 'org', name, null, null, null];

async function merged(had: number | null) {
  const db = await Db.open({ path: ':memory:' });
  try {
    // Another dataset already holds org:a.
    await mergeRows(db, TABLES.entities, 'first', [entity('org:a', 'first', 'A')]);
    // The new dataset names org:a too (kept as the first dataset has it), and org:b twice (one row kept, the first
    // in a stable order).
    const counts = await mergeRows(
      db,
      TABLES.entities,
      'second',
      [entity('org:b', 'second', 'B2'), entity('org:a', 'second', 'A2'), entity('org:b', 'second', 'B1')],
      had,
    );
    const rows = await db.all(sql`SELECT id, dataset, name_en FROM entities ORDER BY id`);
    const empty = await mergeRows(db, TABLES.entityNames, 'second', [], had);
    return { counts, rows, empty };
  } finally {
    db.close();
  }
}

test('the insert-only path of a new dataset leaves the rows and counts of the full merge', async () => {
  const fast = await merged(0);
  const full = await merged(null);
  assert.deepEqual(fast, full);
  assert.deepEqual(fast.counts, { inserted: 1, updated: 0, deleted: 0 });
  assert.deepEqual(fast.rows, [
    { id: 'org:a', dataset: 'first', name_en: 'A' },
    { id: 'org:b', dataset: 'second', name_en: 'B1' },
  ]);
  assert.deepEqual(fast.empty, { inserted: 0, updated: 0, deleted: 0 });
});
