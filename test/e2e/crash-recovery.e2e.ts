// Whatever kills the browser, the tabs of a second before come back with one click.
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import {
  allGroups,
  allWindows,
  crash,
  launch,
  newProfileDir,
  openPopup,
  openWindow,
  realUrl,
  removeProfileDir,
  waitFor,
  type Launched,
} from './support/browser.ts';
import { startDiskLoad } from './support/disk-load.ts';
import { storedTabUrls } from './support/live-store.ts';
import { startServer, type TestServer } from './support/server.ts';

let server: TestServer;
const profiles: string[] = [];

beforeAll(async () => {
  server = await startServer();
});

afterAll(async () => {
  for (const p of profiles) removeProfileDir(p);
  await server?.close();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function freshBrowser(): Promise<Launched> {
  const dir = newProfileDir();
  profiles.push(dir);
  return launch(dir);
}

/** Relaunches on the same profile, clicks Recover, and returns the restored windows' real URLs. */
async function relaunchAndRecover(
  before: Launched,
  afterKill: () => Promise<void> = async () => undefined,
): Promise<{ b: Launched; windows: { urls: string[]; titles: string[]; pinned: boolean[]; id: number }[] }> {
  await crash(before);
  await afterKill();
  const b = await launch(before.profileDir);
  const popup = await openPopup(b);
  const recover = popup.getByRole('button', { name: 'Recover' });
  await recover.waitFor({ timeout: 15_000 });
  const known = new Set((await allWindows(b.driver)).map((w) => w.id));
  await recover.click();
  // Tabs are created while earlier ones load: a moment with every tab so far titled is not the end.
  await popup.getByText(/^Restored \d+ tabs/).waitFor({ timeout: 60_000 });
  // Until every restored tab shows its saved title (a placeholder still loading shows its URL).
  await waitFor(
    async () =>
      (await allWindows(b.driver))
        .filter((w) => !known.has(w.id))
        .every((w) => w.tabs.every((t) => t.title && !t.title.startsWith('chrome-extension://'))),
    'restored titles',
  );
  const windows = (await allWindows(b.driver))
    .filter((w) => !known.has(w.id))
    .map((w) => ({
      id: w.id,
      urls: w.tabs.map((t) => realUrl(b.extId, t.url)),
      titles: w.tabs.map((t) => t.title),
      pinned: w.tabs.map((t) => t.pinned),
    }));
  await popup.close();
  return { b, windows };
}

function sortByFirst<T extends { urls: string[] }>(ws: T[]): T[] {
  return [...ws].sort((a, b) => (a.urls[0] ?? '').localeCompare(b.urls[0] ?? ''));
}

describe('crash recovery after a SIGKILL of the browser', () => {
  it('1 s after the last change: every tab, in order, pinned, grouped, with titles', async () => {
    const b = await freshBrowser();
    const a = ['c1', 'c2', 'c3'].map((n) => server.url(`/page/${n}`));
    const z = ['d1', 'd2'].map((n) => server.url(`/page/${n}`));
    const winA = await openWindow(b.driver, a);
    await openWindow(b.driver, z);
    await b.driver.evaluate(async (winA) => {
      const ta = await chrome.tabs.query({ windowId: winA });
      await chrome.tabs.update(ta[0]!.id!, { pinned: true });
      const g = await chrome.tabs.group({ tabIds: [ta[1]!.id!, ta[2]!.id!], createProperties: { windowId: winA } });
      await chrome.tabGroups.update(g, { title: 'Crashy', color: 'green' });
    }, winA);
    await sleep(1000);
    const { b: b2, windows } = await relaunchAndRecover(b);
    const [ra, rz] = sortByFirst(windows);
    expect(ra!.urls).toEqual(a);
    expect(ra!.titles).toEqual(['Page c1', 'Page c2', 'Page c3']);
    expect(ra!.pinned).toEqual([true, false, false]);
    expect(rz!.urls).toEqual(z);
    const groups = (await allGroups(b2.driver)).filter((g) => g.windowId === ra!.id);
    expect(groups.map((g) => [g.title, g.color])).toEqual([['Crashy', 'green']]);
    await b2.ctx.close();
  });

  /** Opens tabs burst-1…50 ~40 ms apart from the test side, noting when each was created. */
  function startBurst(b: Launched, winId: number) {
    const created: { url: string; at: number }[] = [];
    const done = (async () => {
      for (let i = 1; i <= 50; i++) {
        const url = server.url(`/page/burst-${i}`);
        await b.driver.evaluate(
          async ({ url, winId }) => void (await chrome.tabs.create({ windowId: winId, url, active: false })),
          { url, winId },
        );
        created.push({ url, at: Date.now() });
        await sleep(40);
      }
    })().catch(() => undefined); // the kill ends the burst midway
    return { created, done };
  }

  it('during a burst of 50 tab openings: nothing older than 1 s is lost', async () => {
    const b = await freshBrowser();
    const winId = await openWindow(b.driver, [server.url('/page/burst-0')]);
    const burst = startBurst(b, winId);
    // Killed mid-burst once enough tabs are over 1 s old (the browser creates them at its own pace).
    const old = () => burst.created.filter((c) => c.at <= Date.now() - 1000);
    await waitFor(async () => old().length >= 6, '6 tabs over 1 s old');
    const killAt = Date.now();
    const { b: b2, windows } = await relaunchAndRecover(b);
    await burst.done;
    const mustHave = burst.created.filter((c) => c.at <= killAt - 1000).map((c) => c.url);
    const recovered = new Set(windows.flatMap((w) => w.urls));
    expect(mustHave.filter((u) => !recovered.has(u))).toEqual([]);
    expect(recovered.has(server.url('/page/burst-0'))).toBe(true);
    await b2.ctx.close();
  });

  it('beside a disk kept busy, in a burst: every tab the database held before the kill comes back', async () => {
    const b = await freshBrowser();
    // How soon a write is safe depends on the disk (the test above holds the 1 s without this
    // load); that a completed write comes back must not.
    const disk = startDiskLoad();
    onTestFinished(() => disk.stop());
    const winId = await openWindow(b.driver, [server.url('/page/burst-0')]);
    const burst = startBurst(b, winId);
    const isBurst = (u: string) => u.includes('/page/burst-') && !u.endsWith('/burst-0');
    let held: string[] = [];
    await waitFor(async () => {
      held = (await storedTabUrls(b.driver)).filter(isBurst);
      return held.length >= 6;
    }, '6 burst tabs in the database');
    // The kill comes while later tabs are being written, as in a real crash.
    const seen = burst.created.length;
    await waitFor(async () => burst.created.length >= Math.min(seen + 8, 50), '8 more tabs opened');
    const { b: b2, windows } = await relaunchAndRecover(b, () => disk.stop());
    await burst.done;
    const recovered = new Set(windows.flatMap((w) => w.urls));
    expect(held.filter((u) => !recovered.has(u))).toEqual([]);
    expect(recovered.has(server.url('/page/burst-0'))).toBe(true);
    await b2.ctx.close();
  });

  it('right after a tab was closed and another navigated: the closed one stays closed, the new URL comes back', async () => {
    const b = await freshBrowser();
    const urls = ['e1', 'e2', 'e3'].map((n) => server.url(`/page/${n}`));
    const win = await openWindow(b.driver, urls);
    await b.driver.evaluate(
      async ({ win, next }) => {
        const tabs = await chrome.tabs.query({ windowId: win });
        await chrome.tabs.remove(tabs[1]!.id!);
        await chrome.tabs.update(tabs[2]!.id!, { url: next });
      },
      { win, next: server.url('/page/e3-next') },
    );
    await waitFor(
      async () => (await allWindows(b.driver)).some((w) => w.tabs.some((t) => t.title === 'Page e3-next')),
      'navigation',
    );
    await sleep(1000);
    const { b: b2, windows } = await relaunchAndRecover(b);
    expect(windows).toHaveLength(1);
    expect(windows[0]!.urls).toEqual([urls[0], server.url('/page/e3-next')]);
    expect(windows[0]!.titles).toEqual(['Page e1', 'Page e3-next']);
    await b2.ctx.close();
  });

  it('after a tab was moved and a window closed: the order and the remaining window come back', async () => {
    const b = await freshBrowser();
    const urls = ['f1', 'f2', 'f3'].map((n) => server.url(`/page/${n}`));
    const win = await openWindow(b.driver, urls);
    const gone = await openWindow(b.driver, [server.url('/page/g1')]);
    await b.driver.evaluate(
      async ({ win, gone }) => {
        const tabs = await chrome.tabs.query({ windowId: win });
        await chrome.tabs.move(tabs[0]!.id!, { index: -1 });
        await chrome.windows.remove(gone);
      },
      { win, gone },
    );
    await sleep(1000);
    const { b: b2, windows } = await relaunchAndRecover(b);
    expect(windows.map((w) => w.urls)).toEqual([[urls[1], urls[2], urls[0]]]);
    await b2.ctx.close();
  });

  it('a tab opened half a second before the kill is already safe', async () => {
    const b = await freshBrowser();
    const win = await openWindow(b.driver, [server.url('/page/h1')]);
    await b.driver.evaluate(
      async ({ win, url }) => void (await chrome.tabs.create({ windowId: win, url, active: false })),
      { win, url: server.url('/page/h2') },
    );
    await sleep(500);
    const { b: b2, windows } = await relaunchAndRecover(b);
    expect(windows[0]!.urls).toEqual([server.url('/page/h1'), server.url('/page/h2')]);
    await b2.ctx.close();
  });
});

describe('no banner when nothing was lost', () => {
  it('shows no banner after a worker restart, and the live state follows what happened while it slept', async () => {
    const b = await freshBrowser();
    const win = await openWindow(b.driver, [server.url('/page/k1'), server.url('/page/k2')]);
    const { stopServiceWorkers } = await import('./support/browser.ts');
    await stopServiceWorkers(b.driver);
    await b.driver.evaluate(
      async ({ win, url }) => {
        const tabs = await chrome.tabs.query({ windowId: win });
        await chrome.tabs.remove(tabs[0]!.id!);
        await chrome.tabs.create({ windowId: win, url, active: false });
      },
      { win, url: server.url('/page/k3') },
    );
    const popup = await openPopup(b);
    await popup.getByRole('button', { name: 'Save all windows' }).click();
    await expect.poll(() => popup.getByRole('listitem').count()).toBe(1);
    await expect(popup.getByRole('button', { name: 'Recover' }).count()).resolves.toBe(0);
    const saved = await popup.evaluate(async () => {
      const list = (await chrome.runtime.sendMessage({ tabularium: 1, type: 'sessions.list', payload: {} })) as {
        value: { sessions: { id: string }[] };
      };
      const got = (await chrome.runtime.sendMessage({
        tabularium: 1,
        type: 'sessions.get',
        payload: { id: list.value.sessions[0]!.id },
      })) as { value: { body: { windows: { tabs: { url: string }[] }[] } } };
      return got.value.body.windows.flatMap((w) => w.tabs.map((t) => t.url));
    });
    expect(saved).toEqual([server.url('/page/k2'), server.url('/page/k3')]);
    await b.ctx.close();
  });
});
