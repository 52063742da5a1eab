// CSV downloads: formula-looking cells are defused, numbers stay numbers.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { toCsv } from './csv.ts';

test('a cell a spreadsheet would run is prefixed; a negative number is not', () => {
  const csv = toCsv([
    { v: "-2+3+cmd|' /C calc'!A0" },
    { v: '=HYPERLINK("x")' },
    { v: '@SUM(A1)' },
    { v: -29.5 },
    { v: '-1.5e3' },
    { v: '+86 10' },
  ]);
  assert.deepEqual(csv.trim().split('\r\n'), [
    'v',
    "'-2+3+cmd|' /C calc'!A0",
    `"'=HYPERLINK(""x"")"`,
    "'@SUM(A1)",
    '-29.5',
    '-1.5e3',
    "'+86 10",
  ]);
});
