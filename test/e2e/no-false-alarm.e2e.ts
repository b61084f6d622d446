// Recovery must not cry wolf: when the tabs are already back, there is no banner and nothing
// opens twice.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allWindows, launch, newProfileDir, openPopup, openWindow, removeProfileDir } from './support/browser.ts';
import { startServer, type TestServer } from './support/server.ts';

let server: TestServer;
const profiles: string[] = [];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

beforeAll(async () => {
  server = await startServer();
});

afterAll(async () => {
  for (const p of profiles) removeProfileDir(p);
  await server?.close();
});

describe('no recovery banner when nothing was lost', () => {
  it('after a clean close and a relaunch in which the browser restores the tabs itself', async () => {
    const dir = newProfileDir();
    profiles.push(dir);
    const b = await launch(dir);
    const urls = ['n1', 'n2', 'n3'].map((n) => server.url(`/page/${n}`));
    await openWindow(b.driver, urls);
    await sleep(800);
    await b.ctx.close();
    const b2 = await launch(dir, ['--restore-last-session']);
    await sleep(3500); // past the worker's settle time before it decides
    const popup = await openPopup(b2);
    await expect.poll(() => popup.getByRole('listitem').count()).toBeGreaterThanOrEqual(0);
    await sleep(500);
    expect(await popup.getByRole('button', { name: 'Recover', exact: true }).count()).toBe(0);
    const open = (await allWindows(b2.driver))
      .flatMap((w) => w.tabs.map((t) => t.url))
      .filter((u) => u.startsWith(server.origin));
    // The browser's own restore brought each tab back once; we opened nothing more.
    expect(open.sort()).toEqual([...urls].sort());
    await b2.ctx.close();
  });

  it('after the extension is reloaded (storage.session is cleared, the tabs are all still open)', async () => {
    const dir = newProfileDir();
    profiles.push(dir);
    const b = await launch(dir);
    await openWindow(b.driver, [server.url('/page/r1'), server.url('/page/r2')]);
    await sleep(500);
    // chrome.runtime.reload() of a --load-extension extension does not come back in this headless
    // setup, so do what a reload does to us: storage.session emptied, the worker started afresh.
    await b.driver.evaluate(() => chrome.storage.session.clear());
    const { stopServiceWorkers } = await import('./support/browser.ts');
    await stopServiceWorkers(b.driver);
    await sleep(3500); // past the worker's settle time before it decides
    const popup = await openPopup(b);
    await popup.getByRole('button', { name: 'Save all windows' }).waitFor();
    await sleep(500);
    expect(await popup.getByRole('button', { name: 'Recover', exact: true }).count()).toBe(0);
    const badge = await popup.evaluate(() => chrome.action.getBadgeText({}));
    expect(badge).toBe('');
    const open = (await allWindows(popup))
      .flatMap((w) => w.tabs.map((t) => t.url))
      .filter((u) => u.startsWith(server.origin));
    expect(open).toEqual([server.url('/page/r1'), server.url('/page/r2')]);
    await b.ctx.close();
  });
});

describe('the toolbar badge', () => {
  it('marks a crashed session waiting to be recovered, and clears after Recover', async () => {
    const dir = newProfileDir();
    profiles.push(dir);
    const { crash } = await import('./support/browser.ts');
    const b = await launch(dir);
    await openWindow(b.driver, [server.url('/page/s1'), server.url('/page/s2')]);
    await sleep(1000);
    await crash(b);
    const b2 = await launch(dir);
    await expect.poll(() => b2.driver.evaluate(() => chrome.action.getBadgeText({})), { timeout: 10_000 }).toBe('2');
    const popup = await openPopup(b2);
    await popup.getByRole('button', { name: 'Recover', exact: true }).click();
    await expect.poll(() => b2.driver.evaluate(() => chrome.action.getBadgeText({}))).toBe('');
    await b2.ctx.close();
  });
});
