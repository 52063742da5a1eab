import { render } from 'preact';
import { lazy, Suspense } from 'preact/compat';
import { SearchBox } from './components/search-box.tsx';
import { Changes } from './pages/changes.tsx';
import { Cities } from './pages/cities.tsx';
import { Compare } from './pages/compare.tsx';
import { EntityPage } from './pages/entity.tsx';
import { Overview } from './pages/overview.tsx';
import { Prices } from './pages/prices.tsx';
import { Segments } from './pages/segments.tsx';
import { Methodology } from './pages/methodology.tsx';
import { Money } from './pages/money.tsx';
import { Supply } from './pages/supply.tsx';
import { Sources } from './pages/sources.tsx';
import { useEffect } from 'preact/hooks';
import { onLinkClick, useLocation } from './router.ts';
import './style.css';

// The network page pulls in sigma (WebGL): loaded only when visited.
const Network = lazy(() => import('./pages/network.tsx').then((m) => ({ default: m.Network })));

const PAGES: { path: string; label: string }[] = [
  { path: '/', label: 'Overview' },
  { path: '/segments', label: 'Segments & involution' },
  { path: '/cities', label: 'Cities' },
  { path: '/prices', label: 'Price war' },
  { path: '/money', label: 'Money & policy' },
  { path: '/supply', label: 'Supply chain' },
  { path: '/network', label: 'Network' },
  { path: '/compare', label: 'Compare' },
  { path: '/changes', label: 'What changed' },
  { path: '/sources', label: 'Sources' },
];

function Page({ path }: { path: string }) {
  const entity = /^\/entity\/([a-z]+:[a-z0-9-]+)$/.exec(path);
  if (entity?.[1]) return <EntityPage id={entity[1]} />;
  switch (path) {
    case '/':
      return <Overview />;
    case '/segments':
      return <Segments />;
    case '/cities':
      return <Cities />;
    case '/prices':
      return <Prices />;
    case '/network':
      return (
        <Suspense fallback={<p>Loading…</p>}>
          <Network />
        </Suspense>
      );
    case '/money':
      return <Money />;
    case '/supply':
      return <Supply />;
    case '/compare':
      return <Compare />;
    case '/changes':
      return <Changes />;
    case '/sources':
      return <Sources />;
    case '/methodology':
      return <Methodology />;
    default:
      return <NotFound path={path} />;
  }
}

/** A path the dashboard has no page for (the server answers it with a 404): say so, and offer a way on. */
function NotFound({ path }: { path: string }) {
  return (
    <section class="not-found">
      <h1>Page not found</h1>
      <p>
        There is no page at <code>{path}</code>. Search above, or go to one of these:
      </p>
      <ul>
        {[...PAGES, { path: '/methodology', label: 'Methodology' }].map((p) => (
          <li key={p.path}>
            <a href={p.path}>{p.label}</a>
          </li>
        ))}
      </ul>
    </section>
  );
}

const KNOWN = new Set([...PAGES.map((p) => p.path), '/methodology']);

/** The page's title: what it shows, then the site; an entity page sets its own once its name is loaded. */
function titleOf(path: string): string {
  if (path.startsWith('/entity/')) return `${path.slice('/entity/'.length)} · Neijuan 内卷`;
  const page = PAGES.find((p) => p.path === path);
  if (path === '/methodology') return 'Methodology · Neijuan 内卷';
  return page ? `${page.label} · Neijuan 内卷` : 'Page not found · Neijuan 内卷';
}

/** Scrolls to the URL's #anchor once the element exists (pages draw after their data loads). */
function useAnchor(url: URL): void {
  useEffect(() => {
    const id = decodeURIComponent(url.hash.slice(1));
    if (!id) return undefined;
    let tries = 0;
    const timer = setInterval(() => {
      const el = document.getElementById(id);
      if (el) {
        el.scrollIntoView({ block: 'start' });
        clearInterval(timer);
      } else if (++tries > 60) clearInterval(timer);
    }, 100);
    return () => clearInterval(timer);
  }, [url.pathname, url.hash]);
}

/** /embed/<page>/<view>: that view of that page alone, for an <iframe>, with a link back to the full page. */
function Embed({ url }: { url: URL }) {
  const [, page = '', view = ''] = /^\/embed\/([a-z]+)(?:\/([a-z0-9-]+))?$/.exec(url.pathname) ?? [];
  const path = page === 'overview' ? '/' : `/${page}`;
  const full = `${path}${url.search}${view ? `#${view}` : ''}`;
  return (
    <main id="main" class="embed" data-view={view}>
      {/* Every view but the one asked for is hidden; the page still loads as it would in full. */}
      {view ? (
        <style>{`.embed section.view:not(#${view}) { display: none; } .embed h1, .embed .muted:first-of-type { display: none; }`}</style>
      ) : null}
      <Page path={path} />
      <p class="muted embed-credit">
        <a href={full} target="_blank" rel="noopener">
          Neijuan 内卷: open the full page
        </a>
      </p>
    </main>
  );
}

function App() {
  const url = useLocation();
  useEffect(() => {
    document.title = titleOf(url.pathname);
  }, [url.pathname]);
  useAnchor(url);
  if (url.pathname.startsWith('/embed/')) return <Embed url={url} />;
  return (
    <div onClick={onLinkClick}>
      <a class="skip" href="#main">
        Skip to content
      </a>
      <header>
        <a href="/" class="brand">
          Neijuan <span lang="zh">内卷</span>
        </a>
        <SearchBox />
        <nav aria-label="Pages">
          {PAGES.map((p) => (
            <a
              key={p.path}
              href={p.path}
              aria-current={url.pathname === p.path && KNOWN.has(p.path) ? 'page' : undefined}
            >
              {p.label}
            </a>
          ))}
        </nav>
      </header>
      <main id="main">
        <Page path={url.pathname} />
      </main>
      <footer class="muted">
        Open data, every number with its source. Data: Epoch AI (CC BY 4.0), CSET ETO via Our World in Data (CC BY 4.0),
        Awesome LLMs In China (Apache-2.0), the Ministry of Education, the CAC, and the cited sources on each page.
      </footer>
    </div>
  );
}

render(<App />, document.getElementById('app') as HTMLElement);
