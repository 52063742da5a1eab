import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { bundledDb, DATA_DIR } from '../../test/support/bundled.ts';
import { IDENTITY_ATTRIBUTES } from '../model/resolver.ts';
import { epochConnector } from '../sources/epoch/source.ts';
import { Db } from '../store/db.ts';
import { knownKeys, knownNames } from '../store/queries/entities.ts';
import { sql } from '../store/sql.ts';
import { bundledInputs } from './bundled-inputs.ts';
import { KnownSoFar } from './known-names.ts';
import { ingest, mapRead } from './pipeline.ts';

// Two vintages are bundled in data/; the third (another schema) is a fixture beside the connector.
const EPOCH_FILES = [
  join(DATA_DIR, 'epoch', 'notable_ai_models_2026-01.csv'),
  join(DATA_DIR, 'epoch', 'all_ai_models_2025-03.csv'),
  join(import.meta.dirname, '..', 'sources', 'epoch', 'fixtures', 'large_scale_ai_models_2025-04.csv'),
];

test('the names a build keeps across its inputs equal reading them again after each ingest', async () => {
  const own = await bundledDb();
  try {
    const known = new KnownSoFar();
    await known.load(own);
    const same = async (d: string, label: string) => {
      const { kept, read } = await keptAndRead(known, own, d);
      assert.deepEqual(kept, read, label);
    };
    const datasets = ['curated', 'epoch:notable_ai_models_2026-01', 'epoch:large_scale_ai_models_2025-04', 'x'];
    for (const d of datasets) await same(d, d);
    // A new dataset, the same one again, and a bundled one replaced by other content (another vintage's rows).
    const dir = mkdtempSync(join(tmpdir(), 'known-'));
    const other = join(dir, 'notable_ai_models_2026-01.csv');
    copyFileSync(EPOCH_FILES[1] as string, other);
    for (const [file, allowShrink] of [
      [EPOCH_FILES[2], false],
      [EPOCH_FILES[2], false],
      [other, true],
    ] as const) {
      const read = await epochConnector.read(file as string);
      const summary = await ingest(own, epochConnector, file as string, undefined, {
        allowShrink,
        reading: Promise.resolve(read),
        mapping: Promise.resolve(mapRead(epochConnector, file as string, read, known.knownFor(read.dataset))),
      });
      await known.changed(own, summary.dataset);
      for (const d of datasets) await same(d, `${file}, then ${d}`);
    }
    const names = await own.one<{ n: number }>(
      sql`SELECT count(*)::INT AS n FROM entity_names WHERE dataset = 'epoch:notable_ai_models_2026-01'`,
    );
    assert.ok((names?.n ?? 0) > 2000, `the other content replaced the dataset: ${names?.n} names`);
  } finally {
    own.close();
  }
});

/** What `known` says an input of `dataset` resolves against, and what reading the database again says. */
async function keptAndRead(known: KnownSoFar, own: Db, dataset: string) {
  const k = known.knownFor(dataset);
  return {
    kept: {
      names: k.names.map((n) => `${n.entityId}|${n.kind}|${n.name}`).sort(),
      // The build reads keys as distinct rows per dataset; the resolver keeps a set, so compare them as one.
      keys: [...new Set(k.keys.map((x) => `${x.entityId}|${x.attr}|${x.value}`))].sort(),
    },
    read: {
      names: (await knownNames(own, dataset)).map((n) => `${n.entityId}|${n.kind}|${n.name}`).sort(),
      keys: (await knownKeys(own, IDENTITY_ATTRIBUTES, dataset))
        .map((x) => `${x.entityId}|${x.attr}|${x.value}`)
        .sort(),
    },
  };
}

test('the names a build tells from each mapped input equal reading them after it is merged', async () => {
  const own = await Db.open({ path: ':memory:' });
  try {
    const known = new KnownSoFar();
    await known.load(own);
    const datasets: string[] = [];
    let first: { dataset: string; bundle: ReturnType<typeof mapRead> } | null = null;
    for (const { connector, input } of await bundledInputs(DATA_DIR)) {
      const read = await connector.read(input);
      const bundle = mapRead(connector, input, read, known.knownFor(read.dataset));
      first ??= { dataset: read.dataset, bundle };
      assert.equal(known.predict(read.dataset, bundle), true, `${input} told before its merge`);
      await ingest(own, connector, input, undefined, {
        recordChanges: false,
        refreshDerived: false,
        reading: Promise.resolve(read),
        mapping: Promise.resolve(bundle),
      });
      datasets.push(read.dataset);
      for (const d of [...datasets, 'x']) {
        const { kept, read: again } = await keptAndRead(known, own, d);
        assert.deepEqual(kept, again, `after ${input}, for ${d}`);
      }
    }
    assert.ok(datasets.length >= 8, `${datasets.length} bundled inputs`);
    const names = await own.one<{ n: number }>(sql`
      SELECT count(*)::INT AS n FROM entity_names n JOIN entities e ON e.id = n.entity_id WHERE e.dataset <> n.dataset`);
    assert.ok((names?.n ?? 0) > 1000, `names given to another dataset's entities: ${names?.n}`);
    // A dataset the database holds already is not told: its merge may update and delete.
    assert.ok(first);
    assert.equal(known.predict(first.dataset, first.bundle), false);
  } finally {
    own.close();
  }
});

test('names written before their entity join it when a later input defines it; two kinds for one id are not told', async () => {
  const own = await Db.open({ path: ':memory:' });
  try {
    const known = new KnownSoFar();
    await known.load(own);
    const name = (entityId: string, n: string) => ({ entityId, name: n, kind: 'en' as const, sourceId: 's' });
    const entity = (id: string, kind: string) => ({ id, kind }) as never;
    assert.equal(
      known.predict('a', { entities: [], names: [name('org:x', 'Ex'), name('org:x', 'Ex')], facts: [] }),
      true,
    );
    assert.deepEqual(known.knownFor('b').names, []);
    assert.equal(
      known.predict('b', {
        entities: [entity('org:x', 'organization')],
        names: [name('org:x', 'X Corp')],
        facts: [{ entityId: 'org:x', attr: 'wikidata', value: 'Q1' } as never],
      }),
      true,
    );
    assert.deepEqual(
      known
        .knownFor('c')
        .names.map((n) => `${n.entityId}|${n.kind}|${n.name}`)
        .sort(),
      ['org:x|organization|Ex', 'org:x|organization|X Corp'],
    );
    // Names of "a" belong to b's entity: an input of b resolves against neither.
    assert.deepEqual(known.knownFor('b').names, []);
    assert.deepEqual(known.knownFor('c').keys, [{ entityId: 'org:x', attr: 'wikidata', value: 'Q1', dataset: 'b' }]);
    const before = known.knownFor('z');
    assert.equal(
      known.predict('c', {
        entities: [entity('org:y', 'organization'), entity('org:y', 'person')],
        names: [],
        facts: [],
      }),
      false,
    );
    assert.deepEqual(known.knownFor('z'), before, 'nothing taken in when it declines');
  } finally {
    own.close();
  }
});
