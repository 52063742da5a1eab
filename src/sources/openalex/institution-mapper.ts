/**
 * OpenAlex institutions → organisation entities. An institution resolves by name onto an existing entity (never a
 * duplicate) when the countries agree; otherwise it becomes org:openalex-<id>. Its geo.city becomes a located_in
 * relation when it resolves onto an existing city of the same country, else a `city` fact. Pure: resolution state
 * comes in through the resolver and the geo context, and every row produced is collected in a bundle to drain.
 */
import { type Bundle, emptyBundle } from '../../model/bundle.ts';
import { COUNTRY_CODES } from '../../model/countries.ts';
import { derivePinyin } from '../../model/names.ts';
import type { Resolver } from '../../model/resolver.ts';
import type { EntityKind, Source } from '../../model/types.ts';
import type { InstitutionInfo } from './records.ts';

/** What the database knows of where entities are, for checking a name match against a country. */
export interface GeoContext {
  /** Entity id → ISO codes of the countries it is located or headquartered in (directly or via city/province). */
  countriesOf: ReadonlyMap<string, readonly string[]>;
}

/** One institution as the mapper tracks it; `entityId` is fixed the first time a work names the institution. */
export interface InstitutionState {
  info: InstitutionInfo;
  entityId: string | null;
  cityId: string | null;
  method: string | null;
}

// OpenAlex institution types (ROR's vocabulary plus "funder") → our kinds. Types that do not say what the
// organisation is ("funder" is given to many universities in 2025 data) stay generic.
const KIND_OF_TYPE: Record<string, EntityKind> = {
  education: 'university',
  company: 'company',
  government: 'government',
  facility: 'lab',
};

const COUNTRY_NAMES = new Map<string, string>();
for (const [name, code] of Object.entries(COUNTRY_CODES)) if (!COUNTRY_NAMES.has(code)) COUNTRY_NAMES.set(code, name);

/** The id an institution gets when it resolves onto nothing: org:openalex-i27837315. */
export function createdEntityId(institutionId: string): string {
  return `org:openalex-${institutionId.toLowerCase()}`;
}

export class InstitutionMapper {
  private readonly states = new Map<string, InstitutionState>();
  private readonly localCountries = new Map<string, string[]>();
  private readonly changed = new Set<string>();
  private bundle: Bundle = emptyBundle();

  constructor(
    private readonly resolver: Resolver,
    private readonly geo: GeoContext,
    private readonly source: Source,
    known: Iterable<InstitutionState> = [],
  ) {
    for (const s of known) this.states.set(s.info.id, s);
  }

  /** The rows produced since the last drain, and the institutions whose state changed. */
  drain(): { bundle: Bundle; changed: InstitutionState[] } {
    const out = {
      bundle: this.bundle,
      changed: [...this.changed].map((id) => this.states.get(id) as InstitutionState),
    };
    this.bundle = emptyBundle();
    this.changed.clear();
    return out;
  }

  /**
   * Takes in a full institution record (names, city). When the institution already counts under an entity, or
   * `materialise` asks for one, the entity gets the record's names, city and ids.
   */
  describe(info: InstitutionInfo, materialise: boolean): InstitutionState {
    const state = this.states.get(info.id);
    if (!state) {
      const fresh: InstitutionState = { info, entityId: null, cityId: null, method: null };
      this.states.set(info.id, fresh);
      this.changed.add(info.id);
      if (materialise) this.materialise(fresh);
      return fresh;
    }
    state.info = { ...info, countryCode: info.countryCode ?? state.info.countryCode };
    this.changed.add(info.id);
    if (state.entityId !== null) this.state(state, state.entityId);
    else if (materialise) this.materialise(state);
    return state;
  }

  /** The entity (and city) a work's institution counts under, resolving or creating it on first sight. */
  entityFor(info: InstitutionInfo): InstitutionState {
    let state = this.states.get(info.id);
    if (state?.entityId) return state;
    if (!state) {
      state = { info, entityId: null, cityId: null, method: null };
      this.states.set(info.id, state);
    } else {
      // A full record seen earlier knows more than the copy inside a work; the work only fills gaps.
      state.info = { ...state.info, countryCode: state.info.countryCode ?? info.countryCode };
    }
    this.changed.add(info.id);
    this.materialise(state);
    return state;
  }

  /** The country entity for an ISO code, created when the database has none. */
  countryEntity(code: string): string {
    const id = `country:${code.toLowerCase()}`;
    if (this.resolver.has(id)) return id;
    const name = COUNTRY_NAMES.get(code) ?? code;
    this.resolver.add(id, 'country', [name]);
    this.bundle.entities.push({ id, kind: 'country', nameEn: name, nameZh: null, namePinyin: null, description: null });
    this.bundle.names.push({ entityId: id, name, kind: 'en', sourceId: this.source.id });
    this.bundle.entitySources.push({ entityId: id, sourceId: this.source.id });
    return id;
  }

  private countriesOf(entityId: string): readonly string[] {
    return this.localCountries.get(entityId) ?? this.geo.countriesOf.get(entityId) ?? [];
  }

  private materialise(state: InstitutionState): void {
    const info = state.info;
    const created = createdEntityId(info.id);
    if (this.resolver.has(created)) {
      // Created by an earlier input: the same institution, whatever its name says now.
      this.state(state, created, 'id');
      return;
    }
    const found = this.resolveByName(info);
    if (found) {
      this.state(state, found.entityId, found.method);
      this.bundle.resolutions.push({ rawName: info.displayName, entityId: found.entityId, method: found.method });
      return;
    }
    const kind = KIND_OF_TYPE[info.type ?? ''] ?? 'organization';
    const names = [info.displayName, ...(info.nameZh ? [info.nameZh] : []), ...info.alternatives];
    this.resolver.add(created, kind, names);
    if (info.countryCode) this.localCountries.set(created, [info.countryCode]);
    this.bundle.entities.push({
      id: created,
      kind,
      nameEn: info.displayName,
      nameZh: info.nameZh,
      namePinyin: derivePinyin(info.nameZh),
      description: null,
    });
    this.state(state, created, 'created');
  }

  /** Writes what the record states about the entity: ids, names, city, and (for a created entity) its country. */
  private state(state: InstitutionState, entityId: string, method?: string): void {
    const info = state.info;
    const src = this.source.id;
    state.entityId = entityId;
    if (method) state.method = method;
    const created = state.method === 'created';
    state.cityId = this.cityFor(info);
    const b = this.bundle;
    b.entitySources.push({ entityId, sourceId: src });
    b.names.push({ entityId, name: info.displayName, kind: created ? 'en' : 'alias', sourceId: src });
    if (info.nameZh) b.names.push({ entityId, name: info.nameZh, kind: created ? 'zh' : 'alias', sourceId: src });
    for (const alt of info.alternatives) b.names.push({ entityId, name: alt, kind: 'alias', sourceId: src });
    const fact = (attr: string, value: string) =>
      b.facts.push({ entityId, attr, value, unit: null, asOf: null, note: null, estimate: false, sourceId: src });
    fact('openalex_id', info.id);
    if (info.ror) fact('ror', info.ror);
    if (info.type) fact('openalex_type', info.type);
    if (state.cityId)
      b.relations.push({ subjectId: entityId, predicate: 'located_in', objectId: state.cityId, sourceId: src });
    else if (info.city) fact('city', info.city);
    if (created && info.countryCode) {
      const country = this.countryEntity(info.countryCode);
      b.relations.push({ subjectId: entityId, predicate: 'located_in', objectId: country, sourceId: src });
    }
  }

  /** geo.city → an existing city entity of the institution's country, or null (then it stays a fact). */
  private cityFor(info: InstitutionInfo): string | null {
    if (!info.city || !info.countryCode) return null;
    const code = info.countryCode;
    const found = this.resolver.resolve(info.city, 'place');
    const candidates = found.type === 'match' ? [found.entityId] : found.type === 'ambiguous' ? found.candidates : [];
    // "Cambridge" names city:cambridge-ma; a British institution in Cambridge is not there.
    const cities = candidates.filter(
      (id) => this.resolver.kindOf(id) === 'city' && this.countriesOf(id).includes(code),
    );
    return cities.length === 1 ? (cities[0] as string) : null;
  }

  private resolveByName(info: InstitutionInfo): { entityId: string; method: string } | null {
    const code = info.countryCode;
    const unqualified = this.withoutCountryQualifier(info.displayName, code);
    // [name, method suffix, whether the candidate must be known to be in the institution's country]
    const tries: [string | null, string, boolean][] = [
      [info.displayName, '', false],
      // "Alibaba Group (China)" is OpenAlex's (ROR's) way to name Alibaba Group in China: try the bare name, but
      // only onto an entity known to be in that country ("Northeastern University (China)" is not the Boston one).
      [unqualified, '+country-qualifier', true],
      [info.nameZh, '', false],
    ];
    for (const [name, suffix, strict] of tries) {
      if (!name) continue;
      const found = this.resolver.resolve(name, 'organization');
      if (found.type === 'none') continue;
      const candidates = found.type === 'match' ? [found.entityId] : found.candidates;
      const fitting = candidates.filter((id) => {
        const countries = this.countriesOf(id);
        if (strict) return code !== null && countries.includes(code);
        return code === null || countries.length === 0 || countries.includes(code);
      });
      const only = fitting[0];
      if (fitting.length === 1 && only) {
        return { entityId: only, method: (found.type === 'match' ? found.method : 'name+country') + suffix };
      }
      if (strict && fitting.length === 0) continue;
      const message =
        fitting.length === 0
          ? `same name as ${candidates.join(', ')}, but located in another country than ${code}; kept as a separate organisation`
          : `equally matches ${fitting.join(', ')}; kept as a separate organisation`;
      this.bundle.issues.push({
        sourceId: this.source.id,
        entityId: createdEntityId(info.id),
        field: 'display_name',
        value: name,
        message,
        line: null,
      });
      return null;
    }
    return null;
  }

  /** "Tencent (China)" → "Tencent" when the parenthesis names the institution's own country. */
  private withoutCountryQualifier(name: string, code: string | null): string | null {
    const m = /^(.*\S)\s*\(([^()]+)\)\s*$/u.exec(name);
    if (!m?.[1] || !m[2] || code === null) return null;
    const inner = m[2].trim();
    let innerCode = COUNTRY_CODES[inner] ?? null;
    if (innerCode === null) {
      const place = this.resolver.resolve(inner, 'place');
      if (place.type === 'match' && this.resolver.kindOf(place.entityId) === 'country') {
        innerCode = place.entityId.slice('country:'.length).toUpperCase();
      }
    }
    return innerCode === code ? m[1] : null;
  }
}
