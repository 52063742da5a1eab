import { api } from '../api.ts';
import { useLoad } from '../hooks.ts';

/** The methodology, rendered: one section (and anchor) per metric, as every chart's "method" link expects. */
export function Methodology() {
  const { data, error } = useLoad(() => api.methodology(), []);
  if (error) return <p role="alert">{error}</p>;
  if (!data) return <p>Loading…</p>;
  return (
    <article class="methodology">
      <h1>Methodology</h1>
      <p class="takeaway">
        How each figure is computed, what it cannot say, and what it rests on. The same text, generated from the metric
        registry, is in <a href="/docs/METHODOLOGY.md">docs/METHODOLOGY.md</a>.
      </p>
      <nav aria-label="Metrics">
        <ul>
          {data.metrics.map((m) => (
            <li key={m.id}>
              <a href={`#${m.id}`}>{m.title}</a>
            </li>
          ))}
        </ul>
      </nav>
      {data.metrics.map((m) => (
        <section key={m.id} id={m.id} aria-labelledby={`${m.id}-title`}>
          <h2 id={`${m.id}-title`}>{m.title}</h2>
          <p>
            <strong>Unit:</strong> {m.unit}
          </p>
          <p>
            <strong>Definition.</strong> {m.definition}
          </p>
          <p>
            <strong>Method.</strong> {m.method}
          </p>
          {m.caveats.length > 0 ? (
            <>
              <p>
                <strong>Caveats.</strong>
              </p>
              <ul>
                {m.caveats.map((c) => (
                  <li key={c}>{c}</li>
                ))}
              </ul>
            </>
          ) : null}
          <p class="muted">
            Sources:{' '}
            {m.sources.map((s, i) => (
              <span key={s}>
                {i > 0 ? ', ' : ''}
                <a href={`/sources?q=${encodeURIComponent(s.replace(/^src:/, '').replace(/-\*$/, ''))}`}>{s}</a>
              </span>
            ))}{' '}
            · computed by <code>{m.query}</code>
          </p>
        </section>
      ))}
    </article>
  );
}
