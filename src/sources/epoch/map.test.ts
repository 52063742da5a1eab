import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { ownRows } from '../../model/bundle.ts';
import { Resolver } from '../../model/resolver.ts';
import { readEpochFile } from './source.ts';
import { mapEpoch, parameterUnitSlip, statedNumbers } from './map.ts';
import { EPOCH_MODEL_COUNTRIES, EPOCH_MODELS } from './tables.ts';

const FIXTURE = join(import.meta.dirname, 'fixtures', 'notable-sample.csv');

async function mapFixture(resolver = new Resolver([])) {
  const read = await readEpochFile(FIXTURE);
  return { read, bundle: mapEpoch(read.records[0]!, resolver) };
}

test('quoted cells with line breaks stay one record; lines are those of the file', async () => {
  const { read } = await mapFixture();
  const rows = read.records[0]!.rows;
  assert.equal(rows.length, 12);
  assert.equal(rows[0]!.model, 'Solar Open 100B');
  assert.equal(rows[0]!.line, 2);
  assert.ok(rows[1]!.line > 3, "the second record starts after the first one's embedded line breaks");
});

test('countries become distinct ISO codes; Hong Kong stays HK; Multinational and blanks attribute nothing', async () => {
  const { bundle } = await mapFixture();
  const models = ownRows(bundle, EPOCH_MODELS);
  const byName = new Map(models.map((m) => [m.name, m]));
  const countries = (name: string) => JSON.parse(String(byName.get(name)?.countries)) as string[];
  assert.deepEqual(countries('GLM-4.6'), ['CN']);
  assert.deepEqual(countries('Eurus-2-7B-PRIME'), ['CN', 'US']);
  assert.deepEqual(countries('Eagle 2'), ['US', 'CN', 'HK']);
  assert.deepEqual(countries('LLaVA-OV-72B'), ['CN', 'SG', 'HK']);
  assert.deepEqual(countries('CMS-RCNN'), []);
  assert.deepEqual(JSON.parse(String(byName.get('CMS-RCNN')?.country_labels)), ['Multinational']);
  assert.deepEqual(countries('Olmo 3'), []);
  assert.ok(models.every((m) => m.notable === true));
  // Each country of a model is a row of its own.
  assert.deepEqual(
    ownRows(bundle, EPOCH_MODEL_COUNTRIES)
      .filter((r) => r.model_id === byName.get('Eagle 2')?.model_id)
      .map((r) => r.country),
    ['US', 'CN', 'HK'],
  );
});

test('several organisations in one cell each develop the model', async () => {
  const { bundle } = await mapFixture();
  const developers = bundle.relations
    .filter((r) => r.predicate === 'developed' && r.objectId === 'model:eurus-2-7b-prime')
    .map((r) => r.subjectId);
  assert.equal(developers.length, 6);
  assert.ok(developers.includes('org:tsinghua-university'));
});

test('"Z.ai (Zhipu AI)" resolves onto the existing 智谱 entity, and the merge is recorded', async () => {
  const resolver = new Resolver([
    { entityId: 'org:zhipu-ai', kind: 'company', name: '智谱' },
    { entityId: 'org:zhipu-ai', kind: 'company', name: 'Zhipu AI' },
  ]);
  const { bundle } = await mapFixture(resolver);
  const glm = bundle.relations.filter((r) => r.objectId === 'model:glm-4-7' && r.predicate === 'developed');
  assert.deepEqual(
    glm.map((r) => r.subjectId),
    ['org:zhipu-ai'],
  );
  assert.deepEqual(
    bundle.resolutions.find((r) => r.rawName === 'Z.ai (Zhipu AI)'),
    {
      rawName: 'Z.ai (Zhipu AI)',
      entityId: 'org:zhipu-ai',
      method: 'variant',
    },
  );
  assert.ok(!bundle.entities.some((e) => e.id.startsWith('org:z-ai')), 'no duplicate organisation is created');
});

test('two equally good candidates are a data issue, not a guess', async () => {
  const resolver = new Resolver([
    { entityId: 'org:deepseek', kind: 'company', name: 'DeepSeek' },
    { entityId: 'org:deepseek-2', kind: 'company', name: 'DeepSeek' },
  ]);
  const { bundle } = await mapFixture(resolver);
  const issue = bundle.issues.find((i) => i.value === 'DeepSeek');
  assert.match(issue?.message ?? '', /ambiguous organisation: equally matches org:deepseek, org:deepseek-2/);
  assert.ok(!bundle.relations.some((r) => r.subjectId.startsWith('org:deepseek')));
});

test('a parameter count a thousand times off its note is a data issue, kept as published', async () => {
  const { bundle } = await mapFixture();
  const issue = bundle.issues.find((i) => i.entityId === 'model:word2vec-large');
  assert.equal(issue?.field, 'Parameters');
  assert.match(issue?.message ?? '', /1000× larger than the 692000 its note states/);
  const fact = bundle.facts.find((f) => f.entityId === 'model:word2vec-large' && f.attr === 'parameters');
  assert.equal(fact?.value, '692000000');
});

test('stated numbers read units, spaced thousands and exponents', () => {
  assert.deepEqual(statedNumbers('102B, of which 12B active'), [102e9, 12e9]);
  assert.deepEqual(statedNumbers('approximately 13 000 here'), [13000]);
  assert.deepEqual(statedNumbers('N = 942e6'), [942e6]);
  assert.equal(parameterUnitSlip(13000, 'approximately 13 000 here'), null);
  assert.equal(parameterUnitSlip(7e6, '7B'), 7e9);
  assert.equal(parameterUnitSlip(7e9, '7B'), null);
});

test('model ids come from the row, not its line: names apart only by case or "+" stay apart, and a later vintage finds them again', async () => {
  const first = await readEpochFile(join(import.meta.dirname, 'fixtures', 'all-models-id-collisions_2025-03.csv'));
  // The curated PanGu family is an entity already; Epoch's PanGu-Σ and PanGu-α are two of its models, not it.
  const curated = [
    { entityId: 'model:pangu', kind: 'ai-model' as const, name: 'Huawei PanGu' },
    { entityId: 'model:pangu', kind: 'ai-model' as const, name: 'PanGu' },
  ];
  const a = mapEpoch(first.records[0]!, new Resolver(curated));
  const ids = (bundle: typeof a) => ownRows(bundle, EPOCH_MODELS).map((m) => `${m.name} → ${m.model_id}`);
  assert.deepEqual(ids(a), [
    'Command R+ → model:command-r-plus',
    'Command R → model:command-r',
    'CALM → model:calm',
    'SigLIP → model:siglip',
    'SigLIP → model:siglip-google-deepmind',
    'PanGu-Σ → model:pangu-sigma',
    'CaLM → model:calm-university-of-oxford',
    'PanGu-α → model:pangu-alpha',
    'DeepLabV3+ → model:deeplabv3-plus',
    'DeepLabV3 → model:deeplabv3',
  ]);
  assert.deepEqual(
    a.issues.filter((i) => i.field === 'Model').map((i) => i.message),
    [
      'model name repeats an earlier row; kept as model:siglip-google-deepmind',
      'another model has the id model:calm (a name differing only in case or punctuation); kept as model:calm-university-of-oxford',
    ],
  );

  // The next vintage, its rows in another order, resolved against the first one's models.
  const kinds = new Map(a.entities.map((e) => [e.id, e.kind]));
  const known = [
    ...curated,
    ...a.names.map((n) => ({ entityId: n.entityId, kind: kinds.get(n.entityId)!, name: n.name })),
  ];
  const next = await readEpochFile(join(import.meta.dirname, 'fixtures', 'notable-id-collisions_2026-01.csv'));
  const b = mapEpoch(next.records[0]!, new Resolver(known));
  assert.deepEqual(ids(b), [
    'DeepLabV3 → model:deeplabv3',
    'CaLM → model:calm-university-of-oxford',
    'PanGu-Σ → model:pangu-sigma',
    'DeepLabV3+ → model:deeplabv3-plus',
  ]);
  assert.deepEqual(
    b.issues.filter((i) => i.field === 'Model'),
    [],
  );
});
