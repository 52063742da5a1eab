import { useEffect, useState } from 'preact/hooks';
import { api, type EntityDetail } from '../api.ts';
import { EntityExtras } from '../components/entity-extras.tsx';
import { ReleasesPerYear } from '../components/releases-chart.tsx';
import { VendorPrices } from '../components/vendor-prices.tsx';
import { attrName, kindName, placeName, segmentName } from '../format.ts';
import { date, lang, messages, nameOf, otherName } from '../i18n.ts';

const CLASS_EN: Record<string, string> = {
  maker: 'AI maker',
  adopter: 'AI adopter (its business is elsewhere)',
  research: 'Research',
  government: 'Government',
  investor: 'Investor',
  other: 'Not an AI organisation',
};

const CLASS_ZH: Record<string, string> = {
  maker: 'AI 厂商',
  adopter: 'AI 应用方（主业在其他领域）',
  research: '科研机构',
  government: '政府机构',
  investor: '投资机构',
  other: '非 AI 机构',
};

const STATUS_ZH: Record<string, string> = { corroborated: '已证实', uncorroborated: '未证实', contradicted: '被反驳' };
const STANCE_ZH: Record<string, string> = { corroborates: '佐证', contradicts: '反驳', context: '背景' };

/** Relation predicates as headings: [the entity's own relation, the relation pointing at it]. */
const PREDICATES_EN: Record<string, [out: string, inward: string]> = {
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

const PREDICATES_ZH: Record<string, [out: string, inward: string]> = {
  founded_by: ['创始人', '创办的机构'],
  educated_at: ['毕业院校', '校友'],
  headquartered_in: ['总部所在地', '总部设于此地的机构'],
  subsidiary_of: ['母公司', '子公司'],
  developed: ['研发的模型与产品', '研发方'],
  based_on: ['基于', '衍生模型'],
  invested_in: ['投资了', '投资方'],
  located_in: ['位于', '下辖'],
  works_at: ['任职于', '成员'],
  chief_scientist_of: ['任首席科学家', '首席科学家'],
  product_of: ['所属公司', '产品'],
  distinct_from: ['不同于', '不同于'],
  has_office_in: ['办公地点', '在此设有办公室的机构'],
  policy_names: ['提及的企业', '提及它的政策'],
  policy_funds: ['资助的企业', '资助它的政策'],
  policy_hosts: ['承载的企业', '由它承载的政策'],
};

/** What a timeline event is (a dated fact's attribute, or a release), in Chinese. */
const EVENT_ZH: Record<string, string> = {
  founded: '成立',
  founding_date: '成立',
  listing_date: '上市',
  release_date: '发布',
  publication_date: '发表',
  date: '日期',
  merger_date: '合并',
};

const T = messages(
  {
    loading: 'Loading…',
    predicate: (predicate: string, out: boolean) => PREDICATES_EN[predicate]?.[out ? 0 : 1] ?? predicate,
    aiClass: (c: string) => CLASS_EN[c] ?? c,
    classCited: 'class cited',
    classEstimated: 'class estimated from the name or filed model',
    classRule: (basis: string) => `class by rule: ${basis}`,
    sourceNote: (n: number | undefined) => `source ${n}`,
    segments: (segments: string[]) => segments.join(', '),
    aka: (names: string) => `Also known as: ${names}`,
    facts: 'Facts',
    noFacts: 'No facts recorded yet.',
    attribute: 'Attribute',
    value: 'Value',
    source: 'Source',
    asOf: (iso: string) => ` (as of ${iso})`,
    estimate: ' (estimate)',
    disputed: 'disputed',
    claims: 'Claims',
    claimsIntro: 'Figures someone said or reported, shown apart from facts, with what other sources count.',
    saidOn: (iso: string) => `, ${iso}`,
    status: (status: string) => status,
    stance: (stance: string) => `${stance}: `,
    timeline: 'Timeline',
    when: (iso: string) => iso,
    event: (what: string) => what.replace(/_/g, ' '),
    relations: 'Relations',
    sources: 'Sources',
    cite: (publisher: string, published: string | null, retrieved: string, licence: string) =>
      `. ${publisher}${published ? `, ${published}` : ''}. Retrieved ${retrieved}. ${licence}.`,
  },
  {
    loading: '加载中…',
    predicate: (predicate: string, out: boolean) => PREDICATES_ZH[predicate]?.[out ? 0 : 1] ?? predicate,
    aiClass: (c: string) => CLASS_ZH[c] ?? c,
    classCited: '分类有来源',
    classEstimated: '分类根据名称或备案模型推断',
    classRule: (basis: string) => `分类依据规则：${basis}`,
    sourceNote: (n: number | undefined) => `来源 ${n}`,
    segments: (segments: string[]) => segments.map(segmentName).join('、'),
    aka: (names: string) => `又名：${names}`,
    facts: '事实',
    noFacts: '尚未记录任何事实。',
    attribute: '属性',
    value: '值',
    source: '来源',
    asOf: (iso: string) => `（截至 ${date(iso)}）`,
    estimate: '（估计）',
    disputed: '有争议',
    claims: '说法',
    claimsIntro: '有人声称或报道的数字，与事实分开列出，并附上其他来源统计的数字。',
    saidOn: (iso: string) => `，${date(iso)}`,
    status: (status: string) => STATUS_ZH[status] ?? status,
    stance: (stance: string) => `${STANCE_ZH[stance] ?? stance}：`,
    timeline: '大事记',
    when: (iso: string) => date(iso),
    event: (what: string) => EVENT_ZH[what] ?? what.replace(/_/g, ' '),
    relations: '关系',
    sources: '来源',
    cite: (publisher: string, published: string | null, retrieved: string, licence: string) =>
      `。${publisher}${published ? `，${date(published)}` : ''}。获取于 ${date(retrieved)}。${licence}。`,
  },
);

export function EntityPage({ id }: { id: string }) {
  const [data, setData] = useState<EntityDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setData(null);
    setError(null);
    api.entity(id).then(setData, (e: Error) => setError(e.message));
  }, [id]);
  const language = lang();
  useEffect(() => {
    if (!data) return undefined;
    // As the server titles the page (src/api/app.ts), so a shared link and the open tab read alike; in 中文 the
    // Chinese name first.
    const e = data.entity;
    const names = language === 'zh' ? [e.name_zh, e.name_en] : [e.name_en, e.name_zh];
    const title = `${names.filter(Boolean).join(' ') || id} · Neijuan 内卷`;
    document.title = title;
  }, [data, id, language]);
  const t = T();
  if (error) return <p role="alert">{error}</p>;
  if (!data) return <p>{t.loading}</p>;
  const { entity, facts, relations, sources, names, claims } = data;
  const note = new Map(sources.map((s, i) => [s.id, i + 1]));
  const ref = (sourceId: string) => (
    <sup>
      <a href={`#src-${note.get(sourceId)}`} aria-label={t.sourceNote(note.get(sourceId))}>
        [{note.get(sourceId)}]
      </a>
    </sup>
  );
  // One line per related entity, with every source that cites the relation.
  const groups = new Map<string, Map<string, { r: (typeof relations)[number]; sources: string[] }>>();
  for (const r of relations) {
    const label = t.predicate(r.predicate, r.direction === 'out');
    const group = groups.get(label) ?? new Map();
    const line = group.get(r.other_id) ?? { r, sources: [] };
    line.sources.push(r.source_id);
    group.set(r.other_id, line);
    groups.set(label, group);
  }
  const aliases = [...new Set(names.filter((n) => n.kind === 'alias').map((n) => n.name))];
  // The name in the reader's language first, the other beside it in its own language.
  const other = otherName(entity);
  const name = nameOf(entity, entity.id);
  return (
    <article class="entity">
      <h1>
        {nameOf(entity)}
        {other ? (
          <>
            {' '}
            <span lang={language === 'zh' ? 'en' : 'zh-Hans'}>{other}</span>
          </>
        ) : null}
      </h1>
      <p class="muted">
        {entity.name_pinyin ? <span class="pinyin">{entity.name_pinyin}</span> : null} · {kindName(entity.kind)} ·{' '}
        <code>{entity.id}</code>
        {entity.segments.length > 0 ? ` · ${t.segments(entity.segments)}` : ''}
        {entity.city ? (
          <>
            {' · '}
            <a href={`/entity/${entity.city}`}>{placeName(entity.city)}</a>
          </>
        ) : null}
      </p>
      {data.ai_class ? (
        <p id="ai-class">
          <span class="badge">{t.aiClass(data.ai_class.class)}</span>{' '}
          <span class="muted">
            {data.ai_class.basis === 'cited'
              ? t.classCited
              : data.ai_class.basis === 'estimate'
                ? t.classEstimated
                : t.classRule(data.ai_class.basis)}
          </span>
          {data.ai_class.source_id ? ref(data.ai_class.source_id) : null}
        </p>
      ) : null}
      {entity.description ? <p>{entity.description}</p> : null}
      {aliases.length > 0 ? <p class="muted">{t.aka(aliases.slice(0, 12).join(' · '))}</p> : null}
      <h2>{t.facts}</h2>
      {facts.length === 0 ? (
        <p class="muted">{t.noFacts}</p>
      ) : (
        <table class="data" id="facts">
          <thead>
            <tr>
              <th scope="col">{t.attribute}</th>
              <th scope="col">{t.value}</th>
              <th scope="col">{t.source}</th>
            </tr>
          </thead>
          <tbody>
            {facts.map((f) => (
              <tr key={`${f.attr}|${f.value}|${f.source_id}`} class={f.disputed ? 'disputed' : ''}>
                <th scope="row">{attrName(f.attr)}</th>
                <td>
                  {f.value}
                  {f.unit ? ` ${f.unit}` : ''}
                  {f.as_of ? t.asOf(f.as_of) : ''}
                  {f.estimate ? t.estimate : ''}
                  {f.disputed ? <span class="badge">{t.disputed}</span> : null}
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
          <h2>{t.claims}</h2>
          <p class="muted">{t.claimsIntro}</p>
          {claims.map((c) => (
            <section class="claim" id={c.id.replace(':', '-')} key={c.id}>
              <p>
                <strong>
                  {c.value}
                  {c.unit ? ` ${c.unit}` : ''}
                </strong>{' '}
                {c.counts} — {c.speaker}
                {c.said_on ? t.saidOn(c.said_on) : ''} <span class="badge">{t.status(c.status)}</span>
                {ref(c.source_id)}
              </p>
              {c.note ? <p class="muted">{c.note}</p> : null}
              {c.evidence.length > 0 ? (
                <ul>
                  {c.evidence.map((e, i) => (
                    <li key={i}>
                      {e.stance === 'context' ? '' : t.stance(e.stance)}
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
          <h2>{t.timeline}</h2>
          <ol class="timeline" id="timeline">
            {data.timeline.slice(0, 40).map((e) => (
              <li key={`${e.date}|${e.entity_id}|${e.what}|${e.source_id}`}>
                <time dateTime={e.date}>{t.when(e.date)}</time> —{' '}
                {e.what === 'release' ? <a href={`/entity/${e.entity_id}`}>{e.name}</a> : t.event(e.what)}{' '}
                {ref(e.source_id)}
              </li>
            ))}
          </ol>
        </>
      ) : null}
      <ReleasesPerYear data={data} />
      {['company', 'lab', 'organization'].includes(entity.kind) ? <VendorPrices id={entity.id} name={name} /> : null}
      <EntityExtras id={entity.id} kind={entity.kind} name={name} />
      <h2>{t.relations}</h2>
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
      <h2>{t.sources}</h2>
      <ol class="sources" id="sources">
        {sources.map((s, i) => (
          <li key={s.id} id={`src-${i + 1}`}>
            <a href={s.url} rel="noopener noreferrer">
              {s.title}
            </a>
            {t.cite(s.publisher, s.published, s.retrieved, s.licence)}
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
