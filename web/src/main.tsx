import { render } from 'preact';
import { SearchBox } from './components/search-box.tsx';
import { EntityPage } from './pages/entity.tsx';
import { Overview } from './pages/overview.tsx';
import { onLinkClick, useLocation } from './router.ts';
import './style.css';

function App() {
  const url = useLocation();
  const entity = /^\/entity\/([a-z]+:[a-z0-9-]+)$/.exec(url.pathname);
  return (
    <div onClick={onLinkClick}>
      <header>
        <a href="/" class="brand">
          Neijuan <span lang="zh">内卷</span>
        </a>
        <SearchBox />
      </header>
      <main>
        {entity?.[1] ? <EntityPage id={entity[1]} /> : url.pathname === '/' ? <Overview /> : <p>Page not found.</p>}
      </main>
      <footer class="muted">
        Open data, every number with its source. Data: Epoch AI (CC BY 4.0) and the cited sources on each page.
      </footer>
    </div>
  );
}

render(<App />, document.getElementById('app') as HTMLElement);
