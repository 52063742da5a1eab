/** Curated YAML → model rows. Pure; the input has been checked whole by source.ts. */
import { type Bundle, emptyBundle } from '../../model/bundle.ts';
import { derivePinyin } from '../../model/names.ts';
import type { Fact } from '../../model/types.ts';
import type { CuratedFile } from './schema.ts';
import type { CuratedInput } from './source.ts';

/** A curated fact (on an entity, or a top-level annotation of one) as a model row. */
function toFact(
  entityId: string,
  f: CuratedFile['facts'][number] | CuratedFile['entities'][number]['facts'][number],
): Fact {
  return {
    entityId,
    attr: f.attr,
    value: f.value,
    unit: f.unit ?? null,
    asOf: f.as_of ?? null,
    note: f.note ?? null,
    estimate: f.estimate ?? false,
    sourceId: f.source,
    scope: f.scope ?? null,
  };
}

export function mapCurated(inputs: readonly CuratedInput[]): Bundle {
  const b = emptyBundle();
  const seenSources = new Set<string>();
  for (const { data } of inputs) {
    for (const s of data.sources) {
      if (seenSources.has(s.id)) continue;
      seenSources.add(s.id);
      b.sources.push({ ...s, published: s.published ?? null });
    }
    for (const e of data.entities) {
      const pinyin = derivePinyin(e.zh ?? null);
      const nameSource = e.sources[0] as string;
      b.entities.push({
        id: e.id,
        kind: e.kind,
        nameEn: e.en ?? null,
        nameZh: e.zh ?? null,
        namePinyin: pinyin,
        description: e.description ?? null,
      });
      if (e.en) b.names.push({ entityId: e.id, name: e.en, kind: 'en', sourceId: nameSource });
      if (e.zh) b.names.push({ entityId: e.id, name: e.zh, kind: 'zh', sourceId: nameSource });
      if (pinyin) b.names.push({ entityId: e.id, name: pinyin, kind: 'pinyin', sourceId: nameSource });
      for (const alias of e.aliases) {
        b.names.push({ entityId: e.id, name: alias, kind: 'alias', sourceId: nameSource });
        const aliasPinyin = derivePinyin(alias);
        if (aliasPinyin) b.names.push({ entityId: e.id, name: aliasPinyin, kind: 'pinyin', sourceId: nameSource });
      }
      for (const segment of e.segments) b.segments.push({ entityId: e.id, segment });
      for (const sourceId of e.sources) b.entitySources.push({ entityId: e.id, sourceId });
      for (const f of e.facts) b.facts.push(toFact(e.id, f));
      for (const oldId of e.formerly) b.redirects.push({ oldId, newId: e.id, sourceId: nameSource });
      for (const r of e.relations) {
        b.relations.push({ subjectId: e.id, predicate: r.pred, objectId: r.object, sourceId: r.source });
      }
    }
    for (const f of data.facts) b.facts.push(toFact(f.entity, f));
    for (const c of data.claims) {
      b.claims.push({
        id: c.id,
        subjectId: c.subject,
        attr: c.attr,
        value: c.value,
        unit: c.unit ?? null,
        counts: c.counts,
        speaker: c.speaker,
        occasionId: c.occasion ?? null,
        saidOn: c.date ?? null,
        status: c.status,
        note: c.note ?? null,
        sourceId: c.source,
        evidence: c.evidence.map((ev) => ({
          stance: ev.stance,
          note: ev.note,
          sourceId: ev.source,
          entityId: ev.entity ?? null,
          attr: ev.attr ?? null,
          value: ev.value ?? null,
        })),
      });
    }
    for (const o of data.observations) {
      b.observations.push({
        metric: o.metric,
        subjectId: o.subject,
        period: o.period,
        value: o.value,
        unit: o.unit,
        note: o.note ?? null,
        sourceId: o.source,
      });
    }
    for (const p of data.prices) {
      b.prices.push({
        vendorId: p.vendor,
        model: p.model,
        date: p.date,
        currency: p.currency,
        input: p.input,
        output: p.output,
        kind: p.kind,
        tier: p.tier ?? '',
        note: p.note ?? null,
        sourceId: p.source,
      });
    }
  }
  return b;
}
