/** The metric registry: every metric's definition, method, caveats and sources. docs/METHODOLOGY.md is made from it. */
export interface Metric {
  id: string;
  title: string;
  unit: string;
  definition: string;
  method: string;
  caveats: string[];
  /** Source ids (as in the sources table) the metric rests on. */
  sources: string[];
  /** The named query in store/ that computes it. */
  query: string;
}

export const METRICS: readonly Metric[] = [
  {
    id: 'notable-models',
    title: 'Notable AI models per year, by country',
    unit: 'models',
    definition:
      'Models in the Epoch AI notable-models database, counted by the year of their publication date and the ' +
      'countries of the organisations that developed them.',
    method:
      'A model counts once for each distinct country among its organisations ("China,China" is China once; a ' +
      'US–China collaboration counts for both). Countries are the ISO 3166-1 codes of Epoch\'s "Country (of ' +
      'organization)" column; Hong Kong stays HK. Models without a publication date or a country are left out and ' +
      'reported as coverage. Groups: CN, US, and every other country together as "rest", where a model counts once however many of those countries it has.',
    caveats: [
      "Notability is Epoch AI's editorial judgement (citations, state of the art, training cost, historical significance).",
      'Summing the per-country counts over-counts models made in international collaborations.',
      '"Multinational" in the source is attributed to no country.',
    ],
    sources: ['src:epoch-notable-2026-01'],
    query: 'store/queries/indicators.ts#notableModelsByCountry',
  },
];

export function metricById(id: string): Metric | undefined {
  return METRICS.find((m) => m.id === id);
}
