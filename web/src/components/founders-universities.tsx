/**
 * Where the founders of a city's or province's AI organisations studied: per university, the founders (each once)
 * with a cited degree there, coloured by whether the university is in the same city or province. The organisations
 * and founders are the city league's (metric city-league), so the totals match the league's founder columns.
 */
import * as Plot from '@observablehq/plot';
import { useCallback } from 'preact/hooks';
import type { CitiesData } from '../api.ts';
import { messages, nameOf, num } from '../i18n.ts';
import { chartWidth, PlotFigure } from './plot-figure.tsx';
import { DataTable, View } from './view.tsx';

const SHOWN = 15;

const T = messages(
  {
    title: (place: string) => `Where the founders of ${place}'s AI organisations studied`,
    takeaway: (known: number, local: number, place: string, top: string, n: number) =>
      `Of ${known} founder${known === 1 ? '' : 's'} of ${place}'s AI organisations with a cited university, ${local} studied in the same city or province; the most studied at ${top} (${n}).`,
    none: (place: string) =>
      `Not enough data: no founder of ${place}'s AI organisations has a cited university in the dataset yet.`,
    label: (place: string) => `Bar chart: founders of ${place}'s AI organisations per university`,
    founders: 'Founders',
    organisations: 'Organisations',
    university: 'University',
    where: 'Where',
    local: 'same city or province',
    elsewhere: 'elsewhere',
    caption: (place: string) => `Universities of the founders of ${place}'s AI organisations`,
    more: (n: number) => ` The chart shows the first ${n}; the table lists all.`,
  },
  {
    title: (place: string) => `${place}人工智能机构创始人的毕业院校`,
    takeaway: (known: number, local: number, place: string, top: string, n: number) =>
      `${place}人工智能机构中有可引用院校信息的创始人共 ${known} 位，其中 ${local} 位在本市或本省求学；人数最多的是${top}（${n} 位）。`,
    none: (place: string) => `数据不足：数据集中${place}人工智能机构的创始人尚无可引用的院校信息。`,
    label: (place: string) => `条形图：${place}人工智能机构创始人按院校统计`,
    founders: '创始人',
    organisations: '机构',
    university: '院校',
    where: '所在地',
    local: '本市或本省',
    elsewhere: '外地',
    caption: (place: string) => `${place}人工智能机构创始人的毕业院校`,
    more: (n: number) => `图中只显示前 ${n} 所；表中列出全部。`,
  },
);

type Row = {
  university: string;
  name: string;
  founders: number;
  companies: number;
  local: boolean;
};

/** `data` is the cities payload asked with `?place=` (entity-extras loads it once for the league and this chart). */
export function FoundersUniversities({ data, placeName }: { data: CitiesData; placeName: string }) {
  const t = T();
  const alumni = data.place_alumni;
  const rows: Row[] = (alumni?.universities ?? []).map((u) => ({
    university: u.university,
    name: nameOf(u, u.university),
    founders: u.founders,
    companies: u.companies,
    local: u.local,
  }));
  const top = rows.slice(0, SHOWN);
  const make = useCallback(
    () =>
      Plot.plot({
        width: chartWidth(),
        height: 40 + top.length * 24,
        marginLeft: 230,
        x: { label: `${t.founders} →`, grid: true, tickFormat: (d: number) => (Number.isInteger(d) ? num(d) : '') },
        y: { label: null, domain: top.map((r) => r.name) },
        color: { domain: [t.local, t.elsewhere], range: ['#c8102e', '#8a8a8a'], legend: true },
        marks: [
          Plot.barX(top, {
            y: 'name',
            x: 'founders',
            fill: (r: Row) => (r.local ? t.local : t.elsewhere),
            title: (r: Row) => `${r.name}: ${r.founders}`,
          }),
          Plot.ruleX([0]),
        ],
      }),
    [top, t],
  );
  if (!alumni) return null;
  const first = rows[0];
  return (
    <View
      id="founders-universities"
      title={t.title(placeName)}
      takeaway={
        first
          ? t.takeaway(alumni.founders_known, alumni.founders_local, placeName, first.name, first.founders) +
            (rows.length > SHOWN ? t.more(SHOWN) : '')
          : t.none(placeName)
      }
      chart={first ? <PlotFigure make={make} label={t.label(placeName)} /> : undefined}
      rows={alumni.universities}
      metrics={data.metrics.filter((m) => m.id === 'city-league')}
      sources={data.sources}
      table={
        <DataTable
          id="founders-universities-table"
          caption={t.caption(placeName)}
          rows={rows}
          columns={[
            { key: 'name', label: t.university, render: (r) => <a href={`/entity/${r.university}`}>{r.name}</a> },
            { key: 'founders', label: t.founders, numeric: true },
            { key: 'companies', label: t.organisations, numeric: true },
            { key: 'local', label: t.where, render: (r) => (r.local ? t.local : t.elsewhere) },
          ]}
        />
      }
    />
  );
}
