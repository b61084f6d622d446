// Lazy restore of 200 and 500 tabs: how soon every tab exists, that none is blank, how many pages
// load at once, and what the extension's process weighs afterwards.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mainBrowserPid, waitFor, type Launched } from '../test/e2e/support/browser.ts';
import type { TestServer } from '../test/e2e/support/server.ts';
import { seedSession } from '../test/e2e/support/seed-session.ts';
import { watchTitles } from './title-watch.ts';

type RowFn = (metric: string, value: number, unit: string, target: number) => void;

/**
 * Memory of the extension's renderer process(es), in MiB: resident (RSS, which counts the shared
 * code of Chromium mapped into every process) and private (what Chrome's task manager calls the
 * memory footprint: pages only this process holds).
 */
export function extensionProcessMiB(profileDir: string): { rss: number; priv: number } {
  const main = mainBrowserPid(profileDir);
  const rows = execFileSync('ps', ['-eo', 'pid=,ppid=,rss=,args='], { encoding: 'utf8', maxBuffer: 64 << 20 })
    .split('\n')
    .flatMap((l) => {
      const m = /^\s*(\d+)\s+(\d+)\s+(\d+)\s+(.*)$/.exec(l);
      return m ? [{ pid: Number(m[1]), ppid: Number(m[2]), rss: Number(m[3]), args: m[4] ?? '' }] : [];
    });
  const tree = new Set([main]);
  for (let grew = true; grew;) {
    grew = false;
    for (const r of rows)
      if (tree.has(r.ppid) && !tree.has(r.pid)) {
        tree.add(r.pid);
        grew = true;
      }
  }
  const ext = rows.filter((r) => tree.has(r.pid) && r.args.includes('--extension-process'));
  const privKiB = ext.reduce((n, r) => {
    const t = readFileSync(`/proc/${r.pid}/smaps_rollup`, 'utf8');
    const field = (k: string) => Number(new RegExp(`^${k}:\\s+(\\d+)`, 'm').exec(t)?.[1] ?? 0);
    return n + field('Private_Clean') + field('Private_Dirty') + field('Swap');
  }, 0);
  return { rss: ext.reduce((n, r) => n + r.rss, 0) / 1024, priv: privKiB / 1024 };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A popup opened while the restore runs: from asking for the page to its first sessions on screen. */
async function popupDuringRestore(b: Launched): Promise<number> {
  const page = await b.ctx.newPage();
  try {
    const asked = Date.now();
    await page.goto(b.extUrl('src/ui/popup/index.html'), { timeout: 60_000 });
    await page.waitForFunction(() => performance.getEntriesByName('tabularium:first-items').length > 0, undefined, {
      timeout: 60_000,
    });
    const at = await page.evaluate(
      () => performance.timeOrigin + performance.getEntriesByName('tabularium:first-items')[0]!.startTime,
    );
    return at - asked;
  } finally {
    await page.close();
  }
}

/**
 * Restores from the driver page as the popup does, then takes that page off the screen (the popup
 * closes when the restored window takes the focus) and watches from the service worker: all
 * extension pages share one renderer with the placeholders, so a page kept on screen would both
 * stall behind 500 placeholders and keep Chrome from trimming that renderer's memory.
 */
async function restoreAndWatch(b: Launched, id: string, tabs: number) {
  const sw = b.ctx.serviceWorkers()[0]!;
  await sw.evaluate('globalThis.__name = (f) => f');
  const before = await sw.evaluate(async () => (await chrome.windows.getAll()).map((w) => w.id!));
  const memBefore = extensionProcessMiB(b.profileDir);
  const watch = await watchTitles(
    b.profileDir,
    (url) => url.includes('/src/ui/placeholder/index.html?') || url.includes(`/page/${id}-`),
    (title) => /^(Saved title|Page )/.test(title),
  );
  await b.driver.evaluate(
    (id) => void chrome.runtime.sendMessage({ tabularium: 1, type: 'sessions.restore', payload: { id } }),
    id,
  );
  const t0 = Date.now();
  await b.driver.goto('about:blank');
  // Once a tenth of the tabs exist: the person opens the popup to see how it goes.
  const popup = waitFor(() => watch.figures().tabs >= tabs / 10, 'a tenth of the tabs', 60_000).then(() =>
    popupDuringRestore(b),
  );
  let maxLoadingPages = 0;
  let maxLoadingAll = 0;
  let allAt = 0;
  let peak = memBefore;
  let last = {};
  // Polled once a second (so the "loading at once" figures are samples): this query runs in the
  // extension's process (its worker) and `ps` walks every process, both on the two cores the
  // restore itself needs, which the floor's run (bench/floors.ts) does not load every 100 ms. When
  // every tab existed comes from the title watch, in the browser process.
  let polledAt = 0;
  await waitFor(
    async () => {
      if (Date.now() - polledAt < 1000) return false;
      polledAt = Date.now();
      const st = await sw.evaluate(async (before) => {
        const ws = (await chrome.windows.getAll({ populate: true })).filter((w) => !before.includes(w.id!));
        const ts = ws.flatMap((w) => w.tabs ?? []);
        const loading = ts.filter((t) => t.status === 'loading');
        return {
          n: ts.length,
          loadingAll: loading.length,
          loadingPages: loading.filter((t) => !(t.pendingUrl || t.url || '').startsWith('chrome-extension://')).length,
        };
      }, before);
      last = st;
      maxLoadingAll = Math.max(maxLoadingAll, st.loadingAll);
      maxLoadingPages = Math.max(maxLoadingPages, st.loadingPages);
      if (st.n >= tabs && !allAt) allAt = watch.t0 + watch.figures().allExistAt - t0;
      const m = extensionProcessMiB(b.profileDir);
      if (m.priv > peak.priv) peak = m;
      return st.n >= tabs && st.loadingAll === 0;
    },
    'restore settled',
    90_000,
  ).catch((e: Error) => {
    // Every tab may exist long before every placeholder has loaded: report what was reached.
    console.error(`${e.message}: ${JSON.stringify(last).slice(0, 300)}`);
  });
  const settledAt = Date.now() - t0;
  const popupMs = await popup.catch((e: Error) => {
    console.error(`popup during the restore: ${e.message.slice(0, 200)}`);
    return Infinity;
  });
  // Titles may come after the last load is seen: wait for them (or report what was reached).
  await watch.allTitled(tabs, 60_000).catch(() => undefined);
  const titles = watch.figures();
  await watch.close();
  if (titles.neverTitled.length) console.error(`never titled: ${JSON.stringify(titles.neverTitled)}`);
  // The placeholders are discarded one at a time after they load; then Chrome trims the renderer
  // once no extension page is on screen (measured here: within ~20 s).
  await sleep(30_000);
  const after = extensionProcessMiB(b.profileDir);
  const tabsNow = await sw.evaluate(
    async (before) =>
      (await chrome.windows.getAll({ populate: true }))
        .filter((w) => !before.includes(w.id!))
        .flatMap((w) => (w.tabs ?? []).map((t) => ({ title: t.title ?? '', discarded: !!t.discarded }))),
    before,
  );
  const blank = tabsNow.filter(
    (t, i) => !t.title.startsWith('Saved title') && !(i === 0 && t.title.startsWith('Page')),
  ).length;
  const discarded = tabsNow.filter((t) => t.discarded).length;
  const windowIds = await sw.evaluate(
    async (before) => (await chrome.windows.getAll()).filter((w) => !before.includes(w.id!)).map((w) => w.id!),
    before,
  );
  // Back to an extension page for the next steps; a slow return must not lose the figures.
  await b.driver
    .goto(b.extUrl('src/ui/placeholder/index.html'), { timeout: 120_000 })
    .catch((e: Error) => console.error(`driver page: ${e.message.slice(0, 200)}`));
  return {
    allAt,
    settledAt,
    titles,
    popupMs,
    maxLoadingPages,
    maxLoadingAll,
    blank,
    discarded,
    windowIds,
    memBefore,
    peak,
    after,
  };
}

export async function benchLazyRestore(b: Launched, server: TestServer, row: RowFn): Promise<void> {
  // LAZY_TABS=200 times that count alone (a quicker run while tuning).
  for (const tabs of process.env.LAZY_TABS ? [Number(process.env.LAZY_TABS)] : [200, 500]) {
    const id = `lazy${tabs}`;
    await seedSession(
      b.driver,
      id,
      id,
      Array.from({ length: tabs }, (_, i) => ({
        url: server.url(`/page/${id}-${i}`),
        title: `Saved title ${i}`,
        ...(i === 0 ? { active: true } : {}),
      })),
    );
    const r = await restoreAndWatch(b, id, tabs).catch((e: Error) => {
      console.error(e.message.slice(0, 300));
      return undefined;
    });
    if (!r) continue;
    row(`lazy restore of ${tabs} tabs: all tabs exist`, r.allAt || Infinity, 'ms', tabs === 200 ? 2000 : 5000);
    row(`  blank tabs after it (of ${tabs})`, r.blank, '', 0);
    row('  tabs untitled for more than 1 s', r.titles.untitledOver, '', 0);
    row('  longest a tab was untitled', r.titles.longestUntitled, 'ms', 1000);
    row('  median time a tab was untitled', r.titles.medianUntitled, 'ms', Infinity);
    row('  every tab titled', r.titles.allTitledAt, 'ms', Infinity);
    row('  slowest title poll (resolution of the three above)', r.titles.slowestPoll, 'ms', Infinity);
    row('  a popup opened meanwhile lists its sessions', r.popupMs, 'ms', 300);
    row('  tabs discarded after it', r.discarded, '', Infinity);
    row('  every placeholder loaded (tabs settled)', r.settledAt, 'ms', Infinity);
    row('  extension process memory after it (private, 30 s on, no extension page on screen)', r.after.priv, 'MiB', 80);
    if (tabs === 200) {
      row('  most real pages loading at once', r.maxLoadingPages, '', 3);
      row('  most tabs loading at once (placeholders included)', r.maxLoadingAll, '', Infinity);
      row('  same, before the restore (private)', r.memBefore.priv, 'MiB', Infinity);
      row('  same, peak during the restore (private)', r.peak.priv, 'MiB', Infinity);
      row('  same, after it (RSS, shared Chromium code included)', r.after.rss, 'MiB', Infinity);
    }
    const sw = b.ctx.serviceWorkers()[0]!;
    await sw.evaluate(async (ids) => {
      for (const id of ids) await chrome.windows.remove(id);
    }, r.windowIds);
    // Let the renderer settle before the next, larger restore is timed.
    await sleep(5000);
  }
}
