// The YAML edge has two readers; whichever reads a document, the value, the errors and the lines must be the same.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { parseDocument } from 'yaml';
import { parseYamlFile } from './yaml-document.ts';

const CURATED = join(import.meta.dirname, '..', '..', 'data', 'curated');

test('every bundled YAML file reads to the value the bounded reader gives', () => {
  const files = readdirSync(CURATED).filter((f) => f.endsWith('.yaml'));
  assert.ok(files.length > 10);
  for (const f of files) {
    const text = readFileSync(join(CURATED, f), 'utf8');
    const expected = parseDocument(text, { uniqueKeys: true }).toJS({ maxAliasCount: 1000 }) as unknown;
    assert.deepEqual(parseYamlFile(f, text).value, expected, f);
  }
});

test('scalars read alike: YAML 1.2 core, no dates, no 1.1 booleans', () => {
  const text = [
    'date: 2024-05-15',
    'yes: yes',
    'off: off',
    'octal: 0o14',
    'hex: 0x1F',
    'float: 1.5e3',
    'inf: .inf',
    'empty:',
    'tilde: ~',
    'quoted: "1"',
    'zh: 深度求索',
    'multi: |',
    '  two',
    '  lines',
  ].join('\n');
  const value = parseYamlFile('s.yaml', text).value;
  assert.deepEqual(value, parseDocument(text).toJS());
  assert.equal((value as { date: unknown }).date, '2024-05-15');
});

test('a duplicate key, a syntax error and an alias bomb are the bounded reader’s errors, with file and line', () => {
  assert.throws(
    () => parseYamlFile('d.yaml', 'a: 1\nb: 2\na: 3\n'),
    (e: Error) => {
      assert.match(e.message, /d\.yaml, line 3: .*unique/i);
      return true;
    },
  );
  assert.throws(() => parseYamlFile('s.yaml', 'a: [1, 2\nb: 3\n'), /s\.yaml(, line \d+)?: /);
  const lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
  for (let i = 0; i < 8; i++) {
    const prev = String.fromCharCode(97 + i);
    lines.push(
      `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(9).fill(`*${prev}`).join(',')}]`,
    );
  }
  assert.throws(() => parseYamlFile('bomb.yaml', lines.join('\n')), /bomb\.yaml: YAML cannot be expanded/);
  // A small alias is expanded as before.
  assert.deepEqual(parseYamlFile('ok.yaml', 'a: &x [1, 2]\nb: *x\n').value, { a: [1, 2], b: [1, 2] });
});

test('the line of a node is known whichever reader read the document', () => {
  const parsed = parseYamlFile('l.yaml', 'sources:\n  - id: a\n  - id: b\nentities:\n  - id: c\n    name: "R&D * 2"\n');
  assert.equal(parsed.lineOf(['sources', 1, 'id']), 3);
  assert.equal(parsed.lineOf(['entities', 0, 'name']), 6);
  assert.equal(parsed.lineOf(['entities', 0, 'missing']), 5);
  assert.equal(parsed.lineOf(['nowhere']), null);
});
