/** CAC totals → dated observations on China, one source per announcement. A row without its URL is not cited. */
import { type Bundle, emptyBundle } from '../../model/bundle.ts';
import { InputError } from '../../model/errors.ts';
import { CAC_METRICS, type CacRow } from './schema.ts';

export function mapCacTotals(rows: readonly CacRow[], file: string): Bundle {
  const b = emptyBundle();
  const sources = new Set<string>();
  for (const row of rows) {
    const metric = CAC_METRICS.find((m) => m.pattern.test(row.metric))?.id;
    if (!metric) throw new InputError(file, row.line, 'metric', `unknown metric description "${row.metric}"`);
    if (row.cac_announcement_url === '') {
      // A figure we cannot point at its announcement is kept out of the data, and said so.
      b.issues.push({
        sourceId: 'src:cac-filing-totals',
        entityId: 'country:cn',
        field: 'cac_announcement_url',
        value: `${row.as_of} ${metric} ${row.value}`,
        message: 'no announcement URL; not ingested',
        line: row.line,
      });
      continue;
    }
    // …/2025-01/08/c_1738034725920930.htm → src:cac-2025-01-08-c1738034725920930
    const parts = /\/(\d{4}-\d{2})\/(\d{2})\/c_(\d+)\.htm$/.exec(row.cac_announcement_url);
    const sourceId = parts ? `src:cac-${parts[1]}-${parts[2]}-c${parts[3]}` : `src:cac-${row.as_of}`;
    if (!sources.has(sourceId)) {
      sources.add(sourceId);
      b.sources.push({
        id: sourceId,
        title: `Cyberspace Administration of China: generative AI service filings announcement (figures as of ${row.as_of})`,
        url: row.cac_announcement_url,
        publisher: 'Cyberspace Administration of China (国家互联网信息办公室)',
        // The announcement's URL carries its date: …/2025-01/08/c_….htm
        published: /\/(\d{4}-\d{2})\/(\d{2})\//.exec(row.cac_announcement_url)?.slice(1, 3).join('-') ?? null,
        retrieved: '2026-11-29',
        licence: 'facts cited; text not copied',
      });
    }
    b.observations.push({
      metric,
      subjectId: 'country:cn',
      period: row.as_of,
      value: row.value,
      unit: row.unit,
      note: row.relayed_by === '' ? null : `${row.metric}; ${row.relayed_by}`,
      sourceId,
    });
  }
  // The placeholder source the data issues point at: the file itself, so every issue names where it was found.
  b.sources.push({
    id: 'src:cac-filing-totals',
    title: 'CAC generative-AI filing totals as compiled for Neijuan (data/cac/cac_aggregates.csv)',
    url: 'https://www.cac.gov.cn/',
    publisher: 'Cyberspace Administration of China (figures); compiled from public documents',
    published: null,
    retrieved: '2026-11-29',
    licence: 'facts cited',
  });
  return b;
}
