// The journal survives a kill of the browser: the minutes before the SIGKILL are there after the
// relaunch, each moment as it was.
import { afterAll, describe, expect, it } from 'vitest';
import {
  allWindows,
  crash,
  launch,
  newProfileDir,
  openWindow,
  removeProfileDir,
  waitFor,
  workerCall,
  type Launched,
} from './support/browser.ts';
import { startServer } from './support/server.ts';

const server = await startServer();
const profile = newProfileDir();
afterAll(async () => {
  removeProfileDir(profile);
  await server.close();
});

const page = (n: string) => server.url(`/page/${n}`);

async function urlsAt(b: Launched, at: number): Promise<string[]> {
  const { windows } = await workerCall<{ windows: { tabs: { url: string }[] }[] }>(b, 'journal.moment', { at });
  return windows.flatMap((w) => w.tabs.map((t) => t.url)).filter((u) => u.startsWith(server.url('/page/')));
}

/** Waits for the journal to hold exactly these test pages now; returns that moment. */
async function holds(b: Launched, urls: string[]): Promise<number> {
  let at = 0;
  await waitFor(
    async () => {
      at = Date.now();
      return JSON.stringify((await urlsAt(b, at)).sort()) === JSON.stringify([...urls].sort());
    },
    `the journal to hold ${urls.join(', ')}`,
  );
  return at;
}

describe('the journal', () => {
  it('keeps the minutes before a SIGKILL', async () => {
    const b = await launch(profile);
    const first = [page('k1'), page('k2')];
    const win = await openWindow(b.driver, first);
    const t1 = await holds(b, first);
    const k2 = (await allWindows(b.driver)).find((w) => w.id === win)!.tabs[1]!.id;
    await b.driver.evaluate(async (id) => chrome.tabs.remove(id), k2);
    const second = [page('k1'), page('k3')];
    await openWindow(b.driver, [page('k3')]);
    const t2 = await holds(b, second);
    await crash(b);

    const again = await launch(profile);
    try {
      expect((await urlsAt(again, t1)).sort()).toEqual([...first].sort());
      expect((await urlsAt(again, t2)).sort()).toEqual([...second].sort());
      // The history search still finds the tab closed before the kill.
      const { hits } = await workerCall<{ hits: { url: string; spans: { from: number; to?: number }[] }[] }>(
        again,
        'journal.search',
        { query: 'k2' },
      );
      expect(hits.map((h) => h.url)).toEqual([page('k2')]);
      expect(hits[0]!.spans[0]!.to).toBeLessThanOrEqual(t2);
    } finally {
      await again.ctx.close();
    }
  });
});
