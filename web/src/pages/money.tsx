import * as Plot from '@observablehq/plot';
import { Fragment } from 'preact';
import { useCallback, useMemo } from 'preact/hooks';
import { api, type FundingData, type PoliciesData } from '../api.ts';
import { Choice } from '../components/choice.tsx';
import { chartWidth, PlotFigure } from '../components/plot-figure.tsx';
import { DataTable, View } from '../components/view.tsx';
import { money, placeName } from '../format.ts';
import { useLoad, useQueryParam } from '../hooks.ts';
import { useYearParams, yearRange } from '../components/year-range.tsx';
import { date, lang, messages, nameOf, num, otherName, shown, shownDate } from '../i18n.ts';

type Policy = PoliciesData['policies'][number];
type Amounts = FundingData['totals']['amounts'];

/** Investor types (src/model/types.ts INVESTOR_TYPES). */
const TYPE_LABEL: Record<string, string> = {
  vc: 'venture and private equity',
  corporate: 'corporate',
  'state-guidance-fund': 'state guidance fund',
  'local-government-platform': 'local government platform',
  'state-fund': 'state fund',
  bank: 'bank',
  other: 'other',
};
const TYPE_ZH: Record<string, string> = {
  vc: '风险投资与私募股权',
  corporate: '企业',
  'state-guidance-fund': '政府引导基金',
  'local-government-platform': '地方政府平台',
  'state-fund': '国有基金',
  bank: '银行',
  other: '其他',
};
/** Policy types (src/model/types.ts POLICY_TYPES). */
const POLICY_TYPE_ZH: Record<string, string> = {
  'compute-voucher': '算力券',
  'guidance-fund': '引导基金',
  programme: '专项计划',
  'action-plan': '行动计划',
  regulation: '法规',
  subsidy: '补贴',
};
/** How a policy's source relates it to a firm (src/model/types.ts POLICY_ROLES). */
const ROLE_ZH: Record<string, string> = { named: '点名', funded: '资助', hosted: '落户' };

const T = messages(
  {
    nothingDisclosed: 'nothing disclosed',
    year: 'Year',
    rounds: 'Rounds',
    barTitle: (year: number, rounds: number, partial: boolean) =>
      `${year}: ${rounds} rounds${partial ? ' (partial year)' : ''}`,
    roundsTitle: (place: string) => `Funding rounds per year${place ? ` · ${place}` : ''}`,
    roundsTakeaway: (rounds: number, orgs: number, sum: string, state: number, last: string | null) =>
      `${rounds} cited rounds of ${orgs} organisations; disclosed amounts ` +
      `${sum} (each currency ` +
      `as reported, never converted). ${state} rounds had a state fund, guidance fund or local government ` +
      `platform among their investors.${last ? ` Data through ${last}: that year is partial (grey).` : ''}`,
    roundsChart: 'Bar chart: funding rounds per year',
    roundsCaption: 'Rounds and disclosed amounts per year, by currency',
    withAmount: 'With an amount',
    investorsTitle: 'Who invests',
    investorsTakeaway: (name: string, rounds: number) => `${name} joined the most cited rounds (${rounds}).`,
    noInvestors: 'No investors named.',
    investorsCaption: 'Investors by cited rounds joined',
    investor: 'Investor',
    type: 'Type',
    investorType: (type: string) => TYPE_LABEL[type] ?? type,
    led: 'Led',
    everyRoundTitle: 'Every round, with its investors and source',
    everyRoundCaption: 'Funding rounds, newest first',
    date: 'Date',
    organisation: 'Organisation',
    round: 'Round',
    amount: 'Amount',
    investorsLeadFirst: 'Investors (lead first)',
    source: 'Source',
    policiesX: 'Policies',
    policyBar: (name: string, n: number) => `${name}: ${n}`,
    policiesTitle: (place: string) => `AI policies${place ? ` · ${place}` : ' by province'}`,
    policiesTakeaway: (total: number, provinces: number, withFirms: number) =>
      `${total} policies with a cited source across ${provinces} provinces; ` +
      `${withFirms} name, fund or host firms their sources list.`,
    policiesChart: 'Bar chart: AI policies per province',
    policiesCaption: 'Policies, newest first',
    undated: 'undated',
    place: 'Place',
    policy: 'Policy',
    policyType: (type: string) => type,
    policyAmount: (amount: string, note: string | null) => `${amount} — ${note ?? ''}`,
    firms: 'Firms it names, funds or hosts',
    role: (role: string) => ` (${role})`,
    heading: 'Money and policy: who pays, who backs',
    intro:
      "Funding rounds as reported, with their investors (venture, corporate and the state's own funds), and city and " +
      'provincial policies with the firms their sources name. Each row cites its source.',
    fundingError: (error: string) => `Could not load the funding rounds: ${error}`,
    policiesError: (error: string) => `Could not load the policies: ${error}`,
    loading: 'Loading…',
    city: 'City',
    allCities: 'All cities',
    province: 'Province',
    allProvinces: 'All provinces',
    option: (name: string, n: number) => `${name} (${n})`,
  },
  {
    nothingDisclosed: '均未披露',
    year: '年份',
    rounds: '融资轮次',
    barTitle: (year: number, rounds: number, partial: boolean) =>
      `${year}年：${num(rounds)} 轮${partial ? '（数据不完整的年份）' : ''}`,
    roundsTitle: (place: string) => `每年融资轮次${place ? ` · ${place}` : ''}`,
    roundsTakeaway: (rounds: number, orgs: number, sum: string, state: number, last: string | null) =>
      `共 ${num(rounds)} 轮有出处的融资，涉及 ${num(orgs)} 家机构；已披露金额 ${sum}（各币种按报道原样，不做换算）。` +
      `其中 ${num(state)} 轮的投资方包括国有基金、政府引导基金或地方政府平台。` +
      `${last ? `数据截至 ${date(last)}，该年份数据不完整（灰色）。` : ''}`,
    roundsChart: '条形图：每年融资轮次',
    roundsCaption: '每年融资轮次及已披露金额（按币种）',
    withAmount: '披露金额的轮次',
    investorsTitle: '谁在投资',
    investorsTakeaway: (name: string, rounds: number) => `${name}参与的有出处融资轮次最多（${num(rounds)} 轮）。`,
    noInvestors: '未列出投资方。',
    investorsCaption: '投资方（按参与的有出处轮次排序）',
    investor: '投资方',
    type: '类型',
    investorType: (type: string) => TYPE_ZH[type] ?? type,
    led: '领投',
    everyRoundTitle: '每一轮融资及其投资方与来源',
    everyRoundCaption: '融资轮次（按时间倒序）',
    date: '日期',
    organisation: '机构',
    round: '轮次',
    amount: '金额',
    investorsLeadFirst: '投资方（领投方在前）',
    source: '来源',
    policiesX: '政策数',
    policyBar: (name: string, n: number) => `${name}：${num(n)}`,
    policiesTitle: (place: string) => (place ? `AI 政策 · ${place}` : '各省份 AI 政策'),
    policiesTakeaway: (total: number, provinces: number, withFirms: number) =>
      `${num(total)} 项有出处的政策，覆盖 ${num(provinces)} 个省份；其中 ${num(withFirms)} 项点名、资助或引进了其来源所列的企业。`,
    policiesChart: '条形图：各省份 AI 政策数',
    policiesCaption: '政策（按时间倒序）',
    undated: '未注明日期',
    place: '地区',
    policy: '政策',
    policyType: (type: string) => POLICY_TYPE_ZH[type] ?? type,
    policyAmount: (amount: string, note: string | null) => (note ? `${amount}（${note}）` : amount),
    firms: '政策点名、资助或引进的企业',
    role: (role: string) => `（${ROLE_ZH[role] ?? role}）`,
    heading: '资金与政策：谁出钱，谁撑腰',
    intro:
      '按报道整理的融资轮次及其投资方（风险投资、企业投资和国家自有基金），以及城市和省级政策及其来源点名的企业。每一行均注明来源。',
    fundingError: (error: string) => `无法加载融资轮次：${error}`,
    policiesError: (error: string) => `无法加载政策：${error}`,
    loading: '加载中…',
    city: '城市',
    allCities: '全部城市',
    province: '省份',
    allProvinces: '全部省份',
    option: (name: string, n: number) => `${name}（${num(n)}）`,
  },
);

/** Per-currency sums of the disclosed amounts, as the server sums them (src/payloads/funding.ts sumAmounts). */
function sumAmounts(rounds: readonly { amount: number | null; currency: string | null }[]): Amounts {
  const by = new Map<string, { total: number; rounds: number }>();
  for (const r of rounds) {
    if (r.amount === null || r.currency === null) continue;
    const a = by.get(r.currency) ?? { total: 0, rounds: 0 };
    a.total += r.amount;
    a.rounds += 1;
    by.set(r.currency, a);
  }
  return [...by]
    .map(([currency, a]) => ({ currency, ...a }))
    .sort((x, y) => y.rounds - x.rounds || x.currency.localeCompare(y.currency));
}

const sum = (amounts: Amounts) => amounts.map((a) => money(a.total, a.currency)).join(' + ') || T().nothingDisclosed;

/** A name given as en/zh: the reader's language first. */
const named = (e: { en: string | null; zh: string | null }, fallback = '') =>
  nameOf({ name_en: e.en, name_zh: e.zh }, fallback);

/** A place id's name: in 中文 mode its Chinese name when the data gives one. */
type PlaceOf = (id: string) => string;

function Funding({
  data,
  city,
  range,
  place,
}: {
  data: FundingData;
  city: string;
  range: [number, number];
  place: PlaceOf;
}) {
  // The server filters (?city=) and sums: per currency, never converted; the years shown are the URL's range.
  const rounds = data.rounds.filter((r) => r.year >= range[0] && r.year <= range[1]);
  const years = useMemo(
    () =>
      data.by_year
        .filter((y) => y.year >= range[0] && y.year <= range[1])
        .map((y) => {
          const total = (c: string) => y.amounts.find((a) => a.currency === c)?.total ?? 0;
          return {
            year: y.year,
            rounds: y.rounds,
            disclosed: y.amounts.reduce((n, a) => n + a.rounds, 0),
            partial: y.partial,
            CNY: total('CNY'),
            USD: total('USD'),
            HKD: total('HKD'),
          };
        }),
    [data, range],
  );
  const make = useCallback(
    () =>
      Plot.plot({
        width: chartWidth(),
        height: 280,
        x: { label: T().year, tickFormat: 'd', type: 'band' },
        y: { label: T().rounds, grid: true },
        marks: [
          Plot.barY(years, {
            x: 'year',
            y: 'rounds',
            fill: (d: (typeof years)[number]) => (d.partial ? '#bbb' : '#c8102e'),
            title: (d: (typeof years)[number]) => T().barTitle(d.year, d.rounds, d.partial),
          }),
          Plot.ruleY([0]),
        ],
      }),
    [years],
  );
  const cited = new Set(rounds.map((r) => r.source_id));
  const sources = data.sources.filter((s) => cited.has(s.id));
  const investors = data.investors.slice(0, 40).map((i) => ({
    id: i.id,
    name: i.en ?? i.zh ?? i.id,
    type: i.type ?? '',
    rounds: i.rounds,
    leads: i.leads,
  }));
  const state = rounds.filter((r) =>
    r.investors.some((i) => ['state-guidance-fund', 'local-government-platform', 'state-fund'].includes(i.type ?? '')),
  ).length;
  const last = data.data_through;
  const t = T();
  const investorById = new Map(data.investors.map((i) => [i.id, i]));
  return (
    <>
      <View
        id="rounds-per-year"
        title={t.roundsTitle(city ? place(city) : '')}
        takeaway={t.roundsTakeaway(
          rounds.length,
          new Set(rounds.map((r) => r.org)).size,
          // The disclosed amounts of the rounds counted: those in the years shown, not every year's.
          sum(sumAmounts(rounds)),
          state,
          last,
        )}
        chart={<PlotFigure make={make} label={t.roundsChart} />}
        rows={years}
        metrics={data.metrics}
        sources={sources}
        table={
          <DataTable
            id="rounds-per-year-table"
            caption={t.roundsCaption}
            rows={years}
            columns={[
              { key: 'year', label: t.year },
              { key: 'rounds', label: t.rounds, numeric: true, render: (r) => shown(r.rounds) },
              { key: 'disclosed', label: t.withAmount, numeric: true, render: (r) => shown(r.disclosed) },
              { key: 'CNY', label: 'CNY', numeric: true, render: (r) => money(r.CNY || null, 'CNY') },
              { key: 'USD', label: 'USD', numeric: true, render: (r) => money(r.USD || null, 'USD') },
              { key: 'HKD', label: 'HKD', numeric: true, render: (r) => money(r.HKD || null, 'HKD') },
            ]}
          />
        }
      />
      <View
        id="investors"
        title={t.investorsTitle}
        takeaway={
          investors[0] && data.investors[0]
            ? t.investorsTakeaway(named(data.investors[0], data.investors[0].id), investors[0].rounds)
            : t.noInvestors
        }
        rows={investors}
        metrics={data.metrics}
        sources={sources}
        openTable
        table={
          <DataTable
            id="investors-table"
            caption={t.investorsCaption}
            rows={investors}
            columns={[
              {
                key: 'name',
                label: t.investor,
                render: (r) => {
                  const i = investorById.get(r.id);
                  return <a href={`/entity/${r.id}`}>{i ? named(i, r.name) : r.name}</a>;
                },
              },
              { key: 'type', label: t.type, render: (r) => t.investorType(r.type) },
              { key: 'rounds', label: t.rounds, numeric: true, render: (r) => shown(r.rounds) },
              { key: 'leads', label: t.led, numeric: true, render: (r) => shown(r.leads) },
            ]}
          />
        }
      />
      <View
        id="rounds"
        title={t.everyRoundTitle}
        rows={rounds.map((r) => ({
          date: r.date,
          organisation: r.org_en ?? r.org_zh,
          round: r.round,
          amount: money(r.amount, r.currency, r.qualifier),
          investors: r.investors.map((i) => `${i.en ?? i.zh ?? i.id}${i.lead ? ' (lead)' : ''}`).join('; '),
          source_id: r.source_id,
        }))}
        metrics={data.metrics}
        sources={sources}
        table={
          <DataTable
            id="rounds-table"
            caption={t.everyRoundCaption}
            rows={rounds}
            columns={[
              { key: 'date', label: t.date, render: (r) => shownDate(r.date) },
              {
                key: 'org',
                label: t.organisation,
                render: (r) => <a href={`/entity/${r.org}`}>{named({ en: r.org_en, zh: r.org_zh })}</a>,
              },
              { key: 'round', label: t.round },
              {
                key: 'amount',
                label: t.amount,
                numeric: true,
                render: (r) => money(r.amount, r.currency, r.qualifier),
              },
              {
                key: 'investors',
                label: t.investorsLeadFirst,
                render: (r) =>
                  r.investors.map((i, n) => (
                    <span key={i.id}>
                      {n > 0 ? (lang() === 'zh' ? '、' : ', ') : ''}
                      <a href={`/entity/${i.id}`}>{i.lead ? <strong>{named(i)}</strong> : named(i)}</a>
                    </span>
                  )),
              },
              {
                key: 'source',
                label: t.source,
                render: (r) => {
                  const s = data.sources.find((x) => x.id === r.source_id);
                  return s ? <a href={s.url}>{s.publisher}</a> : r.source_id;
                },
              },
            ]}
          />
        }
      />
    </>
  );
}

function Policies({ data, province, place }: { data: PoliciesData; province: string; place: PlaceOf }) {
  const rows = useMemo(() => data.policies.filter((p) => province === '' || p.province === province), [data, province]);
  // Made anew only when a bar or its name changes (`place` is a new function at every render of the page): the chart
  // redraws with its data, not with every render.
  const provinces = data.by_province.map((p) => ({ ...p, name: place(p.province) }));
  const key = provinces.map((p) => `${p.province}:${p.name}:${p.policies}`).join('|');
  const byProvince = useMemo(() => provinces, [key]);
  const make = useCallback(
    () =>
      Plot.plot({
        width: chartWidth(),
        height: Math.max(200, byProvince.length * 18 + 40),
        marginLeft: 110,
        x: { label: T().policiesX, grid: true },
        y: { label: null },
        marks: [
          Plot.barX(byProvince, {
            y: 'name',
            x: 'policies',
            fill: '#1f4e9c',
            sort: { y: '-x' },
            title: (d: (typeof byProvince)[number]) => T().policyBar(d.name, d.policies),
          }),
          Plot.ruleX([0]),
        ],
      }),
    [byProvince],
  );
  const cited = new Set(rows.flatMap((p: Policy) => [...p.source_ids, ...p.firms.map((f) => f.source_id)]));
  const t = T();
  return (
    <View
      id="policies"
      title={t.policiesTitle(province ? place(province) : '')}
      takeaway={t.policiesTakeaway(
        data.total,
        data.by_province.length,
        data.policies.filter((p) => p.firms.length > 0).length,
      )}
      chart={province ? undefined : <PlotFigure make={make} label={t.policiesChart} />}
      rows={rows.map((p) => ({
        date: p.date,
        place: p.place_en ?? p.place,
        title: p.en,
        type: p.type,
        amount: p.amount === null ? '' : `${money(p.amount, p.currency)} (${p.amount_note ?? ''})`,
        firms: p.firms.map((f) => `${f.en ?? f.zh} (${f.role})`).join('; '),
      }))}
      metrics={data.metrics}
      sources={data.sources.filter((s) => cited.has(s.id))}
      openTable={province !== ''}
      table={
        <DataTable
          id="policies-table"
          caption={t.policiesCaption}
          rows={rows}
          columns={[
            { key: 'date', label: t.date, render: (p) => (p.date ? shownDate(p.date) : t.undated) },
            { key: 'place', label: t.place, render: (p) => (p.place ? place(p.place) : '') },
            {
              key: 'title',
              label: t.policy,
              render: (p) => {
                if (lang() !== 'zh')
                  return (
                    <a href={`/entity/${p.id}`}>
                      {p.en}
                      {p.zh ? <span lang="zh-Hans"> {p.zh}</span> : null}
                    </a>
                  );
                const names = { name_en: p.en, name_zh: p.zh };
                const other = otherName(names);
                return (
                  <a href={`/entity/${p.id}`}>
                    {nameOf(names)}
                    {other ? <span lang={other === p.zh ? 'zh-Hans' : 'en'}> {other}</span> : null}
                  </a>
                );
              },
            },
            { key: 'type', label: t.type, render: (p) => (p.type === null ? '' : t.policyType(p.type)) },
            {
              key: 'amount',
              label: t.amount,
              render: (p) => (p.amount === null ? '' : t.policyAmount(money(p.amount, p.currency), p.amount_note)),
            },
            {
              key: 'firms',
              label: t.firms,
              render: (p) =>
                p.firms.map((f, n) => (
                  <span key={`${f.id}${f.role}`}>
                    {n > 0 ? (lang() === 'zh' ? '、' : ', ') : ''}
                    <a href={`/entity/${f.id}`}>{named(f)}</a>
                    {t.role(f.role)}
                  </span>
                )),
            },
          ]}
        />
      }
    />
  );
}

/** Who pays and who backs: funding rounds with their investors, and policies with the firms they name. */
export function Money() {
  const [city, setCity] = useQueryParam('city', '');
  const yearParams = useYearParams();
  const all = useLoad(() => api.funding(''), []);
  const funding = useLoad(() => api.funding(city ? `city=${encodeURIComponent(city)}` : ''), [city]);
  const policies = useLoad(() => api.policies(''), []);
  const [province, setProvince] = useQueryParam('province', '');
  const allYears = (all.data?.by_year ?? []).map((y) => y.year);
  const fundingYears = yearRange(yearParams, Math.min(...allYears), Math.max(...allYears));
  const t = T();
  // Place names: from the id in English (as always); in 中文 mode the Chinese name the policies give, if any.
  const chinese = new Map<string, string>();
  for (const p of policies.data?.policies ?? []) if (p.place && p.place_zh) chinese.set(p.place, p.place_zh);
  const place: PlaceOf = (id) => (lang() === 'zh' ? (chinese.get(id) ?? placeName(id)) : placeName(id));
  const cityOptions = [
    { value: '', label: t.allCities },
    ...(all.data?.by_city ?? []).map((c) => ({ value: c.city, label: t.option(place(c.city), c.rounds) })),
  ];
  const provinceOptions = [
    { value: '', label: t.allProvinces },
    ...(policies.data?.by_province ?? []).map((p) => ({
      value: p.province,
      label: t.option(place(p.province), p.policies),
    })),
  ];
  return (
    <article>
      <h1>{t.heading}</h1>
      <p class="muted">{t.intro}</p>
      {funding.error ? <p role="alert">{t.fundingError(funding.error)}</p> : null}
      {/* Keyed: unkeyed, the funding block arriving took over the policies block's place in the tree, and the
          policies view was made anew (its chart drawn twice, a data table the reader had opened closed again). */}
      {funding.data ? (
        <Fragment key="funding">
          <p class="controls">
            <Choice label={t.city} value={city} options={cityOptions} onChange={setCity} />
          </p>
          {fundingYears.controls}
          <Funding data={funding.data} city={city} range={fundingYears.range} place={place} />
        </Fragment>
      ) : funding.error ? null : (
        <p>{t.loading}</p>
      )}
      {policies.error ? <p role="alert">{t.policiesError(policies.error)}</p> : null}
      {policies.data ? (
        <Fragment key="policies">
          <p class="controls">
            <Choice label={t.province} value={province} options={provinceOptions} onChange={setProvince} />
          </p>
          <Policies data={policies.data} province={province} place={place} />
        </Fragment>
      ) : null}
    </article>
  );
}
