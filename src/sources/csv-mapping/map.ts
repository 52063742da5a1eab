/** Mapped CSV rows → entities (resolved onto existing ones first), facts, relations and observations. Pure. */
import { type Bundle, emptyBundle } from '../../model/bundle.ts';
import { InputError } from '../../model/errors.ts';
import { derivePinyin, hasHan, slugify } from '../../model/names.ts';
import type { Resolver } from '../../model/resolver.ts';
import { type EntityKind, familyOf, idPrefixOf } from '../../model/types.ts';
import type { MappedCsv } from './source.ts';

const DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

export function mapCsvRows(input: MappedCsv, resolver: Resolver): Bundle {
  const { mapping: m, file } = input;
  const b = emptyBundle();
  const src = m.source.id;
  b.sources.push({ ...m.source, published: m.source.published ?? null });
  const created = new Map<string, string>();

  const entityFor = (
    name: string,
    kind: EntityKind,
    create: boolean,
    line: number,
    field: string,
    zh?: string,
  ): string | null => {
    const key = `${kind}|${name}`;
    const known = created.get(key);
    if (known) return known;
    // The row's Chinese name, when given, is a second chance to find an existing entity.
    let found = resolver.resolve(name, familyOf(kind));
    if (found.type === 'none' && zh) found = resolver.resolve(zh, familyOf(kind));
    if (found.type === 'match') {
      b.resolutions.push({ rawName: name, entityId: found.entityId, method: found.method });
      created.set(key, found.entityId);
      return found.entityId;
    }
    if (found.type === 'ambiguous' || !create) {
      const why =
        found.type === 'ambiguous'
          ? `ambiguous: equally matches ${found.candidates.join(', ')}`
          : 'no such entity, and the mapping does not create one';
      b.issues.push({ sourceId: src, entityId: null, field, value: name, message: why, line });
      return null;
    }
    let id = `${idPrefixOf(kind)}:${slugify(name) || 'unnamed'}`;
    for (let n = 2; resolver.has(id); n++) id = `${idPrefixOf(kind)}:${slugify(name)}-${n}`;
    const zhName = zh ?? (hasHan(name) ? name : null);
    const enName = hasHan(name) ? null : name;
    resolver.add(id, kind, [name, ...(zhName ? [zhName] : [])]);
    created.set(key, id);
    b.entities.push({ id, kind, nameEn: enName, nameZh: zhName, namePinyin: derivePinyin(zhName), description: null });
    if (enName) b.names.push({ entityId: id, name: enName, kind: 'en', sourceId: src });
    if (zhName) b.names.push({ entityId: id, name: zhName, kind: 'zh', sourceId: src });
    b.entitySources.push({ entityId: id, sourceId: src });
    return id;
  };

  for (const row of input.rows) {
    const name = (row[m.entity.column] ?? '').trim();
    if (name === '') throw new InputError(file, row.line, m.entity.column, 'empty entity name');
    const zh = m.entity.zh_column ? (row[m.entity.zh_column] ?? '').trim() || undefined : undefined;
    const id = entityFor(name, m.entity.kind, m.entity.create, row.line, m.entity.column, zh);
    if (id === null) continue;
    b.entitySources.push({ entityId: id, sourceId: src });
    for (const f of m.facts) {
      const value = (row[f.column] ?? '').trim();
      if (value === '') continue;
      const asOf = f.as_of_column ? (row[f.as_of_column] ?? '').trim() : '';
      if (asOf !== '' && !DATE.test(asOf))
        throw new InputError(file, row.line, f.as_of_column ?? null, `expected a date, got "${asOf}"`);
      b.facts.push({
        entityId: id,
        attr: f.attr,
        value,
        unit: f.unit ?? null,
        asOf: asOf || null,
        note: null,
        estimate: false,
        sourceId: src,
      });
    }
    for (const r of m.relations) {
      const other = (row[r.column] ?? '').trim();
      if (other === '') continue;
      const otherId = entityFor(other, r.kind, r.create, row.line, r.column);
      if (otherId === null) continue;
      const [subjectId, objectId] = r.direction === 'out' ? [id, otherId] : [otherId, id];
      b.relations.push({ subjectId, predicate: r.predicate, objectId, sourceId: src });
    }
    for (const o of m.observations) {
      const raw = (row[o.column] ?? '').trim();
      if (raw === '') continue;
      const value = Number(raw.replace(/,/g, ''));
      if (!Number.isFinite(value)) throw new InputError(file, row.line, o.column, `expected a number, got "${raw}"`);
      const period = (row[o.period_column] ?? '').trim();
      if (!DATE.test(period)) throw new InputError(file, row.line, o.period_column, `expected a date, got "${period}"`);
      b.observations.push({ metric: o.metric, subjectId: id, period, value, unit: o.unit, note: null, sourceId: src });
    }
  }
  return b;
}
