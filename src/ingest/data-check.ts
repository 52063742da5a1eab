/** `neijuan check-data`: the bundled dataset's checks and its coverage report (written to docs/DATA.md). */
import { hostOf, weakHostList, weakSource, wikipediaProblem } from '../model/source-hosts.ts';
import { Db } from '../store/db.ts';
import {
  aiOrganizationsPerCity,
  chinesePriceCoverage,
  chineseAiOrganizations,
  chineseOrganizationsWithoutCitedClass,
  duplicateIdentityKeys,
  priceModelsThatAreNotNames,
  brokenRedirects,
  coverageTotals,
  nameCollisions,
  organizationsPerSegment,
  whereMoneyCoverage,
} from '../store/queries/coverage.ts';
import { getEntities } from '../store/queries/entities.ts';
import { sql } from '../store/sql.ts';
import { loadBundled } from './build.ts';

/** Every organisation, person-free place and university the INSEAD article names: each must be present and complete. */
export const INSEAD_ENTITIES = [
  'org:baidu',
  'org:alibaba',
  'org:tencent',
  'org:bytedance',
  'product:coze',
  'org:huawei',
  'org:deepseek',
  'org:zhipu-ai',
  'org:iflytek',
  'org:sensetime',
  'org:moonshot-ai',
  'product:kimi',
  'org:unitree',
  'org:agibot',
  'org:game-science',
  'org:deep-robotics',
  'org:brainco',
  'org:manycore-tech',
  'org:zhejiang-university',
  'org:ceibs',
  'city:hangzhou',
  'city:beijing',
  'city:shanghai',
  'city:shenzhen',
] as const;

/**
 * A floor against data loss, not a target: AI makers and public research only (adopters are counted apart since the
 * AI classes landed, which took the count from 371 organisations of every kind to 305).
 */
export const MIN_CHINESE_AI_ORGANIZATIONS = 290;
/** The price war needs depth: Chinese price rows, and vendors with list prices on at least 3 dates. */
export const MIN_CHINESE_PRICE_ROWS = 150;
export const MIN_CHINESE_PRICE_VENDORS = 12;

/**
 * Floors for the money, policy, supply-chain and filings records (issue: where, with whose money, from which
 * suppliers): what the bundled data holds today, so a loss fails the check. The issue's targets are higher for rounds
 * (150) and the supply chain (25 makers, 30 links); docs/DATA.md shows the counts beside them.
 */
export const WHERE_MONEY_FLOORS = {
  funding_rounds: 110,
  policies_subnational: 40,
  provinces_with_policies: 8,
  genai_filings: 300,
} as const;

export interface DataCheckResult {
  problems: string[];
  report: string;
  chineseAiOrganizations: number;
}

export async function checkBundledData(dataDir: string): Promise<DataCheckResult> {
  const db = await Db.open({ path: ':memory:' });
  const problems: string[] = [];
  try {
    // Schema, references, plausible years and dates, Chinese script: checked while reading (an error stops here).
    const runs = await loadBundled(db, dataDir);

    const unsourced = await db.all<{ what: string; n: number }>(sql`
      WITH s AS (SELECT DISTINCT id FROM sources WHERE url LIKE 'http%' AND retrieved IS NOT NULL AND retrieved <> '')
      SELECT what, count(*)::INT AS n FROM (
        SELECT 'fact' AS what FROM facts WHERE source_id NOT IN (SELECT id FROM s)
        UNION ALL SELECT 'relation' FROM relations WHERE source_id NOT IN (SELECT id FROM s)
        UNION ALL SELECT 'observation' FROM observations WHERE source_id NOT IN (SELECT id FROM s)
        UNION ALL SELECT 'price' FROM prices WHERE source_id NOT IN (SELECT id FROM s)
        UNION ALL SELECT 'funding round' FROM funding_rounds WHERE source_id NOT IN (SELECT id FROM s)
        UNION ALL SELECT 'supply link' FROM supply_links WHERE source_id NOT IN (SELECT id FROM s)
        UNION ALL SELECT 'filing' FROM genai_filings WHERE source_id NOT IN (SELECT id FROM s)
        UNION ALL SELECT 'entity' FROM entities WHERE id NOT IN (SELECT entity_id FROM entity_sources WHERE source_id IN (SELECT id FROM s))
      ) GROUP BY what`);
    for (const u of unsourced) problems.push(`${u.n} ${u.what}(s) without a source having a URL and a retrieval date`);

    for (const c of await nameCollisions(db, 'curated')) {
      problems.push(`curated entities ${c.a} and ${c.b} share the name "${c.norm}" (mark them distinct_from, or fix)`);
    }
    // One entity per organisation: no two organisations may share an identity key or a name (across every input),
    // unless a cited distinct_from says why they are two.
    for (const d of await duplicateIdentityKeys(db))
      problems.push(
        `${d.a} and ${d.b} share the identity key ${d.attr}=${d.value}: merge them (formerly) or fix the key`,
      );
    for (const c of await nameCollisions(db, null, 'organization'))
      problems.push(
        `organisations ${c.a} and ${c.b} share the name "${c.norm}": merge them (formerly) or mark them distinct_from`,
      );
    for (const r of await brokenRedirects(db)) problems.push(`redirect ${r.old_id} → ${r.new_id}: ${r.problem}`);
    // Sources worth citing: no mirror, repost, content farm or generated wiki; a Wikipedia title names its article.
    const sourceRows = await db.all<{ id: string; title: string; url: string; published: string | null }>(
      sql`SELECT id, min(title) AS title, min(url) AS url, min(published) AS published FROM sources GROUP BY id ORDER BY id`,
    );
    for (const src of sourceRows) {
      const weak = weakSource(src.url);
      if (weak) problems.push(`source ${src.id} is on a ${weak.kind} host (${weak.host}): cite the original page`);
      const wiki = wikipediaProblem(src.url, src.title);
      if (wiki) problems.push(`source ${src.id}: ${wiki}`);
    }
    const wikipedia = sourceRows.filter((x) => hostOf(x.url).endsWith('wikipedia.org'));
    const sourceShares = {
      total: sourceRows.length,
      dated: sourceRows.filter((x) => x.published).length,
      original: sourceRows.filter((x) => !weakSource(x.url)).length,
      wikipedia: wikipedia.length,
      permalinks: wikipedia.filter((x) => /[?&]oldid=\d+/.test(x.url)).length,
    };
    const unclassified = await chineseOrganizationsWithoutCitedClass(db);
    if (unclassified.length > 0)
      problems.push(
        `${unclassified.length} Chinese organisations active in AI have no cited ai_class: ${unclassified.map((u) => u.id).join(', ')}`,
      );

    const insead = await getEntities(db, INSEAD_ENTITIES);
    for (const id of INSEAD_ENTITIES) {
      const e = insead.find((x) => x.id === id);
      if (!e) {
        problems.push(`${id} (named in the INSEAD article) is missing`);
        continue;
      }
      if (!e.name_en || !e.name_zh) problems.push(`${id} lacks an English or Chinese name`);
      if (id.startsWith('org:') && e.kind !== 'university' && e.segments.length === 0)
        problems.push(`${id} has no segment`);
      if (id.startsWith('org:') && !e.city) problems.push(`${id} has no city`);
      if (id.startsWith('org:')) {
        const founded = await db.one<{ n: number }>(
          sql`SELECT count(*)::INT AS n FROM facts WHERE entity_id = ${id} AND attr IN ('founded', 'founding_date')`,
        );
        if (!founded?.n) problems.push(`${id} has no founding year`);
      }
    }

    const cn = await chineseAiOrganizations(db);
    const cnTotal = cn.filter((r) => r.counted).reduce((n, r) => n + r.n, 0);
    const cnAdopters = cn.filter((r) => r.ai_class === 'adopter').reduce((n, r) => n + r.n, 0);
    const cnOther = cn.filter((r) => !r.counted && r.ai_class !== 'adopter').reduce((n, r) => n + r.n, 0);
    if (cnTotal < MIN_CHINESE_AI_ORGANIZATIONS) {
      problems.push(
        `${cnTotal} Chinese AI organisations; the dataset promises at least ${MIN_CHINESE_AI_ORGANIZATIONS}`,
      );
    }

    const money = await whereMoneyCoverage(db);
    for (const [key, floor] of Object.entries(WHERE_MONEY_FLOORS)) {
      const n = Number(money?.[key] ?? 0);
      if (n < floor) problems.push(`${n} ${key.replace(/_/g, ' ')}; the dataset promises at least ${floor}`);
    }

    for (const m of await priceModelsThatAreNotNames(db))
      problems.push(`price row of ${m.vendor_id}: model "${m.model}" is not a model name (move the words to note)`);
    const prices = await chinesePriceCoverage(db);
    const priceRows = prices.reduce((n, r) => n + r.rows, 0);
    if (priceRows < MIN_CHINESE_PRICE_ROWS)
      problems.push(`${priceRows} Chinese price rows; the dataset promises at least ${MIN_CHINESE_PRICE_ROWS}`);
    const deep = prices.filter((p) => p.list_dates >= 3).length;
    if (deep < MIN_CHINESE_PRICE_VENDORS)
      problems.push(
        `${deep} Chinese vendors with list prices on 3+ dates; the dataset promises ${MIN_CHINESE_PRICE_VENDORS}`,
      );

    const totals = await coverageTotals(db);
    const segments = await organizationsPerSegment(db);
    const cities = await aiOrganizationsPerCity(db, 20);
    const everyCollision = await nameCollisions(db, null);
    const pct = (n: number, of: number) => `${of === 0 ? 0 : Math.round((100 * n) / of)} %`;
    const table = (head: string[], rows: (string | number)[][]) =>
      [
        `| ${head.join(' | ')} |`,
        `|${head.map(() => '---').join('|')}|`,
        ...rows.map((r) => `| ${r.join(' | ')} |`),
      ].join('\n');
    const report = [
      '# The bundled dataset: coverage',
      '',
      'Generated by `npm run check:data -- --write` from `data/` (a test fails when it is out of date).',
      '',
      `**${cnTotal} Chinese AI organisations** (AI makers and public research placed in China, with an AI segment or a ` +
        `model they developed), plus **${cnAdopters} AI adopters** (organisations whose business is elsewhere, with a model ` +
        `of their own) and ${cnOther} others, among ${totals?.entities} entities, from **${totals?.sources} sources**.`,
      '',
      "Each organisation's AI class is cited (a page describing its business), an estimate (resting on its name or filed " +
        'model; marked `estimate`), or follows from its kind (universities and research labs, government bodies).',
      '',
      table(
        ['AI class', 'counted', 'basis', 'kind', 'organisations'],
        cn.map((r) => [r.ai_class ?? 'none', r.counted ? 'yes' : 'no', r.basis ?? '', r.kind, r.n]),
      ),
      '',
      '## Inputs',
      '',
      table(
        ['input', 'rows read', 'rows written', 'data issues'],
        runs.map((r) => [r.input.replace(dataDir, 'data'), r.read, r.inserted, r.issues]),
      ),
      '',
      '## Organisations per segment',
      '',
      table(
        ['segment', 'in China', 'elsewhere'],
        segments.map((s) => [s.segment, s.cn, s.elsewhere]),
      ),
      '',
      '## AI organisations per city (top 20)',
      '',
      table(
        ['city', 'id', 'organisations'],
        cities.map((c) => [c.name, c.city, c.n]),
      ),
      '',
      '## LLM API prices of Chinese vendors',
      '',
      `${priceRows} price rows; ${deep} vendors have list prices on 3 or more dates.`,
      '',
      table(
        ['vendor', 'id', 'rows', 'dates with a list price', 'kinds', 'from', 'to'],
        prices.map((p) => [p.vendor ?? p.vendor_id, p.vendor_id, p.rows, p.list_dates, p.kinds, p.first, p.last]),
      ),
      '',
      '## Sources',
      '',
      table(
        ['sources', 'count', 'share'],
        [
          ['all', sourceShares.total, '100 %'],
          ['with a published date', sourceShares.dated, pct(sourceShares.dated, sourceShares.total)],
          [
            'original (no mirror, repost, content farm or generated wiki)',
            sourceShares.original,
            pct(sourceShares.original, sourceShares.total),
          ],
          ['Wikipedia articles', sourceShares.wikipedia, pct(sourceShares.wikipedia, sourceShares.total)],
          [
            'of which revision permalinks (oldid)',
            sourceShares.permalinks,
            pct(sourceShares.permalinks, sourceShares.wikipedia),
          ],
        ],
      ),
      '',
      'Pages without a publication date by nature (encyclopedia articles, company and university pages, repositories,',
      'database records) count as undated. Hosts `check-data` refuses (`src/model/source-hosts.ts`): ' +
        weakHostList()
          .map((k) => `${k.hosts.length} ${k.kind}s`)
          .join(', ') +
        '.',
      '',
      '## Totals',
      '',
      table(
        ['what', 'count'],
        Object.entries(totals ?? {}).map(([k, v]) => [k.replace(/_/g, ' '), String(v)]),
      ),
      '',
      `Curated organisations with at least one founder: ${totals?.curated_orgs_with_founders} of ${totals?.curated_orgs} ` +
        `(${Math.round((100 * (totals?.curated_orgs_with_founders ?? 0)) / Math.max(totals?.curated_orgs ?? 1, 1))} %).`,
      '',
      '## Money, policies, the humanoid supply chain, filings and patents',
      '',
      'Funding rounds as reported (amounts in their currency), policies by place with the firms their sources link, ',
      'cited supply links between component makers and robot makers, the CAC lists as records, and AI patent series.',
      '',
      table(
        ['what', 'count', 'floor'],
        Object.entries(money ?? {}).map(([k, v]) => [
          k.replace(/_/g, ' '),
          String(v),
          String((WHERE_MONEY_FLOORS as Record<string, number>)[k] ?? ''),
        ]),
      ),
      '',
      '## For review: same name, different entities across inputs',
      '',
      'Entities from different inputs (or repeated rows of one Epoch file) whose names normalise alike. They are kept',
      'apart until a source says they are one; each pair is listed here so a reviewer can decide.',
      '',
      table(
        ['name', 'entity', 'entity'],
        everyCollision.map((c) => [c.norm, c.a, c.b]),
      ),
      '',
    ].join('\n');
    return { problems, report, chineseAiOrganizations: cnTotal };
  } finally {
    db.close();
  }
}
