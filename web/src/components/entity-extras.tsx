/**
 * What an entity page shows beyond its facts: an organisation's funding rounds, the rounds an investor joined, the
 * policies that name it, its suppliers and customers, its CAC filings; a city's or province's league figures, money
 * raised by its firms, policies and filings. Each block comes from the same API as the dashboard's pages.
 */
import {
  api,
  type CitiesData,
  type FilingsData,
  type FundingData,
  type PoliciesData,
  type SupplyData,
} from '../api.ts';
import { componentName, money, placeName } from '../format.ts';
import { FilingsPerQuarter } from './filings-chart.tsx';
import { FoundersUniversities } from './founders-universities.tsx';
import { useLoad } from '../hooks.ts';
import { date, lang, messages, shown } from '../i18n.ts';

/** Policy types (src/model/types.ts POLICY_TYPES) in Chinese. */
const POLICY_TYPE_ZH: Record<string, string> = {
  'compute-voucher': '算力券',
  'guidance-fund': '政府引导基金',
  programme: '专项计划',
  'action-plan': '行动计划',
  regulation: '法规',
  subsidy: '补贴',
};

/** How a policy relates to a firm, in Chinese. */
const ROLE_ZH: Record<string, string> = { named: '点名', funded: '资助', hosted: '承载' };

/** How a supplier and a maker are linked (src/model/types.ts SUPPLY_KINDS) in Chinese. */
const SUPPLY_KIND_ZH: Record<string, string> = { supply: '供货', partnership: '合作', qualification: '验证中' };

const T = messages(
  {
    noAmount: 'no amount disclosed',
    plus: ' + ',
    league: 'In the city league',
    rank: (rank: number, of: number, orgs: string, llm: string, models: string, unis: string, filings: string) =>
      `Rank ${rank} of ${of} cities by AI organisations: ${orgs} AI organisations, ${llm} LLM makers, ${models} notable ` +
      `models, ${unis} universities, ${filings} generative-AI services filed. `,
    wholeLeague: 'The whole league',
    placeFunding: 'Money raised by its firms',
    funding: 'Funding rounds',
    rounds: (n: string, sum: string) => `${n} cited rounds; disclosed: ${sum} (each currency as reported). `,
    allRounds: 'All rounds',
    invested: 'Rounds it invested in',
    placePolicies: 'AI policies issued here',
    policies: 'Policies that name it',
    undated: 'undated',
    when: (iso: string) => iso,
    policy: (type: string | null, amount: string | null) => ` (${type ?? ''}${amount ? `, ${amount}` : ''})`,
    amount: (money: string, note: string | null) => `${money}: ${note ?? ''}`,
    firms: (firms: { name: string | null; role: string }[]) =>
      ` · firms: ${firms.map((f) => `${f.name} (${f.role})`).join(', ')}`,
    supply: 'Supply chain',
    supplies: 'Supplies ',
    suppliedBy: 'Supplied by ',
    link: (component: string, kind: string, asOf: string | null) =>
      `: ${component.replace(/-/g, ' ')}${kind === 'supply' ? '' : ` (${kind})`}${asOf ? `, ${asOf}` : ''}`,
    filings: 'Generative-AI filings with the CAC',
    filed: (filed: string, registered: string, lists: string) =>
      `${filed} services filed, ${registered} apps registered in the ${lists} lists bundled.`,
    cityCounted: ' Counted by the provider’s place or the city its legal name registers it in.',
    placeFiled: 'Services filed here per quarter',
    ownFiled: 'Its services filed per quarter',
    provider: (provider: string, city: string | null) => ` (${provider}${city ? `, ${city}` : ''})`,
    more: (n: string) => `… and ${n} more.`,
    orgSep: ', ',
    round: (round: string, amount: string) => `${round}: ${amount}`,
    investors: (investors: { name: string; lead: boolean }[]) =>
      ` · ${investors.map((i) => `${i.name}${i.lead ? ' (lead)' : ''}`).join(', ')}`,
  },
  {
    noAmount: '未披露金额',
    plus: ' + ',
    league: '城市排行',
    rank: (rank: number, of: number, orgs: string, llm: string, models: string, unis: string, filings: string) =>
      `按 AI 机构数，在 ${of} 个城市中排第 ${rank}：AI 机构 ${orgs} 家，大模型厂商 ${llm} 家，知名模型 ${models} 个，` +
      `高校 ${unis} 所，生成式人工智能服务备案 ${filings} 个。`,
    wholeLeague: '查看完整排行',
    placeFunding: '本地企业融资',
    funding: '融资轮次',
    rounds: (n: string, sum: string) => `有来源的融资 ${n} 轮；已披露金额：${sum}（各币种按报道原样列出）。`,
    allRounds: '全部融资',
    invested: '参投的融资',
    placePolicies: '本地出台的 AI 政策',
    policies: '提及它的政策',
    undated: '日期不详',
    when: (iso: string) => date(iso),
    policy: (type: string | null, amount: string | null) =>
      type || amount ? `（${[type ? (POLICY_TYPE_ZH[type] ?? type) : null, amount].filter(Boolean).join('，')}）` : '',
    amount: (money: string, note: string | null) => (note ? `${money}：${note}` : money),
    firms: (firms: { name: string | null; role: string }[]) =>
      ` · 涉及企业：${firms.map((f) => `${f.name}（${ROLE_ZH[f.role] ?? f.role}）`).join('、')}`,
    supply: '供应链',
    supplies: '供货给 ',
    suppliedBy: '供应商 ',
    link: (component: string, kind: string, asOf: string | null) =>
      `：${componentName(component)}` +
      `${kind === 'supply' ? '' : `（${SUPPLY_KIND_ZH[kind] ?? kind}）`}${asOf ? `，${date(asOf)}` : ''}`,
    filings: '生成式人工智能服务备案',
    filed: (filed: string, registered: string, lists: string) =>
      `所收录的 ${lists} 份清单中：已备案服务 ${filed} 个，已登记应用 ${registered} 个。`,
    cityCounted: '按服务提供者所在地，或其法定名称所登记的城市统计。',
    placeFiled: '本地每季度备案的服务数',
    ownFiled: '其每季度备案的服务数',
    provider: (provider: string, city: string | null) => `（${provider}${city ? `，${city}` : ''}）`,
    more: (n: string) => `…… 另有 ${n} 条。`,
    orgSep: '，',
    round: (round: string, amount: string) => `${round}：${amount}`,
    investors: (investors: { name: string; lead: boolean }[]) =>
      ` · ${investors.map((i) => `${i.name}${i.lead ? '（领投）' : ''}`).join('、')}`,
  },
);

/** A count as shown: as is in English, grouped in 中文. */
const count = (n: unknown) => shown(typeof n === 'number' || typeof n === 'string' ? n : String(n));

/** A name in the reader's language first, from a row's `en`/`zh` pair. */
const pick = (en: string | null | undefined, zh: string | null | undefined) =>
  lang() === 'zh' ? (zh ?? en ?? null) : (en ?? zh ?? null);

interface Extras {
  funding: FundingData | null;
  invested: FundingData | null;
  policies: PoliciesData | null;
  supply: SupplyData | null;
  filings: FilingsData | null;
  league: { rank: number; of: number; row: Record<string, unknown> } | null;
  /** The league with where the place's founders studied (a city or province page). */
  cities: CitiesData | null;
}

async function load(id: string, kind: string): Promise<Extras> {
  const q = (k: string) => `${k}=${encodeURIComponent(id)}`;
  const none = Promise.resolve(null);
  const org = ['company', 'lab', 'university', 'government', 'investor', 'organization'].includes(kind);
  const [funding, invested, policies, supply, filings, cities] = await Promise.all([
    org
      ? api.funding(q('org'))
      : kind === 'city'
        ? api.funding(q('city'))
        : kind === 'province'
          ? api.funding(q('province'))
          : none,
    org ? api.funding(q('investor')) : none,
    org ? api.policies(q('org')) : kind === 'city' || kind === 'province' ? api.policies(q('place')) : none,
    org ? api.supply(q('org')) : none,
    org
      ? api.filings(q('org'))
      : kind === 'city'
        ? api.filings(q('city'))
        : kind === 'province'
          ? api.filings(q('province'))
          : none,
    kind === 'city' || kind === 'province' ? api.cities(id) : none,
  ]);
  let league: Extras['league'] = null;
  if (cities) {
    const sorted = [...cities.cities].sort((a, b) => b.ai_organizations - a.ai_organizations);
    const at = sorted.findIndex((c) => c.city === id);
    if (at >= 0) league = { rank: at + 1, of: sorted.length, row: sorted[at] as Record<string, unknown> };
  }
  return { funding, invested, policies, supply, filings, league, cities };
}

const sumText = (amounts: FundingData['totals']['amounts']) =>
  amounts.map((a) => money(a.total, a.currency)).join(T().plus) || T().noAmount;

export function EntityExtras({ id, kind, name }: { id: string; kind: string; name: string }) {
  const { data } = useLoad(() => load(id, kind), [id, kind]);
  if (!data) return null;
  const { funding, invested, policies, supply, filings, league, cities } = data;
  const t = T();
  const place = kind === 'city' || kind === 'province';
  return (
    <>
      {league ? (
        <section id="league">
          <h2>{t.league}</h2>
          <p>
            {t.rank(
              league.rank,
              league.of,
              count(league.row.ai_organizations),
              count(league.row.llm_makers),
              count(league.row.notable_models),
              count(league.row.universities),
              count(league.row.genai_filings),
            )}
            <a href="/cities">{t.wholeLeague}</a>
          </p>
        </section>
      ) : null}
      {cities ? <FoundersUniversities data={cities} placeName={name} /> : null}
      {funding && funding.rounds.length > 0 ? (
        <section id="funding">
          <h2>{place ? t.placeFunding : t.funding}</h2>
          <p class="muted">
            {t.rounds(count(funding.totals.rounds), sumText(funding.totals.amounts))}
            <a href="/money">{t.allRounds}</a>
          </p>
          <RoundList data={funding} showOrg={place} />
        </section>
      ) : null}
      {invested && invested.rounds.length > 0 ? (
        <section id="invested">
          <h2>{t.invested}</h2>
          <RoundList data={invested} showOrg />
        </section>
      ) : null}
      {policies && policies.policies.length > 0 ? (
        <section id="policies">
          <h2>{place ? t.placePolicies : t.policies}</h2>
          <ul>
            {policies.policies.slice(0, 40).map((p) => {
              const s = policies.sources.find((x) => p.source_ids.includes(x.id));
              return (
                <li key={p.id}>
                  {p.date ? t.when(p.date) : t.undated} — <a href={`/entity/${p.id}`}>{pick(p.en, p.zh)}</a>
                  {t.policy(p.type, p.amount !== null ? t.amount(money(p.amount, p.currency), p.amount_note) : null)}
                  {p.firms.length > 0 ? t.firms(p.firms.map((f) => ({ name: pick(f.en, f.zh), role: f.role }))) : ''}
                  <Cited source={s} />
                </li>
              );
            })}
          </ul>
        </section>
      ) : null}
      {supply && supply.links.length > 0 ? (
        <section id="supply">
          <h2>{t.supply}</h2>
          <ul>
            {supply.links.map((l) => {
              const outgoing = l.supplier === id;
              const other = outgoing ? l.customer : l.supplier;
              const name = outgoing ? pick(l.customer_en, l.customer_zh) : pick(l.supplier_en, l.supplier_zh);
              const s = supply.sources.find((x) => x.id === l.source_id);
              return (
                <li key={`${other}${l.component}${l.kind}${l.source_id}`}>
                  {outgoing ? t.supplies : t.suppliedBy}
                  <a href={`/entity/${other}`}>{name ?? other}</a>
                  {t.link(l.component, l.kind, l.as_of)}
                  <Cited source={s} />
                </li>
              );
            })}
          </ul>
        </section>
      ) : null}
      {filings && filings.records.length > 0 ? (
        <section id="filings">
          <h2>{t.filings}</h2>
          <p class="muted">
            {t.filed(count(filings.totals.filed), count(filings.totals.registered), count(filings.lists.length))}
            {kind === 'city' ? t.cityCounted : ''}
          </p>
          {filings.totals.filed > 0 ? (
            <FilingsPerQuarter data={filings} id="filings-per-quarter" title={place ? t.placeFiled : t.ownFiled} />
          ) : null}
          <ul id="filing-records">
            {filings.records.slice(0, 30).map((r) => (
              <li key={r.filing_id}>
                {t.when(r.filed_on ?? r.list_date)} — {r.service}
                {t.provider(r.provider, r.city && kind !== 'city' ? placeName(r.city) : null)}{' '}
                <code>{r.filing_id}</code>
              </li>
            ))}
          </ul>
          {filings.records.length > 30 ? <p class="muted">{t.more(count(filings.records.length - 30))}</p> : null}
        </section>
      ) : null}
    </>
  );
}

/** " · Publisher", linked to the source, after a line that rests on it. */
function Cited({ source }: { source: { url: string; publisher: string } | undefined }) {
  return source ? (
    <>
      {' '}
      · <a href={source.url}>{source.publisher}</a>
    </>
  ) : null;
}

function RoundList({ data, showOrg }: { data: FundingData; showOrg: boolean }) {
  const t = T();
  return (
    <ul id={showOrg ? undefined : 'rounds'}>
      {data.rounds.slice(0, 40).map((r) => {
        const s = data.sources.find((x) => x.id === r.source_id);
        return (
          <li key={r.id}>
            {t.when(r.date)} — {showOrg ? <a href={`/entity/${r.org}`}>{pick(r.org_en, r.org_zh)}</a> : null}
            {showOrg ? t.orgSep : ''}
            {t.round(r.round, money(r.amount, r.currency, r.qualifier))}
            {r.investors.length > 0
              ? t.investors(r.investors.map((i) => ({ name: pick(i.en, i.zh) ?? i.id, lead: i.lead })))
              : ''}
            <Cited source={s} />
          </li>
        );
      })}
    </ul>
  );
}
