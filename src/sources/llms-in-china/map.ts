/**
 * LLM list rows → organisations (resolved onto existing ones), models, and where each organisation is.
 * A unit of a known university ("东北大学数据挖掘实验室") folds into the university; each fold is recorded.
 */
import { type Bundle, emptyBundle } from '../../model/bundle.ts';
import { derivePinyin, slugify } from '../../model/names.ts';
import type { Resolver } from '../../model/resolver.ts';
import type { EntityKind } from '../../model/types.ts';
import { LLM_LIST_SOURCE, type LlmListRow, listCommitSource } from './schema.ts';

const SRC = LLM_LIST_SOURCE.id;
// Sub-units that belong to the institution named before them.
const SUB_UNIT = /^(.{2,}?(大学|学院))(.+(学院|实验室|研究院|研究所|研究室|中心|lab))$/iu;
const PROVINCE_SUFFIX = /(省|市|自治区|壮族自治区|回族自治区|维吾尔自治区|特别行政区)$/u;

/** Splits "山西大学、山西农业大学", "慧言科技+天津大学", "浙江大学&OpenKG" into their organisations. */
export function splitCompanies(cell: string): string[] {
  return cell
    .split(/[、+&＋]/u)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

function orgKind(name: string): EntityKind {
  if (/(大学|学院)$/u.test(name)) return 'university';
  if (/(实验室|研究院|研究所|中心|lab|研究室)$/iu.test(name)) return 'lab';
  return 'company';
}

export function mapLlmList(rows: readonly LlmListRow[], resolver: Resolver): Bundle {
  const b = emptyBundle();
  b.sources.push(LLM_LIST_SOURCE);
  const created = new Map<string, string>();
  const resolvedOnce = new Set<string>();
  const places = new Map<string, { cityId: string | null; provinceId: string | null }>();

  const issue = (line: number, entityId: string | null, field: string, value: string, message: string) =>
    b.issues.push({ sourceId: SRC, entityId, field, value, message, line });

  const newEntity = (id: string, kind: EntityKind, zh: string | null, en: string | null) => {
    resolver.add(
      id,
      kind,
      [zh, en].filter((n): n is string => n !== null),
    );
    b.entities.push({ id, kind, nameEn: en, nameZh: zh, namePinyin: derivePinyin(zh), description: null });
    if (zh) b.names.push({ entityId: id, name: zh, kind: 'zh', sourceId: SRC });
    if (en) b.names.push({ entityId: id, name: en, kind: 'en', sourceId: SRC });
    const pinyin = derivePinyin(zh);
    if (pinyin) b.names.push({ entityId: id, name: pinyin, kind: 'pinyin', sourceId: SRC });
    b.entitySources.push({ entityId: id, sourceId: SRC });
  };

  const uniqueId = (prefix: string, name: string) => {
    const base = `${prefix}:${slugify(name) || 'unnamed'}`;
    let id = base;
    for (let n = 2; resolver.has(id); n++) id = `${base}-${n}`;
    return id;
  };

  /** Where "浙江杭州", "北京", "太原" or "香港" is: a city and/or a province, created when the list names a new city. */
  const place = (raw: string, line: number) => {
    const cached = places.get(raw);
    if (cached) return cached;
    let provinceId: string | null = null;
    let rest = raw;
    for (let len = Math.min(raw.length, 8); len >= 2 && provinceId === null; len--) {
      const found = resolver.resolve(raw.slice(0, len), 'place', ['province']);
      if (found.type === 'match') {
        provinceId = found.entityId;
        rest = raw.slice(len);
      }
    }
    let cityId: string | null = null;
    const cityName = rest === '' ? raw.replace(PROVINCE_SUFFIX, '') : rest;
    let city = resolver.resolve(cityName, 'place', ['city']);
    if (city.type === 'none') city = resolver.resolve(`${cityName}市`, 'place', ['city']);
    if (city.type === 'match') cityId = city.entityId;
    else if (city.type === 'none' && provinceId !== null && rest !== '') {
      cityId = uniqueId('city', cityName);
      newEntity(cityId, 'city', `${cityName}市`, null);
      b.names.push({ entityId: cityId, name: cityName, kind: 'alias', sourceId: SRC });
      b.relations.push({ subjectId: cityId, predicate: 'located_in', objectId: provinceId, sourceId: SRC });
    }
    if (cityId === null && provinceId === null)
      issue(line, null, 'province_city', raw, 'place not resolved; kept as text only');
    const result = { cityId, provinceId };
    places.set(raw, result);
    return result;
  };

  const organisation = (name: string, line: number): string | null => {
    const fromEarlier = created.get(name);
    if (fromEarlier) return fromEarlier;
    const found = resolver.resolve(name, 'organization');
    if (found.type === 'match') {
      if (!resolvedOnce.has(name)) {
        resolvedOnce.add(name);
        b.resolutions.push({ rawName: name, entityId: found.entityId, method: found.method });
        b.names.push({ entityId: found.entityId, name, kind: 'alias', sourceId: SRC });
      }
      return found.entityId;
    }
    if (found.type === 'ambiguous') {
      issue(line, null, 'company', name, `ambiguous organisation: equally matches ${found.candidates.join(', ')}`);
      return null;
    }
    const unit = SUB_UNIT.exec(name);
    if (unit?.[1]) {
      const parent = resolver.resolve(unit[1], 'organization', ['university']);
      if (parent.type === 'match') {
        resolvedOnce.add(name);
        created.set(name, parent.entityId);
        b.resolutions.push({ rawName: name, entityId: parent.entityId, method: 'sub-unit' });
        b.names.push({ entityId: parent.entityId, name, kind: 'alias', sourceId: SRC });
        return parent.entityId;
      }
    }
    const id = uniqueId('org', name);
    created.set(name, id);
    const latin = /^[\x20-\x7e]+$/.test(name);
    newEntity(id, orgKind(name), latin ? null : name, latin ? name : null);
    return id;
  };

  for (const row of rows) {
    const where = row.province_city === '' ? { cityId: null, provinceId: null } : place(row.province_city, row.line);
    const modelFound = resolver.resolve(row.model, 'ai-model');
    let modelId: string;
    if (modelFound.type === 'match') {
      modelId = modelFound.entityId;
    } else {
      modelId = uniqueId('model', row.model);
      const han = /\p{Script=Han}/u.test(row.model);
      newEntity(modelId, 'ai-model', han ? row.model : null, han ? null : row.model);
    }
    const fact = (entityId: string, attr: string, value: string) => {
      if (value !== '')
        b.facts.push({ entityId, attr, value, unit: null, asOf: null, note: null, estimate: false, sourceId: SRC });
    };
    fact(modelId, 'category', row.category);
    if (row.firstListed) {
      // When the upstream list first named this model (or its company): an upper bound on the model's existence,
      // cited to the README at that commit. Entry into the LLM segment may use it (analytics/segment-entry.ts).
      const src = listCommitSource(row.firstListed.commit, row.firstListed.date);
      if (!b.sources.some((s) => s.id === src.id)) b.sources.push(src);
      b.facts.push({
        entityId: modelId,
        attr: 'first_listed',
        value: row.firstListed.date,
        unit: null,
        asOf: null,
        note: `first named in the upstream list (matched on ${row.firstListed.matchedOn})`,
        estimate: false,
        sourceId: src.id,
      });
    }
    fact(modelId, 'link', row.model_links.split(/[;\s]+/)[0] ?? '');
    for (const company of splitCompanies(row.company)) {
      const orgId = organisation(company, row.line);
      if (orgId === null) continue;
      b.relations.push({ subjectId: orgId, predicate: 'developed', objectId: modelId, sourceId: SRC });
      b.segments.push({ entityId: orgId, segment: 'llm' });
      const target = where.cityId ?? where.provinceId;
      if (target)
        b.relations.push({ subjectId: orgId, predicate: 'headquartered_in', objectId: target, sourceId: SRC });
      else if (row.province_city !== '') fact(orgId, 'location_as_listed', row.province_city);
    }
  }
  return b;
}
