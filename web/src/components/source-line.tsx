import type { Source } from '../api.ts';

/** The sources a view rests on, as a footnote line under it. */
export function SourceLine({ sources, method }: { sources: Source[]; method?: string }) {
  return (
    <p class="source-line">
      Source{sources.length > 1 ? 's' : ''}:{' '}
      {sources.map((s, i) => (
        <span key={s.id}>
          {i > 0 ? '; ' : ''}
          <a href={s.url} rel="noopener noreferrer">
            {s.title}
          </a>
          , {s.publisher}
          {s.published ? `, ${s.published}` : ''} ({s.licence})
        </span>
      ))}
      {method ? (
        <>
          {' · '}
          <a href={method}>Method</a>
        </>
      ) : null}
    </p>
  );
}
