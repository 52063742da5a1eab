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
