/** Small hooks: load an API payload; keep a view's state in the URL's query string. */
import { useEffect, useState } from 'preact/hooks';
import { navigate } from './router.ts';

/**
 * Loads a payload whenever `deps` change. While a new answer is on its way, the last one stays on screen with
 * `loading` set (the page says it is updating, and draws from the data's own parameters, not the new ones); an answer
 * to an older request is discarded; an error keeps the last good data beside the message, so the controls that caused
 * it stay usable.
 */
export function useLoad<T>(
  load: () => Promise<T>,
  deps: unknown[],
): { data: T | null; error: string | null; loading: boolean } {
  const [state, setState] = useState<{ data: T | null; error: string | null; loading: boolean }>({
    data: null,
    error: null,
    loading: true,
  });
  useEffect(() => {
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    load().then(
      (data) => live && setState({ data, error: null, loading: false }),
      (e: Error) => live && setState((s) => ({ data: s.data, error: e.message, loading: false })),
    );
    return () => {
      live = false;
    };
  }, deps);
  return state;
}

/** A value that follows `value` once it has stopped changing for `ms` (slider drags send one request, not seven). */
export function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/** A query-string parameter as state: changing it updates the URL (replace), so the URL restores the view. */
export function useQueryParam(name: string, fallback: string): [string, (v: string) => void] {
  const read = () => new URL(location.href).searchParams.get(name) ?? fallback;
  const [value, setValue] = useState(read);
  useEffect(() => {
    const update = () => setValue(read());
    addEventListener('popstate', update);
    return () => removeEventListener('popstate', update);
  });
  return [
    value,
    (v: string) => {
      const url = new URL(location.href);
      if (v === fallback) url.searchParams.delete(name);
      else url.searchParams.set(name, v);
      history.replaceState(null, '', url.pathname + url.search);
      setValue(v);
    },
  ];
}

export { navigate };
