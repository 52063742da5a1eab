/** The metric registry: every metric's definition, method, caveats and sources. docs/METHODOLOGY.md is made from it. */
export interface Metric {
  id: string;
  title: string;
  unit: string;
  definition: string;
  method: string;
  caveats: string[];
  /** Source ids (as in the sources table) the metric rests on; "src:x-*" stands for every source with that prefix. */
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
  {
    id: 'compare-notable-models',
    title: 'Notable AI models per year: China, the US, the EU-27, the UK and the rest',
    unit: 'models',
    definition: 'The notable-models count, grouped into blocs: CN, US, EU (27 members), GB and other.',
    method:
      "As notable-models, but a model counts once per bloc among its organisations' countries (a French–German model " +
      'counts once for the EU). The open-weight variant keeps models whose Epoch accessibility starts with "Open weights".',
    caveats: [
      'Blocs overlap for cross-bloc collaborations: do not sum them.',
      'Accessibility is missing for many older models.',
    ],
    sources: ['src:epoch-notable-2026-01'],
    query: 'store/queries/compare.ts#notableModelsByBloc',
  },
  {
    id: 'ai-publications-eto',
    title: 'AI publications per year (CSET ETO, via Our World in Data)',
    unit: 'publications',
    definition: 'Scholarly publications on AI by country of author affiliation, whole counting, 2015–2023.',
    method:
      'Values as published. The EU figure sums the members present in the file (all 27): with whole counting, a ' +
      'paper co-authored across members counts once per member, so the sum is an upper bound. Shown apart from ' +
      'OpenAlex counts, which use another corpus and method: compare ranks and ratios, not raw numbers.',
    caveats: [
      'EU sum is an upper bound (whole counting).',
      'Only the 22 largest producers and EU members are in the file.',
    ],
    sources: ['src:owid-ai-publications'],
    query: 'store/queries/compare.ts#observationsByBloc',
  },
  {
    id: 'genai-filings',
    title: 'Generative-AI services filed with the Cyberspace Administration of China',
    unit: 'services',
    definition:
      'Cumulative generative-AI services that completed the CAC filing (备案), and apps registered (登记), at dated points.',
    method:
      'Values as announced, each with its CAC announcement. Totals are national: no province breakdown is bundled.',
    caveats: ['Figures are relayed by public documents; each row links the official announcement to confirm against.'],
    sources: [
      'src:cac-2025-01-08-c1738034725920930',
      'src:cac-2026-01-09-c1769688009588554',
      'src:cac-2026-03-17-c1775482074695536',
    ],
    query: 'store/queries/compare.ts#observationSeries',
  },
  {
    id: 'open-weight-downloads',
    title: "Open-weight model downloads on Hugging Face by the publisher's country",
    unit: 'downloads',
    definition:
      'Downloads reported by the Hugging Face Hub at the latest sync, summed by the country of the organisation that published each model.',
    method:
      'Each sync appends dated observations (hf.downloads); the latest sync is summed. A model counts for every ' +
      'organisation credited with developing it. Empty until a Hugging Face sync is ingested.',
    caveats: ["Hub download counts are the Hub's own (recent-period) figures, not lifetime totals."],
    sources: ['src:huggingface-*'],
    query: 'store/queries/compare.ts#openWeightDownloadsByCountry',
  },
  {
    id: 'segments',
    title: 'Segments: players, cities and releases',
    unit: 'organisations',
    definition:
      'Organisations tagged with each segment of the taxonomy, the cities they are in, and their dated releases.',
    method:
      'Players: organisations with the segment tag. A release is a model, robot or product with a cited release or ' +
      "publication date; it belongs to a segment by its own tag, else its Epoch domain, else its maker's segments.",
    caveats: ['Segment tags come from the curated dataset and the LLM list; Epoch-only organisations are untagged.'],
    sources: ['src:insead-china-ai-involution', 'src:awesome-llms-in-china'],
    query: 'store/queries/segments.ts#segmentSummaries',
  },
  {
    id: 'involution-index',
    title: 'Involution index per segment and year',
    unit: 'z-score (weighted mean)',
    definition:
      'How crowded and churning a segment is in a year: active players, entrants, exits, concentration of releases, ' +
      'and the trend of list prices, each standardised, combined as a weighted mean.',
    method:
      'Entry year: founding year, else first release. Exit: a cited defunct/acquired status (its year), or two years ' +
      'without a release for an organisation that released at least twice. Active players: entered and not exited. ' +
      'Concentration: Herfindahl–Hirschman index of release shares (0–10,000), a release made by k organisations ' +
      'crediting each 1/k. Price: median USD output list price per million tokens of the year, its change in percent. ' +
      'Each component is standardised over the years shown (z-score) and signed so that higher means more involution ' +
      '(more players, entrants and exits; lower concentration; falling prices). The index is their weighted mean over ' +
      'the components available that year. Default weights: players 0.3, entrants 0.2, exits 0.1, concentration 0.3, ' +
      'price 0.1; ?weights=players:0.5,price:0 changes them.',
    caveats: [
      'Organisations without a founding year or dated release (most LLM-list entries) count in coverage, not in the years.',
      'Release coverage is thin for robots: concentration rests on few releases there.',
      'z-scores compare years within one segment, not segments with each other.',
    ],
    sources: ['src:epoch-notable-2026-01', 'src:epoch-all-2025-03', 'src:awesome-llms-in-china'],
    query: 'store/queries/segments.ts#segmentPlayers, #releaseCredits; analytics/involution.ts',
  },
  {
    id: 'city-league',
    title: 'City league',
    unit: 'organisations, models, universities',
    definition:
      'Per city: AI organisations, LLM makers (from the LLM list), notable models of its organisations (Epoch), ' +
      'universities (MOE list and curated), OpenAlex papers when ingested, and the Hangzhou-model signal.',
    method:
      'An organisation is in the city it is headquartered or located in. Hangzhou-model signal: of the founders of ' +
      "the city's AI organisations whose university is cited, the number who studied in the same city or province. " +
      'Filings are national in the bundled data, so they are not split by city.',
    caveats: ["Founders' education is cited for a minority of organisations: the signal rests on small numbers."],
    sources: [
      'src:awesome-llms-in-china',
      'src:moe-2017-university-list',
      'src:epoch-notable-2026-01',
      'src:insead-china-ai-involution',
    ],
    query: 'store/queries/cities.ts#cityLeague',
  },
  {
    id: 'llm-prices',
    title: 'LLM API list prices (price war)',
    unit: 'currency per million tokens',
    definition: 'Dated list prices for input and output tokens per vendor and model, in CNY and USD.',
    method:
      'Prices as the cited source gives them; the other currency is converted at a cited CNY-per-USD rate: the ' +
      "same day's, else the same month's, else the same year's average, else the nearest earlier. Each converted " +
      'price names the rate, its period and its source. Input-only points (no output price cited) are kept with ' +
      'an empty output.',
    caveats: ['List prices ignore discounts, caching and off-peak rates unless the note says so.'],
    sources: ['src:fed-g5a-2024-02-01', 'src:fed-g5-2024-07-01', 'src:alfred-exchus'],
    query: 'store/queries/prices.ts#pricePoints; analytics/prices.ts',
  },
  {
    id: 'alumni-network',
    title: 'Alumni and founder network',
    unit: 'nodes and edges',
    definition: 'Universities, the people who studied there, and the organisations those people founded.',
    method:
      'Edges: educated_at (person → university) for founders, founded_by (organisation → person). Laid out on the ' +
      'server with ForceAtlas2 (300 iterations) from start positions derived from the node ids, so it is repeatable.',
    caveats: ['Only founders with cited education appear with a university.'],
    sources: ['src:insead-china-ai-involution'],
    query: 'store/queries/cities.ts#alumniEdges; analytics/network.ts',
  },
  {
    id: 'open-weight-adoption',
    title: 'Open-weight adoption: derivatives and downloads',
    unit: 'models, downloads',
    definition:
      'Derivative models per base model and per organisation (Hugging Face base_model tags), and downloads over time.',
    method:
      'A derivative is a model with a based_on relation to a base model. Downloads are the dated hf.downloads ' +
      'observations, one per sync, so repeated syncs make a time series. Empty until a Hugging Face sync is ingested.',
    caveats: ['Only repositories of the synced organisations and their declared bases are covered.'],
    sources: ['src:huggingface-*'],
    query: 'store/queries/adoption.ts',
  },
  {
    id: 'openalex-works',
    title: 'AI works per year by institution, city and country (OpenAlex)',
    unit: 'works',
    definition:
      'Works in OpenAlex whose primary topic lies in the Artificial Intelligence subfield (1702), counted per ' +
      "publication year for each institution, city and country among their authors' affiliations.",
    method:
      'Whole counting: a work counts once for each distinct institution, city and country it involves. A work ' +
      'updated in a later snapshot partition replaces its earlier contribution; a merged_ids deletion removes it. ' +
      'Stored as observations openalex.works and openalex.works.topic.<id>. Shown apart from the CSET ETO series.',
    caveats: [
      'Summing over institutions or countries over-counts collaborations.',
      'Works without a publication year, and affiliations OpenAlex could not match, count for no one.',
      'Empty until an OpenAlex file, live query or snapshot is ingested.',
    ],
    sources: ['src:openalex-*'],
    query: 'store/queries/openalex.ts#openalexCounts',
  },
];

export function metricById(id: string): Metric | undefined {
  return METRICS.find((m) => m.id === id);
}
