import { api } from '../api.ts';
import { useLoad } from '../hooks.ts';
import type { ComponentChildren } from 'preact';
import { messages, metricTitle } from '../i18n.ts';

const T = messages(
  {
    loading: 'Loading…',
    title: 'Methodology',
    intro: (doc: ComponentChildren) => (
      <>
        How each figure is computed, what it cannot say, and what it rests on. The same text, generated from the metric
        registry, is in {doc}.
      </>
    ),
    metrics: 'Metrics',
    unit: 'Unit:',
    definition: 'Definition.',
    method: 'Method.',
    caveats: 'Caveats.',
    sources: 'Sources:',
    sourceSep: ', ',
    computedBy: (query: ComponentChildren) => <>computed by {query}</>,
  },
  {
    loading: '加载中…',
    title: '方法说明',
    intro: (doc: ComponentChildren) => (
      <>每个数字如何计算、有哪些局限、依据哪些来源。同样的内容由指标注册表生成，也见于 {doc}。</>
    ),
    metrics: '指标',
    unit: '单位：',
    definition: '定义：',
    method: '方法：',
    caveats: '注意事项：',
    sources: '来源：',
    sourceSep: '、',
    computedBy: (query: ComponentChildren) => <>由 {query} 计算</>,
  },
);

/** The methodology, rendered: one section (and anchor) per metric, as every chart's "method" link expects. */
export function Methodology() {
  const { data, error } = useLoad(() => api.methodology(), []);
  const t = T();
  if (error) return <p role="alert">{error}</p>;
  if (!data) return <p>{t.loading}</p>;
  return (
    <article class="methodology">
      <h1>{t.title}</h1>
      <p class="takeaway">{t.intro(<a href="/docs/METHODOLOGY.md">docs/METHODOLOGY.md</a>)}</p>
      <nav aria-label={t.metrics}>
        <ul>
          {data.metrics.map((m) => (
            <li key={m.id}>
              <a href={`#${m.id}`}>{metricTitle(m)}</a>
            </li>
          ))}
        </ul>
      </nav>
      {data.metrics.map((m) => (
        <section key={m.id} id={m.id} aria-labelledby={`${m.id}-title`}>
          <h2 id={`${m.id}-title`}>{metricTitle(m)}</h2>
          <p>
            <strong>{t.unit}</strong> {m.unit}
          </p>
          <p>
            <strong>{t.definition}</strong> {m.definition}
          </p>
          <p>
            <strong>{t.method}</strong> {m.method}
          </p>
          {m.caveats.length > 0 ? (
            <>
              <p>
                <strong>{t.caveats}</strong>
              </p>
              <ul>
                {m.caveats.map((c) => (
                  <li key={c}>{c}</li>
                ))}
              </ul>
            </>
          ) : null}
          <p class="muted">
            {t.sources}{' '}
            {m.sources.map((s, i) => (
              <span key={s}>
                {i > 0 ? t.sourceSep : ''}
                <a href={`/sources?q=${encodeURIComponent(s.replace(/^src:/, '').replace(/-\*$/, ''))}`}>{s}</a>
              </span>
            ))}{' '}
            · {t.computedBy(<code>{m.query}</code>)}
          </p>
        </section>
      ))}
    </article>
  );
}
