/**
 * What an entity page shows beyond its facts: an organisation's funding rounds, the rounds an investor joined, the
 * policies that name it, its suppliers and customers, its CAC filings; a city's or province's league figures, money
 * raised by its firms, policies and filings. Each block comes from the same API as the dashboard's pages.
 */
import { api, type FilingsData, type FundingData, type PoliciesData, type SupplyData } from '../api.ts';
import { money, placeName } from '../format.ts';
import { FilingsPerQuarter } from './filings-chart.tsx';
import { useLoad } from '../hooks.ts';

interface Extras {
  funding: FundingData | null;
  invested: FundingData | null;
  policies: PoliciesData | null;
  supply: SupplyData | null;
  filings: FilingsData | null;
  league: { rank: number; of: number; row: Record<string, unknown> } | null;
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
    kind === 'city' ? api.cities() : none,
  ]);
  let league: Extras['league'] = null;
  if (cities) {
    const sorted = [...cities.cities].sort((a, b) => b.ai_organizations - a.ai_organizations);
    const at = sorted.findIndex((c) => c.city === id);
    if (at >= 0) league = { rank: at + 1, of: sorted.length, row: sorted[at] as Record<string, unknown> };
  }
  return { funding, invested, policies, supply, filings, league };
}

const sumText = (amounts: FundingData['totals']['amounts']) =>
  amounts.map((a) => money(a.total, a.currency)).join(' + ') || 'no amount disclosed';

export function EntityExtras({ id, kind }: { id: string; kind: string }) {
  const { data } = useLoad(() => load(id, kind), [id, kind]);
  if (!data) return null;
  const { funding, invested, policies, supply, filings, league } = data;
  return (
    <>
      {league ? (
        <section id="league">
          <h2>In the city league</h2>
          <p>
            Rank {league.rank} of {league.of} cities by AI organisations: {String(league.row.ai_organizations)} AI
            organisations, {String(league.row.llm_makers)} LLM makers, {String(league.row.notable_models)} notable
            models, {String(league.row.universities)} universities, {String(league.row.genai_filings)} generative-AI
            services filed. <a href="/cities">The whole league</a>
          </p>
        </section>
      ) : null}
      {funding && funding.rounds.length > 0 ? (
        <section id="funding">
          <h2>{kind === 'city' || kind === 'province' ? 'Money raised by its firms' : 'Funding rounds'}</h2>
          <p class="muted">
            {funding.totals.rounds} cited rounds; disclosed: {sumText(funding.totals.amounts)} (each currency as
            reported). <a href="/money">All rounds</a>
          </p>
          <RoundList data={funding} showOrg={kind === 'city' || kind === 'province'} />
        </section>
      ) : null}
      {invested && invested.rounds.length > 0 ? (
        <section id="invested">
          <h2>Rounds it invested in</h2>
          <RoundList data={invested} showOrg />
        </section>
      ) : null}
      {policies && policies.policies.length > 0 ? (
        <section id="policies">
          <h2>{kind === 'city' || kind === 'province' ? 'AI policies issued here' : 'Policies that name it'}</h2>
          <ul>
            {policies.policies.slice(0, 40).map((p) => {
              const s = policies.sources.find((x) => p.source_ids.includes(x.id));
              return (
                <li key={p.id}>
                  {p.date ?? 'undated'} — <a href={`/entity/${p.id}`}>{p.en}</a> ({p.type}
                  {p.amount !== null ? `, ${money(p.amount, p.currency)}: ${p.amount_note ?? ''}` : ''})
                  {p.firms.length > 0
                    ? ` · firms: ${p.firms.map((f) => `${f.en ?? f.zh} (${f.role})`).join(', ')}`
                    : ''}
                  <Cited source={s} />
                </li>
              );
            })}
          </ul>
        </section>
      ) : null}
      {supply && supply.links.length > 0 ? (
        <section id="supply">
          <h2>Supply chain</h2>
          <ul>
            {supply.links.map((l) => {
              const outgoing = l.supplier === id;
              const other = outgoing ? l.customer : l.supplier;
              const name = outgoing ? (l.customer_en ?? l.customer_zh) : (l.supplier_en ?? l.supplier_zh);
              const s = supply.sources.find((x) => x.id === l.source_id);
              return (
                <li key={`${other}${l.component}${l.kind}${l.source_id}`}>
                  {outgoing ? 'Supplies ' : 'Supplied by '}
                  <a href={`/entity/${other}`}>{name ?? other}</a>: {l.component.replace(/-/g, ' ')}
                  {l.kind === 'supply' ? '' : ` (${l.kind})`}
                  {l.as_of ? `, ${l.as_of}` : ''}
                  <Cited source={s} />
                </li>
              );
            })}
          </ul>
        </section>
      ) : null}
      {filings && filings.records.length > 0 ? (
        <section id="filings">
          <h2>Generative-AI filings with the CAC</h2>
          <p class="muted">
            {filings.totals.filed} services filed, {filings.totals.registered} apps registered in the{' '}
            {filings.lists.length} lists bundled.
            {kind === 'city' ? ' Counted by the provider’s place or the city its legal name registers it in.' : ''}
          </p>
          {filings.totals.filed > 0 ? (
            <FilingsPerQuarter
              data={filings}
              id="filings-per-quarter"
              title={
                kind === 'city' || kind === 'province'
                  ? 'Services filed here per quarter'
                  : 'Its services filed per quarter'
              }
            />
          ) : null}
          <ul id="filing-records">
            {filings.records.slice(0, 30).map((r) => (
              <li key={r.filing_id}>
                {r.filed_on ?? r.list_date} — {r.service} ({r.provider}
                {r.city && kind !== 'city' ? `, ${placeName(r.city)}` : ''}) <code>{r.filing_id}</code>
              </li>
            ))}
          </ul>
          {filings.records.length > 30 ? <p class="muted">… and {filings.records.length - 30} more.</p> : null}
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
  return (
    <ul id={showOrg ? undefined : 'rounds'}>
      {data.rounds.slice(0, 40).map((r) => {
        const s = data.sources.find((x) => x.id === r.source_id);
        return (
          <li key={r.id}>
            {r.date} — {showOrg ? <a href={`/entity/${r.org}`}>{r.org_en ?? r.org_zh}</a> : null}
            {showOrg ? ', ' : ''}
            {r.round}: {money(r.amount, r.currency, r.qualifier)}
            {r.investors.length > 0
              ? ` · ${r.investors.map((i) => `${i.en ?? i.zh ?? i.id}${i.lead ? ' (lead)' : ''}`).join(', ')}`
              : ''}
            <Cited source={s} />
          </li>
        );
      })}
    </ul>
  );
}
