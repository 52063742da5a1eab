/** Model rows → table cells, in the column order of store/tables.ts. */
import type { Bundle } from '../model/bundle.ts';
import { normalizeName } from '../model/names.ts';
import type { Cell } from '../store/merge.ts';
import type { TableName } from '../store/tables.ts';

const num = (value: string): number | null => {
  const n = Number(value);
  return value.trim() !== '' && Number.isFinite(n) ? n : null;
};

/** Every core table's rows for one dataset (a connector's own tables come as cells already: `Bundle.own`). */
export function bundleToCells(dataset: string, b: Bundle): Record<TableName, Cell[][]> {
  return {
    sources: b.sources.map((s) => [dataset, s.id, s.title, s.url, s.publisher, s.published, s.retrieved, s.licence]),
    entities: b.entities.map((e) => [e.id, dataset, e.kind, e.nameEn, e.nameZh, e.namePinyin, e.description]),
    entityNames: b.names.map((n) => [dataset, n.entityId, n.name, n.kind, normalizeName(n.name), n.sourceId]),
    entitySegments: b.segments.map((s) => [dataset, s.entityId, s.segment]),
    entitySources: b.entitySources.map((s) => [dataset, s.entityId, s.sourceId]),
    facts: b.facts.map((f) => [
      dataset,
      f.entityId,
      f.attr,
      f.value,
      num(f.value),
      f.unit,
      f.asOf,
      f.note,
      f.estimate,
      f.sourceId,
      f.scope ?? null,
    ]),
    relations: b.relations.map((r) => [dataset, r.subjectId, r.predicate, r.objectId, r.sourceId]),
    observations: b.observations.map((o) => [
      dataset,
      o.metric,
      o.subjectId,
      o.period,
      o.value,
      o.unit,
      o.note,
      o.sourceId,
    ]),
    prices: b.prices.map((p) => [
      dataset,
      p.vendorId,
      p.model,
      p.date,
      p.currency,
      p.input,
      p.output,
      p.note,
      p.sourceId,
      p.kind,
      p.tier,
    ]),
    dataIssues: b.issues.map((i) => [dataset, i.sourceId, i.entityId ?? '', i.field, i.value, i.message, i.line ?? 0]),
    resolutions: b.resolutions.map((r) => [dataset, r.rawName, r.entityId, r.method]),
    claims: b.claims.map((c) => [
      dataset,
      c.id,
      c.subjectId,
      c.attr,
      c.value,
      c.unit,
      c.counts,
      c.speaker,
      c.occasionId,
      c.saidOn,
      c.status,
      c.note,
      c.sourceId,
    ]),
    claimEvidence: b.claims.flatMap((c) =>
      c.evidence.map((e, i) => [dataset, c.id, i + 1, e.stance, e.note, e.sourceId, e.entityId, e.attr, e.value]),
    ),
    entityRedirects: b.redirects.map((r) => [dataset, r.oldId, r.newId, r.sourceId]),
    fundingRounds: b.rounds.map((r) => [
      dataset,
      r.id,
      r.orgId,
      r.date,
      r.round,
      r.stage,
      r.amount,
      r.currency,
      r.qualifier,
      r.valuation,
      r.valuationCurrency,
      r.note,
      r.sourceId,
    ]),
    roundInvestors: b.rounds.flatMap((r) => r.investors.map((i) => [dataset, r.id, i.id, i.lead])),
    supplyLinks: b.supplyLinks.map((l) => [
      dataset,
      l.supplierId,
      l.customerId,
      l.component,
      l.kind,
      l.asOf,
      l.note,
      l.sourceId,
    ]),
  };
}
