// Live tracking figures: how soon a new tab is durable, the longest wait during a burst, and what
// one tab event costs in bytes written and worker CPU with many tabs open.
import type { Launched } from '../test/e2e/support/browser.ts';
import type { TestServer } from '../test/e2e/support/server.ts';

type RowFn = (metric: string, value: number, unit: string, target: number) => void;

/** Creates tabs from an extension page and reports, per tab, ms from create to its record in IndexedDB. */
async function durableLatencies(b: Launched, windowId: number, urls: string[]): Promise<number[]> {
  return b.driver.evaluate(
    async ({ windowId, urls }) => {
      const db = await new Promise<IDBDatabase>((res, rej) => {
        const r = indexedDB.open('tabularium');
        r.onsuccess = () => res(r.result);
        r.onerror = () => rej(r.error);
      });
      const createdAt = new Map<number, number>();
      const durableAt = new Map<number, number>();
      let done = false;
      // Poll the live store every 5 ms for the records of the tabs created so far.
      const poller = (async () => {
        while (!done || durableAt.size < createdAt.size) {
          const pending = [...createdAt.keys()].filter((id) => !durableAt.has(id));
          if (pending.length) {
            const found = await new Promise<boolean[]>((res) => {
              const tx = db.transaction('live');
              const out: boolean[] = [];
              pending.forEach((id, i) => {
                const r = tx.objectStore('live').get(`t:${id}`);
                r.onsuccess = () => (out[i] = r.result !== undefined);
              });
              tx.oncomplete = () => res(out);
            });
            const t = performance.now();
            pending.forEach((id, i) => found[i] && durableAt.set(id, t));
          }
          await new Promise((r) => setTimeout(r, 5));
          if (createdAt.size && performance.now() - Math.max(...createdAt.values()) > 10_000) break;
        }
      })();
      for (const url of urls) {
        const t = performance.now();
        const tab = await chrome.tabs.create({ windowId, url, active: false });
        createdAt.set(tab.id!, t);
      }
      done = true;
      await poller;
      db.close();
      return [...createdAt.entries()].map(([id, t]) => (durableAt.get(id) ?? Infinity) - t);
    },
    { windowId, urls },
  );
}

async function stats(b: Launched) {
  return b.driver.evaluate(
    async () =>
      (
        (await chrome.runtime.sendMessage({ tabularium: 1, type: 'diagnostics.tracker', payload: {} })) as {
          value: { events: number; cpuMs: number; bytesWritten: number; tabs: number };
        }
      ).value,
  );
}

export async function benchLiveTracking(b: Launched, server: TestServer, row: RowFn): Promise<void> {
  const windowId = await b.driver.evaluate(async () => (await chrome.windows.create({ focused: false }))!.id!);
  const single: number[] = [];
  for (let i = 0; i < 7; i++) {
    single.push(...(await durableLatencies(b, windowId, [server.url(`/page/single-${i}`)])));
    await new Promise((r) => setTimeout(r, 300));
  }
  single.sort((a, z) => a - z);
  row('new tab → durable in the live state (median of 7)', single[3]!, 'ms', 500);

  const burst = await durableLatencies(
    b,
    windowId,
    Array.from({ length: 100 }, (_, i) => server.url(`/page/burst-${i}`)),
  );
  row('burst of 100 tab openings: longest wait to durable', Math.max(...burst), 'ms', 1000);

  const before = await stats(b);
  // A mix of ordinary events: open a tab, navigate it (several onUpdated), activate, move, close.
  await b.driver.evaluate(
    async ({ windowId, base }) => {
      for (let i = 0; i < 10; i++) {
        const t = await chrome.tabs.create({ windowId, url: `${base}/page/ev-${i}`, active: false });
        await new Promise((r) => setTimeout(r, 150));
        await chrome.tabs.update(t.id!, { url: `${base}/page/ev-${i}-next` });
        await new Promise((r) => setTimeout(r, 150));
        await chrome.tabs.move(t.id!, { index: 0 });
        await chrome.tabs.remove(t.id!);
      }
      await new Promise((r) => setTimeout(r, 500));
    },
    { windowId, base: server.origin },
  );
  const after = await stats(b);
  const events = after.events - before.events;
  row(
    `bytes written per tab event with ${after.tabs} tabs open`,
    (after.bytesWritten - before.bytesWritten) / events,
    'B',
    1024,
  );
  row(`worker CPU per tab event with ${after.tabs} tabs open`, (after.cpuMs - before.cpuMs) / events, 'ms', 2);
}
