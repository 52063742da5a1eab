import type { Command } from 'commander';
import { startServer } from '../../api/server.ts';
import { Db } from '../../store/db.ts';
import { watchlistFile } from '../../store/watchlists.ts';
import { DEFAULT_DATA_DIR, DOCS_ROOT, type GlobalOptions, VERSION, WEB_ROOT, dbPath } from '../context.ts';
import { buildBundled, buildReport } from './build.ts';

export function serveCommand(program: Command): void {
  program
    .command('serve')
    .description('serve the API and dashboard (binds 127.0.0.1 unless --host says otherwise)')
    .option('--port <n>', 'port (0 picks a free one)', '8080')
    .option('--host <host>', 'interface to bind', '127.0.0.1')
    .option(
      '--build-if-stale',
      'first build the database from the bundled data/ when it is missing or was built from other data (as build --if-stale)',
    )
    .action(async (opts: { port: string; host: string; buildIfStale?: boolean }, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      const port = Number(opts.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535)
        throw new Error(`--port: not a port number: ${opts.port}`);
      if (opts.buildIfStale) {
        // In this process: no second start of the CLI between the build and the server (npm start runs this).
        const started = performance.now();
        const result = await buildBundled(dbPath(g), DEFAULT_DATA_DIR, { ifStale: true });
        const seconds = Math.round(performance.now() - started) / 1000;
        if (!g.json) process.stdout.write(buildReport(result, seconds, DEFAULT_DATA_DIR));
      }
      // Read-only, several connections for concurrent requests, and a time limit on every statement.
      const db = await Db.open({ path: dbPath(g), readOnly: true, connections: 4, queryTimeoutMs: 5000 });
      const server = await startServer(db, {
        port,
        host: opts.host,
        webRoot: WEB_ROOT,
        docsRoot: DOCS_ROOT,
        version: VERSION,
        watchlistsFile: watchlistFile(dbPath(g)),
      });
      process.stdout.write(
        g.json ? `${JSON.stringify({ url: server.url })}\n` : `Neijuan is serving at ${server.url}\n`,
      );
      const stop = () => {
        void server.close().then(() => {
          db.close();
          process.exit(0);
        });
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
}
