/** The comparison payload: China, the US, the EU-27, the UK and the rest, series by series, each from one source. */
import { z } from '@hono/zod-openapi';
import type { Db } from '../store/db.ts';
import {
  notableModelsByBloc,
  observationSeries,
  observationsByBloc,
  openWeightDownloadsByCountry,
  type PatentRow,
  patentsByBloc,
} from '../store/queries/compare.ts';
import { defaultNotableDataset } from '../store/queries/indicators.ts';
import { downloadsByCountrySchema } from './adoption.ts';
import { provenance, provenanceSchema } from './provenance.ts';

export const COMPARE_SERIES = [
  'notable-models',
  'open-weight-models',
  'publications',
  'genai-filings-cn',
  'patent-families-ip5',
  'patent-applications',
  'patents-granted',
] as const;

/** Each patent series and the metric it reads: one source each, never mixed. */
export const PATENT_SERIES = {
  'patent-families-ip5': 'patents.ai_families_ip5',
  'patent-applications': 'patents.ai_applications',
  'patents-granted': 'patents.ai_granted',
} as const;
export const compareParams = z.object({ series: z.enum(COMPARE_SERIES).optional() });
export type CompareParams = z.infer<typeof compareParams>;

const blocRow = z.object({ year: z.number().int(), bloc: z.string(), value: z.number() });
const patentRow = blocRow.extend({
  source_id: z.string(),
  incomplete: z.boolean().openapi({ description: 'the source marks the year incomplete (publication lag)' }),
});
const filing = z.object({ period: z.string(), value: z.number(), unit: z.string(), source_id: z.string() });

export const comparePayload = z
  .object({
    blocs: z.array(z.string()),
    // ?series= keeps one series; the others are left out, not emptied.
    series: z.object({
      'notable-models': z.array(blocRow).optional(),
      'open-weight-models': z.array(blocRow).optional(),
      publications: z
        .array(blocRow.extend({ members: z.number().int(), source_id: z.string(), upper_bound: z.boolean() }))
        .optional(),
      'genai-filings-cn': z.array(filing).optional(),
      'open-weight-downloads-by-country': z.array(downloadsByCountrySchema).optional(),
      'patent-families-ip5': z.array(patentRow).optional(),
      'patent-applications': z.array(patentRow).optional(),
      'patents-granted': z.array(patentRow).optional(),
    }),
    notes: z.record(z.string(), z.string()),
    headlines: z
      .object({
        patents: z.string().nullable().openapi({ description: 'who files more, per each series, in words' }),
        patents_zh: z.string().nullable().openapi({ description: 'the same sentence in Chinese' }),
      })
      .openapi({ description: 'sentences stating what the data says, computed from it' }),
  })
  .extend(provenanceSchema.shape)
  .openapi('Compare');
export type ComparePayload = z.infer<typeof comparePayload>;

export async function computeComparePayload(db: Db, q: CompareParams): Promise<ComparePayload> {
  const dataset = await defaultNotableDataset(db);
  const notable = dataset ? await notableModelsByBloc(db, dataset, false) : [];
  const openWeights = dataset ? await notableModelsByBloc(db, dataset, true) : [];
  const publications = await observationsByBloc(db, 'publications.ai.eto');
  const filings = await observationSeries(db, 'cac.genai_services_filed', 'country:cn');
  const downloads = await openWeightDownloadsByCountry(db);
  const patents = Object.fromEntries(
    await Promise.all(
      Object.entries(PATENT_SERIES).map(async ([series, metric]) => [series, await patentsByBloc(db, metric)] as const),
    ),
  ) as Record<keyof typeof PATENT_SERIES, PatentRow[]>;
  const all: ComparePayload['series'] = {
    'notable-models': notable,
    'open-weight-models': openWeights,
    publications: publications.map((r) => ({ ...r, upper_bound: r.bloc === 'EU' })),
    'genai-filings-cn': filings,
    'open-weight-downloads-by-country': downloads,
    ...patents,
  };
  return {
    blocs: ['CN', 'US', 'EU', 'GB', 'other'],
    series: Object.fromEntries(
      Object.entries(all).filter(([k]) => !q.series || k === q.series),
    ) as ComparePayload['series'],
    notes: {
      'patent-families-ip5':
        'OECD: AI patent families filed at the five largest offices (IP5), by inventor residence and priority year, ' +
        'fractional counts; "other" is the world total less the four. The last year is incomplete (publication lag).',
      'patent-applications':
        'CSET: AI patent families by first filing office (an application filed first in China counts for China, ' +
        'wherever its inventors live); years the source flags complete only. No EU or world total in the source.',
      'patents-granted': 'CSET: granted AI patent families by first filing office; complete years only (to 2019).',
      publications: 'ETO whole counting: the EU sum over-counts papers co-authored across members (an upper bound).',
    },
    headlines: { patents: patentHeadline(patents, 'en'), patents_zh: patentHeadline(patents, 'zh') },
    ...(await provenance(
      db,
      ['compare-notable-models', 'ai-publications-eto', 'genai-filings', 'open-weight-downloads', 'ai-patents'],
      [...filings.map((f) => f.source_id), ...Object.values(patents).flatMap((rows) => rows.map((r) => r.source_id))],
    )),
  };
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

/**
 * Who files more, in each patent series' latest complete year (China against the US): the two counting rules
 * give different answers, so the sentence states both. Null when no series has both countries.
 */
export function patentHeadline(
  series: Record<keyof typeof PATENT_SERIES, readonly PatentRow[]>,
  lang: 'en' | 'zh' = 'en',
): string | null {
  const latest = (rows: readonly PatentRow[]) => {
    const years = [...new Set(rows.filter((r) => !r.incomplete).map((r) => r.year))].sort((a, b) => b - a);
    for (const year of years) {
      const cn = rows.find((r) => r.year === year && r.bloc === 'CN');
      const us = rows.find((r) => r.year === year && r.bloc === 'US');
      if (cn && us) return { year, cn: cn.value, us: us.value };
    }
    return null;
  };
  const parts: string[] = [];
  const apps = latest(series['patent-applications']);
  const ip5 = latest(series['patent-families-ip5']);
  if (lang === 'zh') {
    if (apps)
      parts.push(
        `按首次申请受理局计（CSET），${apps.year}年${apps.cn > apps.us ? '中国' : '美国'}的人工智能专利申请更多：` +
          `中国 ${fmt(apps.cn)} 件，美国 ${fmt(apps.us)} 件。`,
      );
    if (ip5)
      parts.push(
        `按发明人所在国统计在全球五大专利局申请的专利族（OECD），${ip5.year}年${ip5.cn > ip5.us ? '中国' : '美国'}领先：` +
          `中国 ${fmt(ip5.cn)} 个，美国 ${fmt(ip5.us)} 个。`,
      );
    return parts.length > 0 ? parts.join('') : null;
  }
  if (apps)
    parts.push(
      `By first filing office (CSET), ${apps.cn > apps.us ? 'China' : 'the US'} filed more AI patent applications in ` +
        `${apps.year}: ${fmt(apps.cn)} in China against ${fmt(apps.us)} in the US.`,
    );
  if (ip5)
    parts.push(
      `Counted by inventor among families filed at the five largest offices (OECD), ` +
        `${ip5.cn > ip5.us ? 'China' : 'the US'} led in ${ip5.year}: ${fmt(ip5.cn)} Chinese against ${fmt(ip5.us)} US families.`,
    );
  return parts.length > 0 ? parts.join(' ') : null;
}

/** The CSV: one row per series, period and bloc (the filings are China's alone, dated by announcement). */
export function compareCsvRows(p: ComparePayload): Record<string, unknown>[] {
  const s = p.series;
  const yearly = (series: string, rows: { year: number; bloc: string; value: number }[] = []) =>
    rows.map((r) => ({ series, period: String(r.year), bloc: r.bloc, value: r.value }));
  return [
    ...yearly('notable-models', s['notable-models']),
    ...yearly('open-weight-models', s['open-weight-models']),
    ...yearly('publications', s.publications),
    ...(['patent-families-ip5', 'patent-applications', 'patents-granted'] as const).flatMap((k) =>
      (s[k] ?? []).map((r) => ({ series: k, period: String(r.year), bloc: r.bloc, value: r.value })),
    ),
    ...(s['genai-filings-cn'] ?? []).map((f) => ({
      series: 'genai-filings-cn',
      period: f.period,
      bloc: 'CN',
      value: f.value,
    })),
  ];
}
