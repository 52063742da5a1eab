import { useMemo } from 'preact/hooks';
import { api, type EntityDetail } from '../api.ts';
import { SearchBox } from '../components/search-box.tsx';
import { DataTable, View } from '../components/view.tsx';
import { useLoad, useQueryParam } from '../hooks.ts';

const ROWS: { label: string; of: (d: EntityDetail) => string }[] = [
  { label: 'Chinese name', of: (d) => d.entity.name_zh ?? '' },
  { label: 'Kind', of: (d) => d.entity.kind },
  { label: 'Segments', of: (d) => d.entity.segments.join(', ') },
  { label: 'City', of: (d) => d.entity.city?.replace('city:', '') ?? '' },
  { label: 'Country', of: (d) => d.entity.country?.replace('country:', '').toUpperCase() ?? '' },
  {
    label: 'Founded',
    of: (d) => [...new Set(d.facts.filter((f) => f.attr === 'founded').map((f) => f.value))].join(' / '),
  },
  {
    label: 'Founders',
    of: (d) =>
      d.relations
        .filter((r) => r.predicate === 'founded_by' && r.direction === 'out')
        .map((r) => r.other_name)
        .join(', '),
  },
  {
    label: 'Models and products developed',
    of: (d) => String(d.relations.filter((r) => r.predicate === 'developed' && r.direction === 'out').length),
  },
  {
    label: 'Organisations located here',
    of: (d) =>
      String(
        d.relations.filter(
          (r) => r.direction === 'in' && (r.predicate === 'headquartered_in' || r.predicate === 'located_in'),
        ).length,
      ),
  },
  { label: 'Disputed attributes', of: (d) => d.disputed.join(', ') },
  { label: 'Sources', of: (d) => String(d.sources.length) },
];

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
  const { data, error } = useLoad(() => Promise.all(ids.map((id) => api.entity(id))), [idsText]);
  const table = (data ?? []).length
    ? ROWS.map((r) => ({ attribute: r.label, ...Object.fromEntries((data ?? []).map((d) => [d.entity.id, r.of(d)])) }))
    : [];
  return (
    <article>
      <h1>Compare</h1>
      <p class="muted">Two to four entities side by side. Add one with the search below; remove one with its ✕.</p>
      <p class="chips">
        {ids.map((id) => (
          <span class="chip" key={id}>
            <a href={`/entity/${id}`}>{id}</a>{' '}
            <button
              type="button"
              aria-label={`Remove ${id}`}
              onClick={() => setIds(ids.filter((x) => x !== id).join(','))}
            >
              ✕
            </button>
          </span>
        ))}
      </p>
      {ids.length < 4 ? (
        <SearchBox
          onPick={(id) => !ids.includes(id) && setIds([...ids, id].join(','))}
          label="Add an entity to compare"
        />
      ) : null}
      {error ? <p role="alert">{error}</p> : null}
      {data ? (
        <View
          id="compare"
          title={data.map((d) => d.entity.name_en ?? d.entity.name_zh).join(' · ')}
          rows={table}
          metrics={[]}
          sources={data.flatMap((d) => d.sources).filter((s, i, all) => all.findIndex((x) => x.id === s.id) === i)}
          openTable
          table={
            <DataTable
              id="compare-table"
              caption="Side by side"
              rows={table}
              columns={[
                { key: 'attribute', label: '' },
                ...data.map((d) => ({ key: d.entity.id, label: d.entity.name_en ?? d.entity.name_zh ?? d.entity.id })),
              ]}
            />
          }
        />
      ) : (
        <p>Loading…</p>
      )}
    </article>
  );
}
