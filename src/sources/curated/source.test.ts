// Bad curated input is refused whole, naming file, line and field: unknown classes, two headquarters, a merge that
// points at a live entity, a claim without its speaker or with a status its evidence does not bear out.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { readCuratedDir } from './source.ts';

const HEAD = `sources:
  - { id: src:a, title: A, url: "https://example.org/a", publisher: Example, retrieved: 2026-12-01, licence: "facts cited" }
entities:
  - id: city:x
    kind: city
    en: X
    sources: [src:a]
  - id: city:y
    kind: city
    en: Y
    sources: [src:a]
`;

async function refused(body: string, pattern: RegExp): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'neijuan-curated-'));
  try {
    writeFileSync(join(dir, 'data.yaml'), HEAD + body);
    await assert.rejects(readCuratedDir(dir), (e: Error) => {
      assert.match(e.message, /data\.yaml/);
      assert.match(e.message, pattern);
      return true;
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('an AI class outside the list, or on something that is not an organisation, is refused', async () => {
  await refused(
    `  - id: org:o
    kind: company
    en: O
    sources: [src:a]
    facts:
      - { attr: ai_class, value: wizard, source: src:a }
`,
    /line 17.*facts\.0\.value.*ai_class must be one of maker, adopter/,
  );
  await refused(
    `facts:
  - { entity: city:x, attr: ai_class, value: maker, source: src:a }
`,
    /line 13.*facts\.0\.attr.*applies to organisations/,
  );
});

test('two headquarter cities are refused: other offices are has_office_in', async () => {
  await refused(
    `  - id: org:o
    kind: company
    en: O
    sources: [src:a]
    relations:
      - { pred: headquartered_in, object: city:x, source: src:a }
      - { pred: headquartered_in, object: city:y, source: src:a }
`,
    /line 18.*relations\.1\.object.*two headquarter cities/,
  );
});

test('a merged id must not be a live curated entity', async () => {
  await refused(
    `  - id: org:o
    kind: company
    en: O
    formerly: [city:x]
    sources: [src:a]
`,
    /entities\.2\.formerly\.0.*city:x is a curated entity of its own/,
  );
});

test('a claim needs its speaker, and a corroborated claim needs corroborating evidence', async () => {
  await refused(
    `claims:
  - { id: claim:c, subject: city:x, attr: population, value: 3, counts: people, status: uncorroborated, source: src:a }
`,
    /claims\.0\.speaker/,
  );
  await refused(
    `claims:
  - id: claim:c
    subject: city:x
    attr: population
    value: 3
    counts: people
    speaker: someone
    status: corroborated
    source: src:a
    evidence:
      - { stance: context, note: another count, source: src:a }
`,
    /claims\.0\.status.*needs evidence that corroborates it/,
  );
});

test('an identity key of the wrong form is refused before it can merge or hide anything', async () => {
  await refused(
    `  - id: org:o
    kind: company
    en: O
    sources: [src:a]
    facts:
      - { attr: uscc, value: 91330100MA2CFT3X00, source: src:a }
`,
    /line 17.*facts\.0\.value.*uscc "91330100MA2CFT3X00" is not an 18-character unified social credit code/,
  );
});

const ORGS = `  - id: org:maker
    kind: company
    en: Maker
    sources: [src:a]
  - id: org:fund
    kind: investor
    en: Fund
    sources: [src:a]
`;

test('a round without a date or an amount, or with a lead that did not invest, is refused; undisclosed is said outright', async () => {
  await refused(
    `${ORGS}rounds:
  - { id: round:maker-2024, organisation: org:maker, round: A, stage: series-a, amount: 1000000, currency: CNY, source: src:a }
`,
    /line 21.*rounds\.0\.date.*expected a date/,
  );
  await refused(
    `${ORGS}rounds:
  - { id: round:maker-2024, organisation: org:maker, date: 2024-05, round: A, stage: series-a, source: src:a }
`,
    /line 21.*rounds\.0\.amount.*positive number in the currency, or: undisclosed/,
  );
  await refused(
    `${ORGS}rounds:
  - { id: round:maker-2024, organisation: org:maker, date: 2024-05, round: A, stage: series-a, amount: 5, source: src:a }
`,
    /rounds\.0\.currency.*an amount needs its currency/,
  );
  await refused(
    `${ORGS}rounds:
  - id: round:maker-2024
    organisation: org:maker
    date: 2024-05
    round: A
    stage: series-a
    amount: undisclosed
    investors: [org:fund]
    lead: [org:maker]
    source: src:a
`,
    /line 28.*rounds\.0\.lead\.0.*lead org:maker is not among the investors/,
  );
});

test('a supply link without a source, or between a firm and itself, is refused', async () => {
  await refused(
    `${ORGS}supplies:
  - { supplier: org:fund, customer: org:maker, component: dexterous-hand, kind: supply }
`,
    /line 21.*supplies\.0\.source/,
  );
  await refused(
    `${ORGS}supplies:
  - { supplier: org:maker, customer: org:maker, component: lidar, kind: supply, source: src:a }
`,
    /line 21.*supplies\.0\.customer.*does not supply itself/,
  );
  await refused(
    `${ORGS}supplies:
  - { supplier: org:maker, customer: org:fund, component: warp-drive, kind: supply, source: src:a }
`,
    /supplies\.0\.component/,
  );
});

test('a policy with an amount but no currency or note, or a firm link to a place, is refused', async () => {
  await refused(
    `${ORGS}policies:
  - id: event:vouchers
    en: Vouchers
    type: compute-voucher
    date: 2024
    place: city:x
    issuer_en: X government
    amount: 1000000
    description: Vouchers.
    source: src:a
`,
    /policies\.0\.amount.*currency and an amount_note/,
  );
  await refused(
    `${ORGS}policies:
  - id: event:vouchers
    en: Vouchers
    type: compute-voucher
    date: 2024
    place: city:x
    issuer_en: X government
    description: Vouchers.
    source: src:a
    firms:
      - { org: city:y, role: funded, source: src:a }
`,
    /policies\.0\.firms\.0\.org.*city:y is a city, not an organisation/,
  );
});
