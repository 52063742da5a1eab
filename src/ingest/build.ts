/** `neijuan build`: the whole database from the bundled data/ directory alone, offline, replaced atomically. */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { curatedConnector } from '../sources/curated/source.ts';
import { epochConnector } from '../sources/epoch/source.ts';
import { llmListConnector } from '../sources/llms-in-china/source.ts';
import { moeListConnector } from '../sources/cn-universities/source.ts';
import { cacConnector } from '../sources/cac/source.ts';
import { owidConnector } from '../sources/owid/source.ts';
import { Db } from '../store/db.ts';
import { sql } from '../store/sql.ts';
import { type IngestSummary, type Progress, ingest } from './pipeline.ts';

/** The inputs a build reads, in order: the curated set first, so other inputs resolve onto its entities. */
export function bundledInputs(dataDir: string): {
  curated: string;
  universities: string | null;
  llmList: string | null;
  cac: string | null;
  owid: string | null;
  epoch: string[];
} {
  const epochDir = join(dataDir, 'epoch');
  const optional = (path: string) => (existsSync(path) ? path : null);
  return {
    curated: join(dataDir, 'curated'),
    universities: optional(join(dataDir, 'cn-universities', 'cn_higher_education_institutions.csv')),
    llmList: optional(join(dataDir, 'llms-in-china', 'llms_in_china.csv')),
    cac: optional(join(dataDir, 'cac', 'cac_aggregates.csv')),
    owid: optional(join(dataDir, 'owid', 'ai_publications.csv')),
    epoch: existsSync(epochDir)
      ? readdirSync(epochDir)
          .filter((f) => f.endsWith('.csv'))
          .sort()
          .map((f) => join(epochDir, f))
      : [],
  };
}

/** A hash of every bundled input file and of the code's migrations: equal hashes build equal databases. */
export function dataFingerprint(dataDir: string): string {
  const hash = createHash('sha256');
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else hash.update(entry.name).update(readFileSync(path));
    }
  };
  walk(dataDir);
  walk(new URL('../store/migrations', import.meta.url).pathname);
  walk(new URL('../sources', import.meta.url).pathname);
  return hash.digest('hex');
}

/** Ingests the bundled data into an open database (used by `build` and by tests on an in-memory one). */
export async function loadBundled(db: Db, dataDir: string, progress?: Progress): Promise<IngestSummary[]> {
  const inputs = bundledInputs(dataDir);
  const out = [await ingest(db, curatedConnector, inputs.curated, progress)];
  if (inputs.universities) out.push(await ingest(db, moeListConnector, inputs.universities, progress));
  if (inputs.llmList) out.push(await ingest(db, llmListConnector, inputs.llmList, progress));
  if (inputs.cac) out.push(await ingest(db, cacConnector, inputs.cac, progress));
  if (inputs.owid) out.push(await ingest(db, owidConnector, inputs.owid, progress));
  for (const file of inputs.epoch) out.push(await ingest(db, epochConnector, file, progress));
  return out;
}

export interface BuildResult {
  path: string;
  skipped: boolean;
  fingerprint: string;
  runs: IngestSummary[];
}

/** Builds into a temporary file and renames it over `path`, so a failed build leaves the old database. */
export async function buildDatabase(
  path: string,
  dataDir: string,
  options: { ifStale?: boolean; progress?: Progress } = {},
): Promise<BuildResult> {
  const fingerprint = dataFingerprint(dataDir);
  if (options.ifStale && existsSync(path)) {
    try {
      const db = await Db.open({ path, readOnly: true });
      const row = await db.one<{ value: string }>(sql`SELECT value FROM build_info WHERE key = 'fingerprint'`);
      db.close();
      if (row?.value === fingerprint) return { path, skipped: true, fingerprint, runs: [] };
    } catch {
      // An unreadable or older database is simply rebuilt.
    }
  }
  const tmp = `${path}.building-${process.pid}`;
  rmSync(tmp, { force: true });
  rmSync(`${tmp}.wal`, { force: true });
  const db = await Db.open({ path: tmp });
  try {
    const runs = await loadBundled(db, dataDir, options.progress);
    await db.run(sql`INSERT INTO build_info VALUES ('fingerprint', ${fingerprint}), ('built', now()::VARCHAR)`);
    await db.exec('CHECKPOINT');
    db.close();
    renameSync(tmp, path);
    rmSync(`${path}.wal`, { force: true });
    return { path, skipped: false, fingerprint, runs };
  } catch (error) {
    db.close();
    rmSync(tmp, { force: true });
    rmSync(`${tmp}.wal`, { force: true });
    throw error;
  }
}
