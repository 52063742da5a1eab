/** Starts the HTTP server on a database file: opened read-only, so the CLI can read it at the same time. */
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { SearchIndex } from '../analytics/search-index.ts';
import type { Db } from '../store/db.ts';
import { searchDocuments } from '../store/queries/entities.ts';
import { type AdmissionOptions, DEFAULT_ADMISSION } from './admission.ts';
import { createApp } from './app.ts';

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
  },
): Promise<RunningServer> {
  const search = new SearchIndex(await searchDocuments(db));
  const webRoot = options.webRoot && existsSync(options.webRoot) ? options.webRoot : null;
  const app = createApp({
    db,
    search,
    webRoot,
    docsRoot: options.docsRoot ?? null,
    version: options.version,
    writeToken: options.writeToken ?? null,
    cacheResponses: db.readOnly,
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
