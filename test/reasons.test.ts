// Every "not enough data" reason the golden payloads carry reads in Chinese in 中文 mode, and unchanged in English.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { setLanguage } from '../web/src/i18n.ts';
import { reasonText } from '../web/src/reasons.ts';

const GOLDEN = join(import.meta.dirname, 'golden');

/** Every string under a key named reason, reasons.*, index_reason or not_indexed_because. */
function reasons(value: unknown, key = '', out = new Set<string>()): Set<string> {
  if (typeof value === 'string' && /^(reason|index_reason|reasons)$/.test(key)) out.add(value);
  else if (Array.isArray(value)) for (const v of value) reasons(v, key, out);
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) reasons(v, key === 'reasons' ? 'reasons' : k, out);
  return out;
}

test('each reason in the golden involution and price payloads has a Chinese wording', () => {
  const all = new Set<string>();
  for (const f of readdirSync(GOLDEN).filter((n) => /^(involution|prices|segment)/.test(n)))
    reasons(JSON.parse(readFileSync(join(GOLDEN, f), 'utf8')), '', all);
  assert.ok(all.size >= 8, `only ${all.size} distinct reasons found`);
  try {
    setLanguage('zh');
    const untranslated = [...all].filter((r) => !/[\u4e00-\u9fff]/.test(reasonText(r)));
    assert.deepEqual(untranslated, []);
    setLanguage('en');
    for (const r of all) assert.equal(reasonText(r), r);
  } finally {
    setLanguage('en');
  }
});
