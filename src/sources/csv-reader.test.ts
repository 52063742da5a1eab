import assert from 'node:assert/strict';
import { test } from 'node:test';
import { InputError } from '../model/errors.ts';
import { parseCsv } from './csv-reader.ts';

test('quoted cells keep commas, quotes and line breaks; lines are counted', () => {
  const { header, records } = parseCsv('\ufeffa,b\n"x, ""y""\nz",2\n3,4\n', 'f.csv');
  assert.deepEqual(header, ['a', 'b']);
  assert.deepEqual(records, [
    { line: 2, cells: ['x, "y"\nz', '2'] },
    { line: 4, cells: ['3', '4'] },
  ]);
});

test('an unterminated quote names the line it opened on', () => {
  assert.throws(
    () => parseCsv('a,b\n1,2\n"never closed,3\n', 'cut.csv'),
    (e: unknown) => e instanceof InputError && e.line === 3 && /cut\.csv, line 3/.test(e.message),
  );
});

test('a short record is refused with its line', () => {
  assert.throws(() => parseCsv('a,b\n1,2\n3\n', 'short.csv'), /short\.csv, line 3: expected 2 cells/);
});

test('an empty file is refused', () => {
  assert.throws(() => parseCsv('', 'empty.csv'), /empty\.csv: file is empty/);
});

test('a 50 MB single field is refused, quoted or not', () => {
  const big = 'x'.repeat(50 * 1024 * 1024);
  assert.throws(
    () => parseCsv(`a,b\n"${big}",1\n`, 'big.csv'),
    /big\.csv, line 2: a cell is longer than 1048576 characters/,
  );
  assert.throws(
    () => parseCsv(`a,b\n${big},1\n`, 'big.csv'),
    /big\.csv, line 2: a cell is longer than 1048576 characters/,
  );
});

test('CR-only and CRLF line endings count lines like LF', () => {
  assert.throws(() => parseCsv('a,b\r1,2\r3\r', 'mac.csv'), /mac\.csv, line 3: expected 2 cells/);
  assert.deepEqual(parseCsv('a,b\r\n1,2\r\n"x\ry",4\r\n5,6\r\n', 'win.csv').records, [
    { line: 2, cells: ['1', '2'] },
    { line: 3, cells: ['x\ry', '4'] },
    { line: 5, cells: ['5', '6'] },
  ]);
});
