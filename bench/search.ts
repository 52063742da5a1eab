/**
 * Names: resolution throughput of a 100k-name Resolver (goal ≥ 50,000 names/s), and top-1 accuracy of the search
 * index on the curated dataset's own names (alias, zh, en, pinyin): is the owning entity the first hit?
 * The Resolver holds the bundled names plus SYNTHETIC variants (a real name with a made-up qualifier and number,
 * under a made-up id bench:v…), so the index has 100k keys; the queries mix names as written, re-cased and
 * re-spaced, with a legal suffix, in "A (B)" form, and unknown names. All of it is generated from a fixed seed.
 *
 *   npm run bench:search [-- --names 100000 --queries 100000]
 */
import { SearchIndex } from '../src/analytics/search-index.ts';
import { loadBundled } from '../src/ingest/build.ts';
import { type KnownName, type Resolved, Resolver } from '../src/model/resolver.ts';
import { hasHan, normalizeName } from '../src/model/names.ts';
import { type EntityKind, familyOf } from '../src/model/types.ts';
import { Db } from '../src/store/db.ts';
import { searchDocuments } from '../src/store/queries/entities.ts';
import { sql } from '../src/store/sql.ts';
import {
  DATA_DIR,
  commandLine,
  formatGoal,
  goal,
  header,
  numberFlag,
  round,
  writeResult,
} from './support/bench-report.ts';
import { prng } from './support/synthetic-works.ts';

const RATE_GOAL = 50_000;
const nameCount = numberFlag('names', 100_000);
const queryCount = numberFlag('queries', 100_000);

const LATIN_QUALIFIERS = ['Labs', 'Institute', 'Robotics', 'Cloud', 'Systems', 'Research Center', 'Intelligence'];
const HAN_QUALIFIERS = ['研究院', '实验室', '分公司', '智能', '云计算', '机器人'];
const LATIN_SUFFIXES = [' Inc.', ' Co., Ltd.', ' Limited', ' Technology Co., Ltd.', ' Group'];
const HAN_SUFFIXES = ['有限公司', '科技有限公司', '股份有限公司', '集团'];

header('bench:search — name resolution throughput and search top-1 accuracy');
const db = await Db.open({ path: ':memory:' });
await loadBundled(db, DATA_DIR);
const rows = await db.all<{ entityId: string; kind: EntityKind; name: string; dataset: string; nameKind: string }>(sql`
  SELECT n.entity_id AS "entityId", e.kind, n.name, n.dataset, n.kind AS "nameKind"
  FROM entity_names n JOIN entities e ON e.id = n.entity_id ORDER BY n.dataset, n.entity_id, n.name, n.kind`);

// ---- Resolver throughput ----
const random = prng(7_301);
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
const known: KnownName[] = rows.map((r) => ({ entityId: r.entityId, kind: r.kind, name: r.name }));
const real = known.length;
for (let i = 0; known.length < nameCount; i++) {
  const base = pick(rows);
  const name = hasHan(base.name)
    ? `${base.name}${pick(HAN_QUALIFIERS)}${i}`
    : `${base.name} ${pick(LATIN_QUALIFIERS)} ${i}`;
  known.push({ entityId: `bench:v${i}`, kind: base.kind, name });
}

const queries: { name: string; kind: EntityKind }[] = [];
for (let i = 0; i < queryCount; i++) {
  const k = pick(known);
  const han = hasHan(k.name);
  const roll = random();
  let name: string;
  if (roll < 0.4) name = k.name;
  else if (roll < 0.6) name = han ? ` ${k.name} ` : k.name.toUpperCase().replace(/ /g, '  ');
  else if (roll < 0.75) name = k.name + (han ? pick(HAN_SUFFIXES) : pick(LATIN_SUFFIXES));
  else if (roll < 0.85) name = `${k.name} (${pick(known).name})`;
  else name = `Unlisted ${Math.floor(random() * 1e9).toString(36)} ${han ? '未知机构' : 'Holdings'}`;
  queries.push({ name, kind: k.kind });
}

let t = performance.now();
const resolver = new Resolver(known);
const buildSeconds = (performance.now() - t) / 1000;
// One untimed pass warms the JIT and the OpenCC caches; the timed pass is the figure.
const resolveAll = () => {
  const outcome: Record<Resolved['type'], number> = { match: 0, ambiguous: 0, none: 0 };
  for (const q of queries) outcome[resolver.resolve(q.name, familyOf(q.kind)).type]++;
  return outcome;
};
resolveAll();
t = performance.now();
const outcome = resolveAll();
const resolveSeconds = (performance.now() - t) / 1000;
const rate = goal('resolution throughput', Math.round(queryCount / resolveSeconds), 'names/s', RATE_GOAL, 'min');
process.stdout.write(
  `Resolver: ${known.length} names (${real} bundled + ${known.length - real} synthetic) indexed in ` +
    `${buildSeconds.toFixed(2)} s\nresolved ${queryCount} queries in ${resolveSeconds.toFixed(3)} s ` +
    `(match ${outcome.match}, ambiguous ${outcome.ambiguous}, none ${outcome.none})\n${formatGoal(rate)}\n\n`,
);

// ---- Search top-1 accuracy on the curated names ----
t = performance.now();
const index = new SearchIndex(await searchDocuments(db));
const indexSeconds = (performance.now() - t) / 1000;
const owners = new Map<string, Set<string>>();
for (const r of rows) {
  const norm = normalizeName(r.name);
  if (!owners.has(norm)) owners.set(norm, new Set());
  owners.get(norm)?.add(r.entityId);
}
const curated = rows.filter((r) => r.dataset === 'curated' && ['alias', 'zh', 'en', 'pinyin'].includes(r.nameKind));
const misses: { name: string; name_kind: string; expected: string; got: string | null; shared_by: number }[] = [];
let hits = 0;
let shared = 0;
t = performance.now();
for (const r of curated) {
  const top = index.search(r.name, 1)[0];
  const sharedBy = owners.get(normalizeName(r.name))?.size ?? 1;
  if (sharedBy > 1) shared++;
  if (top?.id === r.entityId) hits++;
  else
    misses.push({
      name: r.name,
      name_kind: r.nameKind,
      expected: r.entityId,
      got: top?.id ?? null,
      shared_by: sharedBy,
    });
}
const searchMs = (performance.now() - t) / curated.length;
const share = hits / curated.length;
// A name several entities carry (Hong Kong the city and the region) can be top-1 for only one of them.
const unshared = curated.length - shared;
const unsharedHits = hits - (shared - misses.filter((m) => m.shared_by > 1).length);
process.stdout.write(
  `SearchIndex: ${index.size} entities indexed in ${indexSeconds.toFixed(2)} s\n` +
    `top-1 accuracy on ${curated.length} curated names: ${hits} (${(share * 100).toFixed(1)} %), ` +
    `${misses.length} misses, of which ${misses.filter((m) => m.shared_by > 1).length} are names shared by ` +
    `several entities (${shared} shared names in all); on the ${unshared} names only one entity carries: ` +
    `${unsharedHits} (${((unsharedHits / unshared) * 100).toFixed(1)} %); ${searchMs.toFixed(3)} ms per search\n` +
    misses
      .slice(0, 20)
      .map((m) => `  miss: ${m.name} [${m.name_kind}] → ${m.got ?? 'nothing'} (expected ${m.expected})\n`)
      .join(''),
);
db.close();

const out = writeResult('search', commandLine('search'), {
  resolver: {
    names: known.length,
    bundled_names: real,
    synthetic_names: known.length - real,
    build_seconds: round(buildSeconds, 3),
    queries: queryCount,
    resolve_seconds: round(resolveSeconds, 3),
    outcome,
    goal: rate,
  },
  search: {
    entities: index.size,
    index_seconds: round(indexSeconds, 3),
    curated_names: curated.length,
    top1_hits: hits,
    top1_share: round(share, 4),
    shared_names: shared,
    unshared_names: unshared,
    unshared_top1_hits: unsharedHits,
    unshared_top1_share: round(unsharedHits / unshared, 4),
    ms_per_search: round(searchMs, 3),
    first_misses: misses.slice(0, 20),
    misses: misses.length,
  },
});
process.stdout.write(`wrote ${out}\n`);
