/** Starts the HTTP server on a database file: opened read-only, so the CLI can read it at the same time. */
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { Db } from '../store/db.ts';
import { type AdmissionOptions, DEFAULT_ADMISSION } from './admission.ts';
import { createApp } from './app.ts';
import { servingState } from './serving.ts';

export interface RunningServer {
  url: string;
  close: () => Promise<void>;
}

export async function startServer(
  db: Db,
  options: {
    port: number;
    host: string;
    webRoot: string | null;
    docsRoot?: string | null;
    version: string;
    writeToken?: string | null;
    admission?: AdmissionOptions;
    watchlistsFile?: string | null;
    /** Cache responses by URL (default: when the database is read-only; a benchmark turns it off). */
    cacheResponses?: boolean;
  },
): Promise<RunningServer> {
  // The search index and default responses the build stored, when they match the data (else computed now).
  const state = await servingState(db);
  const app = createApp({
    db,
    search: state.search,
    // Only a read-only database keeps its data state while serving.
    stored: db.readOnly ? { stamp: state.stamp, preloaded: state.preloaded, perRequest: state.perRequest } : null,
    // Looked for on each page request: `npm start` builds the dashboard while this server starts.
    webRoot: options.webRoot,
    docsRoot: options.docsRoot ?? null,
    version: options.version,
    writeToken: options.writeToken ?? null,
    cacheResponses: db.readOnly && (options.cacheResponses ?? true),
    admission: options.admission ?? DEFAULT_ADMISSION,
    watchlistsFile: options.watchlistsFile ?? null,
  });
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port: options.port, hostname: options.host }, (info: AddressInfo) => {
      const host = info.family === 'IPv6' ? `[${info.address}]` : info.address;
      resolve({
        url: `http://${host}:${info.port}/`,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
    server.on('error', reject);
  });
}
