/**
 * A deterministic generator of an OpenAlex-shaped snapshot: SYNTHETIC TEST DATA for tests and benchmarks.
 *
 *   npx tsx bench/openalex/generate.ts --works 100000 --out <dir> [--seed 1] [--partitions 8] [--per-file 5000]
 *
 * Writes <out>/data/works/updated_date=YYYY-MM-DD/part_NNN.gz (gzipped JSON Lines, 2025-shaped works of a few KB,
 * no abstract_inverted_index), <out>/data/institutions/… (full institution records with geo), a manifest per entity
 * (Redshift format, as OpenAlex publishes) and <out>/data/merged_ids/works/YYYY-MM-DD.csv.gz. The last works
 * partition re-emits some earlier works with changed affiliations or topics, as an incremental sync sees them.
 * Same options, same bytes: the only randomness is a seeded PRNG (mulberry32), never Math.random or the clock.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { COUNTRY_MIX, type InstitutionSeed, NAMED_INSTITUTIONS, SYNTHETIC_TOPICS } from './synthetic-institutions.ts';
import { type Inst, type WorkSpec, institutionRecord, pad, work } from './synthetic-objects.ts';

export interface GenerateOptions {
  works: number;
  out: string;
  seed?: number;
  partitions?: number;
  perFile?: number;
  /** Earlier works re-emitted, changed, in the last partition. Default 1 %. */
  updates?: number;
  /** Works listed in a merged_ids file. Default 0.5 %. */
  merged?: number;
}

export interface GenerateResult {
  works: number;
  lines: number;
  partitions: string[];
  files: string[];
  institutions: number;
  updatedIds: string[];
  mergedIds: string[];
  mergedFile: string;
  bytes: number;
}

/** mulberry32: a small, fast, seedable PRNG. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function institutions(rand: () => number): Inst[] {
  const out: Inst[] = NAMED_INSTITUTIONS.map(([name, country, city, type, zh]: InstitutionSeed, i) => ({
    id: `I99${pad(i + 1, 6)}`,
    name,
    country,
    city,
    type,
    zh,
    full: true,
  }));
  for (const [code, share, , cities] of COUNTRY_MIX) {
    const n = Math.round(share * 150);
    for (let k = 1; k <= n; k++) {
      out.push({
        id: `I99${pad(out.length + 1, 6)}`,
        name: `Synthetic ${code} Institute of Computing ${pad(k, 3)}`,
        country: code,
        city: cities[k % cities.length] as string,
        type: rand() < 0.8 ? 'education' : 'company',
        zh: null,
        // A tenth of the filler has no full record: their works know no city.
        full: rand() >= 0.1,
      });
    }
  }
  return out;
}

function pick<T>(rand: () => number, items: readonly T[]): T {
  return items[Math.floor(rand() * items.length)] as T;
}

function weighted<T>(rand: () => number, items: readonly T[], weight: (t: T) => number): T {
  const total = items.reduce((s, t) => s + weight(t), 0);
  let r = rand() * total;
  for (const t of items) if ((r -= weight(t)) < 0) return t;
  return items[items.length - 1] as T;
}

function spec(n: number, rand: () => number, pool: Map<string, Inst[]>): WorkSpec {
  const year = weighted(rand, [2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025], (y) => y - 2013);
  const lead = weighted(rand, COUNTRY_MIX, (c) => c[1])[0];
  const countries = [lead];
  if (rand() < 0.22) countries.push(weighted(rand, COUNTRY_MIX, (c) => c[1])[0]);
  const authors = 1 + Math.min(7, Math.floor(-Math.log(1 - rand()) * 2.5));
  const insts = Array.from({ length: authors }, (_, k) => {
    if (rand() < 0.05) return []; // an affiliation OpenAlex could not match to an institution
    const country = countries[k % countries.length] as string;
    const from = pool.get(country) as Inst[];
    const first = pick(rand, from);
    return rand() < 0.1 ? [first, pick(rand, from)].filter((i, j, a) => a.indexOf(i) === j) : [first];
  });
  const ai = SYNTHETIC_TOPICS.filter((t) => t[2] === '1702');
  const other = SYNTHETIC_TOPICS.filter((t) => t[2] !== '1702');
  const primary = rand() < 0.9 ? pick(rand, ai) : pick(rand, other);
  const topics = [primary, ...[pick(rand, ai), pick(rand, SYNTHETIC_TOPICS)].filter((t) => t !== primary)];
  return { n, year, insts, topics: [...new Set(topics)] };
}

function writeGz(path: string, lines: string[]): number {
  const bytes = gzipSync(Buffer.from(lines.map((l) => `${l}\n`).join('')), { level: 6 });
  writeFileSync(path, bytes);
  return bytes.length;
}

function manifest(entries: { url: string; bytes: number; records: number }[]): string {
  const meta = (e: { bytes: number; records: number }) => ({ content_length: e.bytes, record_count: e.records });
  const total = entries.reduce((s, e) => ({ bytes: s.bytes + e.bytes, records: s.records + e.records }), {
    bytes: 0,
    records: 0,
  });
  return JSON.stringify({ entries: entries.map((e) => ({ url: e.url, meta: meta(e) })), meta: meta(total) }, null, 2);
}

export function generateSnapshot(o: GenerateOptions): GenerateResult {
  const rand = prng(o.seed ?? 1);
  const partitions = Math.max(1, o.partitions ?? 8);
  const perFile = Math.max(1, o.perFile ?? 5000);
  const data = join(o.out, 'data');
  rmSync(data, { recursive: true, force: true });
  const insts = institutions(rand);
  const pool = new Map(COUNTRY_MIX.map(([code]) => [code, insts.filter((i) => i.country === code)]));
  const countryName = new Map(COUNTRY_MIX.map(([code, , name]) => [code, name]));
  const dates = Array.from({ length: partitions }, (_, k) => `2025-03-${pad(k + 1, 2)}`);
  const result: GenerateResult = {
    works: o.works,
    lines: 0,
    partitions: dates,
    files: [],
    institutions: 0,
    updatedIds: [],
    mergedIds: [],
    mergedFile: '',
    bytes: 0,
  };

  // Institutions: one partition, full records of those that have one.
  const instDir = join(data, 'institutions', 'updated_date=2025-02-28');
  mkdirSync(instDir, { recursive: true });
  const full = insts.filter((i) => i.full);
  const instBytes = writeGz(
    join(instDir, 'part_000.gz'),
    full.map((i) => JSON.stringify(institutionRecord(i, countryName.get(i.country) ?? i.country))),
  );
  writeFileSync(
    join(data, 'institutions', 'manifest'),
    manifest([
      {
        url: 's3://openalex/data/institutions/updated_date=2025-02-28/part_000.gz',
        bytes: instBytes,
        records: full.length,
      },
    ]),
  );
  result.institutions = full.length;
  result.bytes += instBytes;

  // Works: spread over the partitions; the last also re-emits changed copies of earlier works.
  const specs = Array.from({ length: o.works }, (_, k) => spec(k + 1, rand, pool));
  const updates = Math.min(o.updates ?? Math.floor(o.works / 100), Math.floor(o.works / 2));
  const earlier = specs.slice(0, Math.floor((o.works * (partitions - 1)) / partitions));
  const updated = new Set<WorkSpec>();
  while (updated.size < Math.min(updates, earlier.length)) updated.add(pick(rand, earlier));
  const entries: { url: string; bytes: number; records: number }[] = [];
  dates.forEach((date, p) => {
    const mine = specs.slice(Math.floor((o.works * p) / partitions), Math.floor((o.works * (p + 1)) / partitions));
    const lines = mine.map((s) => JSON.stringify(work(s, rand, date)));
    if (p === partitions - 1) {
      for (const s of updated) {
        const changed = spec(s.n, rand, pool); // new affiliations, year and topics for the same work id
        lines.push(JSON.stringify(work(changed, rand, date)));
        result.updatedIds.push(`W99${pad(s.n, 8)}`);
      }
    }
    const dir = join(data, 'works', `updated_date=${date}`);
    mkdirSync(dir, { recursive: true });
    for (let f = 0; f * perFile < lines.length || f === 0; f++) {
      const name = `part_${pad(f, 3)}.gz`;
      const chunk = lines.slice(f * perFile, (f + 1) * perFile);
      const bytes = writeGz(join(dir, name), chunk);
      entries.push({ url: `s3://openalex/data/works/updated_date=${date}/${name}`, bytes, records: chunk.length });
      result.files.push(join(dir, name));
      result.bytes += bytes;
      result.lines += chunk.length;
    }
  });
  writeFileSync(join(data, 'works', 'manifest'), manifest(entries));

  // merged_ids: works merged away after the last partition (none of them among the updated ones).
  const merged = new Set<string>();
  const candidates = earlier.filter((s) => !updated.has(s));
  const wanted = Math.min(o.merged ?? Math.floor(o.works / 200), candidates.length);
  while (merged.size < wanted) merged.add(`W99${pad(pick(rand, candidates).n, 8)}`);
  const mergeDate = `2025-03-${pad(partitions + 1, 2)}`;
  const mergedDir = join(data, 'merged_ids', 'works');
  mkdirSync(mergedDir, { recursive: true });
  result.mergedFile = join(mergedDir, `${mergeDate}.csv.gz`);
  result.mergedIds = [...merged].sort();
  const rows = result.mergedIds.map((id) => `${mergeDate},${id},W99${pad(1 + Math.floor(rand() * o.works), 8)}`);
  result.bytes += writeGz(result.mergedFile, ['merge_date,id,merge_into_id', ...rows]);
  return result;
}

function parseArgs(argv: string[]): GenerateOptions {
  const get = (name: string) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const num = (name: string) => {
    const v = get(name);
    if (v === undefined) return undefined;
    const n = Number(v);
    if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} expects a whole number, got "${v}"`);
    return n;
  };
  const out = get('out');
  const works = num('works');
  if (!out || works === undefined)
    throw new Error('usage: generate.ts --works N --out DIR [--seed S] [--partitions P] [--per-file F]');
  return {
    works,
    out,
    seed: num('seed'),
    partitions: num('partitions'),
    perFile: num('per-file'),
    updates: num('updates'),
    merged: num('merged'),
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const started = process.hrtime.bigint();
  const r = generateSnapshot(parseArgs(process.argv.slice(2)));
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const { files, updatedIds, mergedIds, ...summary } = r;
  console.log(
    JSON.stringify({
      ...summary,
      files: files.length,
      updated: updatedIds.length,
      merged: mergedIds.length,
      ms: Math.round(ms),
    }),
  );
}
