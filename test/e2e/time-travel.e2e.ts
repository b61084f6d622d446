// Time travel in the manager's History view: three phases of tabs a few seconds apart; the moment
// in phase 2 comes back exactly (URLs, order, groups, pinned); a closed tab is found by a word of
// its address, and reopened from the moment its result leads to.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { allGroups, allWindows, openWindow, realUrl, waitFor, workerCall, type Launched } from './support/browser.ts';
import { useBrowser } from './support/use-browser.ts';

const env = useBrowser();

interface Shape {
  urls: string[];
  pinned: string[];
  groups: { title: string; urls: string[] }[];
}

/** The test's windows as the browser has them (only the test server's pages). */
async function browserShape(b: Launched, origin: string): Promise<Shape[]> {
  const groups = await allGroups(b.driver);
  return (await allWindows(b.driver))
    .map((w) => {
      const tabs = w.tabs.map((t) => ({ ...t, url: realUrl(b.extId, t.url) })).filter((t) => t.url.startsWith(origin));
      return {
        urls: tabs.map((t) => t.url),
        pinned: tabs.filter((t) => t.pinned).map((t) => t.url),
        groups: groups
          .filter((g) => g.windowId === w.id)
          .map((g) => ({ title: g.title, urls: tabs.filter((t) => t.groupId === g.id).map((t) => t.url) })),
      };
    })
    .filter((w) => w.urls.length > 0)
    .sort((a, b) => a.urls[0]!.localeCompare(b.urls[0]!));
}

interface JournalWindow {
  tabs: { url: string; pinned?: true; groupIndex?: number }[];
  groups: { title: string }[];
}

function journalShape(windows: JournalWindow[], origin: string): Shape[] {
  return windows
    .map((w) => {
      const tabs = w.tabs.filter((t) => t.url.startsWith(origin));
      return {
        urls: tabs.map((t) => t.url),
        pinned: tabs.filter((t) => t.pinned).map((t) => t.url),
        groups: w.groups.map((g, i) => ({
          title: g.title,
          urls: tabs.filter((t) => t.groupIndex === i).map((t) => t.url),
        })),
      };
    })
    .filter((w) => w.urls.length > 0)
    .sort((a, b) => a.urls[0]!.localeCompare(b.urls[0]!));
}

/** Waits until the journal's moment "now" is the browser's state (the worker writes it ~150 ms later). */
async function journalHolds(b: Launched, origin: string): Promise<Shape[]> {
  const expected = await browserShape(b, origin);
  await waitFor(async () => {
    const { windows } = await workerCall<{ windows: JournalWindow[] }>(b, 'journal.moment', { at: Date.now() });
    return JSON.stringify(journalShape(windows, origin)) === JSON.stringify(expected);
  }, 'the journal to hold the browser state');
  return expected;
}

async function openTab(b: Launched, windowId: number, url: string): Promise<number> {
  const id = await b.driver.evaluate(
    async ([w, u]) => (await chrome.tabs.create({ windowId: w, url: u, active: false })).id!,
    [windowId, url] as const,
  );
  await waitFor(
    async () =>
      (await allWindows(b.driver)).some((w) => w.tabs.some((t) => t.id === id && t.title && t.title !== t.url)),
    `tab ${url} loaded`,
  );
  return id;
}

async function openHistory(b: Launched): Promise<Page> {
  const page = await b.ctx.newPage();
  await page.goto(b.extUrl('src/ui/manager/index.html#history'));
  await page.getByRole('slider', { name: 'Time' }).waitFor();
  return page;
}

/** The windows a click opened: those not there before, once their tabs stopped growing. */
async function newWindowsAfter(b: Launched, before: Set<number>, origin: string, tabs: number): Promise<Shape[]> {
  await waitFor(async () => {
    const fresh = (await allWindows(b.driver)).filter((w) => !before.has(w.id));
    return (
      fresh.reduce((n, w) => n + w.tabs.filter((t) => realUrl(b.extId, t.url).startsWith(origin)).length, 0) >= tabs
    );
  }, `${tabs} restored tabs`);
  const ids = new Set((await allWindows(b.driver)).filter((w) => !before.has(w.id)).map((w) => w.id));
  const groups = await allGroups(b.driver);
  return (await allWindows(b.driver))
    .filter((w) => ids.has(w.id))
    .map((w) => {
      const all = w.tabs.map((t) => ({ ...t, url: realUrl(b.extId, t.url) })).filter((t) => t.url.startsWith(origin));
      return {
        urls: all.map((t) => t.url),
        pinned: all.filter((t) => t.pinned).map((t) => t.url),
        groups: groups
          .filter((g) => g.windowId === w.id)
          .map((g) => ({ title: g.title, urls: all.filter((t) => t.groupId === g.id).map((t) => t.url) })),
      };
    })
    .filter((w) => w.urls.length > 0)
    .sort((a, b) => a.urls[0]!.localeCompare(b.urls[0]!));
}

describe('time travel', () => {
  it('brings back exactly the tabs of a moment in phase 2, and reopens a closed tab found by its address', async () => {
    const { b, server } = env;
    const origin = server.url('/page/');
    const page = (n: string) => server.url(`/page/${n}`);

    // Phase 1: one window of three tabs.
    const a = await openWindow(b.driver, [page('alpha'), page('beta'), page('gamma')]);
    await journalHolds(b, origin);

    // Phase 2: the first tab pinned, the other two grouped, a second window; the tab the search
    // finds opens last, so the moment its result leads to holds all of phase 2.
    await b.driver.evaluate(async (win) => {
      const tabs = await chrome.tabs.query({ windowId: win });
      await chrome.tabs.update(tabs[0]!.id!, { pinned: true });
      const group = await chrome.tabs.group({
        tabIds: [tabs[1]!.id!, tabs[2]!.id!],
        createProperties: { windowId: win },
      });
      await chrome.tabGroups.update(group, { title: 'Trip', color: 'blue' });
    }, a);
    const second = await openWindow(b.driver, [page('one'), page('two')]);
    await journalHolds(b, origin);
    await openTab(b, second, page('lisbon-trams'));
    const phase2 = await journalHolds(b, origin);
    expect(phase2.flatMap((w) => w.urls)).toHaveLength(6);

    // Phase 3: the second window closes, gamma closes, delta opens.
    await b.driver.evaluate(async (win) => chrome.windows.remove(win), second);
    const gamma = (await allWindows(b.driver)).flatMap((w) => w.tabs).find((t) => t.url === page('gamma'))!;
    await b.driver.evaluate(async (id) => chrome.tabs.remove(id), gamma.id);
    await openTab(b, a, page('delta'));
    await journalHolds(b, origin);

    const history = await openHistory(b);
    const search = history.getByRole('searchbox', { name: 'Search history' });
    await search.fill('lisbon');
    const hit = history.getByRole('list', { name: 'Pages found in the history' }).getByRole('listitem').first();
    await expect.poll(() => hit.textContent(), { timeout: 10_000 }).toContain('lisbon-trams');
    await hit.getByRole('button').first().click();
    // One Reopen per tab of the moment; the newest tab may still be titled by its address then.
    await expect.poll(() => history.getByRole('button', { name: /^Reopen / }).count(), { timeout: 10_000 }).toBe(6);

    const before = new Set((await allWindows(b.driver)).map((w) => w.id));
    await history.getByRole('button', { name: 'Restore this moment' }).click();
    expect(await newWindowsAfter(b, before, origin, 6)).toEqual(phase2);

    // A closed tab, found by a word of its address, reopened from its moment.
    await search.fill('gamma');
    await expect.poll(() => hit.textContent(), { timeout: 10_000 }).toContain(page('gamma'));
    // Its spans, newest first: the restored copy still open, then the first one, closed in phase 3.
    await hit.getByRole('button').last().click();
    // Titled "Page gamma", or by its address if the moment is before its page loaded.
    const reopen = history.getByRole('button', { name: /^Reopen .*gamma$/ });
    await reopen.first().waitFor();
    const beforeReopen = new Set((await allWindows(b.driver)).map((w) => w.id));
    await reopen.first().click();
    const reopened = await newWindowsAfter(b, beforeReopen, origin, 1);
    expect(reopened.map((w) => w.urls)).toEqual([[page('gamma')]]);
  });

  it('moves the slider one minute per arrow key, and its end is now', async () => {
    const history = await openHistory(env.b);
    const slider = history.getByRole('slider', { name: 'Time' });
    await expect.poll(() => slider.isEnabled()).toBe(true);
    const max = Number(await slider.getAttribute('max'));
    expect(Number(await slider.inputValue())).toBe(max);
    await slider.focus();
    await history.keyboard.press('ArrowLeft');
    await history.keyboard.press('ArrowLeft');
    expect(Number(await slider.inputValue())).toBe(max - 2);
    await history.keyboard.press('ArrowRight');
    expect(Number(await slider.inputValue())).toBe(max - 1);
  });
});
