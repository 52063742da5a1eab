/**
 * The JSON objects of the synthetic snapshot, shaped like OpenAlex's 2025 works and institutions (see the real ones
 * in src/sources/openalex/fixtures/). SYNTHETIC TEST DATA: ids in the I99…, W99…, A99…, S99… ranges, DOIs under the
 * reserved-looking prefix 10.99999, made-up authors and journals. Pure: randomness comes in as `rand`.
 */
import type { SYNTHETIC_TOPICS } from './synthetic-institutions.ts';

export const OA = 'https://openalex.org/';
export const pad = (n: number, w: number) => String(n).padStart(w, '0');

export interface Inst {
  id: string;
  name: string;
  country: string;
  city: string;
  type: string;
  zh: string | null;
  full: boolean;
}

function dehydrated(i: Inst) {
  return {
    id: OA + i.id,
    display_name: i.name,
    ror: `https://ror.org/99${i.id.slice(3).toLowerCase()}`,
    country_code: i.country,
    type: i.type,
    lineage: [OA + i.id],
  };
}

export function institutionRecord(i: Inst, country: string) {
  return {
    id: OA + i.id,
    ror: `https://ror.org/99${i.id.slice(3).toLowerCase()}`,
    display_name: i.name,
    country_code: i.country,
    type: i.type,
    type_id: `${OA}institution-types/${i.type}`,
    lineage: [OA + i.id],
    homepage_url: null,
    display_name_acronyms: [],
    display_name_alternatives: [],
    works_count: 0,
    cited_by_count: 0,
    ids: { openalex: OA + i.id, ror: `https://ror.org/99${i.id.slice(3).toLowerCase()}` },
    geo: {
      city: i.city,
      geonames_city_id: null,
      region: null,
      country_code: i.country,
      country,
      latitude: null,
      longitude: null,
    },
    international: { display_name: i.zh ? { en: i.name, 'zh-hans': i.zh } : { en: i.name } },
    associated_institutions: [],
    counts_by_year: [],
    updated_date: '2025-02-28T00:00:00.000000',
    created_date: '2016-06-24',
  };
}

function topic([id, name, subfield, subfieldName]: (typeof SYNTHETIC_TOPICS)[number], score: number) {
  return {
    id: OA + id,
    display_name: name,
    score,
    subfield: { id: `${OA}subfields/${subfield}`, display_name: subfieldName },
    field: { id: `${OA}fields/17`, display_name: 'Computer Science' },
    domain: { id: `${OA}domains/3`, display_name: 'Physical Sciences' },
  };
}

export interface WorkSpec {
  n: number;
  year: number;
  insts: Inst[][];
  topics: (typeof SYNTHETIC_TOPICS)[number][];
}

export function work(spec: WorkSpec, rand: () => number, updated: string) {
  const id = `W99${pad(spec.n, 8)}`;
  const date = `${spec.year}-${pad(1 + Math.floor(rand() * 12), 2)}-${pad(1 + Math.floor(rand() * 28), 2)}`;
  const source = {
    id: `${OA}S99${pad(1 + (spec.n % 40), 6)}`,
    display_name: `Synthetic Journal of Machine Intelligence ${1 + (spec.n % 40)}`,
    issn_l: null,
    issn: null,
    is_oa: false,
    is_in_doaj: false,
    is_indexed_in_scopus: true,
    is_core: true,
    host_organization: null,
    host_organization_name: null,
    host_organization_lineage: [],
    host_organization_lineage_names: [],
    type: 'journal',
  };
  const location = {
    is_oa: false,
    landing_page_url: `https://doi.org/10.99999/synthetic.${spec.n}`,
    pdf_url: null,
    source,
    license: null,
    license_id: null,
    version: 'publishedVersion',
    is_accepted: true,
    is_published: true,
  };
  const authorships = spec.insts.map((insts, k) => {
    const affiliation = insts.map((i) => `Department of Computer Science, ${i.name}, ${i.city}`);
    return {
      author_position: k === 0 ? 'first' : k === spec.insts.length - 1 ? 'last' : 'middle',
      author: { id: `${OA}A99${pad(spec.n * 8 + k, 9)}`, display_name: `Synthetic Author ${spec.n}-${k}`, orcid: null },
      institutions: insts.map(dehydrated),
      countries: [...new Set(insts.map((i) => i.country))],
      is_corresponding: k === 0,
      raw_author_name: `Synthetic Author ${spec.n}-${k}`,
      raw_affiliation_strings: affiliation,
      affiliations: insts.map((i, j) => ({ raw_affiliation_string: affiliation[j], institution_ids: [OA + i.id] })),
    };
  });
  const distinct = new Set(spec.insts.flat());
  const primary = spec.topics[0] as (typeof SYNTHETIC_TOPICS)[number];
  const ai = primary[2] === '1702';
  return {
    id: OA + id,
    doi: `https://doi.org/10.99999/synthetic.${spec.n}`,
    title: `Synthetic study ${spec.n} of ${primary[1].replace(' (synthetic topic)', '')}`,
    display_name: `Synthetic study ${spec.n} of ${primary[1].replace(' (synthetic topic)', '')}`,
    publication_year: spec.year,
    publication_date: date,
    ids: { openalex: OA + id, doi: `https://doi.org/10.99999/synthetic.${spec.n}` },
    language: 'en',
    primary_location: location,
    type: 'article',
    type_crossref: 'journal-article',
    indexed_in: ['crossref'],
    open_access: { is_oa: false, oa_status: 'closed', oa_url: null, any_repository_has_fulltext: false },
    authorships,
    institution_assertions: [],
    countries_distinct_count: new Set([...distinct].map((i) => i.country)).size,
    institutions_distinct_count: distinct.size,
    corresponding_author_ids: [authorships[0]?.author.id],
    corresponding_institution_ids: [],
    apc_list: null,
    apc_paid: null,
    fwci: Math.round(rand() * 5000) / 1000,
    has_fulltext: false,
    cited_by_count: Math.floor(rand() * 200),
    biblio: { volume: String(1 + (spec.n % 30)), issue: null, first_page: '1', last_page: '12' },
    is_retracted: false,
    is_paratext: false,
    primary_topic: topic(primary, 0.99),
    topics: spec.topics.map((t, k) => topic(t, 0.99 - k * 0.05)),
    keywords: [{ id: `${OA}keywords/synthetic-${primary[0].toLowerCase()}`, display_name: primary[1], score: 0.6 }],
    concepts: [
      {
        id: `${OA}C41008148`,
        wikidata: 'https://www.wikidata.org/wiki/Q21198',
        display_name: 'Computer science',
        level: 0,
        score: 0.8,
      },
      ...(ai
        ? [
            {
              id: `${OA}C154945302`,
              wikidata: 'https://www.wikidata.org/wiki/Q11660',
              display_name: 'Artificial intelligence',
              level: 1,
              score: 0.7,
            },
          ]
        : []),
    ],
    mesh: [],
    locations_count: 1,
    locations: [location],
    best_oa_location: null,
    sustainable_development_goals: [],
    grants: [],
    datasets: [],
    versions: [],
    referenced_works_count: 20,
    referenced_works: Array.from({ length: 20 }, () => `${OA}W99${pad(1 + Math.floor(rand() * 99_999_999), 8)}`),
    related_works: Array.from({ length: 10 }, () => `${OA}W99${pad(1 + Math.floor(rand() * 99_999_999), 8)}`),
    cited_by_api_url: `https://api.openalex.org/works?filter=cites:${id}`,
    counts_by_year: [{ year: 2025, cited_by_count: Math.floor(rand() * 20) }],
    updated_date: `${updated}T00:00:00.000000`,
    created_date: `${spec.year}-01-01`,
  };
}
