import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { normalizeName } from '../../model/names.ts';
import { parseCsv } from '../csv-reader.ts';
import type { Db } from '../../store/db.ts';
import { modelMakersByPlace } from '../../store/queries/cities.ts';
import { sql } from '../../store/sql.ts';
import { bundledDb, DATA_DIR } from '../../../test/support/bundled.ts';
import { splitCompanies } from './map.ts';

const FILE = join(DATA_DIR, 'llms-in-china', 'llms_in_china.csv');
const DATASET = 'llms-in-china:llms_in_china.csv';
let db: Db;
before(async () => {
  db = await bundledDb();
});
after(() => db.close());

test('cells naming several organisations are split', () => {
  assert.deepEqual(splitCompanies('山西大学、山西农业大学'), ['山西大学', '山西农业大学']);
  assert.deepEqual(splitCompanies('慧言科技+天津大学'), ['慧言科技', '天津大学']);
  assert.deepEqual(splitCompanies('浙江大学&OpenKG'), ['浙江大学', 'OpenKG']);
});

test("LLM makers per city equal the file's distinct names per city less exactly the recorded merges", async () => {
  const { header, records } = parseCsv(readFileSync(FILE, 'utf8'), FILE);
  const [ic, ip] = [header.indexOf('company'), header.indexOf('province_city')];
  const rawPerPlace = new Map<string, Set<string>>();
  for (const r of records) {
    const place = r.cells[ip] ?? '';
    rawPerPlace.set(place, (rawPerPlace.get(place) ?? new Set()).add(r.cells[ic] ?? ''));
  }
  // The counts the issue quotes: distinct company cells per place in the file.
  assert.deepEqual(
    ['北京', '上海', '广东深圳', '浙江杭州'].map((p) => rawPerPlace.get(p)?.size),
    [81, 31, 18, 17],
  );
  // Every name the list gave, with the entity it became: resolved onto an existing one (an alias row) or new.
  const entityOf = new Map(
    (
      await db.all<{ name: string; entity_id: string }>(
        sql`SELECT DISTINCT name, entity_id FROM entity_names WHERE dataset = ${DATASET} AND kind IN ('zh', 'en', 'alias')`,
      )
    ).map((r) => [r.name, r.entity_id]),
  );
  const merges = await db.all<{ raw_name: string; method: string }>(
    sql`SELECT raw_name, method FROM resolutions WHERE dataset = ${DATASET} AND method IN ('sub-unit', 'variant') ORDER BY raw_name`,
  );
  const made = new Map((await modelMakersByPlace(db, DATASET)).map((c) => [c.city, c.organizations]));
  const placeOf: Record<string, string> = {
    北京: 'city:beijing',
    上海: 'city:shanghai',
    广东深圳: 'city:shenzhen',
    浙江杭州: 'city:hangzhou',
  };
  for (const [label, city] of Object.entries(placeOf)) {
    const names = [...(rawPerPlace.get(label) ?? [])].flatMap(splitCompanies);
    const distinct = new Set(names);
    // Two names are one maker when resolution sent both to the same entity (a lab into its university, one firm
    // written two ways); every other name is its own maker.
    const entities = new Set([...distinct].map((n) => entityOf.get(n) ?? assert.fail(`no entity for ${n}`)));
    const merged = distinct.size - entities.size;
    assert.equal(made.get(city), entities.size, `${label}: ${distinct.size} names, ${merged} merged`);
  }
  // Beijing: three PKU labs fold into Peking University, a BJTU school into BJTU. Shanghai: two ECNU units into
  // ECNU, an SJTU institute into SJTU, and one lab written two ways (上海市人工智能实验室 = 上海人工智能实验室).
  assert.equal(made.get('city:beijing'), 81 - 3);
  assert.equal(made.get('city:shanghai'), 31 - 4);
  assert.ok(merges.some((m) => m.raw_name === '上海市人工智能实验室' && m.method === 'variant'));
  assert.ok(merges.filter((m) => m.method === 'sub-unit').length >= 10);
});

test('no organisation of the curated set is duplicated by the list', async () => {
  const dups = await db.all(sql`
    WITH n AS (SELECT DISTINCT n.entity_id, n.norm FROM entity_names n JOIN entities e ON e.id = n.entity_id
               WHERE e.kind IN ('company', 'lab', 'university', 'government', 'investor', 'organization') AND n.kind IN ('en', 'zh'))
    SELECT a.norm, list(DISTINCT a.entity_id) AS ids FROM n a JOIN n b ON a.norm = b.norm AND a.entity_id <> b.entity_id
    JOIN entities c ON c.id = a.entity_id AND c.dataset = 'curated' GROUP BY a.norm`);
  assert.deepEqual(dups, []);
  const sample = await db.all<{ id: string }>(
    sql`SELECT entity_id AS id FROM entity_names WHERE norm = ${normalizeName('阿里云')}`,
  );
  assert.ok(sample.every((r) => r.id === 'org:alibaba-cloud'));
});
