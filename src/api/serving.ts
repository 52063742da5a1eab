/**
 * Computed once per build, read while serving. `prepareServing` stores, for the data state of the moment, the
 * search index (so a server starts without tokenising every name) and the responses the dashboard asks for by
 * default (so they are answered without computing, response cache or not). `servingState` is what a server reads at
 * start: the stamp, the stored keys valid for it, and the search index (stored, or built when stale or absent).
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CpuWorker } from '../analytics/cpu-worker.ts';
import { SearchIndex } from '../analytics/search-index.ts';
import { SEGMENTS } from '../model/types.ts';
import type { Db } from '../store/db.ts';
import { entityPayloadsJson, searchDocuments } from '../store/queries/entities.ts';
import { sql } from '../store/sql.ts';
import {
  type ServingRow,
  dataStamp,
  readServing,
  readServingRows,
  replaceServing,
  servingKeys,
} from '../store/queries/serving.ts';
import { layOutAhead } from '../payloads/network.ts';
import { createApp } from './app.ts';
import { servingKey } from './stored-responses.ts';

export const SEARCH_INDEX_KEY = 'search-index';

/** Connections the stored responses are computed on, side by side (more than the cores: most of a request is waiting). */
const READERS = 4;

const SRC = fileURLToPath(new URL('..', import.meta.url));
let codeHash: string | null = null;

/**
 * A hash of the code that computes what is stored (every .ts and .sql file under src/): a database built by another
 * version of Neijuan keeps its data, but none of its stored responses is served by this one.
 */
export function codeStamp(): string {
  if (codeHash !== null) return codeHash;
  const hash = createHash('sha256');
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.(ts|sql)$/.test(entry.name) && !entry.name.endsWith('.test.ts')) {
        hash.update(path.slice(SRC.length)).update(readFileSync(path));
      }
    }
  };
  walk(SRC);
  codeHash = hash.digest('hex').slice(0, 16);
  return codeHash;
}

/** The stamp stored rows carry: the data state and the code that computed them. */
async function servingStamp(db: Db): Promise<string> {
  return `${await dataStamp(db)}:${codeStamp()}`;
}

/**
 * The requests the dashboard makes when a page opens with no choice made (web/src/api.ts), plus the involution
 * example of the API document. Other parameters (another basis, weights, years) are computed on request: storing
 * every combination would cost each build seconds for answers rarely asked. Never a search: the app that computes
 * them has no index.
 */
export function precomputedRequests(): string[] {
  const urls = [
    '/api/compare',
    '/api/segments',
    '/api/cities',
    '/api/map',
    '/api/prices',
    '/api/events',
    '/api/adoption',
    '/api/funding',
    '/api/policies',
    '/api/supply',
    '/api/filings',
    '/api/sources',
    '/api/methodology',
    '/api/network?include=founders',
    '/api/indicators/notable-models?by=country',
    '/api/indicators/notable-models?by=group',
    '/api/involution?segment=llm',
  ];
  for (const s of SEGMENTS) {
    const segment = encodeURIComponent(s);
    urls.push(
      `/api/segments?segment=${segment}`,
      `/api/involution?segment=${segment}&from=2015&to=2025&basis=commercial`,
    );
  }
  return urls;
}

export interface PreparedServing {
  stamp: string;
  /** True when everything was already stored for this stamp and was kept (nothing computed). */
  reused: boolean;
  searchEntities: number;
  responses: number;
  /** Entity payloads stored (every entity's /api/entities/:id). */
  entities: number;
  /** Requests that did not answer 200 (not stored; the server computes them). */
  skipped: { url: string; status: number }[];
  seconds: number;
}

/**
 * Computes and stores the search index and the default responses for the database's current data. When they are
 * already stored for this data state and this code (an ingest that changed nothing), they are kept as they are.
 * `cpu`: a worker the caller started (and warmed) already, and closes itself; else one is started here.
 */
export async function prepareServing(db: Db, cpu: CpuWorker | null = null): Promise<PreparedServing> {
  const started = performance.now();
  const stamp = await servingStamp(db);
  const stored = await servingKeys(db, stamp);
  if (stored.includes(SEARCH_INDEX_KEY)) {
    const entities = stored.filter((k) => k.startsWith(ENTITY_PREFIX)).length;
    return {
      stamp,
      reused: true,
      searchEntities: new SearchIndex(JSON.parse((await readServing(db, SEARCH_INDEX_KEY, stamp))?.body ?? '[]')).size,
      responses: stored.length - 1 - entities,
      entities,
      skipped: [],
      seconds: Math.round(performance.now() - started) / 1000,
    };
  }
  // Every entity's payload is written by DuckDB on this connection (a temporary table, stored below with the rest)
  // while a reading view answers the default requests and the search index is computed: side by side, and a
  // question several payloads ask is answered once. The search index and the network's layout, the longest
  // computations in JavaScript, run on a worker thread (the second core, while this one turns DuckDB's rows into
  // payloads).
  const entityBodies = db.run(sql`CREATE OR REPLACE TEMP TABLE serving_entities AS
    SELECT ${ENTITY_PREFIX} || id AS key, 'application/json' AS content_type, body FROM (${entityPayloadsJson(null)})`);
  const ownWorker = cpu === null;
  const worker = cpu ?? new CpuWorker();
  const work = db.readingView(READERS, async (view) => {
    // The stored requests never search (precomputedRequests has no /api/search), so this app needs no index; the
    // one stored is built meanwhile, while DuckDB answers the requests.
    const app = createApp({
      db: view,
      search: new SearchIndex([]),
      webRoot: null,
      docsRoot: null,
      version: 'build',
      cacheResponses: false,
    });
    const layout = layOutAhead(view, 'founders', (edges, labels) => worker.run('layout', { edges, labels }));
    layout.catch(() => {}); // the /api/network request reports it
    const urls = precomputedRequests();
    const answers: ({ url: string; status: number; content_type: string; body: string } | null)[] = urls.map(
      () => null,
    );
    let next = 0;
    const requests = Promise.all(
      Array.from({ length: READERS }, async () => {
        for (let i = next++; i < urls.length; i = next++) {
          const url = urls[i] as string;
          const res = await app.request(url);
          answers[i] = {
            url,
            status: res.status,
            content_type: res.headers.get('content-type') ?? 'application/json',
            body: await res.text(),
          };
        }
      }),
    );
    const indexing = searchDocuments(view).then(async (documents) => ({
      size: documents.length,
      json: await worker.run('searchIndexJson', documents),
    }));
    // All end before the view closes, even when one fails: no statement is left running on its connections.
    await Promise.allSettled([requests, indexing, layout]);
    await requests;
    const index = await indexing;
    const skipped: PreparedServing['skipped'] = [];
    const rows: ServingRow[] = [{ key: SEARCH_INDEX_KEY, content_type: 'application/json', body: index.json }];
    for (const a of answers) {
      if (!a) continue;
      if (a.status !== 200) skipped.push({ url: a.url, status: a.status });
      else rows.push({ key: servingKey(a.url), content_type: a.content_type, body: a.body });
    }
    return { searchEntities: index.size, rows, skipped };
  });
  // Neither is left running when the other fails.
  await Promise.allSettled([entityBodies, work]).finally(() => {
    if (ownWorker) worker.close();
  });
  try {
    await entityBodies;
    const { searchEntities, rows, skipped } = await work;
    const stored = await replaceServing(
      db,
      stamp,
      rows,
      sql`SELECT key, content_type, body FROM temp.serving_entities`,
    );
    return {
      stamp,
      reused: false,
      searchEntities,
      responses: rows.length - 1,
      entities: stored - rows.length,
      skipped,
      seconds: Math.round(performance.now() - started) / 1000,
    };
  } finally {
    await db.exec('DROP TABLE IF EXISTS temp.serving_entities');
  }
}

export interface ServingState {
  stamp: string;
  /** The dashboard's default responses, read at start. */
  preloaded: Map<string, { content_type: string; body: string }>;
  /**
   * Key prefixes whose stored rows are read from the file per request (every entity's payload): stored with the
   * search index, in one transaction, so present exactly when the index is.
   */
  perRequest: string[];
  search: SearchIndex;
  /** Where the search index came from. */
  searchFrom: 'stored' | 'built';
}

/** The prefix of the keys `prepareServing` stores one per entity (read per request, never at start). */
export const ENTITY_PREFIX = '/api/entities/';

/**
 * What a server reads at start: the stored index and default responses when they match the data (by their keys,
 * which this code knows: no other stored row is read), else an index built now.
 */
export async function servingState(db: Db): Promise<ServingState> {
  let stamp = '';
  let stored: { key: string; content_type: string; body: string }[] = [];
  try {
    stamp = await servingStamp(db);
    stored = await readServingRows(db, stamp, [SEARCH_INDEX_KEY, ...precomputedRequests().map(servingKey)]);
  } catch {
    // A file built before serving_store existed (opened read-only, so not migrated): everything is computed.
    stored = [];
  }
  const preloaded = new Map<string, { content_type: string; body: string }>();
  let search: SearchIndex | null = null;
  for (const row of stored) {
    if (row.key === SEARCH_INDEX_KEY) search = new SearchIndex(JSON.parse(row.body));
    else preloaded.set(row.key, { content_type: row.content_type, body: row.body });
  }
  if (search) return { stamp, preloaded, perRequest: [ENTITY_PREFIX], search, searchFrom: 'stored' };
  return { stamp, preloaded, perRequest: [], search: new SearchIndex(await searchDocuments(db)), searchFrom: 'built' };
}
