import { useMemo } from 'preact/hooks';
import { api, type EntityDetail } from '../api.ts';
import { SearchBox } from '../components/search-box.tsx';
import { DataTable, View } from '../components/view.tsx';
import { attrName, kindName, placeName, segmentName, unique } from '../format.ts';
import { date, lang, messages, nameOf, num } from '../i18n.ts';
import { useLoad, useQueryParam } from '../hooks.ts';

const T = messages(
  {
    title: 'Compare',
    intro: 'Two to four entities side by side. Add one with the search below; remove one with its ✕.',
    remove: (name: string) => `Remove ${name}`,
    add: 'Add an entity to compare',
    missing: (ids: string[]) =>
      `No entity ${ids.map((m) => `“${m}”`).join(', ')}: ${ids.length > 1 ? 'they are' : 'it is'} left out. `,
    removeMissing: 'Remove from the comparison',
    caption: 'Side by side',
    nothing: 'Nothing to compare yet: add an entity with the search above.',
    loading: 'Loading…',
    row: (label: string) => label,
  },
  {
    title: '对比',
    intro: '并排对比 2 至 4 个实体。用下方搜索添加，点 ✕ 移除。',
    remove: (name: string) => `移除 ${name}`,
    add: '添加要对比的实体',
    missing: (ids: string[]) => `没有这个实体：${ids.map((m) => `“${m}”`).join('、')}，已略去。`,
    removeMissing: '从对比中移除',
    caption: '并排对比',
    nothing: '还没有可对比的实体：请用上方搜索添加。',
    loading: '加载中…',
    row: (label: string) => ROW_ZH[label] ?? label,
  },
);

/** The rows' labels in Chinese (the downloads keep the English ones). */
const ROW_ZH: Record<string, string> = {
  'Chinese name': '中文名',
  'English name': '英文名',
  Kind: '类型',
  Segments: '细分领域',
  City: '城市',
  Country: '国家',
  Founded: '成立时间',
  Founders: '创始人',
  'Models and products developed': '研发的模型与产品',
  'Organisations located here': '位于此地的机构',
  'Disputed attributes': '有争议的属性',
  Sources: '来源',
};

/** An ISO date shown in the reader's format; anything else as it is. */
const day = (v: string) => (/^\d{4}(-\d{2}){0,2}$/.test(v) ? date(v) : v);
/** A count shown in the reader's number format. */
const count = (n: number) => num(n);

const developed = (d: EntityDetail) =>
  unique(d.relations.filter((r) => r.predicate === 'developed' && r.direction === 'out').map((r) => r.other_id)).length;
const locatedHere = (d: EntityDetail) =>
  d.relations.filter(
    (r) => r.direction === 'in' && (r.predicate === 'headquartered_in' || r.predicate === 'located_in'),
  ).length;

/**
 * Each row: its label, its value as data (the downloads), and in 中文 the value as shown when it differs (names of
 * kinds, segments and attributes, dates, counts).
 */
const ROWS: { label: string; of: (d: EntityDetail) => string; zh?: (d: EntityDetail) => string }[] = [
  { label: 'Chinese name', of: (d) => d.entity.name_zh ?? '' },
  { label: 'Kind', of: (d) => d.entity.kind, zh: (d) => kindName(d.entity.kind) },
  {
    label: 'Segments',
    of: (d) => d.entity.segments.join(', '),
    zh: (d) => d.entity.segments.map(segmentName).join('、'),
  },
  { label: 'City', of: (d) => (d.entity.city ? placeName(d.entity.city) : '') },
  { label: 'Country', of: (d) => d.entity.country?.replace('country:', '').toUpperCase() ?? '' },
  {
    label: 'Founded',
    of: (d) => [...new Set(d.facts.filter((f) => f.attr === 'founded').map((f) => f.value))].join(' / '),
    zh: (d) => [...new Set(d.facts.filter((f) => f.attr === 'founded').map((f) => day(f.value)))].join(' / '),
  },
  {
    label: 'Founders',
    of: (d) =>
      unique(
        d.relations
          .filter((r) => r.predicate === 'founded_by' && r.direction === 'out')
          .map((r) => r.other_name ?? r.other_id),
      ).join(', '),
    zh: (d) =>
      unique(
        d.relations
          .filter((r) => r.predicate === 'founded_by' && r.direction === 'out')
          .map((r) => r.other_name ?? r.other_id),
      ).join('、'),
  },
  {
    label: 'Models and products developed',
    of: (d) => String(developed(d)),
    zh: (d) => count(developed(d)),
  },
  {
    label: 'Organisations located here',
    of: (d) => String(locatedHere(d)),
    zh: (d) => count(locatedHere(d)),
  },
  {
    label: 'Disputed attributes',
    of: (d) => d.disputed.join(', '),
    zh: (d) => d.disputed.map(attrName).join('、'),
  },
  { label: 'Sources', of: (d) => String(d.sources.length), zh: (d) => count(d.sources.length) },
];

/** Where the columns are named in Chinese, the row beside them gives the English name instead. */
const ENGLISH_NAME = { label: 'English name', of: (d: EntityDetail) => d.entity.name_en ?? '' };

/** Two to four entities (organisations, cities, countries …) side by side; the ids live in the URL. */
export function Compare() {
  const [idsText, setIds] = useQueryParam('ids', 'org:deepseek,org:zhipu-ai,org:moonshot-ai');
  const ids = useMemo(
    () =>
      idsText
        .split(',')
        .filter((s) => /^[a-z]+:[a-z0-9-]+$/.test(s))
        .slice(0, 4),
    [idsText],
  );
  // One id that does not exist must not sink the others: each loads on its own, and a failure is named.
  const { data: settled, error } = useLoad(
    () =>
      Promise.allSettled(ids.map((id) => api.entity(id))).then((all) =>
        all.map((r, i) => ({ id: ids[i] as string, detail: r.status === 'fulfilled' ? r.value : null })),
      ),
    [idsText],
  );
  const t = T();
  const zh = lang() === 'zh';
  const data = settled ? settled.flatMap((s) => (s.detail ? [s.detail] : [])) : null;
  const missing = settled ? settled.filter((s) => s.detail === null).map((s) => s.id) : [];
  const nameById = (id: string) => {
    const d = data?.find((x) => x.entity.id === id);
    return d ? nameOf(d.entity, id) : id;
  };
  // The rows as data (downloads: English labels, values as recorded) and as shown (in the reader's language).
  const table = (data ?? []).length
    ? ROWS.map((r) => ({ attribute: r.label, ...Object.fromEntries((data ?? []).map((d) => [d.entity.id, r.of(d)])) }))
    : [];
  const shown = (data ?? []).length
    ? ROWS.map((r) => {
        const row = zh && r.label === 'Chinese name' ? ENGLISH_NAME : r;
        const value = (d: EntityDetail) => (zh && r.zh ? r.zh(d) : row.of(d));
        return {
          attribute: t.row(row.label),
          ...Object.fromEntries((data ?? []).map((d) => [d.entity.id, value(d)])),
        };
      })
    : [];
  return (
    <article>
      <h1>{t.title}</h1>
      <p class="muted">{t.intro}</p>
      <p class="chips">
        {ids.map((id) => (
          <span class="chip" key={id}>
            <a href={`/entity/${id}`}>{nameById(id)}</a>{' '}
            <button
              type="button"
              aria-label={t.remove(nameById(id))}
              onClick={() => setIds(ids.filter((x) => x !== id).join(','))}
            >
              ✕
            </button>
          </span>
        ))}
      </p>
      {ids.length < 4 ? (
        <SearchBox onPick={(id) => !ids.includes(id) && setIds([...ids, id].join(','))} label={t.add} />
      ) : null}
      {error ? <p role="alert">{error}</p> : null}
      {missing.length > 0 ? (
        <p role="alert">
          {t.missing(missing)}
          <button type="button" onClick={() => setIds(ids.filter((x) => !missing.includes(x)).join(','))}>
            {t.removeMissing}
          </button>
        </p>
      ) : null}
      {data && data.length > 0 ? (
        <View
          id="compare"
          title={data.map((d) => nameOf(d.entity)).join(' · ')}
          rows={table}
          metrics={[]}
          sources={data.flatMap((d) => d.sources).filter((s, i, all) => all.findIndex((x) => x.id === s.id) === i)}
          openTable
          table={
            <DataTable
              id="compare-table"
              caption={t.caption}
              rows={shown}
              columns={[
                { key: 'attribute', label: '' },
                ...data.map((d) => ({ key: d.entity.id, label: nameOf(d.entity, d.entity.id) })),
              ]}
            />
          }
        />
      ) : settled ? (
        <p>{t.nothing}</p>
      ) : error ? null : (
        <p>{t.loading}</p>
      )}
    </article>
  );
}
