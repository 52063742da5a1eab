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
import { htmlLang, isLang, langOf, messages, remember, remembered, setLanguage, withLang } from './i18n.ts';
import './style.css';

// The network page pulls in sigma (WebGL): loaded only when visited.
const Network = lazy(() => import('./pages/network.tsx').then((m) => ({ default: m.Network })));

const T = messages(
  {
    overview: 'Overview',
    segments: 'Segments & involution',
    cities: 'Cities',
    prices: 'Price war',
    money: 'Money & policy',
    supply: 'Supply chain',
    network: 'Network',
    compare: 'Compare',
    changes: 'What changed',
    sources: 'Sources',
    methodology: 'Methodology',
    loading: 'Loading…',
    notFound: 'Page not found',
    noPage: 'There is no page at',
    goOn: '. Search above, or go to one of these:',
    openFull: 'Neijuan 内卷: open the full page',
    skip: 'Skip to content',
    pagesNav: 'Pages',
    languageNav: 'Language',
    footer:
      'Open data, every number with its source. Data: Epoch AI (CC BY 4.0), CSET ETO via Our World in Data (CC BY 4.0), Awesome LLMs In China (Apache-2.0), the Ministry of Education, the CAC, and the cited sources on each page.',
  },
  {
    overview: '总览',
    segments: '细分领域与内卷',
    cities: '城市',
    prices: '价格战',
    money: '资金与政策',
    supply: '供应链',
    network: '关系网络',
    compare: '对比',
    changes: '更新记录',
    sources: '数据来源',
    methodology: '方法说明',
    loading: '加载中…',
    notFound: '页面不存在',
    noPage: '没有这个页面：',
    goOn: '。可在上方搜索，或前往以下页面：',
    openFull: 'Neijuan 内卷：打开完整页面',
    skip: '跳到正文',
    pagesNav: '页面',
    languageNav: '语言',
    footer:
      '开放数据，每个数字都附来源。数据：Epoch AI（CC BY 4.0）、经 Our World in Data 发布的 CSET ETO（CC BY 4.0）、Awesome LLMs In China（Apache-2.0）、教育部、国家网信办，以及各页引用的来源。',
  },
);

type PageKey =
  'overview' | 'segments' | 'cities' | 'prices' | 'money' | 'supply' | 'network' | 'compare' | 'changes' | 'sources';
const PAGES: { path: string; key: PageKey }[] = [
  { path: '/', key: 'overview' },
  { path: '/segments', key: 'segments' },
  { path: '/cities', key: 'cities' },
  { path: '/prices', key: 'prices' },
  { path: '/money', key: 'money' },
  { path: '/supply', key: 'supply' },
  { path: '/network', key: 'network' },
  { path: '/compare', key: 'compare' },
  { path: '/changes', key: 'changes' },
  { path: '/sources', key: 'sources' },
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
        <Suspense fallback={<p>{T().loading}</p>}>
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
  const t = T();
  return (
    <section class="not-found">
      <h1>{t.notFound}</h1>
      <p>
        {t.noPage} <code>{path}</code>
        {t.goOn}
      </p>
      <ul>
        {[...PAGES, { path: '/methodology', key: 'methodology' as const }].map((p) => (
          <li key={p.path}>
            <a href={p.path}>{t[p.key]}</a>
          </li>
        ))}
      </ul>
    </section>
  );
}

const KNOWN = new Set([...PAGES.map((p) => p.path), '/methodology']);

/** The page's title: what it shows, then the site; an entity page sets its own once its name is loaded. */
function titleOf(path: string): string | null {
  const t = T();
  if (path.startsWith('/entity/')) return null; // the entity page titles itself once its name is loaded
  const page = PAGES.find((p) => p.path === path);
  if (path === '/methodology') return `${t.methodology} · Neijuan 内卷`;
  return page ? `${t[page.key]} · Neijuan 内卷` : `${t.notFound} · Neijuan 内卷`;
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
          {T().openFull}
        </a>
      </p>
    </main>
  );
}

/**
 * The language switch: a link to this same view in the other language (the choice is then kept in the URL and
 * remembered for the next visit).
 */
function LanguageSwitch({ url, current }: { url: URL; current: 'en' | 'zh' }) {
  const to = current === 'zh' ? 'en' : 'zh';
  // A view's controls change the query string in place (replaceState), so the link is brought up to date with the
  // address bar whenever it is about to be followed, by click, keyboard or a middle-click into a new tab.
  const refresh = (e: Event) =>
    (e.currentTarget as HTMLAnchorElement).setAttribute('href', withLang(new URL(location.href), to));
  return (
    <nav class="lang-switch" aria-label={T().languageNav}>
      <a
        href={withLang(url, to)}
        lang={to === 'zh' ? 'zh-Hans' : 'en'}
        hreflang={to === 'zh' ? 'zh-Hans' : 'en'}
        onClick={refresh}
        onPointerDown={refresh}
        onFocus={refresh}
      >
        {to === 'zh' ? '中文' : 'English'}
      </a>
    </nav>
  );
}

function App() {
  const url = useLocation();
  const lang = langOf(url);
  // Every table and format below answers in this language for this render.
  setLanguage(lang);
  useEffect(() => {
    document.documentElement.lang = htmlLang();
    const asked = url.searchParams.get('lang');
    if (isLang(asked)) remember(asked);
    else if (remembered()) {
      // An internal link dropped the language: put the remembered one back, so this URL shares what it shows.
      const next = new URL(url.href);
      next.searchParams.set('lang', lang);
      history.replaceState(null, '', next.pathname + next.search + next.hash);
    }
  }, [url.href, lang]);
  useEffect(() => {
    const title = titleOf(url.pathname);
    if (title) document.title = title;
  }, [url.pathname, lang]);
  useAnchor(url);
  if (url.pathname.startsWith('/embed/')) return <Embed url={url} />;
  const t = T();
  return (
    <div onClick={onLinkClick}>
      <a class="skip" href="#main">
        {t.skip}
      </a>
      <header>
        <a href="/" class="brand">
          Neijuan <span lang="zh">内卷</span>
        </a>
        <SearchBox />
        <LanguageSwitch url={url} current={lang} />
        <nav aria-label={t.pagesNav}>
          {PAGES.map((p) => (
            <a
              key={p.path}
              href={p.path}
              aria-current={url.pathname === p.path && KNOWN.has(p.path) ? 'page' : undefined}
            >
              {t[p.key]}
            </a>
          ))}
        </nav>
      </header>
      <main id="main">
        <Page path={url.pathname} />
      </main>
      <footer class="muted">{t.footer}</footer>
    </div>
  );
}

render(<App />, document.getElementById('app') as HTMLElement);
