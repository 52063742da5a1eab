/** A tiny history router: the URL alone restores the view. */
import { useEffect, useState } from 'preact/hooks';

export function navigate(to: string): void {
  history.pushState(null, '', to);
  dispatchEvent(new PopStateEvent('popstate'));
}

export function useLocation(): URL {
  const [url, setUrl] = useState(() => new URL(location.href));
  useEffect(() => {
    const update = () => setUrl(new URL(location.href));
    addEventListener('popstate', update);
    return () => removeEventListener('popstate', update);
  }, []);
  return url;
}

/** Internal links navigate without a reload; modified clicks behave as usual. */
export function onLinkClick(event: MouseEvent): void {
  const anchor = (event.target as HTMLElement).closest('a');
  if (!anchor || anchor.target || event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
  const href = anchor.getAttribute('href');
  // The API, the docs and the feed are files, not dashboard pages: the browser fetches them.
  if (!href || !href.startsWith('/') || /^\/(api|docs)\/|^\/feed\.xml/.test(href) || anchor.hasAttribute('download'))
    return;
  event.preventDefault();
  navigate(href);
}
