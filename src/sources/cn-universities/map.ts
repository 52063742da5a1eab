/**
 * MOE list rows → universities with their MOE code, level, supervising body, city and province. An institution the
 * curated set already has (same MOE code, else same name) is enriched, never duplicated.
 */
import { type Bundle, emptyBundle } from '../../model/bundle.ts';
import { derivePinyin, slugify } from '../../model/names.ts';
import type { Resolver } from '../../model/resolver.ts';
import { MOE_LIST_SOURCE, type MoeRow } from './schema.ts';

const SRC = MOE_LIST_SOURCE.id;

export function mapMoeList(rows: readonly MoeRow[], resolver: Resolver): Bundle {
  const b = emptyBundle();
  b.sources.push(MOE_LIST_SOURCE);
  const cities = new Map<string, string | null>();

  const place = (name: string, kinds: ('city' | 'province')[]): string | null => {
    const short = name.replace(/(市|地区|自治州|盟)$/u, '');
    for (const candidate of [name, short]) {
      const found = resolver.resolve(candidate, 'place', kinds);
      if (found.type === 'match') return found.entityId;
    }
    return null;
  };

  const cityOf = (row: MoeRow): string | null => {
    const key = `${row.province_from_code}|${row.location}`;
    const cached = cities.get(key);
    if (cached !== undefined) return cached;
    let id = place(row.location, ['city']);
    if (id === null) {
      const province = place(row.province_from_code, ['province']);
      if (province === null) {
        b.issues.push({
          sourceId: SRC,
          entityId: null,
          field: 'province_from_code',
          value: row.province_from_code,
          message: 'province not found',
          line: row.line,
        });
      } else {
        // A city the list names and the dataset lacks: created from the list, inside its province.
        id = `city:${slugify(row.location.replace(/市$/u, ''))}`;
        for (let n = 2; resolver.has(id); n++) id = `city:${slugify(row.location)}-${n}`;
        resolver.add(id, 'city', [row.location]);
        b.entities.push({
          id,
          kind: 'city',
          nameEn: null,
          nameZh: row.location,
          namePinyin: derivePinyin(row.location),
          description: null,
        });
        b.names.push({ entityId: id, name: row.location, kind: 'zh', sourceId: SRC });
        const short = row.location.replace(/市$/u, '');
        if (short !== row.location) b.names.push({ entityId: id, name: short, kind: 'alias', sourceId: SRC });
        resolver.add(id, 'city', [short]);
        b.entitySources.push({ entityId: id, sourceId: SRC });
        b.relations.push({ subjectId: id, predicate: 'located_in', objectId: province, sourceId: SRC });
      }
    }
    cities.set(key, id);
    return id;
  };

  for (const row of rows) {
    let id = resolver.byKey('moe_code', row.moe_code) ?? null;
    if (id === null) {
      const found = resolver.resolve(row.name, 'organization', ['university']);
      if (found.type === 'match' && found.method === 'exact') {
        id = found.entityId;
        b.resolutions.push({ rawName: row.name, entityId: id, method: 'exact' });
      }
    } else {
      b.resolutions.push({ rawName: row.name, entityId: id, method: 'moe_code' });
    }
    if (id === null) {
      id = `org:${slugify(row.name)}`;
      for (let n = 2; resolver.has(id); n++) id = `org:${slugify(row.name)}-${n}`;
      resolver.add(id, 'university', [row.name]);
      b.entities.push({
        id,
        kind: 'university',
        nameEn: null,
        nameZh: row.name,
        namePinyin: derivePinyin(row.name),
        description: null,
      });
      b.names.push({ entityId: id, name: row.name, kind: 'zh', sourceId: SRC });
      const pinyin = derivePinyin(row.name);
      if (pinyin) b.names.push({ entityId: id, name: pinyin, kind: 'pinyin', sourceId: SRC });
      b.entitySources.push({ entityId: id, sourceId: SRC });
    }
    const fact = (attr: string, value: string) => {
      if (value !== '')
        b.facts.push({
          entityId: id,
          attr,
          value,
          unit: null,
          asOf: '2017-05-31',
          note: null,
          estimate: false,
          sourceId: SRC,
        });
    };
    fact('moe_code', row.moe_code);
    fact('level', row.level === '本科' ? 'undergraduate (本科)' : 'vocational (专科)');
    fact('supervising_department', row.supervising_department);
    fact('ownership', row.remarks);
    const city = cityOf(row);
    if (city) b.relations.push({ subjectId: id, predicate: 'located_in', objectId: city, sourceId: SRC });
  }
  return b;
}
