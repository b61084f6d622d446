// The Firefox build in Debian's firefox-esr, driven by puppeteer-core over WebDriver BiDi.
//
// How the test reaches the extension: BiDi refuses to navigate a tab to a moz-extension:// page,
// so neither the popup nor any other extension page can be opened from here. The e2e Firefox
// build (TABULARIUM_E2E=1, dist-firefox-e2e) carries one more content script, matched only on
// http://127.0.0.1/*: test/e2e-firefox/bridge/bridge-content.ts. A page of the local test server
// posts a request (a message type of the extension's typed protocol and its payload) with
// window.postMessage; the content script makes that call to the worker with the same `call()` the
// popup uses and posts the typed reply back. The store build has no such content script
// (test/unit/platform/manifest.test.ts).
//
// What is checked: the extension tracks the pages opened here, saves them as a session (URLs,
// titles, order, active tab, a tab's container) and restores that session: lazily, as Firefox
// discarded tabs showing their saved titles, not through the placeholder page Chrome needs; the
// tab in a container goes back into it; URLs Firefox refuses become placeholders with a reason;
// a container that no longer exists is reported and its tab still opens; tab groups come back
// through Firefox's own tabGroups API.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import type { Session, TabRecord, WindowRecord } from '../../src/core/model.ts';
import { startServer, type TestServer } from '../e2e/support/server.ts';
import { bridgeCall, launchFirefox, waitFor, waitForBridge, type LaunchedFirefox } from './support/firefox.ts';

let server: TestServer;
let ff: LaunchedFirefox;
let driver: Page;

beforeAll(async () => {
  server = await startServer();
  ff = await launchFirefox();
  // The window's first tab becomes the driver: a server page, so the bridge is in it.
  driver = (await ff.browser.pages())[0] ?? (await ff.browser.newPage());
  await driver.goto(server.url('/page/driver'));
  await waitForBridge(driver);
});

afterAll(async () => {
  await ff?.close();
  await server?.close();
});

/** What the extension sees open now: saves a session, reads it back, deletes it again. */
async function openWindows(): Promise<WindowRecord[]> {
  const { session } = await bridgeCall(driver, 'sessions.saveAll', { name: 'probe' });
  const { body } = await bridgeCall(driver, 'sessions.get', { id: session.id });
  await bridgeCall(driver, 'sessions.delete', { id: session.id });
  return body.windows;
}

function paths(tabs: TabRecord[]): string[] {
  return tabs.map((t) => t.url.replace(server.origin, ''));
}

function hits(path: string): number {
  return server.hits.filter((h) => h === path).length;
}

/**
 * A tab's address. BiDi reports extension pages as about:blank, yet lets a test run script in a
 * page the extension opened itself, so the page is asked.
 */
async function realLocation(p: Page): Promise<string> {
  return p.url() === 'about:blank' ? p.evaluate(() => location.href) : p.url();
}

async function openPage(path: string, page?: Page): Promise<Page> {
  const p = page ?? (await ff.browser.newPage());
  await p.goto(server.url(path));
  return p;
}

describe('Tabularium in Firefox', () => {
  it('installs as a temporary add-on with its gecko id, and the worker answers', async () => {
    expect(ff.addonId).toBe('tabularium@tabularium.example');
    expect((await ff.browser.version()).toLowerCase()).toContain('firefox');
    expect(await bridgeCall(driver, 'sessions.list', {})).toEqual({ sessions: expect.any(Array) });
  });

  it('saves the open pages as a session and restores it as discarded tabs, containers included', async () => {
    const a = await openPage('/page/a');
    const b = await openPage('/page/b');
    // A BiDi user context is a Firefox container: this tab's cookieStoreId is firefox-container-N.
    const container = await ff.browser.createBrowserContext();
    const k = await openPage('/page/k', await container.newPage());
    const c = await openPage('/page/c'); // opened last: the active tab

    const want = ['/page/driver', '/page/a', '/page/b', '/page/k', '/page/c'];
    await waitFor(
      async () => JSON.stringify((await openWindows()).map((w) => paths(w.tabs))) === JSON.stringify([want]),
      'the tracker to see the five pages',
    );

    const { session } = await bridgeCall(driver, 'sessions.saveAll', { name: 'Firefox pages' });
    expect(session.counts).toEqual({ windows: 1, tabs: 5 });
    const saved = (await bridgeCall(driver, 'sessions.get', { id: session.id })).body.windows[0]!;
    expect(paths(saved.tabs)).toEqual(want);
    expect(saved.tabs.map((t) => t.title)).toEqual(['Page driver', 'Page a', 'Page b', 'Page k', 'Page c']);
    expect(saved.tabs.findIndex((t) => t.active)).toBe(4);
    const containerId = saved.tabs[3]!.cookieStoreId;
    expect(containerId).toMatch(/^firefox-container-\d+$/);
    expect(saved.tabs.filter((t) => t.cookieStoreId).length).toBe(1);
    expect((await bridgeCall(driver, 'sessions.list', {})).sessions.map((s: Session) => s.name)).toContain(
      'Firefox pages',
    );

    for (const p of [a, b, k, c]) await p.close();
    await waitFor(async () => (await openWindows()).flatMap((w) => w.tabs).length === 1, 'only the driver left');
    const before = Object.fromEntries(want.map((p) => [p, hits(p)]));

    const report = await bridgeCall(driver, 'sessions.restore', { id: session.id });
    expect(report).toMatchObject({ windows: 1, tabs: 5, blocked: 0, failed: [], cancelled: false });

    let restored: WindowRecord | undefined;
    await waitFor(async () => {
      restored = (await openWindows()).find((w) => w.tabs.length === 5);
      return !!restored && restored.tabs.every((t) => t.title.startsWith('Page '));
    }, 'the restored window with its titles');
    // Real URLs and saved titles, in order, the container back on its tab, the same active tab.
    expect(paths(restored!.tabs)).toEqual(want);
    expect(restored!.tabs.map((t) => t.title)).toEqual(['Page driver', 'Page a', 'Page b', 'Page k', 'Page c']);
    expect(restored!.tabs.map((t) => t.cookieStoreId)).toEqual([
      undefined,
      undefined,
      undefined,
      containerId,
      undefined,
    ]);
    expect(restored!.tabs.findIndex((t) => t.active)).toBe(4);

    // Lazy: only the active tab loaded. The others are discarded tabs that never asked the server
    // for their page, and no placeholder page ran (none is listed below) — the titles above are
    // the ones given to tabs.create({discarded: true, title}).
    await waitFor(async () => hits('/page/c') === before['/page/c']! + 1, 'the active tab to load');
    await new Promise((r) => setTimeout(r, 1000));
    for (const p of ['/page/driver', '/page/a', '/page/b', '/page/k']) expect(hits(p), p).toBe(before[p]);
    const stats = await bridgeCall(driver, 'diagnostics.tracker', {});
    expect(stats.handlerMs['sessions.restore']).toBeGreaterThan(0);
    // Over BiDi, the loaded tabs are listed (discarded ones are not); none is a placeholder page.
    const urls = await Promise.all((await ff.browser.pages()).map(realLocation));
    expect(urls.filter((u) => u.startsWith('moz-extension:'))).toEqual([]);
    expect(urls.sort()).toEqual([server.url('/page/c'), server.url('/page/driver')]);
  });

  it('turns URLs Firefox refuses into placeholders with a reason, and reports a container that is gone', async () => {
    const now = Date.now();
    const tabs: TabRecord[] = [
      { url: server.url('/page/imported'), title: 'Page imported', active: true },
      { url: 'data:text/html,<p>hello</p>', title: 'A data page' },
      { url: 'file:///etc/hostname', title: 'A local file' },
      { url: 'about:config', title: 'Settings' },
      { url: server.url('/page/gone'), title: 'Page gone', cookieStoreId: 'firefox-container-999' },
    ];
    const session: Session = {
      id: 'imported-ff',
      name: 'Imported',
      kind: 'imported',
      createdAt: now,
      updatedAt: now,
      tags: [],
      counts: { windows: 1, tabs: tabs.length },
    };
    const windows: WindowRecord[] = [
      { type: 'normal', state: 'normal', incognito: false, focused: true, tabs, groups: [] },
    ];
    const { importId } = await bridgeCall(driver, 'import.begin', { format: 'tabularium' });
    await bridgeCall(driver, 'import.chunk', { importId, parts: [{ session, windows }] });
    expect((await bridgeCall(driver, 'import.commit', { importId })).stored).toBe(1);
    const windowsBefore = (await openWindows()).length;

    const report = await bridgeCall(driver, 'sessions.restore', { id: 'imported-ff' });
    expect(report).toMatchObject({ windows: 1, tabs: 5, blocked: 3, cancelled: false });
    // The tab still opened, in the default container, and the person is told why.
    expect(report.failed).toEqual([
      {
        url: server.url('/page/gone'),
        reason: { key: 'restoreContainerDropped', substitutions: ['firefox-container-999', expect.anything()] },
      },
    ]);

    let restored: WindowRecord | undefined;
    await waitFor(async () => {
      const now = await openWindows();
      restored =
        now.length > windowsBefore
          ? now.find((w) => w.tabs.some((t) => t.url === server.url('/page/imported')))
          : undefined;
      // Placeholder tabs report about:blank until their page has started loading, and the loading
      // page its address as title until its own has arrived.
      return (
        restored?.tabs.length === 5 &&
        restored.tabs.every((t, i) => t.url !== 'about:blank' && t.title === tabs[i]!.title)
      );
    }, 'the imported window');
    // The capture sees through placeholders: the saved URLs and titles, the container gone.
    expect(restored!.tabs.map((t) => t.url)).toEqual(tabs.map((t) => t.url));
    expect(restored!.tabs.map((t) => t.title)).toEqual(tabs.map((t) => t.title));
    expect(restored!.tabs.every((t) => t.cookieStoreId === undefined)).toBe(true);

    // The refused ones are the extension's placeholder page, loaded, each saying why.
    let placeholders: { url: URL; why: string }[] = [];
    await waitFor(async () => {
      placeholders = [];
      for (const p of await ff.browser.pages()) {
        const at = await realLocation(p);
        if (at.startsWith('moz-extension:'))
          placeholders.push({
            url: new URL(at),
            why: await p.evaluate(() => document.getElementById('why')?.textContent ?? ''),
          });
      }
      return placeholders.length === 3 && placeholders.every((x) => x.why !== '');
    }, 'three placeholder pages');
    expect(placeholders.map((x) => x.url.pathname)).toEqual(Array(3).fill('/src/ui/placeholder/index.html'));
    expect(placeholders.map((x) => x.url.searchParams.get('u'))).toEqual([
      'data:text/html,<p>hello</p>',
      'file:///etc/hostname',
      'about:config',
    ]);
    expect(placeholders.map((x) => x.url.searchParams.get('r'))).toEqual(['data', 'file', 'privileged']);
    // Each says why in words, not as the reason's code.
    expect(placeholders.map((x) => x.why)).toEqual([
      expect.stringMatching(/cannot be opened from here: it is a data: address/),
      expect.stringMatching(/cannot be opened from here: it is a file on this computer/),
      expect.stringMatching(/cannot be opened from here: it is one of the browser's own pages/),
    ]);
    expect(hits('/page/gone')).toBe(0);
  });

  it("restores tab groups with Firefox's own tabGroups API (Firefox 139+)", async () => {
    const now = Date.now();
    const tabs: TabRecord[] = [
      { url: server.url('/page/g0'), title: 'Page g0', active: true },
      { url: server.url('/page/g1'), title: 'Page g1', groupIndex: 0 },
      { url: server.url('/page/g2'), title: 'Page g2', groupIndex: 0 },
    ];
    const session: Session = {
      id: 'grouped-ff',
      name: 'Grouped',
      kind: 'imported',
      createdAt: now,
      updatedAt: now,
      tags: [],
      counts: { windows: 1, tabs: 3 },
    };
    const windows: WindowRecord[] = [
      {
        type: 'normal',
        state: 'normal',
        incognito: false,
        focused: true,
        tabs,
        groups: [{ title: 'Work', color: 'blue', collapsed: false }],
      },
    ];
    const { importId } = await bridgeCall(driver, 'import.begin', { format: 'tabularium' });
    await bridgeCall(driver, 'import.chunk', { importId, parts: [{ session, windows }] });
    await bridgeCall(driver, 'import.commit', { importId });

    const report = await bridgeCall(driver, 'sessions.restore', { id: 'grouped-ff' });
    expect(report).toMatchObject({ tabs: 3, failed: [] });
    let restored: WindowRecord | undefined;
    await waitFor(async () => {
      restored = (await openWindows()).find((w) => w.tabs.some((t) => t.url === server.url('/page/g0')));
      return restored?.groups.length === 1;
    }, 'the restored group');
    expect(restored!.groups).toEqual([{ title: 'Work', color: 'blue', collapsed: false }]);
    expect(restored!.tabs.map((t) => t.groupIndex)).toEqual([undefined, 0, 0]);
  });
});
