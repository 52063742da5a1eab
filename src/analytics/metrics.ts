/** The metric registry: every metric's definition, method, caveats and sources. docs/METHODOLOGY.md is made from it. */
export interface Metric {
  id: string;
  title: string;
  /** The title in Chinese, for the dashboard's 中文 mode (the method's text is in English). */
  title_zh: string;
  unit: string;
  definition: string;
  method: string;
  caveats: readonly string[];
  /** Source ids (as in the sources table) the metric rests on; "src:x-*" stands for every source with that prefix. */
  sources: readonly string[];
  /**
   * What each record cites, when the metric is a set of records with a source each (funding rounds, policies) rather
   * than a figure resting on a few sources: the payload lists every record's source.
   */
  perRecord?: string;
  /** The named query in store/ that computes it. */
  query: string;
}

export const METRICS = [
  {
    id: 'notable-models',
    title: 'Notable AI models per year, by country',
    title_zh: '各国每年的重要人工智能模型',
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
    title_zh: '每年的重要人工智能模型：中国、美国、欧盟27国、英国及其他',
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
    title_zh: '每年的人工智能论文（CSET ETO，经 Our World in Data）',
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
    title_zh: '向国家网信办备案的生成式人工智能服务',
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
    title_zh: '按发布者国家统计的 Hugging Face 开放权重模型下载量',
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
    title_zh: '细分领域：参与者、城市与发布',
    unit: 'organisations',
    definition:
      'Organisations tagged with each segment of the taxonomy, the cities they are in, and their dated releases.',
    method:
      'Players: organisations with the segment tag whose AI class is maker, research or government (a cited ' +
      'ai_class fact, else research for universities and labs and government for government bodies); AI adopters ' +
      '(a bank, a dairy or a telecom operator with a model of its own) are counted apart, as adopters, never as ' +
      'players. A release is a model, robot or product with a cited release or ' +
      "publication date; it belongs to a segment by its own tag, else its Epoch domain, else its maker's segments. " +
      'In the LLM segment only large language models count: at least 1e22 FLOP of training compute, or at least 1 ' +
      'billion parameters (or an unknown size) from the first year any release reached 1e22 FLOP, or tagged llm ' +
      'itself by a curated source; smaller language models (n-gram, LSTM) are left out.',
    caveats: ['Segment tags come from the curated dataset and the LLM list; Epoch-only organisations are untagged.'],
    sources: ['src:insead-china-ai-involution', 'src:awesome-llms-in-china'],
    query: 'store/queries/segments.ts#segmentSummaries',
  },
  {
    id: 'involution-index',
    title: 'Involution index per segment and year',
    title_zh: '各细分领域每年的内卷指数',
    unit: 'z-score (weighted mean)',
    definition:
      'How crowded, churning, price-cutting and level a segment is in a year: active players, entrants, exits, ' +
      'concentration of releases, the like-for-like price change and the capability spread, each standardised, ' +
      'combined as a weighted mean. Commercial players (AI makers) by default; ?basis=research counts research and ' +
      'government players, all counts both; AI adopters are never players.',
    method:
      'Entry: the earliest dated evidence in the segment itself: a cited entered_segment fact, the first dated ' +
      'release in the segment (for LLMs, a large language model, as in segments), the first dated API price (LLMs), ' +
      'or the first time the Awesome LLMs In China list ' +
      "named one of its models (an upper bound, from the list's git history). A company tagged with this segment " +
      'alone may enter at its founding year when that is at most 2 years before its first evidence, or when it has ' +
      'none; research players (universities, academies, public labs) never enter by founding year. Each player ' +
      'carries the rule that applied. Exit: a cited defunct/acquired status or exited_segment fact, else no release ' +
      'or price for 2 complete years after the last one, for players seen releasing at least twice, dated the first ' +
      'silent year (a cited exit without a date: the year after the last activity). Censoring: the boundary is the earliest last date among the inputs that show activity in the ' +
      'segment (each Epoch vintage, the curated releases, the price rows); years after its last complete year are ' +
      'shown but not indexed, and no exit is inferred there. Concentration: Herfindahl–Hirschman index (0–10,000) ' +
      "of release-credit shares among the basis's players, a release made by k organisations crediting each 1/k. " +
      "Price: the year's change of the like-for-like price index (llm-price-index, CNY, blended). Capability spread: " +
      "the log10 training compute of the year's frontier release minus its median release (orders of magnitude, " +
      'Epoch compute); a wide spread means one leader far ahead, so a higher spread counts as less involution. ' +
      'Minimums, below which a value is null with its reason: 3 active players (players, entrants, exits and the ' +
      'index), 5 release credits (concentration), 3 matched SKUs per month (price), 3 releases with compute ' +
      '(capability), 3 years of values to standardise a component, 2 components for the index. Each component is ' +
      'standardised over the uncensored years shown (z-score) and signed so that higher means more involution. ' +
      'Default weights: players 0.25, entrants 0.15, exits 0.1, concentration 0.2, price 0.15, capability 0.15; ' +
      '?weights=players:0.5,price:0 changes them.',
    caveats: [
      'The LLM-list date is when the list first named a model, so list-based entries lean late (the list began in May 2023).',
      'Release coverage is thin for robots and chips: concentration and capability are often null there.',
      'z-scores compare years within one segment, not segments with each other.',
    ],
    sources: ['src:epoch-notable-2026-01', 'src:epoch-all-2025-03', 'src:awesome-llms-in-china'],
    query:
      'store/queries/segments.ts#segmentPlayers, #releaseCredits, #activityCoverage, #capabilityPoints; analytics/segment-entry.ts; analytics/involution.ts',
  },
  {
    id: 'city-league',
    title: 'City league',
    title_zh: '城市榜',
    unit: 'organisations, models, universities',
    definition:
      'Per city: AI organisations, LLM makers (from the LLM list), notable models of its organisations (Epoch), ' +
      'universities (MOE list and curated), OpenAlex papers when ingested, and the Hangzhou-model signal.',
    method:
      'AI organisations: makers and public research (research and government) active in AI (a segment, or a model ' +
      'they developed); AI adopters are a column of their own. An organisation is in one place: its headquarters ' +
      '(the curated set first), else where it is located, a city before a province before a country; province and ' +
      'country follow from that place. Hangzhou-model signal: of the founders of ' +
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
    title: 'LLM API prices (price war)',
    title_zh: '大模型 API 价格（价格战）',
    unit: 'currency per million tokens',
    definition:
      'Dated API prices for input and output tokens per vendor, model and tier, each of a named kind: list, ' +
      'promotional, off-peak, cache-hit input, batch or free tier, in CNY and USD.',
    method:
      'Prices as the cited source gives them; the other currency is converted at a cited CNY-per-USD rate: the ' +
      "same day's, else the same month's, else the same year's average, else the nearest earlier. Each converted " +
      'price names the rate, its period and its source. A row is dated when the price took effect where the source ' +
      'says so, else when the source showed it (its note says which).',
    caveats: [
      'Many Chinese rows are dated by when a third-party price list recorded them (a commit date): the change may be older.',
      'A model id can move to a newer model behind it; rows name the model generation where the vendor says so.',
    ],
    sources: ['src:fed-g5a-2024-02-01', 'src:fed-g5-2024-07-01', 'src:alfred-exchus'],
    query: 'store/queries/prices.ts#pricePoints; analytics/prices.ts',
  },
  {
    id: 'llm-price-index',
    title: 'Like-for-like LLM price index (matched SKUs, chained monthly)',
    title_zh: '同口径大模型价格指数（匹配 SKU，按月链式）',
    unit: 'index, base month = 100',
    definition:
      'How the prices of the same API products moved: a chained index over SKUs matched on vendor, model, tier and ' +
      'kind, list prices by default, in CNY and in USD, for input, output and a 3:1 blend.',
    method:
      'Each SKU is a step function between its dated observations (the latest in a month stands) and is in the ' +
      "basket from its first to its last observation. A month's link is the geometric mean (Jevons) of the price " +
      'relatives of the SKUs in the basket on both sides of the month boundary; SKUs entering or leaving move ' +
      'nothing, so a new cheap model or a free tier does not read as a price cut. Links are chained; a month with ' +
      'fewer than 3 matched SKUs breaks the chain, and the index is given only along the unbroken run that holds the ' +
      "base month (2024-04, the month before the May 2024 price war, when the chain reaches it; else the run's first " +
      'month). Free prices are counted beside the index, not in it (a relative to zero is undefined). Values in the ' +
      "other currency use each observation's dated rate, so the USD index also moves with the exchange rate. Yearly " +
      'change: the last indexed month of the year against that of the year before; where the chain begins within ' +
      'the year, from its first month, if that leaves at least 6 months (the change says which months it compares).',
    caveats: [
      'A cut shows in the month it was observed: where the source is a later price list, the index moves late.',
      'Matched SKUs ignore price cuts made by launching a cheaper successor (a quality-adjusted index would count them).',
      'The blend weights input 3:1 over output, as Artificial Analysis does; the input and output indexes are given too.',
    ],
    sources: ['src:fed-g5a-2024-02-01', 'src:fed-g5-2024-07-01', 'src:alfred-exchus'],
    query: 'store/queries/prices.ts#pricePoints; analytics/price-index.ts',
  },
  {
    id: 'alumni-network',
    title: 'Alumni and founder network',
    title_zh: '校友与创始人网络',
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
    title_zh: '开放权重模型的采用：衍生模型与下载',
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
    id: 'ai-patents',
    title: 'AI patents: China, the US, the EU-27, the UK and the rest',
    title_zh: '人工智能专利：中国、美国、欧盟27国、英国及其他',
    unit: 'patent families',
    definition:
      'Two counts of AI patents per year. OECD: AI-related patent families filed at the five largest patent offices ' +
      "(IP5), by the inventors' country and priority year. CSET Country Activity Tracker: AI patent families " +
      'applied for and granted, by the office where each was first filed.',
    method:
      "Values as each source gives them, never mixed: the EU-27 and world totals are the OECD's own aggregates, " +
      '"other" is the world less China, the US, the EU-27 and the UK. A year the source marks incomplete is shown ' +
      'and flagged, never read as a fall.',
    caveats: [
      'First filing office counts where a patent was filed, not who invented it: domestic filing incentives raise ' +
        "China's count; IP5 families count only inventions filed at a major office.",
      'Recent years lag (publication takes about 18 months): the OECD series is incomplete for its last year, and ' +
        'the CSET series is cut where the source flags it.',
      'Values were read from transcriptions of the source files, which the sources name.',
    ],
    sources: ['src:owid-archive-ai-patents-submitted-2026-04-30'],
    query: 'store/queries/compare.ts#patentsByBloc',
  },
  {
    id: 'genai-filing-records',
    title: 'Generative-AI filings as records, by province, city and quarter',
    title_zh: '生成式人工智能备案记录：按省份、城市和季度',
    unit: 'services filed; apps registered',
    definition:
      'Each generative-AI service filed (备案) with the CAC and each app or feature registered (登记) with a provincial ' +
      "office, as the CAC's published lists give them: service, provider, 属地 (province), filing id, filing date.",
    method:
      "One record per filing id, citing the list it appeared in. The province is the list's 属地 (central " +
      "state-owned enterprises file under SASAC, 国资委, and have none); the city is the provider's primary place " +
      'when the provider resolves by name onto a known organisation in that province. Quarters are by the filing ' +
      "date the list gives. A filing id that does not parse, or contradicts the row's kind, is a data issue.",
    caveats: [
      'Only the lists bundled are counted (see lists in the payload); later lists add to every count.',
      'Providers are legal entities (a subsidiary files for its group); unresolved providers have no city.',
      'Filing is a permission to launch a public service, not a count of models built.',
    ],
    sources: ['src:cac-genai-list-*'],
    perRecord: 'each record cites the list it appeared in',
    query: 'store/queries/filings.ts#filings',
  },
  {
    id: 'entity-releases',
    title: "An organisation's releases per year",
    title_zh: '机构每年的发布数',
    unit: 'models and products',
    definition:
      'On an entity page: the models and products the entity developed, each counted once, in the year of its ' +
      'earliest dated release (release or publication date).',
    method:
      "Read from the entity's timeline (store/queries/entities.ts entityPayloadsJson): every dated release of something it " +
      'developed, one line per release date and thing. A thing with several dates (preview, then general release; ' +
      'two sources) counts in the year of its first date only.',
    caveats: [
      'The timeline keeps the latest 300 events of an entity: when it is full, the years before its earliest event ' +
        'are cut, and the page says so.',
      'Coverage is what the bundled inputs date: Epoch AI lists notable and large models, not every fine-tune.',
      'A release the entity made with others counts in full for each of them.',
    ],
    sources: [],
    perRecord: 'each release date cites its own source (shown under the chart)',
    query: 'store/queries/entities.ts#entityPayloadsJson',
  },
  {
    id: 'funding-rounds',
    title: 'Funding rounds and investors',
    title_zh: '融资轮次与投资方',
    unit: 'rounds; amounts in the currency reported',
    definition:
      'Funding rounds of Chinese AI makers (seed to IPO and placements) as reported: date, round, amount and currency, ' +
      'investors and leads, each round with its source; investors typed as venture, corporate, state guidance fund, ' +
      'local government platform or state fund.',
    method:
      'One record per round, merged across reports of the same round. Sums are per currency and never converted. ' +
      '"Over X" counts X; undisclosed rounds are counted but add nothing. A round belongs to the city and province of ' +
      "its organisation's primary place. An investor's type is its cited investor_type, else corporate for a " +
      'company and state fund for a government body.',
    caveats: [
      'Coverage is the rounds a cited report names, not every round: small and early rounds are under-counted.',
      'The last year of the data is partial (cut off at its latest round).',
      'Investors a report leaves unnamed ("and others") are missing.',
    ],
    sources: [],
    perRecord: 'each round cites the report it comes from',
    query: 'store/queries/money.ts#fundingRounds',
  },
  {
    id: 'policies',
    title: 'AI policies by place, linked to firms',
    title_zh: '各地人工智能政策及关联企业',
    unit: 'policies',
    definition:
      'City, provincial and national AI policies — programmes, action plans, regulations, guidance funds, subsidies ' +
      'and compute vouchers — with date, issuer, amount where stated, target segments, and the firms their sources ' +
      'say they name, fund or host.',
    method:
      "A policy is an event with a cited type: policy fact; its place is where it was issued; a province's count " +
      'includes its cities. A firm link needs a source saying so.',
    caveats: [
      'A selection of documents with cited sources, not a census of Chinese policy.',
      'Amounts are as announced (budgets or caps), not money spent.',
    ],
    sources: [],
    perRecord: 'each policy cites its document or a report of it; each firm link its own source',
    query: 'store/queries/money.ts#policies',
  },
  {
    id: 'humanoid-supply-chain',
    title: 'Humanoid-robot supply chain',
    title_zh: '人形机器人供应链',
    unit: 'component makers; cited links',
    definition:
      'Makers of humanoid components (reducers, screws, motors, hands, sensors, LiDAR and cameras, chips) and the ' +
      'robot makers a source says they supply, partner with or are being qualified by, per component; published ' +
      "cost-share estimates shown as claims beside the panel's 55 %.",
    method:
      'Each link is one cited statement (supply, partnership or qualification) of a component between two firms. ' +
      "A maker's components are its cited component facts.",
    caveats: [
      'Supply relations are often reported by analysts or the press, not confirmed by both firms; the note says so.',
      'Absence of a link means no cited source, not no supply.',
    ],
    sources: [],
    perRecord: 'each link, component fact and cost estimate cites its own source',
    query: 'store/queries/money.ts#supplyLinks',
  },
  {
    id: 'openalex-works',
    title: 'AI works per year by institution, city and country (OpenAlex)',
    title_zh: '按机构、城市和国家统计的每年人工智能论文（OpenAlex）',
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
] as const satisfies readonly Metric[];

/** Every metric id: a payload can only cite a metric the registry defines (a typo does not compile). */
export type MetricId = (typeof METRICS)[number]['id'];

export function metricById(id: MetricId): Metric | undefined {
  return METRICS.find((m) => m.id === id);
}
