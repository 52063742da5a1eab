/** Domain types shared by every layer. No I/O here. */

/** Entity kinds. Organisations and places are families of kinds (see `familyOf`). */
export const ENTITY_KINDS = [
  'company',
  'lab',
  'university',
  'government',
  'investor',
  'organization',
  'person',
  'country',
  'province',
  'city',
  // A group of countries a source reports as one (the EU-27, the world): a place, never a country.
  'bloc',
  'ai-model',
  'product',
  'robot',
  'event',
] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

export type EntityFamily = 'organization' | 'person' | 'place' | 'ai-model' | 'product' | 'robot' | 'event';

/** The family a kind belongs to; the `never` check makes a new kind fail to compile until it is placed. */
export function familyOf(kind: EntityKind): EntityFamily {
  switch (kind) {
    case 'company':
    case 'lab':
    case 'university':
    case 'government':
    case 'investor':
    case 'organization':
      return 'organization';
    case 'person':
      return 'person';
    case 'country':
    case 'province':
    case 'city':
    case 'bloc':
      return 'place';
    case 'ai-model':
      return 'ai-model';
    case 'product':
      return 'product';
    case 'robot':
      return 'robot';
    case 'event':
      return 'event';
    default: {
      const unreachable: never = kind;
      return unreachable;
    }
  }
}

/** The id prefix each kind uses: `org:deepseek`, `city:hangzhou`, `person:liang-wenfeng`, `model:deepseek-r1`. */
export function idPrefixOf(kind: EntityKind): string {
  const family = familyOf(kind);
  switch (family) {
    case 'organization':
      return 'org';
    case 'person':
      return 'person';
    case 'place':
      return kind;
    case 'ai-model':
      return 'model';
    case 'product':
      return 'product';
    case 'robot':
      return 'robot';
    case 'event':
      return 'event';
    default: {
      const unreachable: never = family;
      return unreachable;
    }
  }
}

export const SEGMENTS = [
  'llm',
  'multimodal',
  'vision',
  'speech',
  'humanoid-robots',
  'other-robots',
  'autonomous-driving',
  'ai-chips',
  'agent-platforms',
  'games',
  'bci',
  'spatial-3d',
  'cloud-platform',
] as const;
export type Segment = (typeof SEGMENTS)[number];

/** How each segment is named to a reader (the dashboard and every payload that lists segments use these). */
export const SEGMENT_LABELS: Readonly<Record<Segment, string>> = {
  llm: 'Large language models',
  multimodal: 'Multimodal',
  vision: 'Vision',
  speech: 'Speech',
  'humanoid-robots': 'Humanoid robots',
  'other-robots': 'Other robots',
  'autonomous-driving': 'Autonomous driving',
  'ai-chips': 'AI chips',
  'agent-platforms': 'Agent platforms',
  games: 'Games',
  bci: 'Brain–computer interfaces',
  'spatial-3d': 'Spatial / 3D design',
  'cloud-platform': 'Cloud platforms',
};

export const PREDICATES = [
  'founded_by',
  'educated_at',
  'headquartered_in',
  'subsidiary_of',
  'developed',
  'based_on',
  'invested_in',
  'located_in',
  'works_at',
  'chief_scientist_of',
  'product_of',
  'distinct_from',
  'has_office_in',
  // A policy (event) and the firms its source says it names, funds or hosts.
  'policy_names',
  'policy_funds',
  'policy_hosts',
] as const;
export type Predicate = (typeof PREDICATES)[number];

/**
 * Attributes that legitimately hold several values at once (an entity has several domains, countries, links…).
 * Every other attribute with two different values for the same scope, period and unit is a dispute (store/queries/disputes.ts).
 */
export const MULTI_VALUED_ATTRIBUTES: readonly string[] = [
  'domain',
  'country',
  'category',
  'link',
  'notability_criteria',
  'insead_note',
  'group',
  'supervising_department',
  'alias',
  'international_brand',
  'campus_location',
  'claim',
  // Two websites, or a primary and a secondary listing, are both true at once.
  'website',
  'stock_listing',
  // A supplier makes several components; a policy targets several segments.
  'component',
  'eligible_segment',
];

/** Where a fact comes from. Every fact, relation, observation and price points at one. */
export interface Source {
  id: string;
  title: string;
  url: string;
  publisher: string;
  /** YYYY, YYYY-MM or YYYY-MM-DD; null when the source does not say. */
  published: string | null;
  retrieved: string;
  licence: string;
}

export interface Entity {
  id: string;
  kind: EntityKind;
  nameEn: string | null;
  nameZh: string | null;
  /** Derived from `nameZh` (toneless, space-separated), never typed by hand. */
  namePinyin: string | null;
  description: string | null;
}

export type NameKind = 'en' | 'zh' | 'pinyin' | 'alias';

export interface EntityName {
  entityId: string;
  name: string;
  kind: NameKind;
  /** Normalised form used for resolution and exact matching (see `normalizeName`). */
  norm: string;
}

export interface Fact {
  entityId: string;
  attr: string;
  value: string;
  unit: string | null;
  asOf: string | null;
  note: string | null;
  estimate: boolean;
  sourceId: string;
  /** What part or event of the entity the fact is about ("predecessor school"); facts of different scopes never dispute. */
  scope?: string | null;
}

/**
 * An organisation's AI relevance (docs/FORMAT.md): `maker` (AI is its business), `adopter` (its business is elsewhere;
 * it built or filed a model for its own trade), `research`, `government`, `investor`, `other` (named in an AI context
 * but none of these, e.g. a game studio among Hangzhou's "Six Little Dragons"). Counts of AI organisations
 * use makers (and research where they say so); adopters are shown apart.
 */
export const AI_CLASSES = ['maker', 'adopter', 'research', 'government', 'investor', 'other'] as const;
export type AiClass = (typeof AI_CLASSES)[number];
/** The classes every count of "AI organisations" counts: makers, and public research (research and government labs). */
export const COUNTED_AI_CLASSES: readonly AiClass[] = ['maker', 'research', 'government'];
/** Of those, the ones counted as public research rather than commercial players. */
export const RESEARCH_AI_CLASSES: readonly AiClass[] = ['research', 'government'];

export const CLAIM_STATUSES = ['corroborated', 'uncorroborated', 'contradicted'] as const;
export const CLAIM_STANCES = ['corroborates', 'contradicts', 'context'] as const;

/** A spoken or reported figure: who said it, where and when, what it counts, and whether it is borne out. */
export interface Claim {
  id: string;
  subjectId: string;
  attr: string;
  value: string;
  unit: string | null;
  counts: string;
  speaker: string;
  occasionId: string | null;
  saidOn: string | null;
  status: (typeof CLAIM_STATUSES)[number];
  note: string | null;
  sourceId: string;
  evidence: {
    stance: (typeof CLAIM_STANCES)[number];
    note: string;
    sourceId: string;
    entityId: string | null;
    attr: string | null;
    value: string | null;
  }[];
}

/** An id an entity was known by before a merge. */
export interface Redirect {
  oldId: string;
  newId: string;
  sourceId: string;
}

export interface Relation {
  subjectId: string;
  predicate: Predicate;
  objectId: string;
  sourceId: string;
}

export interface Observation {
  metric: string;
  subjectId: string;
  period: string;
  value: number;
  unit: string;
  note: string | null;
  sourceId: string;
}

/**
 * What a price row prices. Only `list` rows enter the like-for-like index by default: the others are real prices,
 * but comparing a promotion or an off-peak rate with a list price would read a change of kind as a change of price.
 */
export const PRICE_KINDS = ['list', 'promotional', 'off-peak', 'cache-hit', 'batch', 'free-tier'] as const;
export type PriceKind = (typeof PRICE_KINDS)[number];

export interface Price {
  vendorId: string;
  model: string;
  date: string;
  currency: 'CNY' | 'USD';
  input: number;
  output: number;
  kind: PriceKind;
  /** Context or input-length tier where the vendor prices by it ("input<=32k"); '' when it does not. */
  tier: string;
  note: string | null;
  sourceId: string;
}

/** A problem found in the data: recorded, never silently kept or fixed. */
export interface DataIssue {
  sourceId: string;
  entityId: string | null;
  field: string;
  value: string;
  message: string;
  /** The input line the value came from, when the input has lines. */
  line: number | null;
}

/** Funding stages, as a source names the round (the label as reported is kept beside it). */
export const ROUND_STAGES = [
  'angel',
  'seed',
  'pre-a',
  'series-a',
  'series-a-plus',
  'pre-b',
  'series-b',
  'series-b-plus',
  'series-c',
  'series-c-plus',
  'series-d',
  'series-e',
  'series-f',
  'pre-ipo',
  'strategic',
  'ipo',
  'private-placement',
  'undisclosed',
] as const;
export type RoundStage = (typeof ROUND_STAGES)[number];

/** Currencies a round or a policy amount is reported in. Amounts are never converted: sums are per currency. */
export const MONEY_CURRENCIES = ['CNY', 'USD', 'HKD', 'EUR'] as const;
export type MoneyCurrency = (typeof MONEY_CURRENCIES)[number];

/** How a source states an amount: "2.5 bn", "about", "over", "up to". */
export const AMOUNT_QUALIFIERS = ['exact', 'about', 'over', 'up-to'] as const;

/** What kind of money an investor is (fact `investor_type`): the state's own funds apart from private ones. */
export const INVESTOR_TYPES = [
  'vc',
  'corporate',
  'state-guidance-fund',
  'local-government-platform',
  'state-fund',
  'bank',
  'other',
] as const;
export type InvestorType = (typeof INVESTOR_TYPES)[number];
/** Investor types that are the state's money (guidance funds, local platforms, state funds). */
export const STATE_INVESTOR_TYPES: readonly InvestorType[] = [
  'state-guidance-fund',
  'local-government-platform',
  'state-fund',
];

/** A funding round of an organisation, as reported: the amount stays in its currency, or is undisclosed (null). */
export interface FundingRound {
  id: string;
  orgId: string;
  /** YYYY, YYYY-MM or YYYY-MM-DD: when it was announced. */
  date: string;
  round: string;
  stage: RoundStage;
  amount: number | null;
  currency: MoneyCurrency | null;
  qualifier: (typeof AMOUNT_QUALIFIERS)[number] | null;
  valuation: number | null;
  valuationCurrency: MoneyCurrency | null;
  note: string | null;
  sourceId: string;
  investors: { id: string; lead: boolean }[];
}

/** Kinds of policy (fact `policy_type` of a policy event). */
export const POLICY_TYPES = [
  'compute-voucher',
  'guidance-fund',
  'programme',
  'action-plan',
  'regulation',
  'subsidy',
] as const;
/** How a policy's source relates it to a firm, and the predicate that records it. */
export const POLICY_ROLES = { named: 'policy_names', funded: 'policy_funds', hosted: 'policy_hosts' } as const;

/** The parts of a humanoid robot a supplier makes (fact `component`, and the component of a supply link). */
export const COMPONENTS = [
  'harmonic-reducer',
  'planetary-reducer',
  'rv-reducer',
  'roller-screw',
  'ball-screw',
  'frameless-torque-motor',
  'coreless-motor',
  'servo-drive',
  'actuator-module',
  'dexterous-hand',
  'force-torque-sensor',
  'tactile-sensor',
  'encoder',
  'lidar',
  'camera',
  'chip',
  'battery',
  'bearing',
] as const;
export type Component = (typeof COMPONENTS)[number];

/** How a supplier and a robot maker are linked: parts shipped, joint development, or parts in validation. */
export const SUPPLY_KINDS = ['supply', 'partnership', 'qualification'] as const;

export interface SupplyLink {
  supplierId: string;
  customerId: string;
  component: Component;
  kind: (typeof SUPPLY_KINDS)[number];
  asOf: string | null;
  note: string | null;
  sourceId: string;
}
