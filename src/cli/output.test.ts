// Tables print nested values as JSON, never "[object Object]".
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { printTable } from './output.ts';

test('objects and arrays of objects in a cell print as JSON', () => {
  const out: string[] = [];
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((chunk: string) => {
    out.push(String(chunk));
    return true;
  }) as typeof process.stdout.write;
  try {
    printTable([{ units: [{ entity: 'works', unit: 'a' }], totals: { works: 3 }, tags: ['x', 'y'] }]);
  } finally {
    process.stdout.write = write;
  }
  const text = out.join('');
  assert.doesNotMatch(text, /object Object/);
  assert.match(text, /\{"entity":"works","unit":"a"\}/);
  assert.match(text, /\{"works":3\}/);
  assert.match(text, /x, y/);
});
