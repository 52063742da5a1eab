/**
 * Syncs an OpenAlex snapshot copy into a database file, printing one line per committed unit:
 *
 *   npx tsx bench/openalex/ingest.ts --dir <snapshot root> --db <file.duckdb> [--full]
 *
 * The kill-safety test runs it as a child process and SIGKILLs it after the first works partition commits; the
 * benchmark (bench/openalex/bench.ts) times it. The database must exist (e.g. built by `neijuan build`).
 */
import { ingestOpenAlexSnapshot } from '../../src/ingest/openalex-snapshot.ts';
import { Db } from '../../src/store/db.ts';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const dir = arg('dir');
const path = arg('db');
if (!dir || !path) {
  console.error('usage: ingest.ts --dir <snapshot root> --db <file.duckdb> [--full]');
  process.exit(2);
}
const db = await Db.open({ path });
try {
  const started = process.hrtime.bigint();
  const summary = await ingestOpenAlexSnapshot(db, dir, {
    full: process.argv.includes('--full'),
    // Pipes to a parent are written synchronously on Linux: the line is out before the next unit starts.
    onCommit: (u) => process.stdout.write(`committed ${u.entity} ${u.unit} ${u.records} ${u.counted}\n`),
  });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const maxRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
  process.stdout.write(
    `${JSON.stringify({ ...summary, units: summary.units.length, ms: Math.round(ms), max_rss_mb: maxRssMb })}\n`,
  );
} finally {
  db.close();
}
