import { useMemo } from 'preact/hooks';
import { api, type EntityDetail } from '../api.ts';
import { SearchBox } from '../components/search-box.tsx';
import { DataTable, View } from '../components/view.tsx';
import { placeName, unique } from '../format.ts';
import { useLoad, useQueryParam } from '../hooks.ts';

const ROWS: { label: string; of: (d: EntityDetail) => string }[] = [
  { label: 'Chinese name', of: (d) => d.entity.name_zh ?? '' },
  { label: 'Kind', of: (d) => d.entity.kind },
  { label: 'Segments', of: (d) => d.entity.segments.join(', ') },
  { label: 'City', of: (d) => (d.entity.city ? placeName(d.entity.city) : '') },
  { label: 'Country', of: (d) => d.entity.country?.replace('country:', '').toUpperCase() ?? '' },
  {
    label: 'Founded',
    of: (d) => [...new Set(d.facts.filter((f) => f.attr === 'founded').map((f) => f.value))].join(' / '),
  },
  {
    label: 'Founders',
    of: (d) =>
      unique(
        d.relations
          .filter((r) => r.predicate === 'founded_by' && r.direction === 'out')
          .map((r) => r.other_name ?? r.other_id),
      ).join(', '),
  },
  {
    label: 'Models and products developed',
    of: (d) =>
      String(
        unique(d.relations.filter((r) => r.predicate === 'developed' && r.direction === 'out').map((r) => r.other_id))
          .length,
      ),
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
  // One id that does not exist must not sink the others: each loads on its own, and a failure is named.
  const { data: settled, error } = useLoad(
    () =>
      Promise.allSettled(ids.map((id) => api.entity(id))).then((all) =>
        all.map((r, i) => ({ id: ids[i] as string, detail: r.status === 'fulfilled' ? r.value : null })),
      ),
    [idsText],
  );
  const data = settled ? settled.flatMap((s) => (s.detail ? [s.detail] : [])) : null;
  const missing = settled ? settled.filter((s) => s.detail === null).map((s) => s.id) : [];
  const nameOf = (id: string) => {
    const d = data?.find((x) => x.entity.id === id);
    return d ? (d.entity.name_en ?? d.entity.name_zh ?? id) : id;
  };
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
            <a href={`/entity/${id}`}>{nameOf(id)}</a>{' '}
            <button
              type="button"
              aria-label={`Remove ${nameOf(id)}`}
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
      {missing.length > 0 ? (
        <p role="alert">
          No entity {missing.map((m) => `“${m}”`).join(', ')}: {missing.length > 1 ? 'they are' : 'it is'} left out.{' '}
          <button type="button" onClick={() => setIds(ids.filter((x) => !missing.includes(x)).join(','))}>
            Remove from the comparison
          </button>
        </p>
      ) : null}
      {data && data.length > 0 ? (
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
      ) : settled ? (
        <p>Nothing to compare yet: add an entity with the search above.</p>
      ) : error ? null : (
        <p>Loading…</p>
      )}
    </article>
  );
}
