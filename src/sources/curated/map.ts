/** Curated YAML → model rows. Pure; the input has been checked whole by source.ts. */
import { type Bundle, emptyBundle } from '../../model/bundle.ts';
import { derivePinyin } from '../../model/names.ts';
import { type Fact, POLICY_ROLES } from '../../model/types.ts';
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
    for (const p of data.policies) {
      const pinyin = derivePinyin(p.zh ?? null);
      b.entities.push({
        id: p.id,
        kind: 'event',
        nameEn: p.en,
        nameZh: p.zh ?? null,
        namePinyin: pinyin,
        description: p.description,
      });
      b.names.push({ entityId: p.id, name: p.en, kind: 'en', sourceId: p.source });
      if (p.zh) b.names.push({ entityId: p.id, name: p.zh, kind: 'zh', sourceId: p.source });
      if (pinyin) b.names.push({ entityId: p.id, name: pinyin, kind: 'pinyin', sourceId: p.source });
      for (const sourceId of new Set([p.source, ...p.firms.map((f) => f.source)]))
        b.entitySources.push({ entityId: p.id, sourceId });
      const fact = (attr: string, value: string, extra: Partial<Fact> = {}) =>
        b.facts.push({
          entityId: p.id,
          attr,
          value,
          unit: null,
          asOf: null,
          note: null,
          estimate: false,
          sourceId: p.source,
          scope: null,
          ...extra,
        });
      fact('type', 'policy');
      fact('policy_type', p.type, { note: p.note ?? null });
      if (p.date !== undefined) fact('date', p.date);
      fact('issuer', p.issuer_en, { note: p.issuer_zh ?? null });
      if (p.amount !== undefined) fact('amount', String(p.amount), { unit: p.currency, note: p.amount_note });
      for (const segment of p.segments) fact('eligible_segment', segment);
      b.relations.push({ subjectId: p.id, predicate: 'located_in', objectId: p.place, sourceId: p.source });
      for (const f of p.firms) {
        b.relations.push({ subjectId: p.id, predicate: POLICY_ROLES[f.role], objectId: f.org, sourceId: f.source });
      }
    }
    for (const l of data.links) {
      b.relations.push({ subjectId: l.policy, predicate: POLICY_ROLES[l.role], objectId: l.org, sourceId: l.source });
    }
    for (const r of data.rounds) {
      b.rounds.push({
        id: r.id,
        orgId: r.organisation,
        date: r.date,
        round: r.round,
        stage: r.stage,
        amount: r.amount === 'undisclosed' ? null : r.amount,
        currency: r.currency ?? null,
        qualifier: r.qualifier ?? null,
        valuation: r.valuation ?? null,
        valuationCurrency: r.valuation_currency ?? null,
        note: r.note ?? null,
        sourceId: r.source,
        investors: r.investors.map((id) => ({ id, lead: r.lead.includes(id) })),
      });
    }
    for (const l of data.supplies) {
      b.supplyLinks.push({
        supplierId: l.supplier,
        customerId: l.customer,
        component: l.component,
        kind: l.kind,
        asOf: l.as_of ?? null,
        note: l.note ?? null,
        sourceId: l.source,
      });
    }
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
