import * as Plot from '@observablehq/plot';
import { useCallback, useMemo } from 'preact/hooks';
import { api, type FundingData, type PoliciesData } from '../api.ts';
import { Choice } from '../components/choice.tsx';
import { chartWidth, PlotFigure } from '../components/plot-figure.tsx';
import { DataTable, View } from '../components/view.tsx';
import { money, placeName } from '../format.ts';
import { useLoad, useQueryParam } from '../hooks.ts';
import { useYearParams, yearRange } from '../components/year-range.tsx';

type Policy = PoliciesData['policies'][number];

const TYPE_LABEL: Record<string, string> = {
  vc: 'venture and private equity',
  corporate: 'corporate',
  'state-guidance-fund': 'state guidance fund',
  'local-government-platform': 'local government platform',
  'state-fund': 'state fund',
  bank: 'bank',
  other: 'other',
};

const sum = (amounts: FundingData['totals']['amounts']) =>
  amounts.map((a) => money(a.total, a.currency)).join(' + ') || 'nothing disclosed';

function Funding({ data, city, range }: { data: FundingData; city: string; range: [number, number] }) {
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
        x: { label: 'Year', tickFormat: 'd', type: 'band' },
        y: { label: 'Rounds', grid: true },
        marks: [
          Plot.barY(years, {
            x: 'year',
            y: 'rounds',
            fill: (d: (typeof years)[number]) => (d.partial ? '#bbb' : '#c8102e'),
            title: (d: (typeof years)[number]) => `${d.year}: ${d.rounds} rounds${d.partial ? ' (partial year)' : ''}`,
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
  return (
    <>
      <View
        id="rounds-per-year"
        title={`Funding rounds per year${city ? ` · ${placeName(city)}` : ''}`}
        takeaway={
          `${rounds.length} cited rounds of ${new Set(rounds.map((r) => r.org)).size} organisations; disclosed amounts ` +
          `${sum(data.totals.amounts)} (each currency ` +
          `as reported, never converted). ${state} rounds had a state fund, guidance fund or local government ` +
          `platform among their investors.${last ? ` Data through ${last}: that year is partial (grey).` : ''}`
        }
        chart={<PlotFigure make={make} label="Bar chart: funding rounds per year" />}
        rows={years}
        metrics={data.metrics}
        sources={sources}
        table={
          <DataTable
            id="rounds-per-year-table"
            caption="Rounds and disclosed amounts per year, by currency"
            rows={years}
            columns={[
              { key: 'year', label: 'Year' },
              { key: 'rounds', label: 'Rounds', numeric: true },
              { key: 'disclosed', label: 'With an amount', numeric: true },
              { key: 'CNY', label: 'CNY', numeric: true, render: (r) => money(r.CNY || null, 'CNY') },
              { key: 'USD', label: 'USD', numeric: true, render: (r) => money(r.USD || null, 'USD') },
              { key: 'HKD', label: 'HKD', numeric: true, render: (r) => money(r.HKD || null, 'HKD') },
            ]}
          />
        }
      />
      <View
        id="investors"
        title="Who invests"
        takeaway={
          investors[0]
            ? `${investors[0].name} joined the most cited rounds (${investors[0].rounds}).`
            : 'No investors named.'
        }
        rows={investors}
        metrics={data.metrics}
        sources={sources}
        openTable
        table={
          <DataTable
            id="investors-table"
            caption="Investors by cited rounds joined"
            rows={investors}
            columns={[
              { key: 'name', label: 'Investor', render: (r) => <a href={`/entity/${r.id}`}>{r.name}</a> },
              { key: 'type', label: 'Type', render: (r) => TYPE_LABEL[r.type] ?? r.type },
              { key: 'rounds', label: 'Rounds', numeric: true },
              { key: 'leads', label: 'Led', numeric: true },
            ]}
          />
        }
      />
      <View
        id="rounds"
        title="Every round, with its investors and source"
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
            caption="Funding rounds, newest first"
            rows={rounds}
            columns={[
              { key: 'date', label: 'Date' },
              {
                key: 'org',
                label: 'Organisation',
                render: (r) => <a href={`/entity/${r.org}`}>{r.org_en ?? r.org_zh}</a>,
              },
              { key: 'round', label: 'Round' },
              {
                key: 'amount',
                label: 'Amount',
                numeric: true,
                render: (r) => money(r.amount, r.currency, r.qualifier),
              },
              {
                key: 'investors',
                label: 'Investors (lead first)',
                render: (r) =>
                  r.investors.map((i, n) => (
                    <span key={i.id}>
                      {n > 0 ? ', ' : ''}
                      <a href={`/entity/${i.id}`}>{i.lead ? <strong>{i.en ?? i.zh}</strong> : (i.en ?? i.zh)}</a>
                    </span>
                  )),
              },
              {
                key: 'source',
                label: 'Source',
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

function Policies({ data, province }: { data: PoliciesData; province: string }) {
  const rows = useMemo(() => data.policies.filter((p) => province === '' || p.province === province), [data, province]);
  const byProvince = data.by_province.map((p) => ({ ...p, name: placeName(p.province) }));
  const make = useCallback(
    () =>
      Plot.plot({
        width: chartWidth(),
        height: Math.max(200, byProvince.length * 18 + 40),
        marginLeft: 110,
        x: { label: 'Policies', grid: true },
        y: { label: null },
        marks: [
          Plot.barX(byProvince, {
            y: 'name',
            x: 'policies',
            fill: '#1f4e9c',
            sort: { y: '-x' },
            title: (d: (typeof byProvince)[number]) => `${d.name}: ${d.policies}`,
          }),
          Plot.ruleX([0]),
        ],
      }),
    [byProvince],
  );
  const cited = new Set(rows.flatMap((p: Policy) => [...p.source_ids, ...p.firms.map((f) => f.source_id)]));
  return (
    <View
      id="policies"
      title={`AI policies${province ? ` · ${placeName(province)}` : ' by province'}`}
      takeaway={
        `${data.total} policies with a cited source across ${data.by_province.length} provinces; ` +
        `${data.policies.filter((p) => p.firms.length > 0).length} name, fund or host firms their sources list.`
      }
      chart={province ? undefined : <PlotFigure make={make} label="Bar chart: AI policies per province" />}
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
          caption="Policies, newest first"
          rows={rows}
          columns={[
            { key: 'date', label: 'Date', render: (p) => p.date ?? 'undated' },
            { key: 'place', label: 'Place', render: (p) => (p.place ? placeName(p.place) : '') },
            {
              key: 'title',
              label: 'Policy',
              render: (p) => (
                <a href={`/entity/${p.id}`}>
                  {p.en}
                  {p.zh ? <span lang="zh-Hans"> {p.zh}</span> : null}
                </a>
              ),
            },
            { key: 'type', label: 'Type' },
            {
              key: 'amount',
              label: 'Amount',
              render: (p) => (p.amount === null ? '' : `${money(p.amount, p.currency)} — ${p.amount_note ?? ''}`),
            },
            {
              key: 'firms',
              label: 'Firms it names, funds or hosts',
              render: (p) =>
                p.firms.map((f, n) => (
                  <span key={`${f.id}${f.role}`}>
                    {n > 0 ? ', ' : ''}
                    <a href={`/entity/${f.id}`}>{f.en ?? f.zh}</a> ({f.role})
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
  const cityOptions = [
    { value: '', label: 'All cities' },
    ...(all.data?.by_city ?? []).map((c) => ({ value: c.city, label: `${placeName(c.city)} (${c.rounds})` })),
  ];
  const provinceOptions = [
    { value: '', label: 'All provinces' },
    ...(policies.data?.by_province ?? []).map((p) => ({
      value: p.province,
      label: `${placeName(p.province)} (${p.policies})`,
    })),
  ];
  return (
    <article>
      <h1>Money and policy: who pays, who backs</h1>
      <p class="muted">
        Funding rounds as reported, with their investors (venture, corporate and the state's own funds), and city and
        provincial policies with the firms their sources name. Each row cites its source.
      </p>
      {funding.error ? <p role="alert">Could not load the funding rounds: {funding.error}</p> : null}
      {funding.data ? (
        <>
          <p class="controls">
            <Choice label="City" value={city} options={cityOptions} onChange={setCity} />
          </p>
          {fundingYears.controls}
          <Funding data={funding.data} city={city} range={fundingYears.range} />
        </>
      ) : funding.error ? null : (
        <p>Loading…</p>
      )}
      {policies.error ? <p role="alert">Could not load the policies: {policies.error}</p> : null}
      {policies.data ? (
        <>
          <p class="controls">
            <Choice label="Province" value={province} options={provinceOptions} onChange={setProvince} />
          </p>
          <Policies data={policies.data} province={province} />
        </>
      ) : null}
    </article>
  );
}
