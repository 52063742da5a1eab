import * as Plot from '@observablehq/plot';
import { componentName } from '../format.ts';
import { useCallback, useMemo } from 'preact/hooks';
import { api, type SupplyData } from '../api.ts';
import { Choice } from '../components/choice.tsx';
import { chartWidth, PlotFigure } from '../components/plot-figure.tsx';
import { DataTable, View } from '../components/view.tsx';
import { useLoad, useQueryParam } from '../hooks.ts';
import { countryName, lang, messages, nameOf, num, shownDate } from '../i18n.ts';

type Link = SupplyData['links'][number];

/** How a supplier and a robot maker are linked (src/model/types.ts SUPPLY_KINDS). */
const KIND_ZH: Record<string, string> = { supply: '供货', partnership: '合作', qualification: '送样验证' };
/** A claim's standing (src/model/types.ts CLAIM_STATUSES). */
const STATUS_ZH: Record<string, string> = {
  corroborated: '已获佐证',
  uncorroborated: '未获佐证',
  contradicted: '存在反证',
};

const T = messages(
  {
    component: (c: string) => c.replace(/-/g, ' '),
    kind: (kind: string) => kind,
    status: (status: string) => status,
    list: (items: string[]) => items.join(', '),
    bySide: (by: 'customer' | 'supplier') => (by === 'customer' ? ' ← suppliers: ' : ' ← customers: '),
    part: (component: string, kind: string) => ` (${component}${kind === 'supply' ? '' : `, ${kind}`})`,
    axis: 'Firms with a cited fact that they make it',
    bar: (component: string, makers: number, links: number) => `${component}: ${makers} makers, ${links} cited links`,
    error: (error: string) => `Could not load the supply chain: ${error}`,
    loading: 'Loading…',
    heading: 'The humanoid supply chain',
    intro:
      'Component makers, and the robot makers a source says they supply, partner with or are being qualified by. A ' +
      'missing link means no cited source, not no supply.',
    componentLabel: 'Component',
    allComponents: 'All components',
    option: (component: string, links: number) => `${component} (${links})`,
    makersTitle: 'Who makes which part',
    makersTakeaway: (makers: number, links: number) =>
      `${makers} component makers with cited products; ${links} cited links to robot makers.`,
    makersChart: 'Bar chart: component makers per component',
    makersCaption: 'Component makers',
    maker: 'Maker',
    country: 'Country',
    components: 'Components',
    chainTitle: (component: string) =>
      component ? `Links: ${component}` : 'Robot maker → suppliers, supplier → customers',
    chainTakeaway: (links: number, component: string) => `${links} cited links${component ? ` for ${component}` : ''}.`,
    theirSuppliers: 'Robot makers and their suppliers',
    theirCustomers: 'Suppliers and their customers',
    linksCaption: 'Cited supply and partnership links',
    supplier: 'Supplier',
    robotMaker: 'Robot maker',
    link: 'Link',
    asOf: 'As of',
    note: 'Note',
    costTitle: "What a humanoid costs, and where the cost sits: estimates beside the panel's 55 %",
    costTakeaway: (value: string, speaker: string, others: number) =>
      `The panel's figure — ${value} % of a humanoid's cost in its movement parts (${speaker}) — ` +
      `is one claim; ${others} published estimates stand beside it, each with its speaker.`,
    costTakeawayNoPanel: (n: number) => `${n} published estimates, each with its speaker.`,
    costCaption: 'Cost estimates (claims, not facts)',
    whoSays: 'Who says',
    counts: 'What it counts',
    figure: 'Figure',
    when: 'When',
    statusLabel: 'Status',
  },
  {
    component: (c: string) => componentName(c),
    kind: (kind: string) => KIND_ZH[kind] ?? kind,
    status: (status: string) => STATUS_ZH[status] ?? status,
    list: (items: string[]) => items.join('、'),
    bySide: (by: 'customer' | 'supplier') => (by === 'customer' ? ' ← 供应商：' : ' ← 客户：'),
    part: (component: string, kind: string) =>
      `（${component}${kind === 'supply' ? '' : `，${KIND_ZH[kind] ?? kind}`}）`,
    axis: '有出处表明生产该部件的企业数',
    bar: (component: string, makers: number, links: number) =>
      `${component}：${num(makers)} 家制造商，${num(links)} 条有出处的关系`,
    error: (error: string) => `无法加载供应链：${error}`,
    loading: '加载中…',
    heading: '人形机器人供应链',
    intro:
      '部件制造商，以及有来源表明它们为之供货、与之合作或正在送样验证的机器人整机厂。缺少某条关系只说明没有可引用的来源，并不代表没有供货。',
    componentLabel: '部件',
    allComponents: '全部部件',
    option: (component: string, links: number) => `${component}（${num(links)}）`,
    makersTitle: '谁生产哪个部件',
    makersTakeaway: (makers: number, links: number) =>
      `${num(makers)} 家部件制造商的产品有出处；与机器人整机厂之间有 ${num(links)} 条有出处的关系。`,
    makersChart: '条形图：各部件的制造商数量',
    makersCaption: '部件制造商',
    maker: '制造商',
    country: '国家/地区',
    components: '部件',
    chainTitle: (component: string) => (component ? `供应关系：${component}` : '整机厂 → 供应商，供应商 → 客户'),
    chainTakeaway: (links: number, component: string) =>
      `${component ? `${component}：` : ''}${num(links)} 条有出处的关系。`,
    theirSuppliers: '机器人整机厂及其供应商',
    theirCustomers: '供应商及其客户',
    linksCaption: '有出处的供货与合作关系',
    supplier: '供应商',
    robotMaker: '机器人整机厂',
    link: '关系',
    asOf: '截至',
    note: '备注',
    costTitle: '人形机器人的成本及其构成：各方估算与论坛嘉宾所说的 55%',
    costTakeaway: (value: string, speaker: string, others: number) =>
      `论坛嘉宾的说法——人形机器人成本的 ${value}% 在运动部件（${speaker}）——只是一家之言；` +
      `另有 ${num(others)} 份公开估算可作对照，均注明发言人。`,
    costTakeawayNoPanel: (n: number) => `${num(n)} 份公开估算，均注明发言人。`,
    costCaption: '成本估算（是说法，不是事实）',
    whoSays: '发言人',
    counts: '统计口径',
    figure: '数值',
    when: '时间',
    statusLabel: '状态',
  },
);
const label = (c: string) => T().component(c);

/** One side of the chain: each firm with the firms on the other side, by component. */
function Sides({ links, by }: { links: readonly Link[]; by: 'customer' | 'supplier' }) {
  const t = T();
  const groups = new Map<string, { name: string; rows: Link[] }>();
  for (const l of links) {
    const id = by === 'customer' ? l.customer : l.supplier;
    const name =
      by === 'customer'
        ? nameOf({ name_en: l.customer_en, name_zh: l.customer_zh }, id)
        : nameOf({ name_en: l.supplier_en, name_zh: l.supplier_zh }, id);
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
            <a href={`/entity/${id}`}>{g.name}</a>
            {t.bySide(by)}
            {g.rows.map((l, n) => {
              const other = by === 'customer' ? l.supplier : l.customer;
              const otherName =
                by === 'customer'
                  ? nameOf({ name_en: l.supplier_en, name_zh: l.supplier_zh }, other)
                  : nameOf({ name_en: l.customer_en, name_zh: l.customer_zh }, other);
              return (
                <span key={`${other}${l.component}${l.kind}${l.source_id}`}>
                  {n > 0 ? (lang() === 'zh' ? '；' : '; ') : ''}
                  <a href={`/entity/${other}`}>{otherName}</a>
                  {t.part(label(l.component), l.kind)}
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
        x: { label: T().axis, grid: true },
        y: { label: null },
        marks: [
          Plot.barX(counts, {
            y: (d: (typeof counts)[number]) => label(d.component),
            x: 'makers',
            fill: '#5b8c5a',
            sort: { y: '-x' },
            title: (d: (typeof counts)[number]) => T().bar(label(d.component), d.makers, d.links),
          }),
          Plot.ruleX([0]),
        ],
      }),
    [counts],
  );
  const t = T();
  if (error) return <p role="alert">{t.error(error)}</p>;
  if (!data) return <p>{t.loading}</p>;
  const panel = data.cost_claims.find((c) => c.attr === 'humanoid_cost_share_movement_parts');
  const cited = new Set([
    ...links.map((l) => l.source_id),
    ...data.makers.flatMap((m) => m.source_ids),
    ...data.cost_claims.map((c) => c.source_id),
  ]);
  const sources = data.sources.filter((s) => cited.has(s.id));
  return (
    <article>
      <h1>{t.heading}</h1>
      <p class="muted">{t.intro}</p>
      <p class="controls">
        <Choice
          label={t.componentLabel}
          value={component}
          options={[
            { value: '', label: t.allComponents },
            ...counts.map((c) => ({ value: c.component, label: t.option(label(c.component), c.links) })),
          ]}
          onChange={setComponent}
        />
      </p>
      <View
        id="components"
        title={t.makersTitle}
        takeaway={t.makersTakeaway(data.makers.length, data.links.length)}
        chart={<PlotFigure make={make} label={t.makersChart} />}
        rows={data.makers.map((m) => ({ maker: m.en ?? m.zh, country: m.country, components: m.components.join(' ') }))}
        metrics={data.metrics}
        sources={sources}
        table={
          <DataTable
            id="makers-table"
            caption={t.makersCaption}
            rows={data.makers}
            columns={[
              {
                key: 'en',
                label: t.maker,
                render: (m) => <a href={`/entity/${m.id}`}>{nameOf({ name_en: m.en, name_zh: m.zh })}</a>,
              },
              { key: 'country', label: t.country, render: (m) => countryName(m.country) },
              { key: 'components', label: t.components, render: (m) => t.list(m.components.map(label)) },
            ]}
          />
        }
      />
      <View
        id="chain"
        title={t.chainTitle(component ? label(component) : '')}
        takeaway={t.chainTakeaway(links.length, component ? label(component) : '')}
        chart={
          <div class="two-columns">
            <section>
              <h3>{t.theirSuppliers}</h3>
              <Sides links={links} by="customer" />
            </section>
            <section>
              <h3>{t.theirCustomers}</h3>
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
            caption={t.linksCaption}
            rows={links}
            columns={[
              { key: 'component', label: t.componentLabel, render: (l) => label(l.component) },
              {
                key: 'supplier',
                label: t.supplier,
                render: (l) => nameOf({ name_en: l.supplier_en, name_zh: l.supplier_zh }, l.supplier),
              },
              {
                key: 'customer',
                label: t.robotMaker,
                render: (l) => nameOf({ name_en: l.customer_en, name_zh: l.customer_zh }, l.customer),
              },
              { key: 'kind', label: t.link, render: (l) => t.kind(l.kind) },
              { key: 'as_of', label: t.asOf, render: (l) => shownDate(l.as_of) },
              { key: 'note', label: t.note, render: (l) => l.note ?? '' },
            ]}
          />
        }
      />
      <View
        id="cost"
        title={t.costTitle}
        takeaway={
          panel
            ? t.costTakeaway(panel.value, panel.speaker, data.cost_claims.length - 1)
            : t.costTakeawayNoPanel(data.cost_claims.length)
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
            caption={t.costCaption}
            rows={data.cost_claims}
            columns={[
              { key: 'speaker', label: t.whoSays },
              { key: 'counts', label: t.counts },
              {
                key: 'value',
                label: t.figure,
                numeric: true,
                render: (c) => `${c.value}${c.unit ? ` ${c.unit}` : ''}`,
              },
              { key: 'said_on', label: t.when, render: (c) => shownDate(c.said_on) },
              { key: 'status', label: t.statusLabel, render: (c) => t.status(c.status) },
            ]}
          />
        }
      />
    </article>
  );
}
