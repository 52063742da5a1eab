import { api, type ChangesData } from '../api.ts';
import { DataTable } from '../components/view.tsx';
import { useLoad, useQueryParam } from '../hooks.ts';
import { date, lang, messages, num } from '../i18n.ts';

const KINDS = ['', 'entity', 'fact', 'release', 'relation', 'price', 'observation', 'metric'];

/** Change kinds, operations and run kinds (src/store/queries/changes.ts) in Chinese. */
const KIND_ZH: Record<string, string> = {
  '': '全部',
  entity: '实体',
  fact: '事实',
  release: '发布',
  relation: '关系',
  price: '价格',
  observation: '观测值',
  metric: '指标',
};
const OP_ZH: Record<string, string> = { added: '新增', changed: '修改', removed: '删除' };
const RUN_ZH: Record<string, string> = { build: '构建', ingest: '数据导入' };

const T = messages(
  {
    title: 'What changed',
    none: 'Nothing recorded yet for this selection: changes are recorded by each ingest, and by each build against the database it replaces.',
    summary: (total: number, run: { kind: string; at: string; changes: number } | undefined) =>
      `${total} changes${run ? `; the latest ${run.kind} (${run.at.slice(0, 10)}) changed ${run.changes}` : ''}.`,
    kind: 'Kind',
    kindName: (k: string) => k || 'all',
    entity: 'Entity',
    entityId: 'Entity id',
    watchlist: 'Watchlist',
    watchlistHint: 'mine, or org:a,org:b',
    follow: 'Follow:',
    feed: 'Atom feed of this selection',
    download: 'Download:',
    loading: 'Loading…',
    caption: (shown: number, total: number) => `${shown} of ${total} changes, newest first`,
    when: 'When',
    day: (at: string) => at.slice(0, 10),
    change: 'Change',
    op: (op: string) => op,
    about: 'About',
    aMetric: 'a metric',
    what: 'What',
    value: 'Value',
    source: 'Source',
    sourceLink: 'source',
  },
  {
    title: '更新记录',
    none: '所选范围内尚无记录：每次数据导入都会记下变更，每次构建也会与被替换的数据库比较并记下变更。',
    summary: (total: number, run: { kind: string; at: string; changes: number } | undefined) =>
      `共 ${num(total)} 条变更${
        run
          ? `；最近一次${RUN_ZH[run.kind] ?? run.kind}（${date(run.at.slice(0, 10))}）变更了 ${num(run.changes)} 条`
          : ''
      }。`,
    kind: '类型',
    kindName: (k: string) => KIND_ZH[k] ?? k,
    entity: '实体',
    entityId: '实体 ID',
    watchlist: '关注列表',
    watchlistHint: 'mine，或 org:a,org:b',
    follow: '订阅：',
    feed: '本筛选结果的 Atom 订阅源',
    download: '下载：',
    loading: '加载中…',
    caption: (shown: number, total: number) => `共 ${num(total)} 条变更中的 ${num(shown)} 条，最新的在前`,
    when: '时间',
    day: (at: string) => date(at.slice(0, 10)),
    change: '变更',
    op: (op: string) => OP_ZH[op] ?? op,
    about: '对象',
    aMetric: '某项指标',
    what: '内容',
    value: '值',
    source: '来源',
    sourceLink: '来源',
  },
);

/** What builds and ingests changed, newest first, filtered; the same selection as an Atom feed. */
export function Changes() {
  const [kind, setKind] = useQueryParam('kind', '');
  const [entity, setEntity] = useQueryParam('entity', '');
  const [watchlist, setWatchlist] = useQueryParam('watchlist', '');
  const params = new URLSearchParams();
  if (kind) params.set('kind', kind);
  if (/^[a-z]+:[a-z0-9-]+$/.test(entity)) params.set('entity', entity);
  if (watchlist) params.set('watchlist', watchlist);
  const query = params.toString();
  const { data, error } = useLoad<ChangesData>(() => api.changes(query), [query]);
  const feed = `/feed.xml${query ? `?${query}` : ''}`;
  const runs = data?.runs ?? [];
  const t = T();
  const zh = lang() === 'zh';
  return (
    <article>
      <h1>{t.title}</h1>
      <p class="takeaway">{data ? (data.total === 0 ? t.none : t.summary(data.total, runs[0])) : ''}</p>
      <p>
        <label class="field">
          {t.kind}{' '}
          <select value={kind} aria-label={t.kind} onChange={(e) => setKind((e.target as HTMLSelectElement).value)}>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {t.kindName(k)}
              </option>
            ))}
          </select>
        </label>{' '}
        <label class="field">
          {t.entity}{' '}
          <input
            value={entity}
            placeholder="org:deepseek"
            aria-label={t.entityId}
            onChange={(e) => setEntity((e.target as HTMLInputElement).value.trim())}
          />
        </label>{' '}
        <label class="field">
          {t.watchlist}{' '}
          <input
            value={watchlist}
            placeholder={t.watchlistHint}
            aria-label={t.watchlist}
            onChange={(e) => setWatchlist((e.target as HTMLInputElement).value.trim())}
          />
        </label>
      </p>
      <p class="downloads">
        {t.follow} <a href={feed}>{t.feed}</a> · {t.download}{' '}
        <a href={`/api/changes?${query ? `${query}&` : ''}format=csv&limit=500`}>CSV</a>
      </p>
      {error ? <p role="alert">{error}</p> : null}
      {!data && !error ? <p>{t.loading}</p> : null}
      {data ? (
        <DataTable
          id="changes-table"
          caption={t.caption(data.changes.length, data.total)}
          rows={data.changes.map((c) => ({ ...c }))}
          columns={[
            { key: 'at', label: t.when, render: (c) => t.day(c.at) },
            { key: 'kind', label: t.kind, render: (c) => (zh ? t.kindName(c.kind) : c.kind) },
            { key: 'op', label: t.change, render: (c) => t.op(c.op) },
            {
              key: 'entity_id',
              label: t.about,
              render: (c) =>
                c.entity_id ? <a href={`/entity/${c.entity_id}`}>{c.entity_name ?? c.entity_id}</a> : t.aMetric,
            },
            { key: 'what', label: t.what },
            {
              key: 'new_value',
              label: t.value,
              render: (c) => (
                <>
                  {c.old_value ? <del>{c.old_value}</del> : null}
                  {c.old_value && c.new_value ? ' → ' : null}
                  {c.new_value ? <ins>{c.new_value}</ins> : null}
                  {c.note ? <div class="muted">{c.note}</div> : null}
                </>
              ),
            },
            {
              key: 'source_id',
              label: t.source,
              render: (c) =>
                c.links.source ? (
                  <a href={c.links.source} rel="noopener noreferrer">
                    {t.sourceLink}
                  </a>
                ) : (
                  ''
                ),
            },
          ]}
        />
      ) : null}
    </article>
  );
}
