import { useMemo } from 'preact/hooks';
import { api } from '../api.ts';
import { DataTable } from '../components/view.tsx';
import { useLoad, useQueryParam } from '../hooks.ts';
import { date, messages, num } from '../i18n.ts';

const T = messages(
  {
    loading: 'Loading…',
    title: 'Sources',
    takeaway: (n: number) => `${n} sources; every fact, relation and number in Neijuan points at one of them.`,
    filter: 'Filter',
    filterLabel: 'Filter sources',
    download: 'Download:',
    caption: (n: number) => `${n} sources`,
    titleCol: 'Title',
    publisher: 'Publisher',
    published: 'Published',
    retrieved: 'Retrieved',
    licence: 'Licence',
    uses: 'Rows citing it',
    day: (iso: string | null) => iso ?? '',
    count: (n: number | undefined) => String(n ?? ''),
  },
  {
    loading: '加载中…',
    title: '数据来源',
    takeaway: (n: number) => `共 ${num(n)} 个来源；Neijuan 中的每条事实、每个关系和每个数字都指向其中之一。`,
    filter: '筛选',
    filterLabel: '筛选来源',
    download: '下载：',
    caption: (n: number) => `${num(n)} 个来源`,
    titleCol: '标题',
    publisher: '发布方',
    published: '发布日期',
    retrieved: '获取日期',
    licence: '许可协议',
    uses: '引用它的记录数',
    day: (iso: string | null) => date(iso),
    count: (n: number | undefined) => (n === undefined ? '' : num(n)),
  },
);

export function Sources() {
  const { data, error } = useLoad(() => api.sources(), []);
  const [filter, setFilter] = useQueryParam('q', '');
  const rows = useMemo(
    () =>
      (data?.sources ?? []).filter((s) =>
        `${s.title} ${s.publisher} ${s.url}`.toLowerCase().includes(filter.toLowerCase()),
      ),
    [data, filter],
  );
  const t = T();
  if (error) return <p role="alert">{error}</p>;
  if (!data) return <p>{t.loading}</p>;
  return (
    <article>
      <h1>{t.title}</h1>
      <p class="takeaway">{t.takeaway(data.sources.length)}</p>
      <label class="field">
        {t.filter}{' '}
        <input
          type="search"
          value={filter}
          aria-label={t.filterLabel}
          onInput={(e) => setFilter((e.target as HTMLInputElement).value)}
        />
      </label>
      <p class="downloads">
        {t.download} <a href="/api/sources?format=csv">CSV</a> · <a href="/api/sources">JSON</a>
      </p>
      <DataTable
        id="sources-table"
        caption={t.caption(rows.length)}
        rows={rows.map((s) => ({ ...s }))}
        columns={[
          {
            key: 'title',
            label: t.titleCol,
            render: (s) => (
              <a href={s.url} rel="noopener noreferrer">
                {s.title}
              </a>
            ),
          },
          { key: 'publisher', label: t.publisher },
          { key: 'published', label: t.published, render: (s) => t.day(s.published) },
          { key: 'retrieved', label: t.retrieved, render: (s) => t.day(s.retrieved) },
          { key: 'licence', label: t.licence },
          { key: 'uses', label: t.uses, numeric: true, render: (s) => t.count(s.uses) },
        ]}
      />
    </article>
  );
}
