import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hostOf, weakSource, wikipediaProblem } from './source-hosts.ts';

test('mirrors, reposts, content farms and generated wikis are refused, subdomains included', () => {
  assert.deepEqual(weakSource('https://www.wikiwand.com/en/ByteDance'), { host: 'wikiwand.com', kind: 'mirror' });
  assert.deepEqual(weakSource('https://chaos.owiki.org/wiki/X'), { host: 'owiki.org', kind: 'mirror' });
  assert.equal(weakSource('https://aiwiki.ai/wiki/DeepSeek')?.kind, 'generated wiki');
  assert.equal(weakSource('https://fpj.ourdemoservers.com/x')?.kind, 'content farm');
  assert.equal(weakSource('https://washingtontimesnewstoday.com/a')?.kind, 'repost');
  for (const ok of [
    'https://en.wikipedia.org/wiki/ByteDance',
    'https://www.scmp.com/tech/article/1',
    'https://github.com/deepseek-ai/DeepSeek-V3',
    'not a url',
  ])
    assert.equal(weakSource(ok), null, ok);
  assert.equal(hostOf('https://WWW.Example.COM./a'), 'example.com');
});

test('a Wikipedia source names its own article, on the desktop site', () => {
  assert.equal(wikipediaProblem('https://en.wikipedia.org/wiki/ByteDance', 'ByteDance'), null);
  assert.equal(
    wikipediaProblem('https://zh.wikipedia.org/wiki/%E5%AD%97%E8%8A%82%E8%B7%B3%E5%8A%A8', '字节跳动'),
    null,
  );
  assert.match(wikipediaProblem('https://en.wikipedia.org/wiki/Nuverse', 'ByteDance') ?? '', /another subject/);
  assert.match(wikipediaProblem('https://en.m.wikipedia.org/wiki/ByteDance', 'ByteDance') ?? '', /mobile/);
  assert.equal(wikipediaProblem('https://en.wikipedia.org/w/index.php?title=X&oldid=1', 'Anything'), null);
  assert.equal(wikipediaProblem('https://www.scmp.com/a', 'Anything'), null);
});
