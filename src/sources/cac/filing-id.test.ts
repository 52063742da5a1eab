import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { parseCsv } from '../csv-reader.ts';
import { parseFilingId, placeOfFiling, type PlaceCodeTable } from './filing-id.ts';

const table: PlaceCodeTable = {
  cityByCode: new Map([
    ['110000', 'city:beijing'],
    ['330100', 'city:hangzhou'],
    ['440300', 'city:shenzhen'],
  ]),
  provinceByCode: new Map([
    ['110000', 'province:beijing'],
    ['330000', 'province:zhejiang'],
    ['440000', 'province:guangdong'],
    ['310000', 'province:shanghai'],
  ]),
  provinceByPinyin: new Map([
    ['beijing', 'province:beijing'],
    ['zhejiang', 'province:zhejiang'],
    ['shanghai', 'province:shanghai'],
  ]),
};

test('generative-AI filing ids give their province, service and date', () => {
  const p = parseFilingId('Beijing-DeepseekChat-202404280016');
  assert.deepEqual(p, {
    kind: 'genai',
    provincePinyin: 'beijing',
    service: 'DeepseekChat',
    date: '2024-04-28',
    sequence: '0016',
    registered: false,
  });
  assert.deepEqual(placeOfFiling(p!, table), { province: 'province:beijing', city: null, county_code: null });
  assert.equal(placeOfFiling(parseFilingId('ZheJiang-TongYiQianWen-20230901')!, table).province, 'province:zhejiang');
});

test('registrations (登记) carry an S before their number; services may hold hyphens', () => {
  const r = parseFilingId('Shanghai-AIXueBan-20240521S0002');
  assert.equal(r?.kind === 'genai' && r.registered, true);
  assert.equal(r?.kind === 'genai' && r.sequence, '0002');
  const h = parseFilingId('Sichuan-MT-WorkGpt-20240424');
  assert.deepEqual(h?.kind === 'genai' && [h.service, h.date, h.registered], ['MT-WorkGpt', '2024-04-24', false]);
  assert.equal(parseFilingId('Shanghai-AIXueBan-20240521S'), null);
  assert.equal(parseFilingId('Shanghai-AIXueBan-20240231'), null, 'no 31 February');
});

test('algorithm filing numbers give county, city and province from the GB/T 2260 code', () => {
  assert.deepEqual(placeOfFiling(parseFilingId('网信算备330110507206401230035号')!, table), {
    province: 'province:zhejiang',
    city: 'city:hangzhou',
    county_code: '330110',
  });
  // Beijing is a municipality: Haidian (110108) lies in the city whose code is the province-level 110000.
  assert.equal(placeOfFiling(parseFilingId('网信算备110108970550101240011号')!, table).city, 'city:beijing');
  assert.equal(placeOfFiling(parseFilingId('网信算备440305295988701230071号')!, table).city, 'city:shenzhen');
});

test('every real example in the recorded file parses; nonsense does not', () => {
  const file = join(import.meta.dirname, 'fixtures', 'filing_id_examples.csv');
  const { header, records } = parseCsv(readFileSync(file, 'utf8'), file);
  for (const r of records) {
    for (const column of ['genai_filing_id', 'algorithm_filing_no']) {
      const value = r.cells[header.indexOf(column)] ?? '';
      if (value !== '') assert.notEqual(parseFilingId(value), null, value);
    }
  }
  for (const bad of ['', 'Beijing-X-2024', '网信算备12号', 'Beijing-DeepseekChat-20241399'])
    assert.equal(parseFilingId(bad), null, bad);
});
