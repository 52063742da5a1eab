/**
 * OpenAlex records → model rows. Works never become entities: each work contributes to counts per (subject, year,
 * topic), where the subjects are its distinct institutions' entities, their cities and their countries (whole
 * counting: a work with two Tsinghua authors and one MIT author counts once for Tsinghua, once for MIT, once for CN
 * and once for US). Pure.
 */
import type { Bundle } from '../../model/bundle.ts';
import type { Resolver } from '../../model/resolver.ts';
import type { Observation, Source } from '../../model/types.ts';
import { type GeoContext, InstitutionMapper } from './institution-mapper.ts';
import type { InstitutionInfo, TopicInfo, WorkRecord } from './records.ts';

/** Works per subject and publication year. */
export const WORKS_METRIC = 'openalex.works';

/** Works per subject and publication year whose primary topic is `topicId` (T10102). */
export function topicMetric(topicId: string): string {
  return `${WORKS_METRIC}.topic.${topicId}`;
}

/** What one counted work contributes: the entities it counts under, once each. */
export interface Contribution {
  workId: string;
  year: number | null;
  institutionIds: string[];
  countries: string[];
  /** Institution entities, then their cities, then country entities; distinct, in a stable order. */
  subjectIds: string[];
  topic: TopicInfo | null;
}

export function contribution(work: WorkRecord, mapper: InstitutionMapper): Contribution {
  const orgs = new Set<string>();
  const cities = new Set<string>();
  for (const inst of work.institutions) {
    const state = mapper.entityFor(inst);
    if (state.entityId) orgs.add(state.entityId);
    if (state.cityId) cities.add(state.cityId);
  }
  const countries = work.countries.map((c) => mapper.countryEntity(c));
  return {
    workId: work.id,
    year: work.year,
    institutionIds: work.institutions.map((i) => i.id),
    countries: work.countries,
    subjectIds: [...new Set([...orgs, ...cities, ...countries])],
    topic: work.topic,
  };
}

/** Sums contributions in memory (file and API inputs; the snapshot sums in DuckDB instead). */
export class WorkCounter {
  private readonly counts = new Map<string, number>();

  add(c: Contribution): void {
    if (c.year === null) return;
    const period = String(c.year);
    for (const subject of c.subjectIds) {
      this.bump(WORKS_METRIC, subject, period);
      if (c.topic) this.bump(topicMetric(c.topic.id), subject, period);
    }
  }

  private bump(metric: string, subject: string, period: string): void {
    const key = `${metric}\t${subject}\t${period}`;
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  }

  observations(sourceId: string): Observation[] {
    return [...this.counts].map(([key, value]) => {
      const [metric, subjectId, period] = key.split('\t') as [string, string, string];
      return { metric, subjectId, period, value, unit: 'works', note: null, sourceId };
    });
  }
}

/** The group_by fields whose groups we store, and the subject each group counts for. */
export const GROUP_BY_FIELDS = ['authorships.institutions.country_code', 'authorships.institutions.id'] as const;
export type GroupByField = (typeof GROUP_BY_FIELDS)[number];

/** One group of a group_by response for one publication year. */
export interface GroupCount {
  field: GroupByField;
  year: number;
  key: string;
  displayName: string | null;
  count: number;
}

/** What a file or API read hands the mapper. */
export interface OpenAlexInput {
  source: Source;
  works: WorkRecord[];
  /** Full institution records (with geo). */
  institutions: InstitutionInfo[];
  groups: GroupCount[];
}

function groupSubject(g: GroupCount, mapper: InstitutionMapper): string | null {
  const field = g.field;
  switch (field) {
    case 'authorships.institutions.country_code': {
      // "US" in older responses, "https://openalex.org/countries/US" in newer ones.
      const code = g.key.slice(g.key.lastIndexOf('/') + 1).toUpperCase();
      return /^[A-Z]{2}$/.test(code) ? mapper.countryEntity(code) : null;
    }
    case 'authorships.institutions.id': {
      const id = g.key.slice(g.key.lastIndexOf('/') + 1).toUpperCase();
      if (!/^I\d+$/.test(id)) return null;
      const info: InstitutionInfo = {
        id,
        displayName: g.displayName?.trim() || id,
        nameZh: null,
        alternatives: [],
        countryCode: null,
        type: null,
        ror: null,
        city: null,
      };
      return mapper.entityFor(info).entityId;
    }
    default: {
      const unreachable: never = field;
      return unreachable;
    }
  }
}

/** Maps one file's or one API query's records: institutions first (so works see their cities), then works, then groups. */
export function mapOpenAlex(input: OpenAlexInput, resolver: Resolver, geo: GeoContext): Bundle {
  const src = input.source;
  const mapper = new InstitutionMapper(resolver, geo, src);
  for (const inst of input.institutions) mapper.describe(inst, true);
  const counter = new WorkCounter();
  for (const work of input.works) counter.add(contribution(work, mapper));
  const observations = counter.observations(src.id);
  for (const g of input.groups) {
    const subjectId = groupSubject(g, mapper);
    if (subjectId === null || g.count === 0) continue;
    observations.push({
      metric: WORKS_METRIC,
      subjectId,
      period: String(g.year),
      value: g.count,
      unit: 'works',
      note: `OpenAlex group_by=${g.field}`,
      sourceId: src.id,
    });
  }
  const { bundle } = mapper.drain();
  bundle.sources.unshift(src);
  bundle.observations.push(...observations);
  return bundle;
}
