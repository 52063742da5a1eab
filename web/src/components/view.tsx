import type { ComponentChildren } from 'preact';
import type { MetricRef, Source } from '../api.ts';
import { SourceLine } from './source-line.tsx';

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
  return (
    <section class="view" id={props.id} aria-labelledby={`${props.id}-title`}>
      <h2 id={`${props.id}-title`}>{props.title}</h2>
      {props.takeaway ? <p class="takeaway">{props.takeaway}</p> : null}
      {props.controls}
      {props.chart}
      <SourceLine sources={props.sources} method={props.metrics[0]?.methodology} />
      <p class="downloads">
        Download what is drawn:{' '}
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
          its sources (CSV)
        </a>
        {props.metrics.slice(1).map((m) => (
          <span key={m.id}>
            {' · '}
            <a href={m.methodology}>{m.title}: method</a>
          </span>
        ))}
      </p>
      <details open={props.openTable}>
        <summary>Data table</summary>
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
