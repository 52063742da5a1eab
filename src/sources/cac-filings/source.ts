/**
 * CAC generative-AI filings as records: each service filed (备案) with the CAC and each app or feature registered (登记)
 * with a provincial office, from the published lists. Two CSVs: `genai_filings.csv` (one row per record, as the list
 * gives it) and `genai_filing_lists.csv` beside it (one row per published list: its title, date and URL), so every
 * record cites the list it appeared in. Providers are resolved onto known organisations by name; the rest stay
 * unresolved (listed by /api/filings), never created or guessed.
 */
import { createHash } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import { z } from 'zod';
import { type Bundle, addOwn, emptyBundle } from '../../model/bundle.ts';
import { InputError } from '../../model/errors.ts';
import type { Resolver } from '../../model/resolver.ts';
import { readCsvRows } from '../csv-rows.ts';
import type { Connector, ReadResult } from '../source.ts';
import { parseFilingId } from '../cac/filing-id.ts';
import { GENAI_FILINGS } from './tables.ts';

const date = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}(-\d{2})?$/, 'expected YYYY-MM-DD (or YYYY-MM when the list gives only its month)');
const cell = z.string().trim().min(1, 'empty');

export const FILING_LIST_COLUMNS = ['list_id', 'title', 'published', 'url', 'via_url', 'licence'] as const;
const listSchema = z.object({
  list_id: z
    .string()
    .trim()
    .regex(/^[a-z0-9][a-z0-9-]*$/, 'expected a lower-case list id'),
  title: cell,
  published: date,
  url: z.url(),
  via_url: z.union([z.literal(''), z.url()]),
  licence: cell,
});

export const FILING_COLUMNS = [
  'list_id',
  'seq',
  'kind',
  'province',
  'service',
  'provider',
  'filing_id',
  'filed_on',
] as const;
const filingSchema = z.object({
  list_id: cell,
  seq: z.string().trim().regex(/^\d+$/, 'expected the row number in the list'),
  kind: z.enum(['filed', 'registered']),
  province: cell,
  service: cell,
  provider: cell,
  filing_id: cell,
  filed_on: z.union([z.literal(''), date]),
});

export type FilingList = z.infer<typeof listSchema> & { line: number };
export type FilingRow = z.infer<typeof filingSchema> & { line: number };
export interface FilingRecords {
  lists: FilingList[];
  filings: FilingRow[];
}

/** The lists file that goes with a filings file. */
export const listsFileOf = (file: string) => join(dirname(file), 'genai_filing_lists.csv');

export async function readFilings(file: string): Promise<ReadResult<FilingRecords>> {
  const listsFile = listsFileOf(file);
  const lists = await readCsvRows(listsFile, FILING_LIST_COLUMNS, listSchema);
  const filings = await readCsvRows(file, FILING_COLUMNS, filingSchema);
  const known = new Set<string>();
  for (const l of lists.rows) {
    if (known.has(l.list_id)) throw new InputError(listsFile, l.line, 'list_id', `list ${l.list_id} is listed twice`);
    known.add(l.list_id);
  }
  for (const f of filings.rows) {
    if (!known.has(f.list_id))
      throw new InputError(file, f.line, 'list_id', `unknown list "${f.list_id}" (not in ${basename(listsFile)})`);
  }
  const sha256 = createHash('sha256').update(lists.sha256).update(filings.sha256).digest('hex');
  return {
    dataset: `cac-filings:${basename(file)}`,
    input: file,
    sha256,
    records: [{ lists: lists.rows, filings: filings.rows }],
    rowsRead: filings.rows.length,
  };
}

/** "github.com/owner/repo" of a transcription's URL: named in the publisher, the full URL is in the lists file. */
const hostAndRepo = (url: string) => {
  const u = new URL(url);
  return `${u.hostname}${u.pathname.split('/').slice(0, 3).join('/')}`;
};

const listSourceId = (listId: string) => `src:cac-genai-list-${listId}`;

/** A leading place in a legal name: "北京", "深圳市", "杭州". */
const LEADING_PLACE =
  /^(北京|上海|天津|重庆|深圳|广州|杭州|南京|苏州|成都|武汉|西安|合肥|厦门|长沙|济南|青岛|宁波|无锡|郑州|福州|珠海|东莞|佛山|沈阳|大连|哈尔滨|长春|昆明|贵阳|南昌|南宁|海口|石家庄|太原|兰州|银川|西宁|呼和浩特|乌鲁木齐|拉萨)(市)?/u;
/** Trailing words of a Chinese company's legal form: "科技有限公司", "信息技术股份有限公司", "（北京）有限公司". */
const LEGAL_TAIL =
  /([（(][^）)]{2,6}[)）])?(信息|网络|智能|数字|数据|软件|计算机|电子|人工智能|技术|科技|系统|服务|发展|集团)*(股份)?(有限)?(责任)?公司$/u;

/** The place words a legal name may carry: its first 2–4 characters (with 市), and a parenthesised place. */
export function placesInName(legalName: string): string[] {
  const name = legalName.trim();
  const out: string[] = [];
  const paren = /[（(]([^）)]{2,6})[)）]/u.exec(name)?.[1];
  if (paren) out.push(paren, `${paren}市`);
  for (const len of [2, 3, 4]) {
    const head = name.slice(0, len);
    if (/^\p{Script=Han}+$/u.test(head)) out.push(`${head}市`, head);
  }
  return out;
}

/**
 * The trade name inside a legal name: "北京月之暗面科技有限公司" → "月之暗面", "北京快手科技有限公司" → "快手".
 * Null when nothing distinctive is left.
 */
export function tradeNameOf(legalName: string): string | null {
  const core = legalName
    .trim()
    .replace(LEGAL_TAIL, '')
    .replace(LEADING_PLACE, '')
    .replace(/[（(][^）)]*[)）]/gu, '');
  return core.length >= 2 && core !== legalName ? core : null;
}
/** "北京市" and "北京", "宁夏回族自治区" and "宁夏": the list's 属地 as a province name. */
const PROVINCE_SUFFIX = /(省|市|壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区)$/u;

export function mapFilings(records: FilingRecords, resolver: Resolver, file: string): Bundle {
  const b = emptyBundle();
  const listById = new Map(records.lists.map((l) => [l.list_id, l]));
  for (const l of records.lists) {
    b.sources.push({
      id: listSourceId(l.list_id),
      title: l.title,
      url: l.url,
      publisher:
        l.via_url === ''
          ? 'Cyberspace Administration of China (国家互联网信息办公室)'
          : `Cyberspace Administration of China (国家互联网信息办公室); rows read from a transcription at ${hostAndRepo(l.via_url)}`,
      published: l.published,
      retrieved: '2026-12-01',
      licence: l.licence,
    });
  }
  const issue = (row: FilingRow, field: string, value: string, message: string) =>
    b.issues.push({
      sourceId: listSourceId(row.list_id),
      entityId: null,
      field,
      value,
      message: `${basename(file)}: ${message}`,
      line: row.line,
    });
  const seen = new Map<string, number>();
  const resolved = new Set<string>();
  const provinces = new Map<string, string | null>();
  const provinceOf = (label: string): string | null => {
    if (!provinces.has(label)) {
      let found = resolver.resolve(label, 'place', ['province']);
      if (found.type !== 'match') found = resolver.resolve(label.replace(PROVINCE_SUFFIX, ''), 'place', ['province']);
      provinces.set(label, found.type === 'match' ? found.entityId : null);
    }
    return provinces.get(label) ?? null;
  };
  for (const row of records.filings) {
    const first = seen.get(row.filing_id);
    if (first !== undefined) {
      issue(row, 'filing_id', row.filing_id, `listed again (first on line ${first}); the first listing is kept`);
      continue;
    }
    seen.set(row.filing_id, row.line);
    const parsed = parseFilingId(row.filing_id);
    if (parsed === null || parsed.kind !== 'genai') {
      issue(row, 'filing_id', row.filing_id, 'does not parse as a generative-AI filing id; not ingested');
      continue;
    }
    if (parsed.registered !== (row.kind === 'registered')) {
      issue(
        row,
        'kind',
        row.kind,
        `the id says ${parsed.registered ? 'registered (S number)' : 'filed'}, the row says ${row.kind}; not ingested`,
      );
      continue;
    }
    const province = provinceOf(row.province);
    // 国资委 (SASAC): central state-owned enterprises file centrally, not in a province — no place, not a problem.
    if (province === null && row.province !== '国资委')
      issue(row, 'province', row.province, 'province not known; kept without a province');
    // The legal name as written, else its trade name (each such match is recorded in `resolutions`).
    let provider = resolver.resolve(row.provider, 'organization');
    const trade = tradeNameOf(row.provider);
    if (provider.type === 'none' && trade !== null) {
      const byTrade = resolver.resolve(trade, 'organization');
      if (byTrade.type === 'match') {
        provider = byTrade;
        if (!resolved.has(row.provider)) {
          resolved.add(row.provider);
          b.resolutions.push({ rawName: row.provider, entityId: byTrade.entityId, method: `trade name ${trade}` });
        }
      }
    }
    const list = listById.get(row.list_id) as FilingList;
    // A Chinese company's legal name carries the place it is registered in (杭州…有限公司, …（宁波）有限公司).
    let nameCity: string | null = null;
    for (const candidate of placesInName(row.provider)) {
      const found = resolver.resolve(candidate, 'place', ['city']);
      if (found.type === 'match') {
        nameCity = found.entityId;
        break;
      }
    }
    addOwn(b, GENAI_FILINGS, [
      row.filing_id,
      row.kind,
      row.list_id,
      list.published,
      Number(row.seq),
      row.province,
      province,
      row.service,
      row.provider,
      provider.type === 'match' ? provider.entityId : null,
      nameCity,
      row.filed_on === '' ? null : row.filed_on,
      parsed.date,
      listSourceId(row.list_id),
      row.line,
    ]);
  }
  return b;
}

export const cacFilingsConnector: Connector<FilingRecords> = {
  name: 'cac-filings',
  tables: [GENAI_FILINGS],
  read: readFilings,
  map: (read, resolver) => mapFilings(read.records[0] as FilingRecords, resolver, read.input),
};
