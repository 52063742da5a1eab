import type { Source } from '../api.ts';
import { messages } from '../i18n.ts';

const T = messages(
  {
    source: (n: number) => (n > 1 ? 'Sources: ' : 'Source: '),
    method: 'Method',
    more: (n: number) => `and ${n} more sources`,
  },
  {
    source: () => '来源：',
    method: '方法',
    more: (n: number) => `另有 ${n} 个来源`,
  },
);

const SHOWN = 4;

function Cite({ s }: { s: Source }) {
  return (
    <>
      <a href={s.url} rel="noopener noreferrer">
        {s.title}
      </a>
      , {s.publisher}
      {s.published ? `, ${s.published}` : ''} ({s.licence})
    </>
  );
}

/** The sources a view rests on, as a footnote line under it; long lists fold after the first few. */
export function SourceLine({ sources, method }: { sources: Source[]; method?: string | undefined }) {
  const rest = sources.slice(SHOWN);
  const t = T();
  return (
    <div class="source-line">
      <p>
        {t.source(sources.length)}
        {sources.slice(0, SHOWN).map((s, i) => (
          <span key={s.id}>
            {i > 0 ? '; ' : ''}
            <Cite s={s} />
          </span>
        ))}
        {method ? (
          <>
            {' · '}
            <a href={method}>{t.method}</a>
          </>
        ) : null}
      </p>
      {rest.length > 0 ? (
        <details>
          <summary>{t.more(rest.length)}</summary>
          <ul>
            {rest.map((s) => (
              <li key={s.id}>
                <Cite s={s} />
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  );
}
