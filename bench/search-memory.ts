// The worker's memory around a search (`npm run bench -- --only-search-memory`): 1,000 sessions of
// 50 tabs, the popup's search keystrokes, the worker's JS heap (after GC, read over the worker's
// own DevTools target) with the index loaded, then one minute after the popup closed, and the
// first search after that (which loads the index again).
import type { Browser, Page } from 'puppeteer-core';
import { newProfileDir, removeProfileDir } from '../test/e2e/support/browser.ts';
import { heapMiB, launchWithExtension } from './puppeteer-launch.ts';
import { seedInPage, SESSIONS, TABS } from './popup.ts';

type RowFn = (metric: string, value: number, unit: string, target: number) => void;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** One keystroke in the popup's search box, to the results on screen. */
function keystroke(p: Page, q: string): Promise<number> {
  return p.evaluate(async (q) => {
    const input = document.querySelector<HTMLInputElement>('input[type=search]')!;
    const before = performance.getEntriesByName('tabularium:search-results').length;
    const t = performance.now();
    input.value = q;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    while (performance.getEntriesByName('tabularium:search-results').length === before)
      await new Promise((r) => setTimeout(r, 1));
    return performance.getEntriesByName('tabularium:search-results').at(-1)!.startTime - t;
  }, q);
}

async function openPopup(browser: Browser, url: string): Promise<Page> {
  const page = await browser.newPage();
  await page.setViewport({ width: 420, height: 600 });
  await page.goto(url);
  await page.waitForFunction(() => performance.getEntriesByName('tabularium:first-items').length > 0, {
    timeout: 30_000,
  });
  return page;
}

export async function benchSearchMemory(row: RowFn): Promise<void> {
  const profile = newProfileDir();
  const browser = await launchWithExtension(profile);
  try {
    const swTarget = await browser.waitForTarget(
      (t) => t.type() === 'service_worker' && t.url().startsWith('chrome-extension://'),
    );
    const popupUrl = `chrome-extension://${new URL(swTarget.url()).host}/src/ui/popup/index.html`;
    const setup = await browser.newPage();
    await setup.goto(popupUrl);
    await setup.evaluate('globalThis.__name = (f) => f');
    await setup.evaluate(seedInPage, { n: SESSIONS, tabs: TABS });
    await setup.close();
    const swCdp = await swTarget.createCDPSession();
    // The figures below are only worth something from one and the same worker life.
    await swCdp.send('Runtime.evaluate', { expression: 'globalThis.__benchLife = 1' });
    const sameLife = async () =>
      (await swCdp.send('Runtime.evaluate', { expression: 'globalThis.__benchLife === 1', returnByValue: true })).result
        .value === true;
    const before = await heapMiB(swCdp);

    const p = await openPopup(browser, popupUrl);
    await p.focus('input[type=search]');
    await sleep(1500);
    const keys: number[] = [];
    for (const q of ['c', 'ch', 'cha', 'char', 'charl', 'fox', 'foxt', 'site12', 'article-500'])
      keys.push(await keystroke(p, q));
    keys.sort((a, b) => a - b);
    const loaded = await heapMiB(swCdp);
    await p.close();
    // One minute after the popup closed.
    await sleep(60_000);
    const idle = await heapMiB(swCdp);
    const life = await sameLife();

    // The next popup: its first search after the index was let go.
    const again = await openPopup(browser, popupUrl);
    const t = Date.now();
    await again.focus('input[type=search]');
    const first = await keystroke(again, 'charl');
    const firstWall = Date.now() - t;
    await again.close();

    row('worker JS heap before any search (after GC)', before, 'MiB', Infinity);
    row(`search keystroke over ${SESSIONS * TABS} tabs (median of 9, to results on screen)`, keys[4]!, 'ms', 50);
    row('  slowest keystroke', keys.at(-1)!, 'ms', Infinity);
    row('worker JS heap with the search index loaded (after GC)', loaded, 'MiB', Infinity);
    row('worker JS heap one minute after the popup closed (after GC)', idle, 'MiB', 3);
    row('  same worker all along (1 = yes)', life ? 1 : 0, '', Infinity);
    row('first keystroke in the next popup (index loaded again on focus)', first, 'ms', Infinity);
    row('  same, from focusing the search box', firstWall, 'ms', Infinity);
  } finally {
    await browser.close();
    removeProfileDir(profile);
  }
}
