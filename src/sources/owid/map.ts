/** OWID rows → observations `publications.ai.eto` per country and year (whole counting, CSET ETO method). */
import { type Bundle, emptyBundle } from '../../model/bundle.ts';
import { ALPHA3_TO_ALPHA2 } from '../../model/countries.ts';
import { InputError } from '../../model/errors.ts';
import type { Resolver } from '../../model/resolver.ts';
import { OWID_PUBLICATIONS_SOURCE, type OwidRow } from './schema.ts';

export const ETO_PUBLICATIONS_METRIC = 'publications.ai.eto';

export function mapOwidPublications(rows: readonly OwidRow[], resolver: Resolver, file: string): Bundle {
  const b = emptyBundle();
  const src = OWID_PUBLICATIONS_SOURCE.id;
  b.sources.push(OWID_PUBLICATIONS_SOURCE);
  const seen = new Set<string>();
  for (const row of rows) {
    const alpha2 = ALPHA3_TO_ALPHA2[row.code];
    if (!alpha2) throw new InputError(file, row.line, 'code', `unknown country code "${row.code}"`);
    const id = `country:${alpha2.toLowerCase()}`;
    if (!resolver.has(id) && !seen.has(id)) {
      resolver.add(id, 'country', [row.entity]);
      b.entities.push({ id, kind: 'country', nameEn: row.entity, nameZh: null, namePinyin: null, description: null });
      b.names.push({ entityId: id, name: row.entity, kind: 'en', sourceId: src });
      b.entitySources.push({ entityId: id, sourceId: src });
    }
    seen.add(id);
    b.observations.push({
      metric: ETO_PUBLICATIONS_METRIC,
      subjectId: id,
      period: String(row.year),
      value: row.value,
      unit: 'publications',
      note: null,
      sourceId: src,
    });
  }
  return b;
}
