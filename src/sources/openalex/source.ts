/**
 * OpenAlex connectors for the ingest pipeline:
 * - file: a saved API object (a work in either shape, an institution) or a saved list page of them;
 * - live: the API itself, either group_by counts per publication year or every work of a filter, by cursor.
 * Both resolve institutions against a geo context the caller supplies (entity → countries), so that a name match
 * across countries ("Cambridge", "Northeastern University") is refused. The bulk snapshot has its own reader
 * (snapshot-reader.ts) and ingest (ingest/openalex-snapshot.ts).
 */
import { basename } from 'node:path';
import type { Bundle } from '../../model/bundle.ts';
import { InputError } from '../../model/errors.ts';
import { slugify } from '../../model/names.ts';
import type { Resolver } from '../../model/resolver.ts';
import type { Source } from '../../model/types.ts';
import { parseJsonBody } from '../http/json-body.ts';
import { readTextFile } from '../read-file.ts';
import type { Connector, ReadResult } from '../source.ts';
import { type OpenAlexClientOptions, OpenAlexClient } from './api-client.ts';
import type { GeoContext } from './institution-mapper.ts';
import { type GroupByField, type GroupCount, type OpenAlexInput, mapOpenAlex } from './map.ts';
import { type InstitutionInfo, type ParsedObject, type WorkRecord, parseObject } from './records.ts';

/** What read() hands map(): the records, and the geo context read from the database at read time. */
export interface OpenAlexRead {
  input: OpenAlexInput;
  geo: GeoContext;
}

export interface OpenAlexFileOptions {
  /** Loads the geo context (store/queries/openalex.ts `openalexGeoContext(db)`). */
  geo: () => Promise<GeoContext>;
}

const LICENCE = 'CC0 1.0 (OpenAlex data)';
const PUBLISHER = 'OurResearch (OpenAlex)';

/** Validates one object; inside a list page the error names the result ("results[3].publication_year"). */
function parseResult(value: unknown, where: string, prefix: string): ParsedObject {
  try {
    return parseObject(value, where, null);
  } catch (error) {
    if (error instanceof InputError && prefix !== '') {
      const field = error.field ? `${prefix}${error.field.startsWith('[') ? '' : '.'}${error.field}` : prefix;
      throw new InputError(where, null, field, error.reason);
    }
    throw error;
  }
}

function collect(parsed: ParsedObject, works: WorkRecord[], insts: InstitutionInfo[]): void {
  if (parsed.kind === 'work') works.push(parsed.work);
  else insts.push(parsed.institution);
}

/** Reads a saved OpenAlex API object or list page. */
export async function readOpenAlexFile(
  file: string,
  geo: () => Promise<GeoContext>,
): Promise<ReadResult<OpenAlexRead>> {
  const { text, sha256 } = await readTextFile(file);
  const value = parseJsonBody(text, file);
  const works: WorkRecord[] = [];
  const institutions: InstitutionInfo[] = [];
  const page = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : null;
  if (page && 'group_by' in page && Array.isArray(page.group_by) && page.group_by.length > 0) {
    throw new InputError(file, null, 'group_by', 'a saved group_by response does not say its year: use --live');
  }
  if (page && 'results' in page) {
    if (!Array.isArray(page.results)) throw new InputError(file, null, 'results', 'expected an array');
    page.results.forEach((v, i) => collect(parseResult(v, file, `results[${i}]`), works, institutions));
  } else {
    collect(parseResult(value, file, ''), works, institutions);
  }
  if (works.length + institutions.length === 0) throw new InputError(file, null, 'results', 'no works or institutions');
  const name = basename(file).replace(/\.json$/i, '');
  const only = works.length + institutions.length === 1 ? (works[0]?.id ?? institutions[0]?.id) : undefined;
  const source: Source = only
    ? {
        id: `src:openalex-${only.toLowerCase()}`,
        title: `OpenAlex API object ${only}`,
        url: `https://api.openalex.org/${only.startsWith('W') ? 'works' : 'institutions'}/${only}`,
        publisher: PUBLISHER,
        published: null,
        retrieved: 'unknown',
        licence: LICENCE,
      }
    : {
        id: `src:openalex-file-${slugify(name)}`,
        title: `OpenAlex API response (${basename(file)}, sha256 ${sha256.slice(0, 12)})`,
        url: 'https://api.openalex.org/works',
        publisher: PUBLISHER,
        published: null,
        retrieved: 'unknown',
        licence: LICENCE,
      };
  return {
    dataset: `openalex:${name}`,
    input: file,
    sha256,
    records: [{ input: { source, works, institutions, groups: [] }, geo: await geo() }],
    rowsRead: works.length + institutions.length,
  };
}

function mapRead(read: ReadResult<OpenAlexRead>, resolver: Resolver): Bundle {
  const r = read.records[0];
  if (!r) throw new Error('openalex: read returned no records');
  return mapOpenAlex(r.input, resolver, r.geo);
}

/** `neijuan ingest openalex --file W2741809807.json`. */
export function createOpenAlexFileConnector(options: OpenAlexFileOptions): Connector<OpenAlexRead> {
  return { name: 'openalex', read: (file) => readOpenAlexFile(file, options.geo), map: mapRead };
}

/** Live mode: group_by counts (a few requests a year), or every work of the filter (bounded by maxWorks). */
export type LiveMode = { kind: 'groups'; fields: readonly GroupByField[] } | { kind: 'works'; maxWorks: number };

export interface OpenAlexLiveOptions extends OpenAlexClientOptions {
  geo: () => Promise<GeoContext>;
  mode: LiveMode;
  /** Publication years to cover, inclusive. */
  years: { from: number; to: number };
  /** Today's date (YYYY-MM-DD), for the source's retrieved date. */
  today: () => string;
}

/** The filter live mode uses by default: works whose primary topic is in subfield 1702, Artificial Intelligence. */
export const DEFAULT_LIVE_FILTER = 'primary_topic.subfield.id:1702';

// An OpenAlex filter: comma-separated attribute:value pairs; values may hold | (or), ! (not), < > and -.
const FILTER = /^[a-z_.]+:[^\s,&=?#]+(,[a-z_.]+:[^\s,&=?#]+)*$/;

async function readLive(filter: string, o: OpenAlexLiveOptions): Promise<ReadResult<OpenAlexRead>> {
  if (!FILTER.test(filter)) {
    throw new InputError('--filter', null, 'filter', `expected attribute:value pairs separated by commas: "${filter}"`);
  }
  const { from, to } = o.years;
  if (!Number.isInteger(from) || !Number.isInteger(to) || from > to) {
    throw new InputError('--years', null, null, `expected from <= to, got ${from}-${to}`);
  }
  const client = new OpenAlexClient(o);
  const works: WorkRecord[] = [];
  const groups: GroupCount[] = [];
  const mode = o.mode;
  switch (mode.kind) {
    case 'groups':
      for (let year = from; year <= to; year++) {
        for (const field of mode.fields) {
          for (const g of await client.groups(`${filter},publication_year:${year}`, field)) {
            groups.push({ field, year, key: g.key, displayName: g.displayName, count: g.count });
          }
        }
      }
      break;
    case 'works':
      for await (const page of client.worksPages(`${filter},publication_year:${from}-${to}`)) {
        if (page.count > mode.maxWorks) {
          throw new InputError(
            page.url,
            null,
            'meta.count',
            `${page.count} works match, more than ${mode.maxWorks}: use the snapshot`,
          );
        }
        page.results.forEach((v, i) => {
          const parsed = parseResult(v, page.url, `results[${i}]`);
          if (parsed.kind !== 'work') throw new InputError(page.url, null, `results[${i}].id`, 'not a work');
          works.push(parsed.work);
        });
      }
      break;
    default: {
      const unreachable: never = mode;
      throw new Error(`unknown live mode ${JSON.stringify(unreachable)}`);
    }
  }
  const scope = `${mode.kind}:${filter}:${from}-${to}`;
  const source: Source = {
    id: `src:openalex-api-${slugify(scope)}`,
    title: `OpenAlex API, works ${filter}, ${from}–${to} (${mode.kind === 'groups' ? 'group_by counts' : 'works'})`,
    url: client.publicUrl('/works', { filter: `${filter},publication_year:${from}-${to}` }),
    publisher: PUBLISHER,
    published: null,
    retrieved: o.today(),
    licence: LICENCE,
  };
  return {
    dataset: `openalex-api:${scope}`,
    input: client.requested[0] ?? filter,
    sha256: client.digest(),
    records: [{ input: { source, works, institutions: [], groups }, geo: await o.geo() }],
    rowsRead: works.length + groups.length,
  };
}

/** `neijuan ingest openalex --live --mailto me@example.org [--filter …]`: read(filter) queries the API. */
export function createOpenAlexLiveConnector(options: OpenAlexLiveOptions): Connector<OpenAlexRead> {
  return {
    name: 'openalex-live',
    namespaces: ['openalex-api'],
    read: (filter) => readLive(filter, options),
    map: mapRead,
  };
}
