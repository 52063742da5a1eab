/**
 * OpenAlex-sized aggregates for the API benchmark, generated straight into the rows a snapshot ingest would leave
 * in `observations` (metric `openalex.works` and `openalex.works.topic.<id>`, period a year): one row per
 * institution, and, as the ingest counts each work once per distinct institution, city and country, the same counts
 * summed per city and per country. Each synthetic work has one institution, so every level sums to the total.
 * SYNTHETIC BENCHMARK DATA: the institutions (org:bench-…, dataset 'bench'), their names, their topics (T9xxxx)
 * and every count are made up by a seeded generator. Only the cities they sit in are the bundled ones. They are
 * written into a temporary database and never into data/.
 */
import { normalizeName } from '../../src/model/names.ts';
import type { Db } from '../../src/store/db.ts';
import { refreshDerived } from '../../src/store/derived.ts';
import { sql } from '../../src/store/sql.ts';

export interface SyntheticSpec {
  institutions: number;
  /** Works in all: the `openalex.works` values sum to exactly this. */
  works: number;
  fromYear: number;
  toYear: number;
  topics: number;
  seed: number;
}

export const DEFAULT_SPEC: SyntheticSpec = {
  institutions: 20_000,
  works: 10_000_000,
  fromYear: 2015,
  toYear: 2025,
  topics: 50,
  seed: 20_240_605,
};

export const BENCH_DATASET = 'bench';
const SOURCE_ID = 'src:bench-synthetic-openalex';

// The same seeded PRNG as the snapshot generator, so every run generates the same rows.
export { prng } from '../openalex/generate.ts';
import { prng } from '../openalex/generate.ts';

/** Splits `total` into integers proportional to `weights` that sum to exactly `total` (largest remainder). */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const raw = weights.map((w) => (total * w) / sum);
  const out = raw.map(Math.floor);
  let missing = total - out.reduce((a, b) => a + b, 0);
  const order = raw.map((r, i) => [r - Math.floor(r), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (missing <= 0) break;
    out[i] = (out[i] as number) + 1;
    missing--;
  }
  return out;
}

export interface SyntheticSummary {
  institutions: number;
  works: number;
  observationRows: number;
  topicRows: number;
  /** Works and rows per subject level (org, city, country). */
  byLevel: Record<string, { works: number; rows: number; topic_rows: number; topic_works: number }>;
  seconds: number;
}

/** Adds the synthetic institutions, their names, sources, cities and work counts to a writable database. */
export async function addSyntheticWorks(db: Db, spec: SyntheticSpec = DEFAULT_SPEC): Promise<SyntheticSummary> {
  const started = performance.now();
  // Ids are org:bench-00000 … org:bench-99999, in JavaScript and in the SQL below alike.
  if (spec.institutions > 100_000) throw new Error('synthetic works: at most 100,000 institutions');
  const random = prng(spec.seed);
  const cities = await db.all<{ id: string; name_en: string | null; name_zh: string | null }>(
    sql`SELECT id, name_en, name_zh FROM entities WHERE kind = 'city' ORDER BY id`,
  );
  if (cities.length === 0) throw new Error('synthetic works: the database has no city entities to place them in');
  const years = Array.from({ length: spec.toYear - spec.fromYear + 1 }, (_, i) => spec.fromYear + i);
  const gauss = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  // A few very large institutions and a long tail, as in OpenAlex: log-normal sizes, ~9 % more works a year.
  const size = Array.from({ length: spec.institutions }, () => Math.exp(1.6 * gauss()));
  const cellWeights = size.flatMap((s) => years.map((_, y) => s * 1.09 ** y));
  const cells = apportion(spec.works, cellWeights);

  await db.transaction(async () => {
    await db.run(sql`INSERT INTO sources VALUES (${BENCH_DATASET}, ${SOURCE_ID},
      'SYNTHETIC benchmark data: generated OpenAlex-sized work counts (not real figures)',
      'https://example.invalid/neijuan-bench', 'Neijuan benchmark generator', NULL, '2026-01-01', 'none (synthetic)')`);
    const entities = await db.raw.createAppender('entities');
    const names = await db.raw.createAppender('entity_names');
    const entitySources = await db.raw.createAppender('entity_sources');
    const relations = await db.raw.createAppender('relations');
    const text = (a: typeof names, value: string | null) => (value === null ? a.appendNull() : a.appendVarchar(value));
    for (let i = 0; i < spec.institutions; i++) {
      const id = institutionId(i);
      const city = cities[Math.floor(random() * cities.length)] as (typeof cities)[number];
      const place = city.name_en ?? city.id.slice('city:'.length);
      const nameEn = `Synthetic Institute ${String(i).padStart(5, '0')} (${place})`;
      const nameZh = city.name_zh ? `${city.name_zh}合成研究院${i}` : null;
      for (const v of [id, BENCH_DATASET, 'university', nameEn, nameZh, null, 'SYNTHETIC benchmark institution']) {
        text(entities, v);
      }
      entities.endRow();
      for (const [name, kind] of [
        [nameEn, 'en'],
        [nameZh, 'zh'],
      ] as const) {
        if (name === null) continue;
        for (const v of [BENCH_DATASET, id, name, kind, normalizeName(name), SOURCE_ID]) names.appendVarchar(v);
        names.endRow();
      }
      for (const v of [BENCH_DATASET, id, SOURCE_ID]) entitySources.appendVarchar(v);
      entitySources.endRow();
      for (const v of [BENCH_DATASET, id, 'located_in', city.id, SOURCE_ID]) relations.appendVarchar(v);
      relations.endRow();
    }
    for (const a of [entities, names, entitySources, relations]) a.closeSync();

    // Work counts per institution and year, and each institution's topic profile (3–12 topics, popular ones more
    // often); SQL then splits every count over the profile so the topic counts of a cell sum to the cell.
    await db.exec(`CREATE TEMP TABLE bench_cells (inst INTEGER, year INTEGER, n DOUBLE);
      CREATE TEMP TABLE bench_profiles (inst INTEGER, topic INTEGER, w DOUBLE)`);
    const cellAppender = await db.raw.createAppender('bench_cells', 'main', 'temp');
    const profileAppender = await db.raw.createAppender('bench_profiles', 'main', 'temp');
    for (let i = 0; i < spec.institutions; i++) {
      years.forEach((year, y) => {
        const n = cells[i * years.length + y] as number;
        if (n === 0) return;
        cellAppender.appendInteger(i);
        cellAppender.appendInteger(year);
        cellAppender.appendDouble(n);
        cellAppender.endRow();
      });
      const chosen = new Set<number>();
      const k = 3 + Math.floor(random() * 10);
      while (chosen.size < Math.min(k, spec.topics)) chosen.add(Math.floor(spec.topics * random() ** 2));
      for (const topic of chosen) {
        profileAppender.appendInteger(i);
        profileAppender.appendInteger(topic);
        profileAppender.appendDouble(0.1 + random());
        profileAppender.endRow();
      }
    }
    cellAppender.closeSync();
    profileAppender.closeSync();
    await db.run(sql`INSERT INTO observations
      SELECT ${BENCH_DATASET}, 'openalex.works', 'org:bench-' || lpad(inst::VARCHAR, 5, '0'), year::VARCHAR, n,
        'works', NULL, ${SOURCE_ID}
      FROM temp.bench_cells`);
    await db.run(sql`INSERT INTO observations
      WITH raw AS (
        SELECT c.inst, c.year, c.n, p.topic, c.n * p.w / sum(p.w) OVER (PARTITION BY c.inst, c.year) AS share
        FROM temp.bench_cells c JOIN temp.bench_profiles p ON p.inst = c.inst),
      ranked AS (
        SELECT *, floor(share) AS base,
          n - sum(floor(share)) OVER (PARTITION BY inst, year) AS missing,
          row_number() OVER (PARTITION BY inst, year ORDER BY share - floor(share) DESC, topic) AS rk
        FROM raw)
      SELECT ${BENCH_DATASET}, 'openalex.works.topic.T' || (90001 + topic)::VARCHAR,
        'org:bench-' || lpad(inst::VARCHAR, 5, '0'), year::VARCHAR, base + CASE WHEN rk <= missing THEN 1 ELSE 0 END,
        'works', NULL, ${SOURCE_ID}
      FROM ranked WHERE base + CASE WHEN rk <= missing THEN 1 ELSE 0 END > 0`);
    await db.exec('DROP TABLE temp.bench_cells; DROP TABLE temp.bench_profiles');
    // As an ingest does: the derived tables (entity_place …) now place the new institutions in their cities.
    await refreshDerived(db);
    for (const level of ['city', 'country'] as const) {
      const subject = level === 'city' ? sql`p.city` : sql`p.country`;
      await db.run(sql`INSERT INTO observations
        SELECT ${BENCH_DATASET}, o.metric, ${subject}, o.period, sum(o.value), 'works', NULL, ${SOURCE_ID}
        FROM observations o JOIN entity_place p ON p.entity_id = o.subject_id
        WHERE o.dataset = ${BENCH_DATASET} AND o.subject_id LIKE 'org:bench-%' AND ${subject} IS NOT NULL
        GROUP BY ALL`);
    }
  });

  const levels = await db.all<{ level: string; works: number; rows: number; topic_rows: number; topic_works: number }>(
    sql`SELECT split_part(subject_id, ':', 1) AS level,
      sum(value) FILTER (WHERE metric = 'openalex.works')::DOUBLE AS works,
      count(*) FILTER (WHERE metric = 'openalex.works')::INT AS rows,
      count(*) FILTER (WHERE metric LIKE 'openalex.works.topic.%')::INT AS topic_rows,
      sum(value) FILTER (WHERE metric LIKE 'openalex.works.topic.%')::DOUBLE AS topic_works
    FROM observations WHERE dataset = ${BENCH_DATASET} GROUP BY ALL ORDER BY level`,
  );
  const org = levels.find((l) => l.level === 'org');
  if (org?.works !== spec.works || org.topic_works !== spec.works) {
    throw new Error(`synthetic works: expected ${spec.works} works, stored ${org?.works} / ${org?.topic_works}`);
  }
  return {
    institutions: spec.institutions,
    works: org.works,
    observationRows: org.rows,
    topicRows: org.topic_rows,
    byLevel: Object.fromEntries(levels.map(({ level, ...l }) => [level, l])),
    seconds: (performance.now() - started) / 1000,
  };
}

function institutionId(i: number): string {
  return `org:bench-${String(i).padStart(5, '0')}`;
}
