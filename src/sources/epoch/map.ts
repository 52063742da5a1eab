/** Epoch rows → models, organisations (resolved by name), countries, facts and data issues. Pure. */
import { type Bundle, addOwn, emptyBundle } from '../../model/bundle.ts';
import { COUNTRY_CODES, NON_COUNTRY_LABELS } from '../../model/countries.ts';
import { slugify } from '../../model/names.ts';
import type { Resolver } from '../../model/resolver.ts';
import type { EntityKind } from '../../model/types.ts';
import { EPOCH_MODELS, EPOCH_MODEL_COUNTRIES } from './tables.ts';
import type { EpochInput } from './source.ts';
import type { EpochRow } from './schema.ts';

const KIND_OF_CATEGORY: Record<string, EntityKind> = {
  Industry: 'company',
  Academia: 'university',
  Government: 'government',
  'Research collective': 'lab',
};

const MULTIPLIERS: Record<string, number> = {
  k: 1e3,
  thousand: 1e3,
  m: 1e6,
  million: 1e6,
  b: 1e9,
  billion: 1e9,
  t: 1e12,
  trillion: 1e12,
};

/** Numbers stated in a note ("102B", "13 000", "942e6"), scaled by their unit word. */
export function statedNumbers(note: string): number[] {
  const text = note.replace(/(\d) (?=\d{3}\b)/g, '$1');
  const out: number[] = [];
  const re = /(\d[\d,]*(?:\.\d+)?(?:e[+-]?\d+)?)\s*(thousand|million|billion|trillion|[kKmMbBtT](?![A-Za-z]))?/g;
  for (const m of text.matchAll(re)) {
    const n = Number((m[1] ?? '').replace(/,/g, ''));
    if (Number.isFinite(n)) out.push(n * (MULTIPLIERS[(m[2] ?? '').toLowerCase()] ?? 1));
  }
  return out;
}

/**
 * A parameter count contradicts its note when no number in the note matches it (±2 %) but one matches it
 * a thousand times larger or smaller: the signature of a unit slip (K for M, M for B).
 */
export function parameterUnitSlip(parameters: number, note: string): number | null {
  if (parameters <= 0 || note.trim() === '') return null;
  const stated = statedNumbers(note);
  const close = (a: number, b: number) => Math.abs(a - b) <= 0.02 * b;
  if (stated.some((v) => close(parameters, v))) return null;
  return stated.find((v) => close(parameters * 1000, v) || close(parameters / 1000, v)) ?? null;
}

function splitList(cell: string): string[] {
  return cell
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

function isoDate(text: string): string | null {
  if (text === '') return null;
  return /^\d{4}-\d{2}-\d{2}$/.test(text) ? text : null;
}

/**
 * The entity a model row is, and whether it is one already known. A model another input already names is that model,
 * not a new one: first by its name written exactly so (an earlier vintage's "CaLM" is not its "CALM"), then by the
 * compared name ("ERNIE 4.0" in the curated set), when that is one model this input has not taken yet. Otherwise a new
 * id, from the row alone, so that every vintage and every re-run gives the same row the same id: its name's slug;
 * when another model holds that (a name differing only in case, or the same name listed twice), the slug and its
 * first organisation's; the line only as a last resort.
 */
function modelIdOf(
  row: EpochRow,
  base: string,
  resolver: Resolver,
  used: ReadonlySet<string>,
): { id: string; reuse: boolean; repeated: boolean } {
  const written = resolver.spelled(row.model, 'ai-model');
  // An earlier row of this input has the same name.
  const repeated = written.some((id) => used.has(id));
  const spelled = written.filter((id) => !used.has(id));
  if (spelled.length === 1) return { id: spelled[0] as string, reuse: true, repeated };
  const known = resolver.resolve(row.model, 'ai-model');
  if (spelled.length === 0 && known.type === 'match' && known.method === 'exact' && !used.has(known.entityId)) {
    return { id: known.entityId, reuse: true, repeated };
  }
  if (spelled.length === 0 && !used.has(base) && !resolver.has(base)) return { id: base, reuse: false, repeated };
  const organisation = slugify(splitList(row.organization)[0] ?? '');
  const ids = [base, ...(organisation ? [`${base}-${organisation}`] : []), `${base}-line-${row.line}`];
  // Among several models spelled alike, the one this row's own id names (as the first vintage gave it).
  const own = ids.find((id) => spelled.includes(id));
  if (own) return { id: own, reuse: true, repeated };
  const id = ids.find((i) => !used.has(i) && !resolver.has(i)) ?? (ids.at(-1) as string);
  return { id, reuse: false, repeated };
}

export function mapEpoch(input: EpochInput, resolver: Resolver): Bundle {
  const b = emptyBundle();
  const src = input.source.id;
  b.sources.push(input.source);
  const usedModelIds = new Set<string>();
  const createdOrgs = new Map<string, string>();
  const recordedResolutions = new Set<string>();
  const seenCountries = new Set<string>();

  const issue = (row: EpochRow, entityId: string | null, field: string, value: string, message: string) =>
    b.issues.push({ sourceId: src, entityId, field, value, message, line: row.line });

  const countryEntity = (code: string, label: string): string => {
    const id = `country:${code.toLowerCase()}`;
    if (!resolver.has(id) && !seenCountries.has(id)) {
      seenCountries.add(id);
      resolver.add(id, 'country', [label]);
      b.entities.push({ id, kind: 'country', nameEn: label, nameZh: null, namePinyin: null, description: null });
      b.names.push({ entityId: id, name: label, kind: 'en', sourceId: src });
      b.entitySources.push({ entityId: id, sourceId: src });
    }
    return id;
  };

  const orgEntity = (row: EpochRow, raw: string, kind: EntityKind | undefined): string | null => {
    const created = createdOrgs.get(raw);
    if (created) return created;
    const found = resolver.resolve(raw, 'organization');
    if (found.type === 'match') {
      if (!recordedResolutions.has(raw)) {
        recordedResolutions.add(raw);
        b.resolutions.push({ rawName: raw, entityId: found.entityId, method: found.method });
        b.names.push({ entityId: found.entityId, name: raw, kind: 'alias', sourceId: src });
      }
      return found.entityId;
    }
    if (found.type === 'ambiguous') {
      issue(row, null, 'Organization', raw, `ambiguous organisation: equally matches ${found.candidates.join(', ')}`);
      return null;
    }
    let id = `org:${slugify(raw)}`;
    for (let n = 2; resolver.has(id); n++) id = `org:${slugify(raw)}-${n}`;
    const orgKind = kind ?? 'organization';
    createdOrgs.set(raw, id);
    resolver.add(id, orgKind, [raw]);
    b.entities.push({ id, kind: orgKind, nameEn: raw, nameZh: null, namePinyin: null, description: null });
    b.names.push({ entityId: id, name: raw, kind: 'en', sourceId: src });
    b.entitySources.push({ entityId: id, sourceId: src });
    return id;
  };

  for (const row of input.rows) {
    if (row.model === '') {
      issue(row, null, 'Model', '', 'row has no model name; skipped');
      continue;
    }
    const base = `model:${slugify(row.model) || 'unnamed'}`;
    const { id: modelId, reuse, repeated } = modelIdOf(row, base, resolver, usedModelIds);
    if (modelId !== base && !reuse) {
      issue(
        row,
        modelId,
        'Model',
        row.model,
        repeated
          ? `model name repeats an earlier row; kept as ${modelId}`
          : `another model has the id ${base} (a name differing only in case or punctuation); kept as ${modelId}`,
      );
    }
    usedModelIds.add(modelId);
    // The id this row would have had on its own keeps working: it redirects to the model it resolved onto.
    if (reuse && modelId !== base && !resolver.has(base))
      b.redirects.push({ oldId: base, newId: modelId, sourceId: src });
    resolver.add(modelId, 'ai-model', [row.model]);
    b.entities.push({
      id: modelId,
      kind: 'ai-model',
      nameEn: row.model,
      nameZh: null,
      namePinyin: null,
      description: null,
    });
    b.names.push({ entityId: modelId, name: row.model, kind: 'en', sourceId: src });
    b.entitySources.push({ entityId: modelId, sourceId: src });

    const fact = (attr: string, value: string | number | null, unit: string | null = null) => {
      if (value === null || value === '') return;
      b.facts.push({
        entityId: modelId,
        attr,
        value: String(value),
        unit,
        asOf: null,
        note: null,
        estimate: false,
        sourceId: src,
      });
    };
    const date = isoDate(row.publicationDate);
    if (row.publicationDate !== '' && date === null) {
      issue(row, modelId, 'Publication date', row.publicationDate, 'date is not a full YYYY-MM-DD');
    }
    fact('publication_date', row.publicationDate);
    for (const d of splitList(row.domain)) fact('domain', d);
    fact('parameters', row.parameters, 'parameters');
    fact('training_compute', row.trainingCompute, 'FLOP');
    fact('accessibility', row.accessibility);
    fact('link', row.link.trim());
    if (row.parameters !== null) {
      const slip = parameterUnitSlip(row.parameters, row.parametersNotes);
      if (slip !== null) {
        issue(
          row,
          modelId,
          'Parameters',
          String(row.parameters),
          `parameter count is ${row.parameters / slip >= 1 ? '1000× larger' : '1000× smaller'} than the ${slip} its note states; kept as published, check the unit`,
        );
      }
    }

    // Countries: distinct ISO codes; "Multinational" and unknown labels are attributed to no country.
    const labels = splitList(row.country);
    const codes: string[] = [];
    for (const label of labels) {
      const code = COUNTRY_CODES[label];
      if (code) {
        if (!codes.includes(code)) codes.push(code);
        countryEntity(code, label);
      } else if (!NON_COUNTRY_LABELS.has(label)) {
        issue(row, modelId, 'Country', label, 'unknown country name; not attributed');
      }
    }
    for (const code of codes) fact('country', code);

    const orgNames = splitList(row.organization);
    const categories = splitList(row.categorization);
    // One entry per organisation name (null where resolution was ambiguous), aligned with orgNames.
    const orgIds: (string | null)[] = orgNames.map((raw, i) => {
      // A category belongs to an organisation only when the two lists line up one to one.
      const kind = categories.length === orgNames.length ? KIND_OF_CATEGORY[categories[i] ?? ''] : undefined;
      return orgEntity(row, raw, kind);
    });
    orgIds.forEach((id) => {
      if (id === null) return;
      b.relations.push({ subjectId: id, predicate: 'developed', objectId: modelId, sourceId: src });
    });
    // Country from the organisation, not the row: Epoch lists one country per organisation, in order, when it knows
    // each ("China,Singapore,China,China" for four). Only then, or when the row has one organisation and one country,
    // is an organisation placed there. A row with four organisations and one country ("China" for Sun Yat-sen
    // University and UC Irvine) cannot say which is where, so its organisations stay unplaced by this row. An
    // organisation's own headquarters, where cited, outranks this (store: entity_place).
    const countryOf = (i: number): string | undefined => {
      if (orgNames.length === 1) return codes.length === 1 ? codes[0] : undefined;
      if (labels.length !== orgNames.length) return undefined;
      return COUNTRY_CODES[labels[i] ?? ''];
    };
    orgNames.forEach((raw, i) => {
      const id = orgIds[i];
      const code = countryOf(i);
      if (id && code) {
        b.relations.push({
          subjectId: id,
          predicate: 'located_in',
          objectId: `country:${code.toLowerCase()}`,
          sourceId: src,
        });
      }
    });

    addOwn(b, EPOCH_MODELS, [
      modelId,
      src,
      row.line,
      row.model,
      date,
      JSON.stringify(orgNames),
      JSON.stringify(codes),
      JSON.stringify(labels),
      // The large-scale vintage has no notability column: its rows are not claimed notable.
      input.allNotable || (row.notability !== null && row.notability.trim() !== ''),
      row.accessibility === '' ? null : row.accessibility,
    ]);
    for (const code of codes) addOwn(b, EPOCH_MODEL_COUNTRIES, [modelId, code]);
  }
  return b;
}
