import type { ComponentChildren } from 'preact';
import type { MetricRef, Source } from '../api.ts';
import { composeSvg, downloadPng, downloadSvg } from './export.ts';
import { SourceLine } from './source-line.tsx';
import { messages, metricTitle } from '../i18n.ts';

const T = messages(
  {
    sources: (named: string, n: number, more: number) =>
      `Source${n > 1 ? 's' : ''}: ${named}${more > 0 ? `; and ${more} more` : ''}.`,
    picture: 'The chart as a picture, with its title and sources:',
    embed: 'Embed',
    paste: 'Paste this where the chart should appear:',
    download: 'Download what is drawn:',
    sourcesCsv: 'its sources (CSV)',
    method: (title: string) => `${title}: method`,
    table: 'Data table',
  },
  {
    sources: (named: string, _n: number, more: number) => `来源：${named}${more > 0 ? `；另有 ${more} 个` : ''}。`,
    picture: '图表导出为图片（含标题和来源）：',
    embed: '嵌入',
    paste: '把这段代码粘贴到要显示图表的位置：',
    download: '下载图中数据：',
    sourcesCsv: '数据来源（CSV）',
    method: (title: string) => `${title}：方法`,
    table: '数据表',
  },
);

/** The source line an exported picture carries: publishers and dates of the first few sources, and the site. */
function sourceText(sources: Source[]): string {
  const named = sources
    .slice(0, 4)
    .map((s) => `${s.publisher}${s.published ? ` (${s.published})` : ''}`)
    .join('; ');
  return `${T().sources(named, sources.length, sources.length - 4)} Neijuan 内卷 · ${location.host}`;
}

/** This view alone, for an <iframe>: /embed/<page>/<view>, with the page's query string (its state). */
export function embedUrl(viewId: string): string {
  const page = location.pathname === '/' ? 'overview' : location.pathname.replace(/^\/(embed\/)?/, '').split('/')[0];
  return `${location.origin}/embed/${page}/${viewId}${location.search}`;
}

/** The CSV text of exactly the rows a view draws. */
export function rowsToCsv(rows: readonly object[]): string {
  const first = rows[0];
  if (!first) return '';
  const cols = Object.keys(first);
  const cell = (v: unknown) => {
    const s = v === null || v === undefined ? '' : String(v);
    return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return (
    [cols.join(','), ...rows.map((r) => cols.map((c) => cell((r as Record<string, unknown>)[c])).join(','))].join(
      '\n',
    ) + '\n'
  );
}

function dataUrl(type: string, text: string): string {
  return `data:${type};charset=utf-8,${encodeURIComponent(text)}`;
}

/**
 * One analysis as a person would want it: a title, a one-line takeaway computed from the data, the chart, the
 * table behind it (the accessible alternative), downloads of exactly what is drawn, and its sources and method.
 */
export function View(props: {
  id: string;
  title: string;
  takeaway?: string;
  chart?: ComponentChildren;
  controls?: ComponentChildren;
  rows: readonly object[];
  table: ComponentChildren;
  metrics: MetricRef[];
  sources: Source[];
  openTable?: boolean;
}) {
  const t = T();
  return (
    <section class="view" id={props.id} aria-labelledby={`${props.id}-title`}>
      <h2 id={`${props.id}-title`}>{props.title}</h2>
      {props.takeaway ? <p class="takeaway">{props.takeaway}</p> : null}
      {props.controls}
      {props.chart}
      <SourceLine sources={props.sources} method={props.metrics[0]?.methodology} />
      {props.chart ? (
        <div class="downloads export">
          {t.picture}{' '}
          {(['svg', 'png'] as const).map((format, i) => (
            <span key={format}>
              {i > 0 ? ' · ' : ''}
              <button
                type="button"
                class="link"
                onClick={() => {
                  const view = document.getElementById(props.id);
                  const svg = view
                    ? composeSvg(view, {
                        title: props.title,
                        takeaway: props.takeaway,
                        source: sourceText(props.sources),
                      })
                    : null;
                  if (!svg) return;
                  if (format === 'svg') downloadSvg(svg, props.id);
                  else void downloadPng(svg, props.id);
                }}
              >
                {format.toUpperCase()}
              </button>
            </span>
          ))}{' '}
          ·{' '}
          <details class="embed-code">
            <summary>{t.embed}</summary>
            <label>
              {t.paste}
              <textarea
                readOnly
                rows={3}
                value={`<iframe src="${embedUrl(props.id)}" width="720" height="560" style="border:0" title="${props.title.replace(/"/g, '&quot;')}"></iframe>`}
              />
            </label>
          </details>
        </div>
      ) : null}
      <p class="downloads">
        {t.download}{' '}
        <a href={dataUrl('text/csv', rowsToCsv(props.rows))} download={`${props.id}.csv`}>
          CSV
        </a>{' '}
        ·{' '}
        <a href={dataUrl('application/json', JSON.stringify(props.rows, null, 2))} download={`${props.id}.json`}>
          JSON
        </a>{' '}
        ·{' '}
        <a
          href={dataUrl(
            'text/csv',
            rowsToCsv(
              props.sources.map((s) => ({
                source_id: s.id,
                title: s.title,
                url: s.url,
                publisher: s.publisher,
                published: s.published ?? '',
                licence: s.licence,
              })),
            ),
          )}
          download={`${props.id}-sources.csv`}
        >
          {t.sourcesCsv}
        </a>
        {props.metrics.slice(1).map((m) => (
          <span key={m.id}>
            {' · '}
            <a href={m.methodology}>{t.method(metricTitle(m))}</a>
          </span>
        ))}
      </p>
      <details open={props.openTable}>
        <summary>{t.table}</summary>
        {props.table}
      </details>
    </section>
  );
}

/** A plain table from rows and a column list; headers are buttons that sort. */
export function DataTable<T extends object>(props: {
  id: string;
  caption: string;
  rows: readonly T[];
  columns: { key: string; label: string; render?: (row: T) => ComponentChildren; numeric?: boolean }[];
  sort?: { key: string; desc: boolean };
  onSort?: (key: string) => void;
}) {
  return (
    <div class="table-wrap">
      <table class="data" id={props.id}>
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            {props.columns.map((c) => (
              <th
                scope="col"
                key={c.key}
                class={c.numeric ? 'num' : ''}
                aria-sort={props.sort?.key === c.key ? (props.sort.desc ? 'descending' : 'ascending') : undefined}
              >
                {props.onSort ? (
                  <button type="button" onClick={() => props.onSort?.(c.key)}>
                    {c.label}
                  </button>
                ) : (
                  c.label
                )}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.rows.map((r, i) => (
            <tr key={i}>
              {props.columns.map((c) => (
                <td key={c.key} class={c.numeric ? 'num' : ''}>
                  {c.render ? c.render(r) : String((r as Record<string, unknown>)[c.key] ?? '')}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
