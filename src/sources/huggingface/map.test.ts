import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ingest } from '../../ingest/pipeline.ts';
import { Resolver } from '../../model/resolver.ts';
import type { EntityKind } from '../../model/types.ts';
import { Db } from '../../store/db.ts';
import { knownNames } from '../../store/queries/entities.ts';
import { sql } from '../../store/sql.ts';
import { bundledDb } from '../../../test/support/bundled.ts';
import { type HuggingFaceInput, syncInput } from './listing.ts';
import { mapHuggingFace, modelIdOf } from './map.ts';
import { namesForHandle, ORG_NAMES, DEFAULT_ORGS } from './orgs.ts';
import { baseModelsOf, licenseOf } from './schema.ts';
import { huggingfaceConnector, readHuggingFace } from './source.ts';

const f = (name: string) => join(import.meta.dirname, 'fixtures', name);
const REAL = f('sync-2025-11');
const SYNC_1 = f('huggingface-2026-11-22');
const SYNC_2 = f('huggingface-2026-11-29');

async function inputOf(path: string): Promise<HuggingFaceInput> {
  return (await readHuggingFace(path)).records[0] as HuggingFaceInput;
}

test('the real recorded listing: one entity per repo, facts, and observations filed under the sync month', async () => {
  const read = await readHuggingFace(REAL);
  assert.equal(read.dataset, 'huggingface:2025-11');
  assert.equal(read.rowsRead, 2);
  const b = mapHuggingFace(read.records[0] as HuggingFaceInput, new Resolver([]));
  assert.deepEqual(b.sources, [
    {
      id: 'src:huggingface-2025-11',
      title: 'Hugging Face Hub API, models by MiniMaxAI, moonshotai, synced 2025-11',
      url: 'https://huggingface.co/api/models',
      publisher: 'Hugging Face',
      published: null,
      retrieved: '2025-11',
      licence: 'facts from the public API',
    },
  ]);
  const m2 = 'model:hf-minimaxai-minimax-m2';
  assert.deepEqual(
    b.entities.find((e) => e.id === m2),
    { id: m2, kind: 'ai-model', nameEn: 'MiniMaxAI/MiniMax-M2', nameZh: null, namePinyin: null, description: null },
  );
  const facts = Object.fromEntries(b.facts.filter((x) => x.entityId === m2).map((x) => [x.attr, x.value]));
  assert.deepEqual(facts, {
    link: 'https://huggingface.co/MiniMaxAI/MiniMax-M2',
    created_at: '2025-10-22',
    license: 'mit',
    pipeline_tag: 'text-generation',
    library: 'transformers',
  });
  assert.equal(
    b.facts.find((x) => x.entityId === 'model:hf-moonshotai-kimi-k2-thinking' && x.attr === 'license')?.value,
    'other',
  );
  assert.deepEqual(
    b.observations.filter((o) => o.subjectId === m2).map((o) => [o.metric, o.period, o.value, o.unit]),
    [
      ['hf.downloads', '2025-11', 846249, 'downloads'],
      ['hf.likes', '2025-11', 1178, 'likes'],
    ],
  );
});

test('base_model tags become based_on edges; a base outside the listing becomes its own entity, once', async () => {
  const b = mapHuggingFace(await inputOf(SYNC_2), new Resolver([]));
  const basedOn = b.relations
    .filter((r) => r.predicate === 'based_on')
    .map((r) => [r.subjectId, r.objectId])
    .sort();
  assert.deepEqual(basedOn, [
    ['model:hf-deepseek-ai-deepseek-r1-distill-qwen-7b', 'model:hf-qwen-qwen2-5-math-7b'],
    ['model:hf-qwen-qwen2-5-7b-instruct', 'model:hf-qwen-qwen2-5-7b'],
    ['model:hf-qwen-qwen2-5-7b-instruct-awq', 'model:hf-qwen-qwen2-5-7b-instruct'],
  ]);
  const ids = b.entities.map((e) => e.id);
  assert.equal(new Set(ids).size, ids.length, 'a repo listed and named as a base is one entity');
  assert.equal(b.entities.find((e) => e.id === 'model:hf-qwen-qwen2-5-math-7b')?.nameEn, 'Qwen/Qwen2.5-Math-7B');
  // The base outside the listing has no counts and no developer: the listing says nothing about them.
  assert.ok(!b.observations.some((o) => o.subjectId === 'model:hf-qwen-qwen2-5-math-7b'));
  assert.ok(!b.relations.some((r) => r.predicate === 'developed' && r.objectId === 'model:hf-qwen-qwen2-5-math-7b'));
  const awq = b.facts.find((x) => x.entityId === 'model:hf-qwen-qwen2-5-7b-instruct-awq' && x.attr === 'base_model');
  assert.deepEqual([awq?.value, awq?.note], ['Qwen/Qwen2.5-7B-Instruct', 'quantized']);
});

describe('on the bundled dataset', () => {
  let db: Db;
  before(async () => {
    db = await bundledDb();
  });
  after(() => db.close());

  const resolverFor = async (dataset: string) =>
    new Resolver((await knownNames(db, dataset)).map((k) => ({ ...k, kind: k.kind as EntityKind })));

  test('organisation handles resolve onto the curated organisations; none is duplicated', async () => {
    const b = mapHuggingFace(
      syncInput('2026-11-29', [
        { where: 'a', models: (await inputOf(SYNC_2)).models },
        { where: 'b', models: (await inputOf(REAL)).models },
      ]),
      await resolverFor('huggingface:2026-11-29'),
    );
    const developer = (model: string) =>
      b.relations.find((r) => r.predicate === 'developed' && r.objectId === model)?.subjectId;
    assert.equal(developer('model:hf-deepseek-ai-deepseek-r1'), 'org:deepseek');
    assert.equal(developer('model:hf-qwen-qwen2-5-7b'), 'org:alibaba-cloud');
    assert.equal(developer('model:hf-moonshotai-kimi-k2-thinking'), 'org:moonshot-ai');
    assert.equal(developer('model:hf-minimaxai-minimax-m2'), 'org:minimax');
    assert.ok(!b.entities.some((e) => e.id.startsWith('org:')), 'no organisation entity is created');
    assert.deepEqual(b.resolutions.map((r) => [r.rawName, r.entityId, r.method]).sort(), [
      ['MiniMaxAI', 'org:minimax', 'known-handle'],
      ['Qwen', 'org:alibaba-cloud', 'known-handle'],
      ['deepseek-ai', 'org:deepseek', 'known-handle'],
      ['moonshotai', 'org:moonshot-ai', 'known-handle'],
    ]);
    assert.ok(b.names.some((n) => n.entityId === 'org:deepseek' && n.name === 'deepseek-ai' && n.kind === 'alias'));
  });

  test('every default organisation resolves onto one bundled entity', async () => {
    const resolver = await resolverFor('huggingface:none');
    for (const handle of DEFAULT_ORGS) {
      const found = namesForHandle(handle)
        .map((n) => resolver.resolve(n, 'organization'))
        .find((r) => r.type !== 'none');
      assert.equal(found?.type, 'match', `${handle} (${ORG_NAMES[handle]?.join(', ')}) resolves`);
    }
  });

  test('two syncs → two dated observations per repo, one entity row, and re-running a sync changes nothing', async () => {
    const first = await ingest(db, huggingfaceConnector, SYNC_1);
    const second = await ingest(db, huggingfaceConnector, SYNC_2);
    assert.deepEqual([first.dataset, second.dataset], ['huggingface:2026-11-22', 'huggingface:2026-11-29']);
    const id = modelIdOf('Qwen/Qwen2.5-7B-Instruct');
    const series = await db.all<{ period: string; value: number; dataset: string }>(sql`
      SELECT period, value, dataset FROM observations WHERE subject_id = ${id} AND metric = 'hf.downloads'
      ORDER BY period`);
    assert.deepEqual(
      series.map((r) => [r.period, r.value, r.dataset]),
      [
        ['2026-11-22', 1710000, 'huggingface:2026-11-22'],
        ['2026-11-29', 1900000, 'huggingface:2026-11-29'],
      ],
    );
    const entities = await db.all<{ n: number; dataset: string }>(
      sql`SELECT count(*)::INT AS n, min(dataset) AS dataset FROM entities WHERE id = ${id}`,
    );
    assert.deepEqual(entities, [{ n: 1, dataset: 'huggingface:2026-11-22' }]);
    const again = await ingest(db, huggingfaceConnector, SYNC_1);
    assert.equal(again.status, 'unchanged');
    const developed = await db.all<{ subject_id: string }>(sql`
      SELECT DISTINCT subject_id FROM relations WHERE predicate = 'developed' AND object_id = ${id}`);
    assert.deepEqual(developed, [{ subject_id: 'org:alibaba-cloud' }]);
  });
});

test('an organisation nobody knows becomes org:hf-<handle>, named by its handle, and is reused', () => {
  // Synthetic records (two repos of one unknown namespace), in the listing's shape.
  const input = syncInput('2026-11-29', [
    {
      where: 't',
      models: [
        { id: 'example-lab/Model-A', tags: [] },
        { id: 'example-lab/Model-B', tags: [] },
      ],
    },
  ]);
  const b = mapHuggingFace(input, new Resolver([]));
  const orgs = b.entities.filter((e) => e.id.startsWith('org:'));
  assert.deepEqual(
    orgs.map((o) => [o.id, o.kind, o.nameEn]),
    [['org:hf-example-lab', 'organization', 'example-lab']],
  );
  assert.equal(b.relations.filter((r) => r.subjectId === 'org:hf-example-lab').length, 2);
  // The next sync knows it by name and does not create it again.
  const next = mapHuggingFace(
    input,
    new Resolver([{ entityId: 'org:hf-example-lab', kind: 'organization', name: 'example-lab' }]),
  );
  assert.ok(!next.entities.some((e) => e.id.startsWith('org:')));
});

test('an ambiguous organisation is a data issue, not a guess', async () => {
  const resolver = new Resolver([
    { entityId: 'org:deepseek', kind: 'company', name: 'DeepSeek' },
    { entityId: 'org:deepseek-2', kind: 'company', name: 'DeepSeek' },
  ]);
  const b = mapHuggingFace(await inputOf(SYNC_2), resolver);
  const issue = b.issues.find((i) => i.field === 'author' && i.value === 'deepseek-ai');
  assert.match(issue?.message ?? '', /ambiguous organisation "DeepSeek": equally matches org:deepseek, org:deepseek-2/);
  assert.ok(!b.relations.some((r) => r.subjectId.startsWith('org:deepseek')));
  assert.ok(!b.entities.some((e) => e.id === 'org:hf-deepseek-ai'), 'no third DeepSeek is created either');
});

test('a repo listed twice is kept once and reported; repo ids that slug alike are reported, not merged', () => {
  const b = mapHuggingFace(
    syncInput('2026-11-29', [
      { where: 'p1', models: [{ id: 'Qwen/Qwen3-8B', tags: [], downloads: 5 }] },
      {
        where: 'p2',
        models: [
          { id: 'Qwen/Qwen3-8B', tags: [], downloads: 6 },
          { id: 'Qwen/Qwen3_8B', tags: [] },
        ],
      },
    ]),
    new Resolver([]),
  );
  assert.deepEqual(
    b.observations.map((o) => o.value),
    [5],
  );
  assert.match(b.issues.find((i) => i.value === 'Qwen/Qwen3-8B')?.message ?? '', /listed again in p2/);
  assert.match(b.issues.find((i) => i.value === 'Qwen/Qwen3_8B')?.message ?? '', /same entity id as "Qwen\/Qwen3-8B"/);
});

test('tags: licence, and base models with and without a relation', () => {
  assert.equal(licenseOf(['transformers', 'license:apache-2.0']), 'apache-2.0');
  assert.equal(licenseOf(['transformers']), null);
  assert.deepEqual(
    baseModelsOf([
      'base_model:Qwen/Qwen2.5-7B',
      'base_model:finetune:Qwen/Qwen2.5-7B',
      'base_model:quantized:deepseek-ai/DeepSeek-R1',
      'base_model:adapter:meta-llama/Llama-3.1-8B',
      'base_model:gpt2',
      'dataset:x',
    ]),
    [
      { repo: 'Qwen/Qwen2.5-7B', relation: 'finetune' },
      { repo: 'deepseek-ai/DeepSeek-R1', relation: 'quantized' },
      { repo: 'meta-llama/Llama-3.1-8B', relation: 'adapter' },
      { repo: 'gpt2', relation: null },
    ],
  );
});
