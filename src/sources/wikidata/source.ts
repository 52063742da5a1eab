/**
 * Wikidata items as the entity JSON service returns them (https://www.wikidata.org/wiki/Special:EntityData/<QID>.json):
 * offline from saved files (one file, or a directory of them read as one input, so items can link to each other),
 * or live by QID through the polite HTTP client.
 */
import { createHash } from 'node:crypto';
import { readdir, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { InputError } from '../../model/errors.ts';
import type { HttpClient } from '../http/http-client.ts';
import { fieldPath, parseJsonBody } from '../http/json-body.ts';
import { readTextFile } from '../read-file.ts';
import type { Connector, ReadResult } from '../source.ts';
import { type WikidataInput, mapWikidata } from './map.ts';
import { type WikidataItem, entityDataSchema, toItem } from './schema.ts';

export const ENTITY_DATA_URL = 'https://www.wikidata.org/wiki/Special:EntityData';

/** Validates one payload (a file's text or a response body); errors name the file or URL and the field. */
export function parseEntityData(text: string, where: string): WikidataItem[] {
  const parsed = entityDataSchema.safeParse(parseJsonBody(text, where));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InputError(where, null, fieldPath(issue?.path ?? []) || null, issue?.message ?? 'invalid');
  }
  return Object.values(parsed.data.entities).map((raw) => toItem(raw, where));
}

function collect(payloads: { where: string; items: WikidataItem[] }[]): WikidataItem[] {
  const seen = new Map<string, string>();
  const items: WikidataItem[] = [];
  for (const p of payloads) {
    for (const item of p.items) {
      const first = seen.get(item.qid);
      if (first !== undefined) {
        throw new InputError(p.where, null, `entities.${item.qid}`, `item ${item.qid} is also in ${first}`);
      }
      seen.set(item.qid, p.where);
      items.push(item);
    }
  }
  return items;
}

/** Reads a saved payload, or every `*.json` payload of a directory (name order) as one input. */
export async function readWikidata(path: string): Promise<ReadResult<WikidataInput>> {
  let isDir: boolean;
  try {
    isDir = (await stat(path)).isDirectory();
  } catch (error) {
    throw new InputError(path, null, null, `cannot read: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  const files = isDir
    ? (await readdir(path))
        .filter((n) => n.endsWith('.json') && !n.startsWith('.'))
        .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
        .map((n) => join(path, n))
    : [path];
  if (files.length === 0) throw new InputError(path, null, null, 'no .json payloads in this directory');
  const hash = createHash('sha256');
  const payloads = [];
  for (const file of files) {
    const { text, sha256 } = await readTextFile(file);
    hash.update(`${basename(file)}\n${sha256}\n`);
    payloads.push({ where: file, items: parseEntityData(text, file) });
  }
  const items = collect(payloads);
  return {
    dataset: `wikidata:${basename(path).replace(/\.json$/i, '')}`,
    input: path,
    sha256: hash.digest('hex'),
    // A saved file does not say when it was fetched.
    records: [{ items, retrieved: 'unknown' }],
    rowsRead: items.length,
  };
}

export interface WikidataLiveOptions {
  qids: readonly string[];
  http: HttpClient;
  /** The fetch date written into each source row (YYYY-MM-DD). */
  retrieved: string;
  signal?: AbortSignal;
}

/** Fetches each item from the entity JSON service, one polite request per QID. */
export async function readWikidataLive(options: WikidataLiveOptions): Promise<ReadResult<WikidataInput>> {
  const qids = [...new Set(options.qids)].sort();
  const bad = qids.find((q) => !/^Q\d+$/.test(q));
  if (bad !== undefined) throw new Error(`"${bad}" is not a Wikidata item id (Q…)`);
  if (qids.length === 0) throw new Error('no Wikidata items to fetch');
  const hash = createHash('sha256');
  const payloads = [];
  for (const qid of qids) {
    const url = `${ENTITY_DATA_URL}/${qid}.json`;
    const response = await options.http.get(url, { headers: { Accept: 'application/json' }, signal: options.signal });
    hash.update(`${qid}\n${response.body}\n`);
    payloads.push({ where: url, items: parseEntityData(response.body, url) });
  }
  const items = collect(payloads);
  return {
    // The same set of items is the same input: fetching it again replaces what it wrote before.
    dataset: `wikidata:${qids.join(',')}`,
    input: qids.map((q) => `${ENTITY_DATA_URL}/${q}.json`).join(' '),
    sha256: hash.digest('hex'),
    records: [{ items, retrieved: options.retrieved }],
    rowsRead: items.length,
  };
}

/** A `wikidata` fact already in the database: which entity carries which QID, written by which input. */
export interface QidFact {
  qid: string;
  entityId: string;
  dataset: string;
}

export interface WikidataMapOptions {
  /**
   * The `wikidata` facts of the database (every dataset), so statements can point at items outside the input being
   * ingested. Empty by default: only items of the same input are linked.
   */
  qidFacts?: readonly QidFact[];
}

/**
 * QID → entity from the facts other inputs wrote (an input's own facts are left out, so a re-run resolves as its
 * first run did). A QID that two entities claim is left out too: it decides nothing.
 */
export function knownQidsFor(facts: readonly QidFact[], dataset: string): Map<string, string> {
  const byQid = new Map<string, Set<string>>();
  for (const f of facts) {
    if (f.dataset === dataset) continue;
    const set = byQid.get(f.qid) ?? new Set<string>();
    set.add(f.entityId);
    byQid.set(f.qid, set);
  }
  const out = new Map<string, string>();
  for (const [qid, ids] of byQid) if (ids.size === 1) out.set(qid, [...ids][0] as string);
  return out;
}

/** Offline: `neijuan ingest wikidata --file <payload.json | directory>`. */
export function createWikidataConnector(options: WikidataMapOptions = {}): Connector<WikidataInput> {
  return {
    name: 'wikidata',
    read: readWikidata,
    map: (read, resolver) =>
      mapWikidata(read.records[0] as WikidataInput, resolver, knownQidsFor(options.qidFacts ?? [], read.dataset)),
  };
}

export const wikidataConnector = createWikidataConnector();

/** Live: a connector whose `read` fetches `options.qids`; its input argument is only a label for the run log. */
export function wikidataLiveConnector(options: WikidataLiveOptions & WikidataMapOptions): Connector<WikidataInput> {
  return { ...createWikidataConnector(options), read: () => readWikidataLive(options) };
}
