/** The comparison payload: China, the US, the EU-27, the UK and the rest, series by series, each from one source. */
import { z } from '@hono/zod-openapi';
import type { Db } from '../store/db.ts';
import {
  notableModelsByBloc,
  observationSeries,
  observationsByBloc,
  openWeightDownloadsByCountry,
} from '../store/queries/compare.ts';
import { defaultNotableDataset } from '../store/queries/indicators.ts';
import { downloadsByCountrySchema } from './adoption.ts';
import { provenance, provenanceSchema } from './provenance.ts';

export const COMPARE_SERIES = ['notable-models', 'open-weight-models', 'publications', 'genai-filings-cn'] as const;
export const compareParams = z.object({ series: z.enum(COMPARE_SERIES).optional() });
export type CompareParams = z.infer<typeof compareParams>;

const blocRow = z.object({ year: z.number().int(), bloc: z.string(), value: z.number() });
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
      // Always empty: no cited patent figures are bundled (see notes.patents).
      patents: z.array(z.unknown()).max(0).optional(),
    }),
    notes: z.record(z.string(), z.string()),
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
  const all: ComparePayload['series'] = {
    'notable-models': notable,
    'open-weight-models': openWeights,
    publications: publications.map((r) => ({ ...r, upper_bound: r.bloc === 'EU' })),
    'genai-filings-cn': filings,
    'open-weight-downloads-by-country': downloads,
    patents: [],
  };
  return {
    blocs: ['CN', 'US', 'EU', 'GB', 'other'],
    series: Object.fromEntries(
      Object.entries(all).filter(([k]) => !q.series || k === q.series),
    ) as ComparePayload['series'],
    notes: {
      patents:
        'No cited patent figures are bundled; the INSEAD article states China is ahead on patents without a figure.',
      publications: 'ETO whole counting: the EU sum over-counts papers co-authored across members (an upper bound).',
    },
    ...(await provenance(
      db,
      ['compare-notable-models', 'ai-publications-eto', 'genai-filings', 'open-weight-downloads'],
      filings.map((f) => f.source_id),
    )),
  };
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
    ...(s['genai-filings-cn'] ?? []).map((f) => ({
      series: 'genai-filings-cn',
      period: f.period,
      bloc: 'CN',
      value: f.value,
    })),
  ];
}
