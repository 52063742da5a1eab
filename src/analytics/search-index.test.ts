// The search index on hand-built documents: exact names before prefixes, Han inside longer names, pinyin with or
// without spaces and tone marks, accents, one typo, makers after their products, nothing for gibberish, and an index
// stored as data answering exactly as the one built from documents.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { SearchDoc } from '../store/queries/entities.ts';
import { SearchIndex, editDistance, foldQuery, nameTerms, tokenize } from './search-index.ts';

function doc(id: string, kind: string, names: string[], over: Partial<SearchDoc> = {}): SearchDoc {
  return {
    id,
    kind,
    name_en: names[0] ?? null,
    name_zh: names.find((n) => /\p{Script=Han}/u.test(n)) ?? null,
    name_pinyin: null,
    names,
    weight: 1,
    city: null,
    country: null,
    makers: [],
    ...over,
  };
}

const DOCS: SearchDoc[] = [
  doc('org:zhipu-ai', 'company', ['Zhipu AI', '智谱华章', 'zhi pu hua zhang', 'Z.ai']),
  doc('org:deepseek', 'company', ['DeepSeek', '深度求索', 'shen du qiu suo'], { weight: 40 }),
  doc('model:deepseek-r1', 'model', ['DeepSeek-R1'], { makers: ['org:deepseek'] }),
  doc('org:tencent', 'company', ['Tencent', '腾讯', 'teng xun'], { weight: 30 }),
  doc('org:moonshot-ai', 'company', ['Moonshot AI', '月之暗面']),
  doc('product:kimi', 'product', ['Kimi'], { makers: ['org:moonshot-ai'] }),
  doc('org:kth', 'university', ['KTH Royal Institute of Technology', 'Kungliga Tekniska högskolan']),
  doc('city:hangzhou', 'city', ['Hangzhou', '杭州', 'hang zhou'], { city: 'Hangzhou', country: 'China' }),
  doc('org:hangzhou-bank', 'company', ['Bank of Hangzhou']),
  doc('org:hugging-face', 'company', ['Hugging Face', '🤗']),
];

const index = new SearchIndex(DOCS);
const top = (q: string, i = index) => i.search(q, 5).map((h) => h.id);

test('exact names and aliases come first, and organisations before what shares their prefix', () => {
  assert.equal(top('DeepSeek')[0], 'org:deepseek');
  assert.equal(top('Z.ai')[0], 'org:zhipu-ai');
  assert.equal(index.search('deepseek')[0]?.match, 'exact');
  assert.deepEqual(top('deeps'), ['org:deepseek', 'model:deepseek-r1']);
  assert.equal(index.search('deeps')[0]?.match, 'prefix');
});

test('Chinese: a name inside a longer one, traditional characters folded', () => {
  assert.deepEqual(top('智谱'), ['org:zhipu-ai']);
  assert.deepEqual(top('騰訊'), ['org:tencent']);
  assert.deepEqual(top('杭州'), ['city:hangzhou']);
});

test('pinyin with spaces, without, and with tone marks', () => {
  assert.equal(top('shen du qiu suo')[0], 'org:deepseek');
  assert.equal(top('shenduqiusuo')[0], 'org:deepseek');
  assert.equal(top('zhìpǔ')[0], 'org:zhipu-ai');
  assert.equal(top('Hàngzhōu')[0], 'city:hangzhou');
});

test('accents fold on both sides, and one typo (swapped letters included) is forgiven in a long word', () => {
  assert.equal(top('Kungliga Tekniska hogskolan')[0], 'org:kth');
  assert.equal(top('högskolan')[0], 'org:kth');
  assert.equal(top('Tencnet')[0], 'org:tencent');
  assert.equal(top('Tencant')[0], 'org:tencent');
  // Short words carry no typo budget: "tenc" is a prefix, "tanc" nothing.
  assert.deepEqual(top('tanc'), []);
});

test('the maker of an exactly named product comes right after it', () => {
  assert.deepEqual(top('Kimi').slice(0, 2), ['product:kimi', 'org:moonshot-ai']);
  assert.deepEqual(top('DeepSeek-R1').slice(0, 2), ['model:deepseek-r1', 'org:deepseek']);
});

test('every word must match; gibberish, emoji and punctuation find nothing', () => {
  assert.deepEqual(top('bank hangzhou'), ['org:hangzhou-bank']);
  assert.deepEqual(top('qxzvbnmw'), []);
  assert.deepEqual(top('🤗'), []);
  assert.deepEqual(top('  ?!  '), []);
  assert.deepEqual(top(''), []);
});

test('documents carry their places; an index stored as data answers exactly as the one it came from', () => {
  assert.equal(index.document('city:hangzhou')?.country, 'China');
  assert.equal(index.document('org:nobody'), undefined);
  const stored = new SearchIndex(JSON.parse(JSON.stringify(index.toData())));
  for (const q of ['deeps', '智谱', 'zhìpǔ', 'Tencnet', 'Kimi', 'hang zhou', 'a', 'högskolan']) {
    assert.deepEqual(stored.search(q), index.search(q), q);
  }
  assert.equal(stored.size, DOCS.length);
});

test("a document's terms are its names' terms together, as if its names were one text", () => {
  const names = [
    ' Zhipu AI ',
    '智譜華章',
    'École Polytechnique',
    'bǎi dù',
    "O'Neil & Co.",
    'GPT-3.5 Turbo',
    '  ',
    '',
    '北京 University',
    'Ａｌｉｂａｂａ',
    '深度求索 DeepSeek',
    'two\nlines',
  ];
  for (let i = 0; i < names.length; i++) {
    const some = names.slice(i, i + 4);
    const together = new Set(some.flatMap((n) => nameTerms(n).terms));
    assert.deepEqual([...together].sort(), tokenize(foldQuery(some.join('\n'))).sort(), some.join(' | '));
  }
});

test('edit distance counts a swap of neighbours as one edit and stops past its budget', () => {
  assert.equal(editDistance('tencnet', 'tencent', 2), 1);
  assert.equal(editDistance('kitten', 'sitting', 3), 3);
  assert.equal(editDistance('abc', 'abc', 0), 0);
  assert.equal(editDistance('abcdef', 'uvwxyz', 2), 3);
  assert.equal(editDistance('a', 'abcdef', 2), 3);
});
