// Lazy restore of 200 and 500 tabs: how soon every tab exists, that none is blank, how many pages
// load at once, and what the extension's process weighs afterwards.
import { execFileSync } from 'node:child_process';
import { mainBrowserPid, waitFor, type Launched } from '../test/e2e/support/browser.ts';
import type { TestServer } from '../test/e2e/support/server.ts';

type RowFn = (metric: string, value: number, unit: string, target: number) => void;

async function seedSession(b: Launched, server: TestServer, id: string, tabs: number): Promise<void> {
  await b.driver.evaluate('globalThis.__name = (f) => f');
  await b.driver.evaluate(async ({ id, urls }) => {
    const send = async (type: string, payload: unknown) => {
      const r = (await chrome.runtime.sendMessage({ tabularium: 1, type, payload })) as { ok: boolean; value: Record<string, unknown>; error?: { message: string } };
      if (!r.ok) throw new Error(r.error?.message);
      return r.value;
    };
    const { importId } = (await send('import.begin', { format: 'tabularium' })) as { importId: string };
    const session = { id, name: id, kind: 'manual', createdAt: Date.now(), updatedAt: Date.now(), tags: [], counts: { windows: 1, tabs: urls.length } };
    const windows = [{ type: 'normal', state: 'normal', incognito: false, focused: true, groups: [], tabs: urls.map((url, i) => ({ url, title: `Saved title ${i}`, ...(i === 0 ? { active: true } : {}) })) }];
    await send('import.chunk', { importId, parts: [{ session, windows }] });
    await send('import.commit', { importId });
  }, { id, urls: Array.from({ length: tabs }, (_, i) => server.url(`/page/${id}-${i}`)) });
}

/** Resident memory of the extension's renderer process(es), in MiB. */
function extensionProcessMiB(profileDir: string): number {
  const main = mainBrowserPid(profileDir);
  const rows = execFileSync('ps', ['-eo', 'pid=,ppid=,rss=,args='], { encoding: 'utf8', maxBuffer: 64 << 20 }).split('\n').flatMap((l) => {
    const m = /^\s*(\d+)\s+(\d+)\s+(\d+)\s+(.*)$/.exec(l);
    return m ? [{ pid: Number(m[1]), ppid: Number(m[2]), rss: Number(m[3]), args: m[4] ?? '' }] : [];
  });
  const tree = new Set([main]);
  for (let grew = true; grew;) {
    grew = false;
    for (const r of rows) if (tree.has(r.ppid) && !tree.has(r.pid)) {
      tree.add(r.pid);
      grew = true;
    }
  }
  return rows.filter((r) => tree.has(r.pid) && r.args.includes('--extension-process')).reduce((n, r) => n + r.rss, 0) / 1024;
}

async function restoreAndWatch(b: Launched, id: string, tabs: number) {
  const before = new Set(await b.driver.evaluate(async () => (await chrome.windows.getAll()).map((w) => w.id!)));
  await b.driver.evaluate((id) => void chrome.runtime.sendMessage({ tabularium: 1, type: 'sessions.restore', payload: { id } }), id);
  const t0 = Date.now();
  let maxLoadingPages = 0;
  let maxLoadingAll = 0;
  let allAt = 0;
  let last = {};
  await waitFor(async () => {
    const st = await b.driver.evaluate(async (before) => {
      const ws = (await chrome.windows.getAll({ populate: true })).filter((w) => !before.includes(w.id!));
      const ts = ws.flatMap((w) => w.tabs ?? []);
      const loading = ts.filter((t) => t.status === 'loading');
      return { sample: loading.slice(0, 2).map((t) => [t.pendingUrl?.slice(0, 60), t.title?.slice(0, 40), t.discarded]), n: ts.length, loadingAll: loading.length, loadingPages: loading.filter((t) => !(t.pendingUrl || t.url || '').startsWith('chrome-extension://')).length };
    }, [...before]);
    last = st;
    maxLoadingAll = Math.max(maxLoadingAll, st.loadingAll);
    maxLoadingPages = Math.max(maxLoadingPages, st.loadingPages);
    if (st.n >= tabs && !allAt) allAt = Date.now() - t0;
    return st.n >= tabs && st.loadingAll === 0;
  }, 'restore settled', 60_000).catch((e: Error) => {
    // Every tab may exist long before every placeholder has loaded: report what was reached.
    console.error(`${e.message}: ${JSON.stringify(last).slice(0, 300)}`);
  });
  // Time for the placeholders to be discarded (one at a time) and their memory to go.
  await new Promise((r) => setTimeout(r, 8000));
  const titles = await b.driver.evaluate(async (before) => (await chrome.windows.getAll({ populate: true })).filter((w) => !before.includes(w.id!)).flatMap((w) => (w.tabs ?? []).map((t) => t.title ?? '')), [...before]);
  const blank = titles.filter((t, i) => !t.startsWith('Saved title') && !(i === 0 && t.startsWith('Page'))).length;
  const discarded = await b.driver.evaluate(async (before) => (await chrome.windows.getAll({ populate: true })).filter((w) => !before.includes(w.id!)).flatMap((w) => w.tabs ?? []).filter((t) => t.discarded).length, [...before]);
  return { allAt, maxLoadingPages, maxLoadingAll, blank, discarded, windowIds: await b.driver.evaluate(async (before) => (await chrome.windows.getAll()).filter((w) => !before.includes(w.id!)).map((w) => w.id!), [...before]) };
}

export async function benchLazyRestore(b: Launched, server: TestServer, row: RowFn): Promise<void> {
  for (const tabs of [200, 500]) {
    const id = `lazy${tabs}`;
    await seedSession(b, server, id, tabs);
    const r = await restoreAndWatch(b, id, tabs).catch((e: Error) => {
      console.error(e.message.slice(0, 300));
      return undefined;
    });
    if (!r) continue;
    row(`lazy restore of ${tabs} tabs: all tabs exist`, r.allAt || Infinity, 'ms', tabs === 200 ? 2000 : 5000);
    row(`  blank tabs after it (of ${tabs})`, r.blank, '', 0);
    row('  tabs discarded after it', r.discarded, '', Infinity);
    if (tabs === 200) {
      row('  most real pages loading at once', r.maxLoadingPages, '', 3);
      row('  most tabs loading at once (placeholders included)', r.maxLoadingAll, '', Infinity);
      row("  extension process memory after it (RSS)", extensionProcessMiB(b.profileDir), 'MiB', 80);
    }
    await b.driver.evaluate(async (ids) => { for (const id of ids) await chrome.windows.remove(id); }, r.windowIds);
  }
}
