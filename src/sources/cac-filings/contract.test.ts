import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { connectorContract } from '../../../test/support/connector-contract.ts';
import { DATA_DIR } from '../../../test/support/bundled.ts';
import { ownRows } from '../../model/bundle.ts';
import { Resolver } from '../../model/resolver.ts';
import { cacFilingsConnector, readFilings, tradeNameOf } from './source.ts';
import { GENAI_FILINGS } from './tables.ts';

const f = (...parts: string[]) => join(import.meta.dirname, 'fixtures', ...parts);

connectorContract({
  connector: cacFilingsConnector,
  fixtures: [f('genai_filings_sample.csv')],
  damaged: [
    { input: f('damaged', 'unknown-list', 'genai_filings.csv'), expect: /genai_filings\.csv, line 4, field "list_id"/ },
    { input: f('damaged', 'bad-kind', 'genai_filings.csv'), expect: /genai_filings\.csv, line 4, field "kind"/ },
    { input: f('damaged', 'no-column', 'genai_filings.csv'), expect: /genai_filings\.csv, line 1, field "filed_on"/ },
  ],
  findable: [],
});

test('each record cites its list; ids that do not parse or contradict the kind are data issues, never guesses', async () => {
  const read = await readFilings(f('genai_filings_sample.csv'));
  const b = cacFilingsConnector.map(read, new Resolver([]));
  assert.equal(b.sources.length, 4);
  const filings = ownRows(b, GENAI_FILINGS);
  const ernie = filings.find((x) => x.filing_id === 'Beijing-WenXinYiYan-20230821');
  assert.equal(ernie?.source_id, 'src:cac-genai-list-2024-04');
  assert.equal(ernie?.filed_on, '2023-08-31');
  assert.equal(ernie?.kind, 'filed');
  // A registration's id carries an S number; the list's 属地 gives the province label.
  assert.ok(filings.some((x) => x.kind === 'registered' && /S\d{4}$/.test(String(x.filing_id))));
  // (With no places known, every province is an issue too: only the id issues are asserted here.)
  const idIssues = b.issues.filter((i) => i.field === 'filing_id');
  assert.deepEqual(
    idIssues.map((i) => i.value),
    ['ZheJiang-HuaShuShiHuaWenLvDaMoXing-20250609000026', 'Jiangsu-SiWeiXiangLiangZhiSuanYun-'],
  );
  assert.ok(b.issues.every((i) => i.line !== null && /genai_filings_sample\.csv/.test(i.message)));
  assert.equal(filings.length + idIssues.length, read.rowsRead);
});

test('a legal name gives its trade name; a name with nothing distinctive left gives none', () => {
  assert.equal(tradeNameOf('北京月之暗面科技有限公司'), '月之暗面');
  assert.equal(tradeNameOf('深圳市腾讯计算机系统有限公司'), '腾讯');
  assert.equal(tradeNameOf('西湖心辰（杭州）科技有限公司'), '西湖心辰');
  assert.equal(tradeNameOf('北京科技有限公司'), null);
});

test('the bundled lists add up to the CAC totals announced: 748 services filed by the end of 2025, 796 by February 2026', async () => {
  const read = await readFilings(join(DATA_DIR, 'cac', 'genai_filings.csv'));
  const rows = (read.records[0] ?? { filings: [] }).filings;
  const filedThrough = (last: string) => rows.filter((r) => r.kind === 'filed' && r.list_id <= last).length;
  assert.equal(filedThrough('2024-12'), 252 + 0, 'three lists in 2024');
  // The 2025-01 list holds the services filed to the end of 2024: 302 as the CAC announced on 2025-01-08.
  assert.equal(filedThrough('2025-01'), 302);
  assert.equal(filedThrough('2025-12'), 748);
  assert.equal(filedThrough('2026-02'), 796);
});
