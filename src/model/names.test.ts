import assert from 'node:assert/strict';
import { test } from 'node:test';
import { derivePinyin, nameVariants, normalizeName, slugify, stripLegalSuffixes, toSimplified } from './names.ts';

test('pinyin is derived from simplified Chinese, toneless', () => {
  assert.equal(derivePinyin('深度求索'), 'shen du qiu suo');
  assert.equal(derivePinyin('智谱华章'), 'zhi pu hua zhang');
  assert.equal(derivePinyin('DeepSeek'), null);
});

test('traditional characters fold to simplified', () => {
  assert.equal(toSimplified('深度求索'), '深度求索');
  assert.equal(toSimplified('商湯科技'), '商汤科技');
  assert.equal(normalizeName('智譜'), normalizeName('智谱'));
});

test('normalisation ignores case, spacing and punctuation', () => {
  assert.equal(normalizeName('shen du qiu suo'), 'shenduqiusuo');
  assert.equal(normalizeName('Z.ai'), 'zai');
  assert.notEqual(normalizeName('DeepLabV3+'), normalizeName('DeepLabV3'));
  assert.equal(stripLegalSuffixes('Command R+'), 'commandrplus');
  assert.equal(normalizeName('ＤｅｅｐＳｅｅｋ'), 'deepseek');
});

test('legal suffixes are stripped in both scripts', () => {
  assert.equal(stripLegalSuffixes('商汤科技'), '商汤');
  assert.equal(stripLegalSuffixes('杭州深度求索人工智能基础技术研究有限公司'), '杭州深度求索人工智能基础技术研究');
  assert.equal(stripLegalSuffixes('Megvii Inc'), 'megvii');
  assert.equal(stripLegalSuffixes('Dahua Technology Co., Ltd.'), 'dahua');
  // A name that is only a suffix keeps itself rather than becoming empty.
  assert.equal(stripLegalSuffixes('AI'), 'ai');
});

test('variants split parentheses and slashes', () => {
  assert.deepEqual(nameVariants('Z.ai (Zhipu AI)'), ['Z.ai (Zhipu AI)', 'Z.ai', 'Zhipu AI']);
  assert.deepEqual(nameVariants('Beijing Academy of Artificial Intelligence / BAAI'), [
    'Beijing Academy of Artificial Intelligence / BAAI',
    'Beijing Academy of Artificial Intelligence',
    'BAAI',
  ]);
});

test('slugs are readable ascii', () => {
  assert.equal(slugify('DeepSeek-R1'), 'deepseek-r1');
  assert.equal(slugify('智谱华章'), 'zhi-pu-hua-zhang');
  assert.equal(slugify('Qwen2.5-72B'), 'qwen2-5-72b');
  // "+" and Greek letters tell models apart, so they are spelled rather than dropped.
  assert.equal(slugify('DeepLabV3+'), 'deeplabv3-plus');
  assert.equal(slugify('PointNet++'), 'pointnet-plus-plus');
  assert.equal(slugify('PanGu-Σ'), 'pangu-sigma');
  assert.equal(slugify('PanGu-α'), 'pangu-alpha');
  assert.equal(slugify('µFormer'), 'muformer');
});

test('a folded form is the same the first time, remembered, and for a text too long to remember', () => {
  assert.equal(normalizeName('Z.ai'), 'zai');
  assert.equal(normalizeName('Z.ai'), 'zai');
  const long = `${'深度求索 DeepSeek. '.repeat(20)}`;
  assert.ok(long.length > 128);
  assert.equal(normalizeName(long), '深度求索deepseek'.repeat(20));
  assert.equal(derivePinyin('智谱华章'), 'zhi pu hua zhang');
  assert.equal(derivePinyin('智谱华章'), 'zhi pu hua zhang');
});
