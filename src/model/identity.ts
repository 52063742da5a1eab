/**
 * Identity keys: facts that name one organisation outright. A key with a malformed value is refused when the curated
 * set is read, so a typo cannot merge two organisations or hide a duplicate.
 */

const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The check character of the first 17 characters of a unified social credit code (GB 32100-2015). */
export function usccCheckChar(body: string): string | null {
  if (body.length !== 17) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = USCC_CHARS.indexOf(body[i] as string);
    if (v < 0) return null;
    sum += v * (USCC_WEIGHTS[i] as number);
  }
  return USCC_CHARS[(31 - (sum % 31)) % 31] as string;
}

const FORMATS: Record<string, { test: (v: string) => boolean; expected: string }> = {
  wikidata: { test: (v) => /^Q[1-9]\d*$/.test(v), expected: 'a Wikidata item id like Q123' },
  moe_code: { test: (v) => /^\d{10}$/.test(v), expected: 'a 10-digit Ministry of Education institution code' },
  ror: { test: (v) => /^0[a-z0-9]{6}\d{2}$/.test(v), expected: 'a ROR id like 00f54p054' },
  openalex_id: { test: (v) => /^I\d+$/.test(v), expected: 'an OpenAlex institution id like I123' },
  uscc: {
    test: (v) => /^[0-9A-HJ-NPQRTUWXY]{18}$/.test(v) && usccCheckChar(v.slice(0, 17)) === v[17],
    expected: 'an 18-character unified social credit code (统一社会信用代码) whose check character is right',
  },
};

/** The attributes that are identity keys of organisations. */
export const ORGANISATION_KEYS = Object.keys(FORMATS);

/** Why an identity key's value is malformed, or null when it is fine (or the attribute is not a key). */
export function identityKeyProblem(attr: string, value: string): string | null {
  const format = FORMATS[attr];
  if (!format || format.test(value)) return null;
  return `${attr} "${value}" is not ${format.expected}`;
}
