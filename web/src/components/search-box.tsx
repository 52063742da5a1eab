import { useEffect, useRef, useState } from 'preact/hooks';
import { api, type SearchResult } from '../api.ts';
import { kindName, placeName } from '../format.ts';
import { lang, messages, nameOf, otherName } from '../i18n.ts';
import { navigate } from '../router.ts';

const T = messages(
  {
    label: 'Search organisations, people, places and models (English, 中文, pinyin)',
    placeholder: 'Search: DeepSeek, 智谱, hang zhou …  (press /)',
    nothing: (q: string) => `Nothing found for “${q}”. Try English, 中文 or pinyin (with or without tones).`,
  },
  {
    label: '搜索机构、人物、地区和模型（中文、英文或拼音）',
    placeholder: '搜索：DeepSeek、智谱、hang zhou …（按 / 键）',
    nothing: (q: string) => `没有找到“${q}”。可试试中文、英文或拼音（带不带声调均可）。`,
  },
);

/** Instant bilingual search: type, arrow keys to choose, Enter to open. "/" focuses it from anywhere. */
export function SearchBox(props: { onPick?: (id: string) => void; label?: string } = {}) {
  const [q, setQ] = useState('');
  const [results, setResults] = useState<SearchResult[]>([]);
  const [active, setActive] = useState(0);
  // The text a search answered for, so "nothing found" is said only about what was searched.
  const [answered, setAnswered] = useState('');
  const input = useRef<HTMLInputElement>(null);
  const listId = props.onPick ? 'pick-results' : 'search-results';

  useEffect(() => {
    if (props.onPick) return undefined;
    const onKey = (e: KeyboardEvent) => {
      // Only when no other field is taking the keystroke ("a/b" typed in a filter stays "a/b").
      const el = document.activeElement as HTMLElement | null;
      const typing =
        el !== null &&
        (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.isContentEditable);
      if (e.key === '/' && !typing && !e.ctrlKey && !e.metaKey && !e.altKey) {
        e.preventDefault();
        input.current?.focus();
      }
    };
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  }, []);

  useEffect(() => {
    const text = q.trim();
    if (text === '') {
      setResults([]);
      setAnswered('');
      return;
    }
    let cancelled = false;
    const timer = setTimeout(() => {
      api
        .search(text)
        .then((r) => {
          if (!cancelled) {
            setResults(r.results);
            setActive(0);
            setAnswered(text);
          }
        })
        .catch(() => {
          if (!cancelled) {
            setResults([]);
            setAnswered(text);
          }
        });
    }, 80);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [q]);

  const open = (r: SearchResult | undefined) => {
    if (!r) return;
    setQ('');
    setResults([]);
    if (props.onPick) props.onPick(r.id);
    else navigate(`/entity/${r.id}`);
  };

  const t = T();
  const otherLang = lang() === 'zh' ? 'en' : 'zh';
  return (
    <div class="search" role="search">
      <input
        ref={input}
        type="search"
        aria-label={props.label ?? t.label}
        placeholder={t.placeholder}
        value={q}
        onInput={(e) => setQ((e.target as HTMLInputElement).value)}
        // Leaving the field closes the list (a click on a result lands first: it acts on mousedown).
        onBlur={() => {
          setResults([]);
          setAnswered('');
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') setActive((a) => Math.min(a + 1, results.length - 1));
          else if (e.key === 'ArrowUp') setActive((a) => Math.max(a - 1, 0));
          else if (e.key === 'Enter') open(results[active]);
          else if (e.key === 'Escape') setResults([]);
        }}
        // Only while the list is there: an aria-controls pointing at nothing is an error to assistive technology.
        aria-controls={results.length > 0 ? listId : undefined}
        aria-expanded={results.length > 0}
        role="combobox"
        list={undefined}
        aria-autocomplete="list"
        aria-activedescendant={results[active] ? `${listId}-${active}` : undefined}
      />
      {results.length === 0 && answered !== '' && answered === q.trim() ? (
        <p class="search-results search-empty" role="status">
          {t.nothing(answered)}
        </p>
      ) : null}
      {results.length > 0 && (
        <ul id={listId} role="listbox" class="search-results">
          {results.map((r, i) => {
            // The name in the reader's language first; the other beside it, marked with its own language.
            const other = otherName(r);
            return (
              <li
                id={`${listId}-${i}`}
                key={r.id}
                role="option"
                aria-selected={i === active}
                class={i === active ? 'active' : ''}
                onMouseDown={(e) => {
                  e.preventDefault();
                  open(r);
                }}
              >
                <strong>{nameOf(r)}</strong> {other ? <span lang={otherLang}>{other}</span> : null}{' '}
                <span class="muted">
                  {kindName(r.kind)}
                  {r.city ? ` · ${placeName(r.city)}` : ''}
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
