/** Small hooks: load an API payload; keep a view's state in the URL's query string. */
import { useEffect, useState } from 'preact/hooks';
import { navigate } from './router.ts';

export function useLoad<T>(load: () => Promise<T>, deps: unknown[]): { data: T | null; error: string | null } {
  const [state, setState] = useState<{ data: T | null; error: string | null }>({ data: null, error: null });
  useEffect(() => {
    let live = true;
    load().then(
      (data) => live && setState({ data, error: null }),
      (e: Error) => live && setState({ data: null, error: e.message }),
    );
    return () => {
      live = false;
    };
  }, deps);
  return state;
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
