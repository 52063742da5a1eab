import assert from 'node:assert/strict';
import { test } from 'node:test';
import { identityKeyProblem, usccCheckChar } from './identity.ts';

test('identity keys are checked for form: a Wikidata id, an MOE code, a credit code with its check character', () => {
  assert.equal(identityKeyProblem('wikidata', 'Q1234'), null);
  assert.match(identityKeyProblem('wikidata', 'q1234') ?? '', /Wikidata item id/);
  assert.equal(identityKeyProblem('moe_code', '4133010335'), null);
  assert.match(identityKeyProblem('moe_code', '41330103') ?? '', /10-digit/);
  const body = '91330100MA2CFT3X0';
  const good = body + usccCheckChar(body);
  assert.equal(identityKeyProblem('uscc', good), null);
  const wrong = body + (good.endsWith('0') ? '1' : '0');
  assert.match(identityKeyProblem('uscc', wrong) ?? '', /check character/);
  assert.match(identityKeyProblem('uscc', 'IOZS') ?? '', /18-character/);
  assert.equal(identityKeyProblem('founded', 'anything'), null, 'not a key');
});
