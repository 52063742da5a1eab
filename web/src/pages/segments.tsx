import { reasonText } from '../reasons.ts';
import * as Plot from '@observablehq/plot';
import { segmentName } from '../format.ts';
import { useCallback, useMemo } from 'preact/hooks';
import { api, type InvolutionYear } from '../api.ts';
import { chartWidth, PlotFigure, yearTicks } from '../components/plot-figure.tsx';
import { DataTable, View } from '../components/view.tsx';
import { useYearParams, yearRange } from '../components/year-range.tsx';
import { FilingsPerQuarter } from '../components/filings-chart.tsx';
import { useDebounced, useLoad, useQueryParam } from '../hooks.ts';
import { date, messages } from '../i18n.ts';

const COMPONENT_ZH: Record<string, string> = {
  players: '参与者数',
  entrants: '新进入者',
  exits: '退出者',
  concentration: '集中度',
  price: '价格',
  capability: '能力差距',
};
const RULE_LABEL: Record<string, string> = {
  cited: 'cited entry',
  release: 'first release',
  price: 'first API price',
  listed: 'first listed (upper bound)',
  founded: 'founded for it',
};
const RULE_ZH: Record<string, string> = {
  cited: '来源记载的进入',
  release: '首次发布',
  price: '首次 API 定价',
  listed: '首次列入（上限）',
  founded: '为此创立',
};
const EXIT_LABEL: Record<string, string> = { cited: 'cited', inactive: 'inferred from silence' };
const EXIT_ZH: Record<string, string> = { cited: '来源记载', inactive: '据长期沉寂推断' };

const T = messages(
  {
    /** A segment's name: the server's (English) label, else its id. */
    segment: (_id: string, label: string) => label,
    component: (c: string) => c,
    year: 'Year',
    indexAxis: 'Involution index (z)',
    notIndexed: (year: number, reason: string) => `${year}: not enough data — ${reason}`,
    point: (year: number, index: number | null) => `${year}: ${index}`,
    indexChart: 'Line chart of the involution index per year',
    entrants: 'entrants',
    exits: 'exits',
    playersAxis: 'Entrants (up) and exits (down)',
    playersChart: 'Bar chart of entrants and exits per year',
    rule: (rule: string) => RULE_LABEL[rule] ?? '',
    exitRule: (rule: string) => EXIT_LABEL[rule] ?? rule,
    group: (group: string) => group,
    who: (basis: string) => (basis === 'all' ? 'players' : `${basis} players`),
    heading: 'Segments and involution',
    segmentLabel: 'Segment',
    segmentOption: (label: string, players: number, adopters: number) =>
      `${label} (${players} players in China${adopters > 0 ? `, plus ${adopters} adopters` : ''})`,
    basisLabel: 'Players counted',
    commercial: 'commercial (companies)',
    research: 'research (universities, academies, public labs)',
    all: 'all',
    llmFallback: 'large language models',
    unknownSegment: (asked: string, shown: string) =>
      `There is no segment “${asked}”; showing ${shown}. Choose another above.`,
    allZero: 'Every weight is zero: raise at least one to compute an index. The default weights are drawn meanwhile.',
    updating: 'Updating…',
    indexTitle: (segment: string, who: string) => `Involution index: ${segment} (China, ${who})`,
    peakTakeaway: (
      peakYear: number,
      peak: number | null,
      lastYear: number,
      last: number | null,
      players: number,
      who: string,
    ) =>
      `The index peaks in ${peakYear} (${peak}); in ${lastYear}, the last year the data cover in full, it stands at ${last}, with ${players} active ${who}.`,
    notEnough: (span: string, reason: string) =>
      `Not enough data for an index${span ? ` in ${span}` : ''} — ${reason}.`,
    noYearQualifies: 'no year in the range qualifies',
    weights: 'Weights (the index is their weighted mean of standardised components)',
    weightOf: (c: string) => `Weight of ${c}`,
    censoring: (boundary: string | null, lastComplete: number) =>
      `Activity data reach ${boundary ?? 'no date'}: years after ${lastComplete} are shown but not indexed, and no exit is read from silence there.`,
    componentsCaption: (withEntry: number, players: number, commercial: number, research: number) =>
      `Involution components per year (${withEntry} of ${players} players have an entry year; ${commercial} commercial, ${research} research)`,
    partialYear: (year: number) => `${year} (partial data)`,
    active: (who: string) => `Active ${who}`,
    commercialResearch: 'Commercial / research',
    entrantsCol: 'Entrants',
    exitsCol: 'Exits',
    releaseCredits: 'Release credits',
    hhi: 'HHI',
    priceChange: 'Like-for-like price change %',
    capabilitySpread: 'Capability spread (log10 FLOP)',
    index: 'Index',
    notEnoughCell: (reason: string | undefined) => `not enough data — ${reason ?? ''}`,
    loading: 'Loading…',
    playersTitle: (segment: string) => `Players: ${segment}`,
    playersTakeaway: (
      players: number,
      withEntry: number,
      release: number,
      price: number,
      listed: number,
      founded: number,
    ) =>
      `${players} organisations in China are tagged with this segment; ${withEntry} have dated evidence of entering it (by first release ${release}, first API price ${price}, first listing ${listed}, founding ${founded}).`,
    playersCaption: 'Players, when each entered (and left) the segment, and the rule that applied',
    organisation: 'Organisation',
    kind: 'Kind',
    entered: 'Entered',
    unknown: 'unknown',
    ruleCol: 'Rule',
    left: 'Left',
    exit: (year: number, rule: string) => `${year} (${rule})`,
    filingsError: (error: string) => `Could not load the filings: ${error}`,
    filingsTitle: 'Entry signal: generative-AI services filed with the CAC per quarter',
  },
  {
    segment: (id: string, label: string) => (segmentName(id) === id ? label : segmentName(id)),
    component: (c: string) => COMPONENT_ZH[c] ?? c,
    year: '年份',
    indexAxis: '内卷指数（z 值）',
    notIndexed: (year: number, reason: string) => `${year}年：数据不足——${reasonText(reason)}`,
    point: (year: number, index: number | null) => `${year}年：${index}`,
    indexChart: '内卷指数逐年折线图',
    entrants: '新进入者',
    exits: '退出者',
    playersAxis: '新进入者（向上）与退出者（向下）',
    playersChart: '每年新进入者与退出者柱状图',
    rule: (rule: string) => RULE_ZH[rule] ?? '',
    exitRule: (rule: string) => EXIT_ZH[rule] ?? rule,
    group: (group: string) => (group === 'commercial' ? '商业' : group === 'research' ? '科研' : group),
    who: (basis: string) => (basis === 'commercial' ? '商业参与者' : basis === 'research' ? '科研参与者' : '参与者'),
    heading: '细分领域与内卷',
    segmentLabel: '细分领域',
    segmentOption: (label: string, players: number, adopters: number) =>
      `${label}（中国 ${players} 家${adopters > 0 ? `，另有 ${adopters} 家应用方` : ''}）`,
    basisLabel: '计入的参与者',
    commercial: '商业（企业）',
    research: '科研（高校、科学院、公共实验室）',
    all: '全部',
    llmFallback: '大模型',
    unknownSegment: (asked: string, shown: string) => `没有“${asked}”这个细分领域，现显示${shown}。可在上方另选。`,
    allZero: '所有权重均为零：至少调高一项才能计算指数。目前先按默认权重绘制。',
    updating: '更新中…',
    indexTitle: (segment: string, who: string) => `内卷指数：${segment}（中国，${who}）`,
    peakTakeaway: (
      peakYear: number,
      peak: number | null,
      lastYear: number,
      last: number | null,
      players: number,
      who: string,
    ) =>
      `指数在 ${peakYear} 年达到峰值（${peak}）；${lastYear} 年是数据完整覆盖的最后一年，指数为 ${last}，活跃${who} ${players} 家。`,
    notEnough: (span: string, reason: string) =>
      `${span ? `${span} 年` : ''}数据不足，无法计算指数——${reasonText(reason)}。`,
    noYearQualifies: '范围内没有符合条件的年份',
    weights: '权重（指数为各标准化分项的加权平均）',
    weightOf: (c: string) => `${c}的权重`,
    censoring: (boundary: string | null, lastComplete: number) =>
      `活动数据截至${boundary ? date(boundary) : '（无日期）'}：${lastComplete} 年之后的年份仅展示、不计入指数，也不据沉寂推断退出。`,
    componentsCaption: (withEntry: number, players: number, commercial: number, research: number) =>
      `内卷指数各分项（逐年；${players} 家参与者中 ${withEntry} 家有进入年份；商业 ${commercial} 家，科研 ${research} 家）`,
    partialYear: (year: number) => `${year}（数据不完整）`,
    active: (who: string) => `活跃${who}`,
    commercialResearch: '商业 / 科研',
    entrantsCol: '新进入者',
    exitsCol: '退出者',
    releaseCredits: '发布计分',
    hhi: 'HHI',
    priceChange: '同口径价格变动 %',
    capabilitySpread: '能力差距（log10 FLOP）',
    index: '指数',
    notEnoughCell: (reason: string | undefined) => `数据不足——${reasonText(reason)}`,
    loading: '加载中…',
    playersTitle: (segment: string) => `参与者：${segment}`,
    playersTakeaway: (
      players: number,
      withEntry: number,
      release: number,
      price: number,
      listed: number,
      founded: number,
    ) =>
      `中国有 ${players} 家机构被归入该领域，其中 ${withEntry} 家有进入该领域的日期证据（首次发布 ${release} 家，首次 API 定价 ${price} 家，首次列入 ${listed} 家，为此创立 ${founded} 家）。`,
    playersCaption: '参与者及其进入（和退出）该领域的时间与所依据的规则',
    organisation: '机构',
    kind: '类型',
    entered: '进入',
    unknown: '未知',
    ruleCol: '规则',
    left: '退出',
    exit: (year: number, rule: string) => `${year}（${rule}）`,
    filingsError: (error: string) => `备案数据加载失败：${error}`,
    filingsTitle: '进入信号：每季度向网信办备案的生成式人工智能服务',
  },
);

/** The weights in the URL over the server's defaults (the server validates them and answers 400 when they are bad). */
function parseWeights(text: string, defaults: Record<string, number>): Record<string, number> {
  const w = { ...defaults };
  for (const part of text.split(',')) {
    const [k = '', v = ''] = part.split(':');
    if (k in w && v !== '' && Number.isFinite(Number(v))) w[k] = Number(v);
  }
  return w;
}
const formatWeights = (components: readonly string[], w: Record<string, number>) =>
  components.map((c) => `${c}:${w[c]}`).join(',');
const fmt = (v: number | null, digits = 2) => (v === null ? '' : String(Math.round(v * 10 ** digits) / 10 ** digits));

function IndexChart({ years: given }: { years: InvolutionYear[] }) {
  // Redrawn when the index changes, not on every render of the page.
  const key = given.map((y) => `${y.year}:${y.index}:${y.reasons.index ?? ''}`).join(',');
  const years = useMemo(() => given, [key]);
  const points = useMemo(() => years.filter((y) => y.index !== null), [years]);
  const t = T();
  const make = useCallback(
    () =>
      Plot.plot({
        width: chartWidth(),
        height: 280,
        marginLeft: 48,
        x: {
          label: t.year,
          tickFormat: 'd',
          ticks: yearTicks(Math.min(...years.map((y) => y.year)), Math.max(...years.map((y) => y.year))),
        },
        y: { label: t.indexAxis, grid: true },
        marks: [
          Plot.ruleY([0]),
          // Years without an index are marked on the axis, not drawn as zero: "not enough data", with the reason.
          Plot.tickX(
            years.filter((y) => y.index === null),
            {
              x: 'year',
              stroke: '#bbb',
              strokeDasharray: '3,3',
              title: (d: InvolutionYear) => t.notIndexed(d.year, d.reasons.index ?? ''),
            },
          ),
          Plot.lineY(points, { x: 'year', y: 'index', stroke: '#c8102e' }),
          Plot.dot(points, {
            x: 'year',
            y: 'index',
            fill: '#c8102e',
            r: 4,
            title: (d: InvolutionYear) => t.point(d.year, d.index),
          }),
        ],
      }),
    [points, years, t],
  );
  return <PlotFigure make={make} label={t.indexChart} />;
}

function PlayersChart({ years }: { years: InvolutionYear[] }) {
  // Redrawn when the entrants and exits change, not on every render (a weight change leaves them as they are).
  const key = years.map((y) => `${y.year}:${y.entrants}:${y.exits}`).join(',');
  const rows = useMemo(
    () =>
      years.flatMap((y) => [
        { year: y.year, what: 'entrants', n: y.entrants },
        { year: y.year, what: 'exits', n: -y.exits },
      ]),
    [key],
  );
  const t = T();
  const make = useCallback(
    () =>
      Plot.plot({
        width: chartWidth(),
        height: 240,
        marginLeft: 40,
        x: { label: t.year, tickFormat: 'd' },
        y: { label: t.playersAxis, grid: true },
        color: {
          domain: ['entrants', 'exits'],
          range: ['#1f4e9c', '#8a8a8a'],
          legend: true,
          tickFormat: (k: string) => (k === 'entrants' ? t.entrants : k === 'exits' ? t.exits : k),
        },
        marks: [Plot.barY(rows, { x: 'year', y: 'n', fill: 'what' }), Plot.ruleY([0])],
      }),
    [rows, t],
  );
  return <PlotFigure make={make} label={t.playersChart} />;
}

export function Segments() {
  const [segmentParam, setSegment] = useQueryParam('segment', 'llm');
  const [basisParam, setBasis] = useQueryParam('basis', 'commercial');
  const [weightText, setWeightText] = useQueryParam('weights', '');
  // One year range for the page's time charts, kept in the URL (?from=&to=); each chart clamps it to its own years.
  const yearParams = useYearParams();
  const list = useLoad(() => api.segments(), []);
  // Segment names come from the server (model/types.ts SEGMENT_LABELS), with the list.
  const LABEL: Record<string, string> = list.data?.labels ?? {};
  const t = T();
  const segmentName = (id: string) => t.segment(id, LABEL[id] ?? id);
  // A segment or basis the dashboard does not know (an edited URL) is said in words, and the default shown.
  const known = list.data ? list.data.rows.some((r) => r.segment === segmentParam) : true;
  const segment = known ? segmentParam : 'llm';
  const basis = ['commercial', 'research', 'all'].includes(basisParam) ? basisParam : 'commercial';
  // The sliders move at once; the index is asked for once they rest (120 ms), and only the latest answer is drawn.
  const requested = useDebounced(weightText, 120);
  // Weights that are all zero define no index: the defaults are drawn meanwhile, and the page says so.
  const zeroText = (t: string) =>
    t !== '' && t.split(',').every((p) => Number(p.split(':')[1] ?? NaN) === 0 && p.includes(':'));
  const asked = zeroText(requested) ? '' : requested;
  const inv = useLoad(() => api.involution(segment, basis, asked), [segment, basis, asked]);
  const components = inv.data?.components ?? [];
  const weights = useMemo(
    () => parseWeights(weightText, inv.data?.default_weights ?? {}),
    [weightText, inv.data?.default_weights],
  );
  const allZero = zeroText(weightText);

  const allYears = inv.data?.years ?? [];
  const span = allYears.map((y) => y.year);
  // The index is standardised over every year the server computed (2015–2025); the range narrows what is drawn,
  // tabled, downloaded and said, not the standardisation.
  const { range, controls: yearControls } = yearRange(yearParams, Math.min(...span), Math.max(...span));
  const years = allYears.filter((y) => y.year >= range[0] && y.year <= range[1]);
  // The sentence quotes only indexed years: a null year is never a number.
  const indexed = years.filter((y) => y.index !== null);
  const latest = indexed.at(-1);
  const peak = indexed.reduce<InvolutionYear | null>(
    (best, y) => (best === null || (best.index ?? -Infinity) < (y.index ?? -Infinity) ? y : best),
    null,
  );
  // Drawn from the data's own parameters, so a title never stands over another segment's numbers.
  const shownSegment = inv.data?.segment ?? segment;
  const who = t.who(basis);
  const censoring = inv.data?.censoring;
  return (
    <article>
      <h1>{t.heading}</h1>
      <p class="controls">
        <label class="field">
          {t.segmentLabel}{' '}
          <select
            value={segment}
            onChange={(e) => setSegment((e.target as HTMLSelectElement).value)}
            aria-label={t.segmentLabel}
          >
            {(list.data?.rows ?? []).map((r) => (
              <option key={r.segment} value={r.segment}>
                {t.segmentOption(segmentName(r.segment), r.players, r.adopters)}
              </option>
            ))}
          </select>
        </label>{' '}
        <label class="field">
          {t.basisLabel}{' '}
          <select
            value={basis}
            onChange={(e) => setBasis((e.target as HTMLSelectElement).value)}
            aria-label={t.basisLabel}
          >
            <option value="commercial">{t.commercial}</option>
            <option value="research">{t.research}</option>
            <option value="all">{t.all}</option>
          </select>
        </label>
      </p>
      {!known ? (
        <p role="alert">{t.unknownSegment(segmentParam, t.segment('llm', LABEL.llm ?? t.llmFallback))}</p>
      ) : null}
      {allZero ? <p role="alert">{t.allZero}</p> : inv.error ? <p role="alert">{inv.error}</p> : null}
      {inv.loading && inv.data ? (
        <p class="muted" role="status" id="updating">
          {t.updating}
        </p>
      ) : null}
      {inv.data ? (
        <View
          id="involution"
          title={t.indexTitle(segmentName(shownSegment), who)}
          takeaway={
            peak && latest
              ? t.peakTakeaway(peak.year, peak.index, latest.year, latest.index, latest.players, who)
              : t.notEnough(
                  years.length < allYears.length ? `${range[0]}–${range[1]}` : '',
                  inv.data.index_reason ?? t.noYearQualifies,
                )
          }
          controls={
            <>
              {span.length > 0 ? yearControls : null}
              <fieldset class="weights">
                <legend>{t.weights}</legend>
                {components.map((c) => (
                  <label key={c} class="slider">
                    {t.component(c)} <output id={`w-${c}`}>{weights[c]?.toFixed(2)}</output>
                    <input
                      type="range"
                      min="0"
                      max="1"
                      step="0.05"
                      value={weights[c]}
                      aria-label={t.weightOf(t.component(c))}
                      data-component={c}
                      onInput={(e) =>
                        setWeightText(
                          formatWeights(components, { ...weights, [c]: Number((e.target as HTMLInputElement).value) }),
                        )
                      }
                    />
                  </label>
                ))}
              </fieldset>
              {censoring ? (
                <p class="note" id="censoring">
                  {t.censoring(censoring.boundary, censoring.last_complete_year)} {inv.data.notes.release_credits}
                </p>
              ) : null}
            </>
          }
          chart={
            <>
              <IndexChart years={years} />
              <PlayersChart years={years} />
            </>
          }
          // What is drawn and tabled, one row a year (the API's ?format=csv has every component and z-score).
          rows={years.map((y) => ({
            year: y.year,
            censored: y.censored,
            players: y.players,
            players_research: y.by_group.research.players,
            entrants: y.entrants,
            exits: y.exits,
            release_credits: y.release_credits,
            concentration: y.concentration,
            price_change: y.price_change,
            capability_spread: y.capability_spread,
            index: y.index,
            not_indexed_because: y.reasons.index ?? null,
          }))}
          metrics={inv.data.metrics}
          sources={inv.data.sources}
          table={
            <DataTable
              id="involution-table"
              caption={t.componentsCaption(
                inv.data.coverage.with_entry,
                inv.data.coverage.players,
                inv.data.coverage.commercial,
                inv.data.coverage.research,
              )}
              rows={years}
              columns={[
                {
                  key: 'year',
                  label: t.year,
                  render: (y) => (y.censored ? t.partialYear(y.year) : String(y.year)),
                },
                { key: 'players', label: t.active(who), numeric: true },
                {
                  key: 'by_group',
                  label: t.commercialResearch,
                  render: (y) => `${y.by_group.commercial.players} / ${y.by_group.research.players}`,
                },
                { key: 'entrants', label: t.entrantsCol, numeric: true },
                { key: 'exits', label: t.exitsCol, numeric: true },
                { key: 'release_credits', label: t.releaseCredits, numeric: true },
                {
                  key: 'concentration',
                  label: t.hhi,
                  numeric: true,
                  render: (y) =>
                    y.concentration === null ? (
                      <span title={reasonText(y.reasons.concentration)}>—</span>
                    ) : (
                      String(y.concentration)
                    ),
                },
                {
                  key: 'price_change',
                  label: t.priceChange,
                  numeric: true,
                  render: (y) =>
                    y.price_change === null ? (
                      <span title={reasonText(y.reasons.price)}>—</span>
                    ) : (
                      fmt(y.price_change, 1)
                    ),
                },
                {
                  key: 'capability_spread',
                  label: t.capabilitySpread,
                  numeric: true,
                  render: (y) =>
                    y.capability_spread === null ? (
                      <span title={reasonText(y.reasons.capability)}>—</span>
                    ) : (
                      fmt(y.capability_spread)
                    ),
                },
                {
                  key: 'index',
                  label: t.index,
                  numeric: true,
                  render: (y) =>
                    y.index === null ? <span class="na">{t.notEnoughCell(y.reasons.index)}</span> : String(y.index),
                },
              ]}
            />
          }
          openTable
        />
      ) : (
        <p>{t.loading}</p>
      )}
      {inv.data ? (
        <View
          id="players"
          title={t.playersTitle(segmentName(segment))}
          takeaway={t.playersTakeaway(
            inv.data.players.length,
            inv.data.coverage.with_entry,
            inv.data.coverage.entry_rules.release ?? 0,
            inv.data.coverage.entry_rules.price ?? 0,
            inv.data.coverage.entry_rules.listed ?? 0,
            inv.data.coverage.entry_rules.founded ?? 0,
          )}
          rows={inv.data.players.map((p) => ({
            org: p.org,
            name: p.name,
            group: p.group,
            city: p.city,
            entry_year: p.entry?.year ?? null,
            entry_rule: p.entry?.rule ?? null,
            entry_detail: p.entry?.detail ?? null,
            entry_source: p.entry?.source_id ?? null,
            exit_year: p.exit?.year ?? null,
            exit_rule: p.exit?.rule ?? null,
            exit_detail: p.exit?.detail ?? null,
          }))}
          metrics={inv.data.metrics}
          sources={inv.data.sources}
          table={
            <DataTable
              id="players-table"
              caption={t.playersCaption}
              rows={inv.data.players}
              columns={[
                {
                  key: 'name',
                  label: t.organisation,
                  render: (p) => <a href={`/entity/${p.org}`}>{p.name ?? p.org}</a>,
                },
                { key: 'group', label: t.kind, render: (p) => t.group(p.group) },
                {
                  key: 'entry',
                  label: t.entered,
                  numeric: true,
                  render: (p) => (p.entry ? String(p.entry.year) : t.unknown),
                },
                {
                  key: 'rule',
                  label: t.ruleCol,
                  render: (p) => (p.entry ? <span title={p.entry.detail}>{t.rule(p.entry.rule)}</span> : ''),
                },
                {
                  key: 'exit',
                  label: t.left,
                  render: (p) =>
                    p.exit ? <span title={p.exit.detail}>{t.exit(p.exit.year, t.exitRule(p.exit.rule))}</span> : '',
                },
              ]}
            />
          }
        />
      ) : null}
      {segment === 'llm' ? <LlmFilings /> : null}
    </article>
  );
}

/** An entry signal for the LLM segment: generative-AI services filed with the CAC per quarter. */
function LlmFilings() {
  const { data, error } = useLoad(() => api.filings('kind=filed'), []);
  const t = T();
  if (error) return <p role="alert">{t.filingsError(error)}</p>;
  if (!data) return null;
  return <FilingsPerQuarter data={data} id="filings-per-quarter" title={t.filingsTitle} />;
}
