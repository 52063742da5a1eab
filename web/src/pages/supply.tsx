import * as Plot from '@observablehq/plot';
import { useCallback, useMemo } from 'preact/hooks';
import { api, type SupplyData } from '../api.ts';
import { Choice } from '../components/choice.tsx';
import { chartWidth, PlotFigure } from '../components/plot-figure.tsx';
import { DataTable, View } from '../components/view.tsx';
import { useLoad, useQueryParam } from '../hooks.ts';

type Link = SupplyData['links'][number];
const label = (c: string) => c.replace(/-/g, ' ');

/** One side of the chain: each firm with the firms on the other side, by component. */
function Sides({ links, by }: { links: readonly Link[]; by: 'customer' | 'supplier' }) {
  const groups = new Map<string, { name: string; rows: Link[] }>();
  for (const l of links) {
    const id = by === 'customer' ? l.customer : l.supplier;
    const name = (by === 'customer' ? (l.customer_en ?? l.customer_zh) : (l.supplier_en ?? l.supplier_zh)) ?? id;
    const g = groups.get(id) ?? { name, rows: [] };
    g.rows.push(l);
    groups.set(id, g);
  }
  return (
    <ul class="relations" id={`by-${by}`}>
      {[...groups]
        .sort((a, b) => b[1].rows.length - a[1].rows.length || a[1].name.localeCompare(b[1].name))
        .map(([id, g]) => (
          <li key={id}>
            <a href={`/entity/${id}`}>{g.name}</a> ←{by === 'customer' ? ' suppliers: ' : ' customers: '}
            {g.rows.map((l, n) => {
              const other = by === 'customer' ? l.supplier : l.customer;
              const otherName = by === 'customer' ? (l.supplier_en ?? l.supplier_zh) : (l.customer_en ?? l.customer_zh);
              return (
                <span key={`${other}${l.component}${l.kind}${l.source_id}`}>
                  {n > 0 ? '; ' : ''}
                  <a href={`/entity/${other}`}>{otherName ?? other}</a> ({label(l.component)}
                  {l.kind === 'supply' ? '' : `, ${l.kind}`})
                </span>
              );
            })}
          </li>
        ))}
    </ul>
  );
}

/** The humanoid supply chain: who makes the parts, which robot makers a source says they supply, and cost estimates. */
export function Supply() {
  const [component, setComponent] = useQueryParam('component', '');
  const { data, error } = useLoad(() => api.supply(''), []);
  const links = useMemo(
    () => (data?.links ?? []).filter((l) => component === '' || l.component === component),
    [data, component],
  );
  const counts = data?.components ?? [];
  const make = useCallback(
    () =>
      Plot.plot({
        width: chartWidth(),
        height: Math.max(200, counts.length * 22 + 40),
        marginLeft: 140,
        x: { label: 'Firms with a cited fact that they make it', grid: true },
        y: { label: null },
        marks: [
          Plot.barX(counts, {
            y: (d: (typeof counts)[number]) => label(d.component),
            x: 'makers',
            fill: '#5b8c5a',
            sort: { y: '-x' },
            title: (d: (typeof counts)[number]) => `${label(d.component)}: ${d.makers} makers, ${d.links} cited links`,
          }),
          Plot.ruleX([0]),
        ],
      }),
    [counts],
  );
  if (error) return <p role="alert">Could not load the supply chain: {error}</p>;
  if (!data) return <p>Loading…</p>;
  const panel = data.cost_claims.find((c) => c.attr === 'humanoid_cost_share_movement_parts');
  const cited = new Set([
    ...links.map((l) => l.source_id),
    ...data.makers.flatMap((m) => m.source_ids),
    ...data.cost_claims.map((c) => c.source_id),
  ]);
  const sources = data.sources.filter((s) => cited.has(s.id));
  return (
    <article>
      <h1>The humanoid supply chain</h1>
      <p class="muted">
        Component makers, and the robot makers a source says they supply, partner with or are being qualified by. A
        missing link means no cited source, not no supply.
      </p>
      <p class="controls">
        <Choice
          label="Component"
          value={component}
          options={[
            { value: '', label: 'All components' },
            ...counts.map((c) => ({ value: c.component, label: `${label(c.component)} (${c.links})` })),
          ]}
          onChange={setComponent}
        />
      </p>
      <View
        id="components"
        title="Who makes which part"
        takeaway={`${data.makers.length} component makers with cited products; ${data.links.length} cited links to robot makers.`}
        chart={<PlotFigure make={make} label="Bar chart: component makers per component" />}
        rows={data.makers.map((m) => ({ maker: m.en ?? m.zh, country: m.country, components: m.components.join(' ') }))}
        metrics={data.metrics}
        sources={sources}
        table={
          <DataTable
            id="makers-table"
            caption="Component makers"
            rows={data.makers}
            columns={[
              { key: 'en', label: 'Maker', render: (m) => <a href={`/entity/${m.id}`}>{m.en ?? m.zh}</a> },
              {
                key: 'country',
                label: 'Country',
                render: (m) => m.country?.replace('country:', '').toUpperCase() ?? '',
              },
              { key: 'components', label: 'Components', render: (m) => m.components.map(label).join(', ') },
            ]}
          />
        }
      />
      <View
        id="chain"
        title={component ? `Links: ${label(component)}` : 'Robot maker → suppliers, supplier → customers'}
        takeaway={`${links.length} cited links${component ? ` for ${label(component)}` : ''}.`}
        chart={
          <div class="two-columns">
            <section>
              <h3>Robot makers and their suppliers</h3>
              <Sides links={links} by="customer" />
            </section>
            <section>
              <h3>Suppliers and their customers</h3>
              <Sides links={links} by="supplier" />
            </section>
          </div>
        }
        rows={links}
        metrics={data.metrics}
        sources={sources}
        table={
          <DataTable
            id="links-table"
            caption="Cited supply and partnership links"
            rows={links}
            columns={[
              { key: 'component', label: 'Component', render: (l) => label(l.component) },
              { key: 'supplier', label: 'Supplier', render: (l) => l.supplier_en ?? l.supplier_zh ?? l.supplier },
              { key: 'customer', label: 'Robot maker', render: (l) => l.customer_en ?? l.customer_zh ?? l.customer },
              { key: 'kind', label: 'Link' },
              { key: 'as_of', label: 'As of', render: (l) => l.as_of ?? '' },
              { key: 'note', label: 'Note', render: (l) => l.note ?? '' },
            ]}
          />
        }
      />
      <View
        id="cost"
        title="What a humanoid costs, and where the cost sits: estimates beside the panel's 55 %"
        takeaway={
          panel
            ? `The panel's figure — ${panel.value} % of a humanoid's cost in its movement parts (${panel.speaker}) — ` +
              `is one claim; ${data.cost_claims.length - 1} published estimates stand beside it, each with its speaker.`
            : `${data.cost_claims.length} published estimates, each with its speaker.`
        }
        rows={data.cost_claims.map((c) => ({
          speaker: c.speaker,
          counts: c.counts,
          value: c.value,
          unit: c.unit,
          date: c.said_on,
          status: c.status,
        }))}
        metrics={data.metrics}
        sources={sources}
        openTable
        table={
          <DataTable
            id="cost-table"
            caption="Cost estimates (claims, not facts)"
            rows={data.cost_claims}
            columns={[
              { key: 'speaker', label: 'Who says' },
              { key: 'counts', label: 'What it counts' },
              {
                key: 'value',
                label: 'Figure',
                numeric: true,
                render: (c) => `${c.value}${c.unit ? ` ${c.unit}` : ''}`,
              },
              { key: 'said_on', label: 'When', render: (c) => c.said_on ?? '' },
              { key: 'status', label: 'Status' },
            ]}
          />
        }
      />
    </article>
  );
}
