/**
 * `neijuan export` and /api/export: every public table and every payload's table, each with its sources, in Parquet,
 * CSV or one DuckDB file, described by a Frictionless Data package (`datapackage.json`: schemas, licences, sources).
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SEGMENTS } from '../model/types.ts';
import type { Db } from '../store/db.ts';
import { sql } from '../store/sql.ts';
import {
  duckdbFromParquet,
  type ExportFormat,
  PUBLIC_TABLES,
  type WrittenTable,
  writeRows,
  writeTable,
} from '../store/export.ts';
import { computeCitiesPayload } from './cities.ts';
import { compareCsvRows, compareParams, computeComparePayload } from './compare.ts';
import { computeInvolutionPayload, involutionCsvRows, involutionParams } from './involution.ts';
import { computePricesPayload, pricesCsvRows, pricesParams } from './prices.ts';
import { computeSegmentList } from './segments.ts';

type Source = { id: string; title: string; url: string; publisher: string; published: string | null; licence: string };

/** The payload tables an export carries: each a table of rows and the sources behind them. */
async function payloadTables(
  db: Db,
): Promise<{ name: string; title: string; rows: Record<string, unknown>[]; sources: Source[] }[]> {
  const cities = await computeCitiesPayload(db, { country: 'country:cn' });
  const segments = await computeSegmentList(db, { country: 'country:cn' });
  const involution: Record<string, unknown>[] = [];
  const involutionSources = new Map<string, Source>();
  for (const segment of SEGMENTS) {
    const p = await computeInvolutionPayload(db, involutionParams.parse({ segment }));
    involution.push(...involutionCsvRows(p).map((r) => ({ segment, ...r })));
    for (const s of p.sources) involutionSources.set(s.id, s);
  }
  const prices = await computePricesPayload(db, pricesParams.parse({}));
  const compare = await computeComparePayload(db, compareParams.parse({}));
  return [
    { name: 'city_league', title: 'City league (China)', rows: cities.cities, sources: cities.sources },
    {
      name: 'segment_summary',
      title: 'Segments: players, adopters, cities, releases (China)',
      rows: segments.rows,
      sources: segments.sources,
    },
    {
      name: 'involution_index',
      title: 'Involution index per segment and year (China, commercial players, default weights)',
      rows: involution,
      sources: [...involutionSources.values()],
    },
    {
      name: 'llm_prices',
      title: 'LLM API prices and the like-for-like price index',
      rows: pricesCsvRows(prices),
      sources: prices.sources,
    },
    {
      name: 'compare_blocs',
      title: 'China, the US, the EU-27, the UK and the rest',
      rows: compareCsvRows(compare),
      sources: compare.sources,
    },
  ];
}

/** Frictionless field types of DuckDB column types (CSV holds lists and structs as text). */
function fieldType(duck: string, format: ExportFormat): string {
  const t = duck.toUpperCase();
  if (t.endsWith('[]') || t.startsWith('STRUCT') || t.startsWith('MAP') || t === 'JSON')
    return format === 'parquet' ? (t.endsWith('[]') ? 'array' : 'object') : 'string';
  if (t === 'BOOLEAN') return 'boolean';
  if (/^(U?(TINY|SMALL|BIG|HUGE)?INT(EGER)?)$/.test(t)) return 'integer';
  if (/^(DOUBLE|FLOAT|REAL|DECIMAL.*)$/.test(t)) return 'number';
  if (t === 'DATE') return 'date';
  if (t.startsWith('TIMESTAMP')) return 'datetime';
  if (t === 'VARCHAR') return 'string';
  return 'any';
}

const MEDIA = { parquet: 'application/vnd.apache.parquet', csv: 'text/csv' } as const;

export interface ExportResult {
  dir: string;
  format: ExportFormat | 'duckdb';
  tables: WrittenTable[];
  files: string[];
  datapackage: Record<string, unknown>;
}

/** Writes the export into `dir` (made if missing; files of the same names are replaced). */
export async function exportAll(
  db: Db,
  dir: string,
  format: ExportFormat | 'duckdb',
  meta: { version: string },
): Promise<ExportResult> {
  mkdirSync(dir, { recursive: true });
  const tableFormat: ExportFormat = format === 'csv' ? 'csv' : 'parquet';
  const target = format === 'duckdb' ? join(dir, '.parquet-for-duckdb') : dir;
  const written: WrittenTable[] = [];
  for (const t of PUBLIC_TABLES) written.push(await writeTable(db, t, target, tableFormat));
  const payloads = await payloadTables(db);
  const payloadSources: Record<string, unknown>[] = [];
  for (const p of payloads) {
    written.push(await writeRows(db, p.name, p.rows, target, tableFormat));
    for (const s of p.sources)
      payloadSources.push({
        payload: p.name,
        source_id: s.id,
        title: s.title,
        url: s.url,
        publisher: s.publisher,
        published: s.published,
        licence: s.licence,
      });
  }
  written.push(await writeRows(db, 'payload_sources', payloadSources, target, tableFormat));

  // The inputs the bundled data comes from, as the sources table names them.
  const inputs = await db.all<{ title: string; url: string }>(sql`
    SELECT DISTINCT title, url FROM sources
    WHERE id IN ('src:epoch-notable-2026-01', 'src:epoch-all-2025-03', 'src:awesome-llms-in-china',
      'src:moe-2017-university-list', 'src:owid-ai-publications')
      OR dataset LIKE 'cac:%'
    ORDER BY title`);
  const licenses = [
    {
      name: 'CC-BY-4.0',
      path: 'https://creativecommons.org/licenses/by/4.0/',
      title: 'Epoch AI and Our World in Data rows (Data: Epoch AI; CSET ETO via OWID)',
    },
    {
      name: 'Apache-2.0',
      path: 'https://www.apache.org/licenses/LICENSE-2.0',
      title: 'Awesome LLMs In China rows (微信公众号：走向未来)',
    },
    {
      path: 'sources.' + tableFormat,
      title: 'Curated facts: each row cites its own source; the sources table gives each licence',
    },
  ];
  const payloadByName = new Map(payloads.map((p) => [p.name, p]));
  const resources =
    format === 'duckdb'
      ? [
          {
            name: 'neijuan',
            path: 'neijuan.duckdb',
            format: 'duckdb',
            mediatype: 'application/vnd.duckdb',
            profile: 'data-resource',
            description: `Every table below as one DuckDB database: ${written.map((w) => w.name).join(', ')}`,
          },
        ]
      : written.map((w) => {
          const p = payloadByName.get(w.name);
          return {
            profile: 'tabular-data-resource',
            name: w.name.replace(/_/g, '-'),
            path: `${w.name}.${tableFormat}`,
            format: tableFormat,
            mediatype: MEDIA[tableFormat],
            ...(tableFormat === 'csv' ? { encoding: 'utf-8' } : {}),
            title: p?.title ?? w.name.replace(/_/g, ' '),
            schema: { fields: w.columns.map((c) => ({ name: c.name, type: fieldType(c.type, tableFormat) })) },
            ...(p ? { sources: p.sources.map((s) => ({ title: s.title, path: s.url })) } : {}),
          };
        });
  const files = written.map((w) => w.file);
  if (format === 'duckdb') {
    const file = join(dir, 'neijuan.duckdb');
    await duckdbFromParquet(written, file);
    rmSync(target, { recursive: true, force: true });
    files.splice(0, files.length, file);
  }
  const datapackage = {
    profile: format === 'duckdb' ? 'data-package' : 'tabular-data-package',
    name: 'neijuan',
    title: "Neijuan: China's AI ecosystem from open, cited data",
    version: meta.version,
    created: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    licenses,
    sources: inputs.map((i) => ({ title: i.title, path: i.url })),
    resources: JSON.parse(JSON.stringify(resources)) as unknown[],
  };
  writeFileSync(join(dir, 'datapackage.json'), `${JSON.stringify(datapackage, null, 2)}\n`);
  return { dir, format, tables: written, files: [...files, join(dir, 'datapackage.json')], datapackage };
}
