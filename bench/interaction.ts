/**
 * The dashboard's interaction budget, in real headless Chromium against the app's own server on the bundled build:
 * - a weight slider moved (seven ArrowRight presses) shows the new index < 200 ms after the last key press, the
 *   debounce that keeps a drag to one request included (goal < 200 ms);
 * - the first chart of the Overview draws < 1 s after navigation starts (goal < 1 s), and the Cities map < 1 s.
 * Median of --runs (default 5), each in a fresh page.
 *
 *   npm run bench:interaction [-- --runs 5]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { startServer } from '../src/api/server.ts';
import { buildDatabase } from '../src/ingest/build.ts';
import { Db } from '../src/store/db.ts';
import {
  DATA_DIR,
  commandLine,
  formatGoal,
  goal,
  header,
  median,
  numberFlag,
  round,
  writeResult,
} from './support/bench-report.ts';

const runs = numberFlag('runs', 5);
const dir = mkdtempSync(join(tmpdir(), 'neijuan-bench-interaction-'));
const file = join(dir, 'neijuan.duckdb');
header('Dashboard interaction budget (Chromium)');
await buildDatabase(file, DATA_DIR);
const db = await Db.open({ path: file, readOnly: true });
const server = await startServer(db, {
  port: 0,
  host: '127.0.0.1',
  webRoot: join(import.meta.dirname, '..', 'web', 'dist'),
  version: 'bench',
});
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu'],
});

/**
 * ms from navigation start until `selector` exists, read in the page by a MutationObserver installed before any
 * script runs (the harness noticing it later, a round trip or two, is not the page's time).
 */
async function firstDraw(path: string, selector: string): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript((sel: string) => {
    const w = window as unknown as { drawnAt?: number };
    const seen = new MutationObserver(() => {
      if (w.drawnAt === undefined && document.querySelector(sel)) {
        w.drawnAt = performance.now();
        seen.disconnect();
      }
    });
    seen.observe(document, { childList: true, subtree: true });
  }, selector);
  const page = await context.newPage();
  await page.goto(new URL(path, server.url).href, { waitUntil: 'commit' });
  await page.waitForSelector(selector);
  const ms = await page.evaluate(() => (window as unknown as { drawnAt: number }).drawnAt);
  await context.close();
  return ms;
}

/** ms from the last key press until the table shows the index the API computes for the new weights. */
async function sliderRedraw(): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(new URL('/segments?segment=llm', server.url).href);
  await page.waitForSelector('#involution-table tbody tr');
  await page.locator('input[data-component="players"]').focus();
  for (let i = 0; i < 7; i++) await page.keyboard.press('ArrowRight');
  const stopped = await page.evaluate(() => performance.now());
  // The weights the sliders now hold are the ones the page will ask for: compute their answer apart.
  const weights = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLInputElement>('input[data-component]')]
      .map((i) => `${i.dataset.component}:${i.value}`)
      .join(','),
  );
  const want = (
    (await (
      await fetch(
        new URL(`/api/involution?segment=llm&from=2015&to=2025&weights=${encodeURIComponent(weights)}`, server.url),
      )
    ).json()) as { years: { index: number | null }[] }
  ).years.map((y) => (y.index === null ? null : String(y.index)));
  // The time is taken in the page, by the check that first sees the new index (polled every frame).
  await page.waitForFunction(
    (w) => {
      const cells = [...document.querySelectorAll('#involution-table tbody tr td:last-child')].map(
        (c) => c.textContent,
      );
      const done = w.every((v, i) => v === null || cells[i] === v);
      if (done) (window as unknown as { drawnAt: number }).drawnAt = performance.now();
      return done;
    },
    want,
    { timeout: 5000, polling: 'raf' },
  );
  const drawn = await page.evaluate(() => (window as unknown as { drawnAt: number }).drawnAt);
  await context.close();
  return drawn - stopped;
}

const overview: number[] = [];
const map: number[] = [];
const slider: number[] = [];
for (let i = 0; i < runs; i++) {
  overview.push(await firstDraw('/', '#notable-models .figure svg'));
  map.push(await firstDraw('/cities?tab=map', '.china-map svg circle'));
  slider.push(await sliderRedraw());
}
await browser.close();
await server.close();
db.close();
rmSync(dir, { recursive: true, force: true });

const goals = [
  goal(
    'slider change → redrawn, from the last key press (debounce included)',
    round(median(slider), 0),
    'ms',
    200,
    'max',
  ),
  goal('Overview: first chart drawn', round(median(overview), 0), 'ms', 1000, 'max'),
  goal('Cities map drawn', round(median(map), 0), 'ms', 1000, 'max'),
];
console.log(
  `slider: ${slider.map(Math.round).join(', ')} ms; overview: ${overview.map(Math.round).join(', ')} ms; map: ${map.map(Math.round).join(', ')} ms`,
);
for (const g of goals) console.log(formatGoal(g));
console.log(
  `written ${writeResult('interaction', commandLine('bench:interaction'), { runs, slider, overview, map, goals })}`,
);
