import { useEffect, useState } from 'preact/hooks';
import { api, type EntityDetail } from '../api.ts';
import { EntityExtras } from '../components/entity-extras.tsx';
import { ReleasesPerYear } from '../components/releases-chart.tsx';
import { VendorPrices } from '../components/vendor-prices.tsx';
import { placeName } from '../format.ts';

const PREDICATE_LABEL: Record<string, [out: string, inward: string]> = {
  founded_by: ['Founded by', 'Founded'],
  educated_at: ['Educated at', 'Alumni'],
  headquartered_in: ['Headquartered in', 'Headquarters of'],
  subsidiary_of: ['Subsidiary of', 'Subsidiaries'],
  developed: ['Developed', 'Developed by'],
  based_on: ['Based on', 'Basis of'],
  invested_in: ['Invested in', 'Investors'],
  located_in: ['Located in', 'Contains'],
  works_at: ['Works at', 'People'],
  chief_scientist_of: ['Chief scientist of', 'Chief scientist'],
  product_of: ['Product of', 'Products'],
  distinct_from: ['Distinct from', 'Distinct from'],
  has_office_in: ['Offices in', 'Offices of'],
  policy_names: ['Names', 'Named in the policy'],
  policy_funds: ['Funds', 'Funded by the policy'],
  policy_hosts: ['Hosts', 'Hosted by the policy'],
};

const CLASS_LABEL: Record<string, string> = {
  maker: 'AI maker',
  adopter: 'AI adopter (its business is elsewhere)',
  research: 'Research',
  government: 'Government',
  investor: 'Investor',
  other: 'Not an AI organisation',
};

export function EntityPage({ id }: { id: string }) {
  const [data, setData] = useState<EntityDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setData(null);
    setError(null);
    api.entity(id).then(setData, (e: Error) => setError(e.message));
  }, [id]);
  useEffect(() => {
    // As the server titles the page (src/api/app.ts), so a shared link and the open tab read alike.
    if (data)
      document.title = `${[data.entity.name_en, data.entity.name_zh].filter(Boolean).join(' ') || id} · Neijuan 内卷`;
  }, [data, id]);
  if (error) return <p role="alert">{error}</p>;
  if (!data) return <p>Loading…</p>;
  const { entity, facts, relations, sources, names, claims } = data;
  const note = new Map(sources.map((s, i) => [s.id, i + 1]));
  const ref = (sourceId: string) => (
    <sup>
      <a href={`#src-${note.get(sourceId)}`} aria-label={`source ${note.get(sourceId)}`}>
        [{note.get(sourceId)}]
      </a>
    </sup>
  );
  // One line per related entity, with every source that cites the relation.
  const groups = new Map<string, Map<string, { r: (typeof relations)[number]; sources: string[] }>>();
  for (const r of relations) {
    const label = PREDICATE_LABEL[r.predicate]?.[r.direction === 'out' ? 0 : 1] ?? r.predicate;
    const group = groups.get(label) ?? new Map();
    const line = group.get(r.other_id) ?? { r, sources: [] };
    line.sources.push(r.source_id);
    group.set(r.other_id, line);
    groups.set(label, group);
  }
  const aliases = [...new Set(names.filter((n) => n.kind === 'alias').map((n) => n.name))];
  return (
    <article class="entity">
      <h1>
        {entity.name_en ?? entity.name_zh}
        {entity.name_zh && entity.name_en ? (
          <>
            {' '}
            <span lang="zh-Hans">{entity.name_zh}</span>
          </>
        ) : null}
      </h1>
      <p class="muted">
        {entity.name_pinyin ? <span class="pinyin">{entity.name_pinyin}</span> : null} · {entity.kind} ·{' '}
        <code>{entity.id}</code>
        {entity.segments.length > 0 ? ` · ${entity.segments.join(', ')}` : ''}
        {entity.city ? (
          <>
            {' · '}
            <a href={`/entity/${entity.city}`}>{placeName(entity.city)}</a>
          </>
        ) : null}
      </p>
      {data.ai_class ? (
        <p id="ai-class">
          <span class="badge">{CLASS_LABEL[data.ai_class.class] ?? data.ai_class.class}</span>{' '}
          <span class="muted">
            {data.ai_class.basis === 'cited'
              ? 'class cited'
              : data.ai_class.basis === 'estimate'
                ? 'class estimated from the name or filed model'
                : `class by rule: ${data.ai_class.basis}`}
          </span>
          {data.ai_class.source_id ? ref(data.ai_class.source_id) : null}
        </p>
      ) : null}
      {entity.description ? <p>{entity.description}</p> : null}
      {aliases.length > 0 ? <p class="muted">Also known as: {aliases.slice(0, 12).join(' · ')}</p> : null}
      <h2>Facts</h2>
      {facts.length === 0 ? (
        <p class="muted">No facts recorded yet.</p>
      ) : (
        <table class="data" id="facts">
          <thead>
            <tr>
              <th scope="col">Attribute</th>
              <th scope="col">Value</th>
              <th scope="col">Source</th>
            </tr>
          </thead>
          <tbody>
            {facts.map((f) => (
              <tr key={`${f.attr}|${f.value}|${f.source_id}`} class={f.disputed ? 'disputed' : ''}>
                <th scope="row">{f.attr.replace(/_/g, ' ')}</th>
                <td>
                  {f.value}
                  {f.unit ? ` ${f.unit}` : ''}
                  {f.as_of ? ` (as of ${f.as_of})` : ''}
                  {f.estimate ? ' (estimate)' : ''}
                  {f.disputed ? <span class="badge">disputed</span> : null}
                  {f.note ? <div class="muted">{f.note}</div> : null}
                </td>
                <td>{ref(f.source_id)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {claims.length > 0 ? (
        <>
          <h2>Claims</h2>
          <p class="muted">Figures someone said or reported, shown apart from facts, with what other sources count.</p>
          {claims.map((c) => (
            <section class="claim" id={c.id.replace(':', '-')} key={c.id}>
              <p>
                <strong>
                  {c.value}
                  {c.unit ? ` ${c.unit}` : ''}
                </strong>{' '}
                {c.counts} — {c.speaker}
                {c.said_on ? `, ${c.said_on}` : ''} <span class="badge">{c.status}</span>
                {ref(c.source_id)}
              </p>
              {c.note ? <p class="muted">{c.note}</p> : null}
              {c.evidence.length > 0 ? (
                <ul>
                  {c.evidence.map((e, i) => (
                    <li key={i}>
                      {e.stance === 'context' ? '' : `${e.stance}: `}
                      {e.note}
                      {ref(e.source_id)}
                    </li>
                  ))}
                </ul>
              ) : null}
            </section>
          ))}
        </>
      ) : null}
      {data.timeline.length > 0 ? (
        <>
          <h2>Timeline</h2>
          <ol class="timeline" id="timeline">
            {data.timeline.slice(0, 40).map((t) => (
              <li key={`${t.date}|${t.entity_id}|${t.what}|${t.source_id}`}>
                <time>{t.date}</time> —{' '}
                {t.what === 'release' ? <a href={`/entity/${t.entity_id}`}>{t.name}</a> : t.what.replace(/_/g, ' ')}{' '}
                {ref(t.source_id)}
              </li>
            ))}
          </ol>
        </>
      ) : null}
      <ReleasesPerYear data={data} />
      {['company', 'lab', 'organization'].includes(entity.kind) ? (
        <VendorPrices id={entity.id} name={entity.name_en ?? entity.name_zh ?? entity.id} />
      ) : null}
      <EntityExtras id={entity.id} kind={entity.kind} />
      <h2>Relations</h2>
      {[...groups.entries()].map(([label, rows]) => (
        <section key={label}>
          <h3>{label}</h3>
          <ul class="relations">
            {[...rows.values()].slice(0, 200).map(({ r, sources: cited }) => (
              <li key={r.other_id}>
                <a href={`/entity/${r.other_id}`}>{r.other_name ?? r.other_id}</a> {cited.map((id) => ref(id))}
              </li>
            ))}
          </ul>
        </section>
      ))}
      <h2>Sources</h2>
      <ol class="sources" id="sources">
        {sources.map((s, i) => (
          <li key={s.id} id={`src-${i + 1}`}>
            <a href={s.url} rel="noopener noreferrer">
              {s.title}
            </a>
            . {s.publisher}
            {s.published ? `, ${s.published}` : ''}. Retrieved {s.retrieved}. {s.licence}.
          </li>
        ))}
      </ol>
      <p class="downloads">
        <a href={`/api/entities/${entity.id}`} download={`${entity.id.replace(':', '-')}.json`}>
          JSON
        </a>
      </p>
    </article>
  );
}
