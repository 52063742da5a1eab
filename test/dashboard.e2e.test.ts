// The dashboard in real headless Chromium (Debian's, driven by playwright-core), served by the app's own server.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { chromium, type Browser } from 'playwright-core';
import { startServer, type RunningServer } from '../src/api/server.ts';
import type { Db } from '../src/store/db.ts';
import { bundledDb, ROOT } from './support/bundled.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const WEB_ROOT = join(ROOT, 'web', 'dist');
const ARTIFACTS = join(ROOT, 'artifacts');

let db: Db;
let server: RunningServer;
let browser: Browser;

before(async () => {
  assert.ok(existsSync(CHROMIUM), `Chromium not found at ${CHROMIUM}: apt-get install chromium (see .ci/run)`);
  assert.ok(existsSync(join(WEB_ROOT, 'index.html')), 'web/dist is not built: npm run build:web');
  mkdirSync(ARTIFACTS, { recursive: true });
  db = await bundledDb();
  server = await startServer(db, { port: 0, host: '127.0.0.1', webRoot: WEB_ROOT, version: 'test' });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    // playwright-core gives every launch a fresh, empty profile directory of its own.
  });
});

after(async () => {
  await browser?.close();
  await server?.close();
  db?.close();
});

async function openPage(path: string, width = 1280) {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(new URL(path, server.url).href);
  return { page, errors };
}

test('overview draws one dot per (year, group) of the data, with its table and source line', async () => {
  const { page, errors } = await openPage('/');
  await page.waitForSelector('.figure svg');
  const api = (await (await fetch(new URL('/api/indicators/notable-models?by=group', server.url))).json()) as {
    rows: { year: number }[];
  };
  // One dot per year since 2010 for each of China, the US and the rest (zeros included).
  const expected = new Set(api.rows.filter((r) => r.year >= 2010).map((r) => r.year)).size * 3;
  assert.equal(await page.locator('.figure svg circle').count(), expected);
  assert.match((await page.locator('.takeaway').textContent()) ?? '', /^In \d{4}, Epoch AI lists \d+ notable models/);
  assert.match((await page.locator('.source-line').textContent()) ?? '', /Epoch AI/);
  assert.ok((await page.locator('#notable-table tbody tr').count()) > 10);
  await page.screenshot({ path: join(ARTIFACTS, 'overview-1280.png'), fullPage: true });
  assert.deepEqual(errors, []);
  await page.close();
});

test('search flow: type 智谱, choose the first hit, land on Zhipu AI with its sources', async () => {
  const { page, errors } = await openPage('/');
  await page.getByRole('searchbox').fill('智谱');
  await page.waitForSelector('#search-results li');
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/entity\/org:zhipu-ai$/);
  await page.waitForSelector('#sources li');
  assert.match((await page.locator('h1').textContent()) ?? '', /Zhipu AI/);
  assert.ok((await page.locator('#sources li').count()) >= 2);
  assert.ok((await page.locator('#facts tbody tr').count()) >= 1);
  await page.screenshot({ path: join(ARTIFACTS, 'entity-zhipu-1280.png'), fullPage: true });
  assert.deepEqual(errors, []);
  await page.close();
});

test('an entity page is readable at 390 px and its Chinese name renders', async () => {
  const { page, errors } = await openPage('/entity/org:deepseek', 390);
  await page.waitForSelector('#sources li');
  assert.equal(await page.locator('h1 [lang="zh-Hans"]').textContent(), '深度求索');
  // CJK glyphs have a real width (boxes would too, but an empty font fallback would not): text is laid out.
  const width = await page.locator('h1 [lang="zh-Hans"]').evaluate((el) => el.getBoundingClientRect().width);
  assert.ok(width > 30, `Chinese name is ${width}px wide`);
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  assert.ok(overflow <= 0, `page overflows by ${overflow}px at 390px`);
  await page.screenshot({ path: join(ARTIFACTS, 'entity-deepseek-390.png'), fullPage: true });
  assert.deepEqual(errors, []);
  await page.close();
});
