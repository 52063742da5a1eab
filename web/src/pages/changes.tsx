import { api, type ChangesData } from '../api.ts';
import { DataTable } from '../components/view.tsx';
import { useLoad, useQueryParam } from '../hooks.ts';

const KINDS = ['', 'entity', 'fact', 'release', 'relation', 'price', 'observation', 'metric'];

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
  return (
    <article>
      <h1>What changed</h1>
      <p class="takeaway">
        {data
          ? data.total === 0
            ? 'Nothing recorded yet for this selection: changes are recorded by each ingest, and by each build against the database it replaces.'
            : `${data.total} changes${runs[0] ? `; the latest ${runs[0].kind} (${runs[0].at.slice(0, 10)}) changed ${runs[0].changes}` : ''}.`
          : ''}
      </p>
      <p>
        <label class="field">
          Kind{' '}
          <select value={kind} aria-label="Kind" onChange={(e) => setKind((e.target as HTMLSelectElement).value)}>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {k || 'all'}
              </option>
            ))}
          </select>
        </label>{' '}
        <label class="field">
          Entity{' '}
          <input
            value={entity}
            placeholder="org:deepseek"
            aria-label="Entity id"
            onChange={(e) => setEntity((e.target as HTMLInputElement).value.trim())}
          />
        </label>{' '}
        <label class="field">
          Watchlist{' '}
          <input
            value={watchlist}
            placeholder="mine, or org:a,org:b"
            aria-label="Watchlist"
            onChange={(e) => setWatchlist((e.target as HTMLInputElement).value.trim())}
          />
        </label>
      </p>
      <p class="downloads">
        Follow: <a href={feed}>Atom feed of this selection</a> · Download:{' '}
        <a href={`/api/changes?${query ? `${query}&` : ''}format=csv&limit=500`}>CSV</a>
      </p>
      {error ? <p role="alert">{error}</p> : null}
      {!data && !error ? <p>Loading…</p> : null}
      {data ? (
        <DataTable
          id="changes-table"
          caption={`${data.changes.length} of ${data.total} changes, newest first`}
          rows={data.changes.map((c) => ({ ...c }))}
          columns={[
            { key: 'at', label: 'When', render: (c) => c.at.slice(0, 10) },
            { key: 'kind', label: 'Kind' },
            { key: 'op', label: 'Change' },
            {
              key: 'entity_id',
              label: 'About',
              render: (c) =>
                c.entity_id ? <a href={`/entity/${c.entity_id}`}>{c.entity_name ?? c.entity_id}</a> : 'a metric',
            },
            { key: 'what', label: 'What' },
            {
              key: 'new_value',
              label: 'Value',
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
              label: 'Source',
              render: (c) =>
                c.links.source ? (
                  <a href={c.links.source} rel="noopener noreferrer">
                    source
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
