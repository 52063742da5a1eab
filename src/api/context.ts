/** What every route needs, handed in by whoever starts the app (server or test). */
import type { SearchIndex } from '../analytics/search-index.ts';
import type { Db } from '../store/db.ts';
import type { AdmissionOptions } from './admission.ts';
import type { StoredResponses } from './stored-responses.ts';

export interface AppDeps {
  db: Db;
  search: SearchIndex;
  /** Built web assets to serve at /, or null for an API-only app. */
  webRoot: string | null;
  /** The project's docs/ directory, served read-only at /docs/ (METHODOLOGY.md and friends), or null. */
  docsRoot: string | null;
  version: string;
  /** The bearer token that write requests must present; null or absent: the server refuses every write. */
  writeToken?: string | null;
  /** Cache successful GET responses by URL; only for a read-only database. */
  cacheResponses?: boolean;
  /** The watchlists file beside the database (`<db>.watchlists.json`), or null: only ids in the URL. */
  watchlistsFile?: string | null;
  /** Bounds on uncached API work (the server sets them; absent or null: none, as in tests that call the app directly). */
  admission?: AdmissionOptions | null;
  /** Responses `neijuan build` stored for the database's data state, answered without computing (or absent). */
  stored?: StoredResponses | null;
}
