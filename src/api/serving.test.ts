// What the server reads is stored for a data state: an ingest that changes data, or may have (a failed one), moves the
// state and the stored rows are computed again; one that changed nothing leaves it, and the stored rows are kept.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { ingest } from '../ingest/pipeline.ts';
import { createCsvMappingConnector } from '../sources/csv-mapping/source.ts';
import { Db } from '../store/db.ts';
import { dataStamp } from '../store/queries/serving.ts';
import { prepareServing } from './serving.ts';

const FIXTURES = join(import.meta.dirname, '..', 'sources', 'csv-mapping', 'fixtures');
const dir = mkdtempSync(join(tmpdir(), 'neijuan-serving-'));
after(() => rmSync(dir, { recursive: true, force: true }));

test('the data state moves with an ingest that changed data or failed, not with one that changed nothing', async () => {
  const db = await Db.open({ path: ':memory:' });
  try {
    const connector = createCsvMappingConnector(join(FIXTURES, 'watchlist.mapping.yaml'));
    const csv = join(dir, 'watchlist.csv');
    writeFileSync(csv, readFileSync(join(FIXTURES, 'watchlist.csv'), 'utf8'));
    assert.equal((await ingest(db, connector, csv)).status, 'ok');
    const first = await dataStamp(db);
    const computed = await prepareServing(db);
    assert.equal(computed.reused, false);
    assert.ok(computed.responses > 0);

    assert.equal((await ingest(db, connector, csv)).status, 'unchanged');
    assert.equal(await dataStamp(db), first, 'an unchanged ingest');
    const kept = await prepareServing(db);
    assert.equal(kept.reused, true);
    assert.equal(kept.stamp, computed.stamp);
    assert.deepEqual(
      [kept.responses, kept.entities, kept.searchEntities],
      [computed.responses, computed.entities, computed.searchEntities],
    );

    const damaged = join(dir, 'damaged.csv');
    writeFileSync(damaged, 'organisation,chinese_name\n"unclosed\n');
    await assert.rejects(ingest(db, connector, damaged));
    const afterFailure = await dataStamp(db);
    assert.notEqual(afterFailure, first, 'a failed ingest (it may have committed part of its work elsewhere)');
    assert.equal((await prepareServing(db)).reused, false);

    writeFileSync(csv, readFileSync(csv, 'utf8').replace('DeepSeek,深度求索,high,9', 'DeepSeek,深度求索,high,10'));
    assert.equal((await ingest(db, connector, csv)).status, 'ok');
    assert.notEqual(await dataStamp(db), afterFailure, 'an ingest that changed a value');
    assert.equal((await prepareServing(db)).reused, false);
  } finally {
    db.close();
  }
});
