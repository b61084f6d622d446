// When the extension cannot save, the person sees it, and nothing is lost: a tab opened while
// every live write fails (the e2e build's diagnostics.failWrites probe) shows the popup's notice
// and "!" on the badge; once writes work the notice goes, and after a SIGKILL that tab comes back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
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

async function failWrites(b: Launched, rate: number): Promise<void> {
  await b.driver.evaluate(async (rate) => {
    const r = (await chrome.runtime.sendMessage({
      tabularium: 1,
      type: 'diagnostics.failWrites',
      payload: { rate, reason: 'quota' },
    })) as { ok: boolean; error?: { message: string } };
    if (!r.ok) throw new Error(r.error?.message);
  }, rate);
}

const badge = (b: Launched) => b.driver.evaluate(() => chrome.action.getBadgeText({}));

describe('while writes fail', () => {
  it('the popup and the badge say so until writes work, and a tab opened meanwhile survives a crash', async () => {
    const dir = newProfileDir();
    profiles.push(dir);
    const b = await launch(dir);
    const win = await openWindow(b.driver, [server.url('/page/before')]);
    await failWrites(b, 1);
    const during = server.url('/page/during-failure');
    await b.driver.evaluate(
      async ({ win, url }) => void (await chrome.tabs.create({ windowId: win, url, active: false })),
      { win, url: during },
    );
    const popup = await openPopup(b);
    const notice = popup.getByRole('alert').filter({ hasText: "Tabularium can't save: the disk is full." });
    await notice.waitFor({ timeout: 15_000 });
    expect(await badge(b)).toBe('!');
    // Loaded, so no later event of its own would write it again: only the failed write's retry can.
    await waitFor(
      async () => (await allWindows(b.driver)).some((w) => w.tabs.some((t) => t.title === 'Page during-failure')),
      'the tab to load',
    );
    expect(await storedTabUrls(b.driver)).not.toContain(during);

    await failWrites(b, 0);
    // The next event tries the write again at once (without one, the backoff's timer would, in up
    // to 30 s). The notice goes once a write got through: from then on the tab is on disk.
    await b.driver.evaluate(
      async ({ win, url }) => void (await chrome.tabs.create({ windowId: win, url, active: false })),
      { win, url: server.url('/page/after') },
    );
    await notice.waitFor({ state: 'detached', timeout: 15_000 });
    expect(await storedTabUrls(b.driver)).toContain(during);
    await waitFor(async () => (await badge(b)) === '', 'the badge to clear');
    await popup.close();
    await crash(b);
    const b2 = await launch(dir);
    const popup2 = await openPopup(b2);
    const known = new Set((await allWindows(b2.driver)).map((w) => w.id));
    const recover = popup2.getByRole('button', { name: 'Recover', exact: true });
    await recover.waitFor({ timeout: 15_000 });
    await recover.click();
    await waitFor(
      async () =>
        (await allWindows(b2.driver))
          .filter((w) => !known.has(w.id))
          .some((w) => w.tabs.some((t) => realUrl(b2.extId, t.url) === during)),
      'the tab opened during the failure, recovered',
    );
    const recovered = (await allWindows(b2.driver))
      .filter((w) => !known.has(w.id))
      .flatMap((w) => w.tabs.map((t) => realUrl(b2.extId, t.url)));
    expect(recovered).toEqual(expect.arrayContaining([server.url('/page/before'), during]));
    await b2.ctx.close();
  });
});
