/**
 * The API's "not enough data" reasons (src/analytics/involution.ts, price-index.ts) in the reader's language. The
 * server words them in English from a few templates; in 中文 each known template is rewritten, and any other reason
 * is shown as the server wrote it (a new template reads in English, never wrong).
 */
import { lang } from './i18n.ts';

const BASIS: Record<string, string> = { commercial: '商业', research: '科研', '': '' };
const who = (basis: string | undefined) => `${BASIS[(basis ?? '').trim()] ?? basis ?? ''}参与者`;

const RULES: [RegExp, (...m: string[]) => string][] = [
  [
    /^(\d+) active (?:(commercial|research) )?player\(s\) \(minimum (\d+)\)$/,
    (_, n, b, min) => `活跃${who(b)} ${n} 家（至少需 ${min} 家）`,
  ],
  [
    /^at most (\d+) active (?:(commercial|research) )?players in any year \(minimum (\d+)\)$/,
    (_, n, b, min) => `任何一年的活跃${who(b)}都不超过 ${n} 家（至少需 ${min} 家）`,
  ],
  [
    /^the years with (\d+)\+ active (?:(commercial|research) )?players are all after the censoring boundary \((\d+)\)$/,
    (_, n, b, year) => `活跃${who(b)}达到 ${n} 家的年份都在截尾边界（${year}年）之后`,
  ],
  [
    /^after the censoring boundary: (\d+) is not fully covered by every input that shows activity$/,
    (_, year) => `处于截尾边界之后：${year}年尚未被所有显示活动的数据源完整覆盖`,
  ],
  [/^censored year$/, () => '截尾年份'],
  [/^censored year: exits cannot be read from silence here$/, () => '截尾年份：无法从“没有新动静”推断退出'],
  [/^([\d.]+) release credits \(minimum (\d+)\)$/, (_, n, min) => `发布计数 ${n}（至少需 ${min}）`],
  [
    /^(\d+) release\(s\) with a cited training compute \(minimum (\d+)\)$/,
    (_, n, min) => `有可引用训练算力的发布 ${n} 个（至少需 ${min} 个）`,
  ],
  [
    /^only (\d+) year\(s\) with a value \(minimum (\d+) to standardise\)$/,
    (_, n, min) => `只有 ${n} 年有数值（标准化至少需 ${min} 年）`,
  ],
  [
    /^(\d+) weighted component\(s\) with a value \(minimum (\d+)\)$/,
    (_, n, min) => `有数值的加权分项 ${n} 个（至少需 ${min} 个）`,
  ],
  [/^no price series for this segment$/, () => '该细分领域没有价格序列'],
  [/^no price index this year$/, () => '该年没有价格指数'],
  [/^the index does not reach (\d+)$/, (_, year) => `价格指数未覆盖到 ${year}年`],
  [
    /^the index starts in ([\d-]+): fewer than (\d+) months of (\d+) to compare$/,
    (_, month, n, year) => `价格指数始于 ${month}：${year}年可比月份不足 ${n} 个`,
  ],
  [/^(\d+) matched SKUs? \(minimum (\d+)\)$/, (_, n, min) => `匹配 SKU ${n} 个（至少需 ${min} 个）`],
  [/^outside the unbroken chain$/, () => '不在连续的链式区间内'],
  [/^not indexed$/, () => '未计算指数'],
  [
    /^no year before the censoring boundary \((\d+)\) has (\d+) components standardised over (\d+)\+ years$/,
    (_, year, n, years) => `截尾边界（${year}年）之前没有哪一年有 ${n} 个经 ${years} 年以上数据标准化的分项`,
  ],
];

/** A reason as the reader's language words it (English: as the server wrote it). */
export function reasonText(reason: string | null | undefined): string {
  if (!reason) return '';
  if (lang() !== 'zh') return reason;
  for (const [pattern, zh] of RULES) {
    const m = pattern.exec(reason);
    if (m) return zh(...m);
  }
  return reason;
}
