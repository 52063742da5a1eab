import type { Source } from '../api.ts';

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
  return (
    <div class="source-line">
      <p>
        Source{sources.length > 1 ? 's' : ''}:{' '}
        {sources.slice(0, SHOWN).map((s, i) => (
          <span key={s.id}>
            {i > 0 ? '; ' : ''}
            <Cite s={s} />
          </span>
        ))}
        {method ? (
          <>
            {' · '}
            <a href={method}>Method</a>
          </>
        ) : null}
      </p>
      {rest.length > 0 ? (
        <details>
          <summary>and {rest.length} more sources</summary>
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
