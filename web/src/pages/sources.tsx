import { useMemo } from 'preact/hooks';
import { api } from '../api.ts';
import { DataTable } from '../components/view.tsx';
import { useLoad, useQueryParam } from '../hooks.ts';

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
  if (error) return <p role="alert">{error}</p>;
  if (!data) return <p>Loading…</p>;
  return (
    <article>
      <h1>Sources</h1>
      <p class="takeaway">
        {data.sources.length} sources; every fact, relation and number in Neijuan points at one of them.
      </p>
      <label class="field">
        Filter{' '}
        <input
          type="search"
          value={filter}
          aria-label="Filter sources"
          onInput={(e) => setFilter((e.target as HTMLInputElement).value)}
        />
      </label>
      <p class="downloads">
        Download: <a href="/api/sources?format=csv">CSV</a> · <a href="/api/sources">JSON</a>
      </p>
      <DataTable
        id="sources-table"
        caption={`${rows.length} sources`}
        rows={rows.map((s) => ({ ...s }))}
        columns={[
          {
            key: 'title',
            label: 'Title',
            render: (s) => (
              <a href={s.url} rel="noopener noreferrer">
                {s.title}
              </a>
            ),
          },
          { key: 'publisher', label: 'Publisher' },
          { key: 'published', label: 'Published' },
          { key: 'retrieved', label: 'Retrieved' },
          { key: 'licence', label: 'Licence' },
          { key: 'uses', label: 'Rows citing it', numeric: true },
        ]}
      />
    </article>
  );
}
