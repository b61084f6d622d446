// Launches Debian's Chromium with the built extension, as DESIGN.md's verified recipe says, and
// gives tests the handles they need: the extension id, an extension page to call chrome.* from,
// a real SIGKILL of the browser, and a relaunch on the same profile.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const DIST = resolve(import.meta.dirname, '../../../dist-e2e');
export const CHROME = process.env.CHROME_PATH ?? '/usr/bin/chromium';

export interface Launched {
  ctx: BrowserContext;
  extId: string;
  profileDir: string;
  /** An extension page kept open to call chrome.* APIs from. */
  driver: Page;
  extUrl(path: string): string;
}

export function newProfileDir(): string {
  return mkdtempSync(join(tmpdir(), 'tabularium-e2e-'));
}

export function removeProfileDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/**
 * Chromium's flags for a headless run with these extensions (comma-separated folders): no sandbox
 * (root in CI), and none of the background traffic this machine's closed network refuses.
 */
export function chromiumArgs(extensions: string): string[] {
  return [
    `--disable-extensions-except=${extensions}`,
    `--load-extension=${extensions}`,
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ];
}

export async function launch(profileDir: string = newProfileDir(), extraArgs: string[] = []): Promise<Launched> {
  const ctx = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROME,
    headless: true,
    args: [...chromiumArgs(DIST), '--disable-quic', ...extraArgs],
  });
  const sw = ctx.serviceWorkers()[0] ?? (await ctx.waitForEvent('serviceworker'));
  const extId = new URL(sw.url()).host;
  const extUrl = (path: string) => `chrome-extension://${extId}/${path}`;
  const driver = await ctx.newPage();
  await driver.goto(extUrl('src/ui/placeholder/index.html'));
  // The blank start page is not part of anything a test sets up.
  for (const p of ctx.pages()) if (p !== driver && p.url() === 'about:blank') await p.close();
  return { ctx, extId, profileDir, driver, extUrl };
}

/** The browser's main process: the chromium whose parent is not another chromium. */
export function mainBrowserPid(profileDir: string): number {
  const out = execFileSync('ps', ['-eo', 'pid=,ppid=,args='], { encoding: 'utf8' });
  const procs = out.split('\n').flatMap((l) => {
    const m = /^\s*(\d+)\s+(\d+)\s+(.*)$/.exec(l);
    return m ? [{ pid: Number(m[1]), ppid: Number(m[2]), args: m[3] ?? '' }] : [];
  });
  const ours = procs.filter((p) => p.args.includes(`--user-data-dir=${profileDir}`) && /chrom/.test(p.args));
  const pids = new Set(ours.map((p) => p.pid));
  const main = ours.find((p) => !pids.has(p.ppid));
  if (!main) throw new Error(`no chromium process for ${profileDir}`);
  return main.pid;
}

/**
 * A crash: SIGKILL to the main process, no chance to flush anything. A test that must kill within
 * milliseconds of an action looks the process up first (`ps` takes a while) and passes its pid.
 */
export async function crash(l: Launched, pid = mainBrowserPid(l.profileDir)): Promise<void> {
  process.kill(pid, 'SIGKILL');
  await l.ctx.close().catch(() => undefined);
  for (let i = 0; i < 50; i++) {
    try {
      process.kill(pid, 0);
      await new Promise((r) => setTimeout(r, 100));
    } catch {
      return;
    }
  }
}

/** Stops every service worker through CDP, as Chrome does to an idle worker. */
export async function stopServiceWorkers(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await cdp.detach();
}

export interface TabInfo {
  id: number;
  index: number;
  url: string;
  title: string;
  pinned: boolean;
  active: boolean;
  groupId: number;
  windowId: number;
}

export interface WindowInfo {
  id: number;
  state: string;
  tabs: TabInfo[];
}

export async function allWindows(driver: Page): Promise<WindowInfo[]> {
  return driver.evaluate(async () => {
    const ws = await chrome.windows.getAll({ populate: true, windowTypes: ['normal'] });
    return ws.map((w) => ({
      id: w.id!,
      state: w.state!,
      tabs: (w.tabs ?? []).map((t) => ({
        id: t.id!,
        index: t.index,
        // A new tab's url is '' until its navigation commits; pendingUrl is where it is going.
        url: t.url || t.pendingUrl || '',
        title: t.title ?? '',
        pinned: t.pinned,
        active: t.active,
        groupId: t.groupId,
        windowId: t.windowId,
      })),
    }));
  });
}

export async function allGroups(
  driver: Page,
): Promise<{ id: number; title: string; color: string; collapsed: boolean; windowId: number }[]> {
  return driver.evaluate(async () =>
    (await chrome.tabGroups.query({})).map((g) => ({
      id: g.id,
      title: g.title ?? '',
      color: g.color,
      collapsed: g.collapsed,
      windowId: g.windowId,
    })),
  );
}

/**
 * Opens a window with the given URLs and waits until every tab has its title. Every tab loads its
 * page: the deadline grows with their number (60 pages took over 15 s with both cores busy).
 */
export async function openWindow(driver: Page, urls: string[]): Promise<number> {
  const id = await driver.evaluate(async (u) => (await chrome.windows.create({ url: u, focused: false }))!.id!, urls);
  await waitFor(
    async () => {
      const w = (await allWindows(driver)).find((x) => x.id === id);
      return !!w && w.tabs.length === urls.length && w.tabs.every((t) => t.url && t.title && t.title !== t.url);
    },
    `window with ${urls.length} loaded tabs`,
    15_000 + urls.length * 1000,
  );
  return id;
}

export async function waitFor(cond: () => Promise<boolean> | boolean, what: string, timeoutMs = 15_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    if (await cond()) return;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Opens the popup page in a tab of its own window, as a person would see it. */
export async function openPopup(l: Launched): Promise<Page> {
  const page = await l.ctx.newPage();
  await page.setViewportSize({ width: 420, height: 600 });
  await page.goto(l.extUrl('src/ui/popup/index.html'));
  return page;
}

/** The real URL of a tab, seeing through a lazy-restore placeholder. */
export function realUrl(extId: string, url: string): string {
  const prefix = `chrome-extension://${extId}/src/ui/placeholder/index.html?`;
  if (!url.startsWith(prefix)) return url;
  return new URLSearchParams(url.slice(prefix.length)).get('u') ?? url;
}

/** A typed call of the worker's protocol from the extension page the test drives; rejects on failure. */
export async function workerCall<T>(b: Launched, type: string, payload: unknown = {}): Promise<T> {
  return b.driver.evaluate(
    async ({ type, payload }) => {
      const reply = (await chrome.runtime.sendMessage({ tabularium: 1, type, payload })) as {
        ok: boolean;
        value?: unknown;
        error?: { message: string };
      };
      if (!reply.ok) throw new Error(reply.error?.message);
      return reply.value;
    },
    { type, payload },
  ) as Promise<T>;
}
