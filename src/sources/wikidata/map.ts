/**
 * Wikidata items → model rows. Each item is resolved onto an existing entity by its labels and aliases (all that
 * match must agree), or by its QID when an entity already carries it; only an item that matches nothing and whose
 * class is known becomes a new entity, so a curated organisation is never duplicated. Statements become facts
 * (founded, born, website) and relations (headquartered_in, located_in, founded_by, educated_at) whose targets are
 * found by QID: items of the same input, or entities that carry a `wikidata` fact. Pure.
 */
import { type Bundle, emptyBundle } from '../../model/bundle.ts';
import { derivePinyin, normalizeName, slugify, toSimplified } from '../../model/names.ts';
import type { Resolver } from '../../model/resolver.ts';
import { type EntityFamily, type EntityKind, type Source, familyOf, idPrefixOf } from '../../model/types.ts';
import { type WikidataItem, type WikidataValue, bestStatements } from './schema.ts';
import {
  CLASS_KINDS,
  LINK_PROPERTIES,
  P_BIRTH,
  P_INCEPTION,
  P_INSTANCE_OF,
  P_WEBSITE,
  ZH_PREFERENCE,
  isChinese,
  isEnglish,
} from './vocabulary.ts';

export interface WikidataInput {
  items: WikidataItem[];
  /** When the payloads were fetched (YYYY-MM-DD), or "unknown" for files of unknown date. */
  retrieved: string;
}

export function sourceOf(item: WikidataItem, retrieved: string): Source {
  const label = item.labels.en ?? Object.values(item.labels)[0] ?? item.qid;
  return {
    id: `src:wikidata-${item.qid.toLowerCase()}`,
    title: `Wikidata, ${label} (${item.qid})`,
    url: `https://www.wikidata.org/wiki/${item.qid}`,
    publisher: 'Wikidata',
    published: item.modified?.slice(0, 10) ?? null,
    retrieved,
    licence: 'CC0 1.0',
  };
}

interface ItemNames {
  en: string | null;
  /** Simplified. */
  zh: string | null;
  /** Every English and Chinese label and alias (Chinese folded to simplified), one per normalised form. */
  all: string[];
}

function namesOf(item: WikidataItem): ItemNames {
  const seen = new Set<string>();
  const all: string[] = [];
  const add = (name: string) => {
    const norm = normalizeName(name);
    if (norm.length === 0 || seen.has(norm)) return;
    seen.add(norm);
    all.push(name);
  };
  const langs = Object.keys(item.labels).sort();
  const en = item.labels.en ?? langs.filter(isEnglish).map((l) => item.labels[l] as string)[0] ?? null;
  const zhLang = ZH_PREFERENCE.find((l) => item.labels[l] !== undefined) ?? langs.find(isChinese);
  const zh = zhLang === undefined ? null : toSimplified(item.labels[zhLang] as string);
  if (en) add(en);
  if (zh) add(zh);
  for (const l of langs) if (isEnglish(l)) add(item.labels[l] as string);
  for (const l of langs) if (isChinese(l)) add(toSimplified(item.labels[l] as string));
  for (const l of Object.keys(item.aliases).sort()) {
    for (const alias of item.aliases[l] ?? []) {
      if (isEnglish(l)) add(alias);
      else if (isChinese(l)) add(toSimplified(alias));
    }
  }
  return { en, zh, all };
}

function classKind(item: WikidataItem): EntityKind | null {
  for (const s of bestStatements(item, P_INSTANCE_OF)) {
    if (s.value?.kind === 'item' && CLASS_KINDS[s.value.id]) return CLASS_KINDS[s.value.id] as EntityKind;
  }
  return null;
}

/** A Wikibase time as the model writes dates: year, and YYYY-MM or YYYY-MM-DD when the precision carries them. */
export function dateOf(value: WikidataValue & { kind: 'time' }): { year: string; date: string | null } | string {
  const m = /^([+-])(\d+)-(\d{2})-(\d{2})T/.exec(value.time);
  if (!m) return `unreadable time ${value.time}`;
  if (m[1] === '-') return `a date before the common era (${value.time})`;
  if (value.precision < 9) return `precision ${value.precision} is coarser than a year (${value.time})`;
  const year = String(Number(m[2])).padStart(4, '0');
  const [month, day] = [m[3] as string, m[4] as string];
  if (value.precision === 9) return { year, date: null };
  if (month === '00') return `month missing at month precision (${value.time})`;
  if (value.precision === 10) return { year, date: `${year}-${month}` };
  const d = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  if (day === '00' || d.getUTCMonth() !== Number(month) - 1) return `not a calendar day (${value.time})`;
  return { year, date: `${year}-${month}-${day}` };
}

const ALL_FAMILIES: readonly EntityFamily[] = ['organization', 'person', 'place'];

export function mapWikidata(
  input: WikidataInput,
  resolver: Resolver,
  knownQids: ReadonlyMap<string, string> = new Map(),
): Bundle {
  const b = emptyBundle();
  const qidToEntity = new Map<string, string>(knownQids);
  const entityToQid = new Map<string, string>([...knownQids].map(([qid, id]) => [id, qid]));
  const usedIds = new Set<string>();
  const mapped: { item: WikidataItem; entityId: string; created: boolean; names: ItemNames; src: string }[] = [];

  // Pass 1: which entity each item is, so statements between items of this input can be linked in pass 2.
  for (const item of input.items) {
    const source = sourceOf(item, input.retrieved);
    const src = source.id;
    b.sources.push(source);
    const issue = (field: string, value: string, message: string, entityId: string | null = null) =>
      b.issues.push({ sourceId: src, entityId, field: `entities.${item.qid}${field}`, value, message, line: null });
    const names = namesOf(item);
    const kind = classKind(item);
    const rawName = names.en ?? names.zh ?? item.qid;

    let entityId = knownQids.get(item.qid) ?? null;
    let created = false;
    if (entityId !== null) {
      b.resolutions.push({ rawName: item.qid, entityId, method: 'wikidata-id' });
    } else {
      const found = new Map<string, string>();
      let ambiguous: string[] | null = null;
      for (const name of names.all) {
        for (const family of kind === null ? ALL_FAMILIES : [familyOf(kind)]) {
          const r = resolver.resolve(name, family);
          if (r.type === 'match' && !found.has(r.entityId)) found.set(r.entityId, r.method);
          if (r.type === 'ambiguous') ambiguous ??= r.candidates;
        }
      }
      if (ambiguous !== null) {
        issue('.labels', rawName, `ambiguous: equally matches ${ambiguous.join(', ')}; item not mapped`);
        continue;
      }
      if (found.size > 1) {
        issue(
          '.labels',
          rawName,
          `labels and aliases match different entities (${[...found.keys()].join(', ')}); item not mapped`,
        );
        continue;
      }
      const [match] = found;
      if (match) {
        entityId = match[0];
        b.resolutions.push({ rawName, entityId, method: match[1] });
      } else if (kind !== null) {
        const base = `${idPrefixOf(kind)}:${slugify(rawName) || item.qid.toLowerCase()}`;
        entityId = base;
        for (let n = 2; resolver.has(entityId) || usedIds.has(entityId); n++) entityId = `${base}-${n}`;
        created = true;
        resolver.add(entityId, kind, names.all);
        b.entities.push({
          id: entityId,
          kind,
          nameEn: names.en,
          nameZh: names.zh,
          namePinyin: derivePinyin(names.zh),
          description: null,
        });
      } else {
        issue(
          '.claims.P31',
          rawName,
          'matches no entity, and its class (P31) is not one this connector creates; item not mapped',
        );
        continue;
      }
    }
    const other = entityToQid.get(entityId);
    if (other !== undefined && other !== item.qid) {
      issue('.id', item.qid, `${entityId} is already Wikidata ${other}; ${item.qid} not merged into it`, entityId);
      continue;
    }
    usedIds.add(entityId);
    qidToEntity.set(item.qid, entityId);
    entityToQid.set(entityId, item.qid);
    mapped.push({ item, entityId, created, names, src });
  }

  // Pass 2: names, facts and relations of every mapped item.
  for (const { item, entityId, created, names, src } of mapped) {
    const issue = (field: string, value: string, message: string) =>
      b.issues.push({ sourceId: src, entityId, field: `entities.${item.qid}${field}`, value, message, line: null });
    const fact = (attr: string, value: string, note: string | null = null) =>
      b.facts.push({ entityId, attr, value, unit: null, asOf: null, note, estimate: false, sourceId: src });

    b.entitySources.push({ entityId, sourceId: src });
    for (const name of names.all) {
      // On an existing entity every label is an alias: its own English and Chinese names are the curator's.
      const kind = !created ? 'alias' : name === names.en ? 'en' : name === names.zh ? 'zh' : 'alias';
      b.names.push({ entityId, name, kind, sourceId: src });
      const pinyin = created ? derivePinyin(name) : null;
      if (pinyin) b.names.push({ entityId, name: pinyin, kind: 'pinyin', sourceId: src });
    }
    fact('wikidata', item.qid);

    const dated = (property: string, yearAttr: string, dateAttr: string) => {
      bestStatements(item, property).forEach((s, i) => {
        if (s.value?.kind !== 'time') return;
        const d = dateOf(s.value);
        if (typeof d === 'string') {
          issue(`.claims.${property}[${i}]`, s.value.time, `${d}; not recorded`);
          return;
        }
        fact(yearAttr, d.year);
        if (d.date !== null) fact(dateAttr, d.date);
      });
    };
    dated(P_INCEPTION, 'founded', 'founding_date');
    dated(P_BIRTH, 'born', 'birth_date');
    for (const s of bestStatements(item, P_WEBSITE)) if (s.value?.kind === 'string') fact('website', s.value.value);

    for (const [property, link] of Object.entries(LINK_PROPERTIES)) {
      bestStatements(item, property).forEach((s, i) => {
        if (s.value?.kind !== 'item') return;
        const field = `.claims.${property}[${i}]`;
        const target = qidToEntity.get(s.value.id);
        if (target === undefined) {
          issue(
            field,
            s.value.id,
            `${link.label} ${s.value.id} is neither an item of this input nor the wikidata id of a known entity; not linked`,
          );
          return;
        }
        const targetKind = resolver.kindOf(target);
        if (targetKind !== undefined && !link.targets.includes(familyOf(targetKind))) {
          issue(field, s.value.id, `${link.label} points at ${target}, a ${targetKind}; not linked`);
          return;
        }
        b.relations.push({ subjectId: entityId, predicate: link.predicate, objectId: target, sourceId: src });
      });
    }
  }
  return b;
}
