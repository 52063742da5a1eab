import type { Command } from 'commander';
import { startServer } from '../../api/server.ts';
import { Db } from '../../store/db.ts';
import { watchlistFile } from '../../store/watchlists.ts';
import { DOCS_ROOT, type GlobalOptions, VERSION, WEB_ROOT, dbPath } from '../context.ts';

export function serveCommand(program: Command): void {
  program
    .command('serve')
    .description('serve the API and dashboard (binds 127.0.0.1 unless --host says otherwise)')
    .option('--port <n>', 'port (0 picks a free one)', '8080')
    .option('--host <host>', 'interface to bind', '127.0.0.1')
    .action(async (opts: { port: string; host: string }, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      const port = Number(opts.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535)
        throw new Error(`--port: not a port number: ${opts.port}`);
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
