// Downloads count once per model and organisation (and once per model and country), however many syncs or sources
// repeat the "developed" edge. A real in-memory DuckDB, migrated, with the rows two syncs would write.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Db } from '../db.ts';
import { sql } from '../sql.ts';
import { downloadSeries } from './adoption.ts';
import { openWeightDownloadsByCountry } from './compare.ts';

test('two syncs naming the same model do not double its downloads', async () => {
  const db = await Db.open({ path: ':memory:' });
  try {
    await db.run(sql`INSERT INTO entities (id, dataset, kind, name_en) VALUES
      ('org:a', 'curated', 'company', 'A'), ('org:b', 'curated', 'company', 'B'),
      ('model:m', 'huggingface:2026-11-01', 'ai-model', 'm'), ('country:cn', 'curated', 'country', 'China')`);
    await db.run(sql`INSERT INTO relations VALUES
      ('huggingface:2026-11-01', 'org:a', 'developed', 'model:m', 'src:hf-1'),
      ('huggingface:2026-11-08', 'org:a', 'developed', 'model:m', 'src:hf-2'),
      ('curated', 'org:b', 'developed', 'model:m', 'src:c'),
      ('curated', 'org:a', 'headquartered_in', 'country:cn', 'src:c'),
      ('curated', 'org:b', 'headquartered_in', 'country:cn', 'src:c')`);
    await db.run(sql`INSERT INTO observations VALUES
      ('huggingface:2026-11-08', 'hf.downloads', 'model:m', '2026-11-08', 2750000, 'downloads', NULL, 'src:hf-2')`);
    await db.exec('CREATE OR REPLACE TABLE entity_place AS SELECT * FROM entity_place_v');
    assert.deepEqual(await downloadSeries(db), [
      { period: '2026-11-08', organization: 'org:a', downloads: 2750000 },
      { period: '2026-11-08', organization: 'org:b', downloads: 2750000 },
    ]);
    const byCountry = await openWeightDownloadsByCountry(db);
    assert.deepEqual(
      byCountry.map((r) => [r.country, r.models, r.downloads]),
      [['country:cn', 1, 2750000]],
    );
  } finally {
    db.close();
  }
});
