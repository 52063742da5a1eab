/**
 * A live sync of the Hub's model listing, one organisation after another, page by page, resumable.
 *
 * What it fetches: GET https://huggingface.co/api/models?author=<org>&full=true&limit=100&sort=lastModified&direction=-1
 * and every page the `Link: <…>; rel="next"` header points to. After each page it saves the page and the next page's
 * URL (see cursor-store.ts), so an interrupted sync resumes at the page it stopped on.
 *
 * Modes:
 * - `all` (the default) lists every repo of every organisation. Use it for the download series: the Hub's `downloads`
 *   is a rolling 30-day count that moves for repos nobody has touched, so only a full listing observes them all.
 * - `changed` stops paging an organisation at the first page holding a repo last modified before that
 *   organisation's previous completed sync started (the listing is sorted newest-modified first, so everything after
 *   is older still). It observes new and changed repos (and those on the boundary page) only: cheap, for keeping
 *   lineage and new releases current, but it leaves gaps in the download series of untouched repos.
 * Each sync date is its own dataset (`huggingface:<date>`), so syncs add dated observations; running a date again
 * replaces that date's rows. A repo modified while the listing is being paged can move between pages; a repeat is
 * dropped (and reported), and a repo that jumped to an already-fetched page is picked up by the next sync.
 */
import { createHash } from 'node:crypto';
import { followPages } from '../http/follow-pages.ts';
import type { HttpClient } from '../http/http-client.ts';
import type { ReadResult } from '../source.ts';
import type { CursorStore, SyncState } from './cursor-store.ts';
import { type HuggingFaceInput, LISTING_URL, type ListingPage, isSyncDate, parsePage, syncInput } from './listing.ts';
import { DEFAULT_ORGS } from './orgs.ts';

export type SyncMode = 'all' | 'changed';

export interface LiveSyncOptions {
  /** Organisation handles; DEFAULT_ORGS when absent. */
  orgs?: readonly string[];
  http: HttpClient;
  /** The date the observations are filed under (YYYY-MM-DD), normally today. */
  syncDate: string;
  cursorStore: CursorStore;
  mode?: SyncMode;
  /** The clock that stamps when each organisation's sync started. */
  now: () => number;
  signal?: AbortSignal;
  /** Models per page; the Hub caps it. Default 100. */
  pageSize?: number;
  /** Progress: called after each page is saved. */
  onPage?: (org: string, index: number, models: number) => void;
}

export function firstPageUrl(org: string, pageSize = 100): string {
  const params = new URLSearchParams({
    author: org,
    full: 'true',
    limit: String(pageSize),
    sort: 'lastModified',
    direction: '-1',
  });
  return `${LISTING_URL}?${params.toString()}`;
}

/** Fetches (or resumes) the sync of `syncDate` and returns it as one input, ready to map. */
export async function readLive(options: LiveSyncOptions): Promise<ReadResult<HuggingFaceInput>> {
  const { http, syncDate, cursorStore: store } = options;
  const orgs = [...(options.orgs ?? DEFAULT_ORGS)];
  const mode = options.mode ?? 'all';
  if (syncDate.length !== 10 || !isSyncDate(syncDate)) throw new Error(`sync date "${syncDate}" is not YYYY-MM-DD`);
  if (orgs.length === 0) throw new Error('no organisations to sync');

  const previous = await store.load();
  // A new date starts over, keeping when each organisation was last synced completely.
  const state: SyncState =
    previous?.syncDate === syncDate ? previous : { version: 1, syncDate, orgs: {}, lastSync: previous?.lastSync ?? {} };

  const pages: ListingPage[] = [];
  const hash = createHash('sha256');
  for (const org of orgs) {
    let cursor = state.orgs[org];
    if (!cursor) {
      cursor = {
        next: firstPageUrl(org, options.pageSize),
        pages: 0,
        startedAt: new Date(options.now()).toISOString(),
        since: mode === 'changed' ? (state.lastSync[org] ?? null) : null,
        done: false,
      };
      state.orgs[org] = cursor;
      await store.save(state);
    }
    if (!cursor.done && cursor.next !== null) {
      const request = { startIndex: cursor.pages + 1, headers: { Accept: 'application/json' }, signal: options.signal };
      for await (const page of followPages(http, cursor.next, request)) {
        // A page that does not validate stops the sync before it is saved: the cursor still points at it.
        const models = parsePage(page.body, page.url);
        await store.savePage(syncDate, org, page.index, page.body);
        const since = cursor.since;
        const reachedOld = since !== null && models.some((m) => m.lastModified !== undefined && m.lastModified < since);
        cursor.pages = page.index;
        cursor.next = reachedOld ? null : page.next;
        cursor.done = cursor.next === null;
        if (cursor.done) state.lastSync[org] = cursor.startedAt;
        // Saved after the page: a crash in between refetches this page into the same slot, never a second copy.
        await store.save(state);
        options.onPage?.(org, page.index, models.length);
        if (reachedOld) break;
      }
    }
    const fetched = cursor.pages;
    // Pages past the cursor are left over from an abandoned run of the same date.
    const saved = (await store.loadPages(syncDate, org)).filter((p) => p.index <= fetched);
    if (saved.length !== fetched) {
      throw new Error(
        `${org}: the cursor counts ${fetched} saved pages of the ${syncDate} sync but ${saved.length} are there; ` +
          'remove the cursor file to fetch this date again',
      );
    }
    for (const page of saved) {
      hash.update(page.body);
      pages.push({ where: page.where, models: parsePage(page.body, page.where) });
    }
  }
  const input = syncInput(syncDate, pages, orgs);
  return {
    dataset: `huggingface:${syncDate}`,
    input: `${LISTING_URL}?author=${orgs.join(',')}`,
    sha256: hash.digest('hex'),
    records: [input],
    rowsRead: input.models.length,
  };
}
