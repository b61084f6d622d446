// The popup with 1,000 saved sessions of 50 tabs (50,000 tabs): when the first rows are on screen,
// whether the whole list is usable then, a search keystroke, and the JS heaps of the popup and of
// the worker while the popup loads. Puppeteer drives this one (puppeteer-launch.ts says why).
import type { Page } from 'puppeteer-core';
import { newProfileDir, removeProfileDir } from '../test/e2e/support/browser.ts';
import { heapMiB, launchWithExtension } from './puppeteer-launch.ts';

type RowFn = (metric: string, value: number, unit: string, target: number) => void;

export const SESSIONS = 1000;
export const TABS = 50;

/** In the page: stores `n` sessions of `tabs` tabs through the real import messages (chunked, one transaction). */
export async function seedInPage({ n, tabs }: { n: number; tabs: number }): Promise<void> {
  const send = async (type: string, payload: unknown) => {
    const r = (await chrome.runtime.sendMessage({ tabularium: 1, type, payload })) as {
      ok: boolean;
      value: unknown;
      error?: { message: string };
    };
    if (!r.ok) throw new Error(r.error?.message);
    return r.value as Record<string, unknown>;
  };
  const { importId } = (await send('import.begin', { format: 'tabularium' })) as { importId: string };
  let parts: unknown[] = [];
  let size = 0;
  const words = ['alpha', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot', 'golf', 'hotel', 'india', 'juliet'];
  for (let i = 0; i < n; i++) {
    const windows = [
      {
        type: 'normal',
        state: 'normal',
        incognito: false,
        focused: true,
        groups: [],
        tabs: Array.from({ length: tabs }, (_, t) => ({
          url: `https://site${(i * 7 + t) % 997}.example.com/${words[t % 10]}/article-${i}-${t}?ref=feed`,
          title: `${words[(i + t) % 10]} ${words[(i * 3 + t) % 10]} — article ${i}-${t} on site ${(i * 7 + t) % 997}`,
        })),
      },
    ];
    const createdAt = 1_700_000_000_000 + i * 60_000;
    const session = {
      id: `bench-${i}`,
      name: `Session ${i} · ${words[i % 10]}`,
      kind: 'manual',
      createdAt,
      updatedAt: createdAt,
      tags: i % 5 ? [] : ['work'],
      counts: { windows: 1, tabs },
    };
    parts.push({ session, windows });
    size += 6000;
    if (size > 1_500_000) {
      await send('import.chunk', { importId, parts });
      parts = [];
      size = 0;
    }
  }
  if (parts.length) await send('import.chunk', { importId, parts });
  await send('import.commit', { importId });
}

async function seed(page: Page): Promise<void> {
  // tsx keeps function names through a __name() helper that the page does not have.
  await page.evaluate('globalThis.__name = (f) => f');
  await page.evaluate(seedInPage, { n: SESSIONS, tabs: TABS });
}

export async function benchPopup(row: RowFn): Promise<void> {
  const profile = newProfileDir();
  const browser = await launchWithExtension(profile);
  try {
    const swTarget = await browser.waitForTarget(
      (t) => t.type() === 'service_worker' && t.url().startsWith('chrome-extension://'),
    );
    const extId = new URL(swTarget.url()).host;
    const popupUrl = `chrome-extension://${extId}/src/ui/popup/index.html`;
    const setup = await browser.newPage();
    await setup.goto(popupUrl);
    await seed(setup);
    await setup.close();

    // A fresh worker, as when the browser has been idle: stop it, then open the popup.
    const sw = await swTarget.worker();
    const swCdp = await swTarget.createCDPSession();
    void sw;
    const firsts: number[] = [];
    let popupHeap = 0;
    let workerHeap = 0;
    let page: Page | undefined;
    for (let i = 0; i < 5; i++) {
      page = await browser.newPage();
      await page.setViewport({ width: 420, height: 600 });
      await page.goto(popupUrl);
      await page.waitForFunction(() => performance.getEntriesByName('tabularium:first-items').length > 0, {
        timeout: 10_000,
      });
      firsts.push(await page.evaluate(() => performance.getEntriesByName('tabularium:first-items')[0]!.startTime));
      if (i === 4) break;
      await page.close();
    }
    firsts.sort((a, b) => a - b);
    row(
      `popup with ${SESSIONS} sessions × ${TABS} tabs: first items on screen (median of 5, from navigation start)`,
      firsts[2]!,
      'ms',
      100,
    );
    const p = page!;
    // The whole list is there at once: the last session is reachable by scrolling.
    const t0 = Date.now();
    await p.evaluate(() => {
      const list = document.querySelector('.list')!;
      list.scrollTop = list.scrollHeight;
    });
    await p.waitForFunction(
      () => [...document.querySelectorAll('.session .name')].some((n) => n.textContent === 'Session 0 · alpha'),
      { timeout: 5000 },
    );
    row('  scroll to the last session (whole list usable)', Date.now() - t0, 'ms', 100);
    workerHeap = await heapMiB(swCdp);
    const popupCdp = await p.createCDPSession();
    popupHeap = await heapMiB(popupCdp);
    row('popup JS heap after load (after GC)', popupHeap, 'MiB', 8);
    row('worker JS heap while the popup loads (after GC)', workerHeap, 'MiB', 10);

    // Search: focus loads the index; then each keystroke is timed to the rendered results.
    await p.focus('input[type=search]');
    await p.waitForFunction(() => true);
    await new Promise((r) => setTimeout(r, 1500));
    const keystrokes: number[] = [];
    for (const q of ['c', 'ch', 'cha', 'char', 'charl', 'fox', 'foxt', 'site12', 'article-500']) {
      const ms = await p.evaluate(async (q) => {
        const input = document.querySelector<HTMLInputElement>('input[type=search]')!;
        const before = performance.getEntriesByName('tabularium:search-results').length;
        const t = performance.now();
        input.value = q;
        input.dispatchEvent(new Event('input', { bubbles: true }));
        while (performance.getEntriesByName('tabularium:search-results').length === before)
          await new Promise((r) => setTimeout(r, 1));
        return performance.getEntriesByName('tabularium:search-results').at(-1)!.startTime - t;
      }, q);
      keystrokes.push(ms);
    }
    keystrokes.sort((a, b) => a - b);
    const inWorker = await p.evaluate(
      async () =>
        (
          (await chrome.runtime.sendMessage({ tabularium: 1, type: 'diagnostics.tracker', payload: {} })) as {
            value: { handlerMs: Record<string, number> };
          }
        ).value.handlerMs['sessions.search'] ?? NaN,
    );
    row(`search keystroke over ${SESSIONS * TABS} tabs (median of 9, to results on screen)`, keystrokes[4]!, 'ms', 50);
    row('  slowest keystroke', keystrokes.at(-1)!, 'ms', Infinity);
    row("  of which the worker's search (last query)", inWorker, 'ms', Infinity);
    const roundTrip = await p.evaluate(async () => {
      const t = performance.now();
      await chrome.runtime.sendMessage({ tabularium: 1, type: 'sessions.search', payload: { query: 'charl' } });
      return performance.now() - t;
    });
    row('  of which the message round trip (same query)', roundTrip, 'ms', Infinity);
    row('worker JS heap with the search index loaded (after GC)', await heapMiB(swCdp), 'MiB', Infinity);
  } finally {
    await browser.close();
    removeProfileDir(profile);
  }
}
