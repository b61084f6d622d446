// `npm run bench:floors` (after `npm run build:e2e`): what Chromium itself costs on this machine
// for the figures Tabularium misses, measured with a minimal extension (bench/floor-extension/)
// that does nothing else:
// - the inspector: one cookie read started by the page's first script, the first 40 rows by
//   name painted as plain text; timed in turn with Tabularium's inspector, in one browser over one
//   cookie jar, because the same page varies by ±30 % from one browser start to the next here;
// - the popup: one message to the worker from the page's first script, one IndexedDB read of the
//   same 1,000 session records, the first rows as text; timed in turn with Tabularium's popup and
//   its manager page (which lists the same sessions);
// - lazy restore: every tab asked for at once on a static page that only sets its title, each
//   discarded once loaded (what Tab Session Manager does, without its bookkeeping).
// The bench's own figures are only worth comparing with these.
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROME, chromiumArgs, DIST, newProfileDir, removeProfileDir, waitFor } from '../test/e2e/support/browser.ts';
import { setCookies } from './inspector.ts';
import { SESSIONS, seedInPage, TABS } from './popup.ts';
import { extensionProcessMiB } from './lazy-restore.ts';
import { DEBUG_PORT_ARG, watchTitles } from './title-watch.ts';

const EXTENSION = resolve(import.meta.dirname, 'floor-extension');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function launchFloor(withTabularium = false) {
  const profileDir = newProfileDir();
  const exts = withTabularium ? `${EXTENSION},${DIST}` : EXTENSION;
  const ctx = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROME,
    headless: true,
    args: [...chromiumArgs(exts), DEBUG_PORT_ARG],
  });
  const workers = async () => {
    for (let i = 0; i < 50 && ctx.serviceWorkers().length < (withTabularium ? 2 : 1); i++) await sleep(100);
    const found = await Promise.all(
      ctx.serviceWorkers().map(async (w) => ({ w, name: await w.evaluate(() => chrome.runtime.getManifest().name) })),
    );
    return found;
  };
  const found = await workers();
  const floor = found.find((x) => x.name.includes('floor'));
  if (!floor) throw new Error('the floor extension did not start');
  const sw = floor.w;
  const base = `chrome-extension://${new URL(sw.url()).host}/`;
  const ours = found.find((x) => x !== floor);
  const oursBase = ours ? `chrome-extension://${new URL(ours.w.url()).host}/` : undefined;
  const driver = await ctx.newPage();
  await driver.goto(`${base}blank.html`);
  for (const p of ctx.pages()) if (p !== driver) await p.close();
  return { ctx, sw, base, oursBase, driver, profileDir };
}

type Floor = Awaited<ReturnType<typeof launchFloor>>;

async function firstRows(
  f: Floor,
  url: string,
  mark: string,
  viewport = { width: 1400, height: 900 },
): Promise<number> {
  const page = await f.ctx.newPage();
  await page.setViewportSize(viewport);
  await page.goto(url);
  await page.waitForFunction((m) => performance.getEntriesByName(m).length > 0, mark, { timeout: 60_000 });
  const at = await page.evaluate((m) => performance.getEntriesByName(m)[0]!.startTime, mark);
  await page.close();
  await sleep(1500);
  return at;
}

async function inspectorFloor(f: Floor): Promise<void> {
  const kept = await setCookies(f);
  const floor: number[] = [];
  const ours: number[] = [];
  for (let run = 0; run < 7; run++) {
    floor.push(await firstRows(f, `${f.base}rows.html?domain=example.test`, 'floor:first-rows'));
    ours.push(
      await firstRows(
        f,
        `${f.oursBase}src/ui/inspector/index.html?url=${encodeURIComponent('https://app.example.test/')}`,
        'tabularium:inspector-first-rows',
      ),
    );
  }
  const show = (xs: number[]) => `${xs.map((x) => x.toFixed(0)).join(', ')} ms (median ${median(xs).toFixed(0)})`;
  console.log(`inspector, ${kept} cookies, first rows on screen, taken in turn in one browser:`);
  console.log(`  floor (one read, 40 rows as text): ${show(floor)}`);
  console.log(`  Tabularium's inspector:            ${show(ours)}`);
}

async function popupFloor(f: Floor): Promise<void> {
  // The same sessions in both: Tabularium's through its import messages, the floor's as the records
  // Tabularium keeps in its list store.
  const ours = await f.ctx.newPage();
  await ours.goto(`${f.oursBase}src/ui/popup/index.html`);
  await ours.evaluate('globalThis.__name = (f) => f');
  await ours.evaluate(seedInPage, { n: SESSIONS, tabs: TABS });
  await ours.close();
  await f.sw.evaluate(
    (n) =>
      (globalThis as unknown as { seedSessions(s: unknown[]): Promise<void> }).seedSessions(
        Array.from({ length: n.sessions }, (_, i) => ({
          id: `bench-${i}`,
          name: `Session ${i}`,
          kind: 'manual',
          createdAt: 1_700_000_000_000 + i * 60_000,
          updatedAt: 1_700_000_000_000 + i * 60_000,
          tags: i % 5 ? [] : ['work'],
          counts: { windows: 1, tabs: n.tabs },
        })),
      ),
    { sessions: SESSIONS, tabs: TABS },
  );
  const floor: number[] = [];
  const tab: number[] = [];
  const manager: number[] = [];
  const wide = { width: 1280, height: 800 };
  for (let run = 0; run < 7; run++) {
    floor.push(await firstRows(f, `${f.base}popup.html`, 'floor:first-items', { width: 420, height: 600 }));
    tab.push(
      await firstRows(f, `${f.oursBase}src/ui/popup/index.html`, 'tabularium:first-items', { width: 420, height: 600 }),
    );
    // The manager lists the same sessions: its floor is the same page's.
    manager.push(await firstRows(f, `${f.oursBase}src/ui/manager/index.html`, 'tabularium:manager-first-rows', wide));
  }
  const show = (xs: number[]) =>
    `${xs.map((x) => x.toFixed(0)).join(', ')} ms (median ${median(xs).toFixed(0)}, ` +
    `${(median(xs) / median(floor)).toFixed(2)} × the floor)`;
  console.log(`popup, ${SESSIONS} sessions of ${TABS} tabs, first items on screen, taken in turn in one browser:`);
  console.log(`  floor (one message, one IndexedDB read, rows as text): ${show(floor)}`);
  console.log(`  Tabularium's popup:                                    ${show(tab)}`);
  console.log(`  Tabularium's manager (first rows, 1,280 × 800):        ${show(manager)}`);
}

async function lazyFloor(f: Floor, tabs: number): Promise<void> {
  const titles = Array.from({ length: tabs }, (_, i) => `Saved title ${i}`);
  const before = extensionProcessMiB(f.profileDir);
  await f.driver.goto('about:blank');
  const watch = await watchTitles(
    f.profileDir,
    (url) => url.includes('/placeholder.html?t='),
    (title) => title.startsWith('Saved title'),
  );
  const t0 = Date.now();
  const windowId = await f.sw.evaluate(
    (t) => (globalThis as unknown as { restore(t: string[]): Promise<number> }).restore(t),
    titles,
  );
  const allAt = Date.now() - t0;
  const settled = await waitFor(
    async () =>
      f.sw.evaluate(
        async (w) => (await chrome.tabs.query({ windowId: w })).every((t) => t.status !== 'loading'),
        windowId,
      ),
    'floor restore settled',
    120_000,
  ).then(
    () => Date.now() - t0,
    () => Infinity,
  );
  await watch.allTitled(tabs, 60_000).catch(() => undefined);
  const w = watch.figures();
  await watch.close();
  await sleep(30_000);
  const after = extensionProcessMiB(f.profileDir);
  const ts = await f.sw.evaluate(
    async (w) =>
      (await chrome.tabs.query({ windowId: w })).map((t) => ({ title: t.title ?? '', discarded: t.discarded })),
    windowId,
  );
  console.log(
    `lazy floor, ${tabs} tabs: all exist ${allAt} ms; all loaded ${settled} ms; ` +
      `titled ${ts.filter((t) => t.title.startsWith('Saved title')).length}, ` +
      `discarded ${ts.filter((t) => t.discarded).length}; ` +
      `extension process private ${before.priv.toFixed(0)} → ${after.priv.toFixed(0)} MiB (30 s after); ` +
      `every tab titled ${w.allTitledAt} ms; untitled > 1 s: ${w.untitledOver} (longest ${w.longestUntitled} ms)`,
  );
}

const only = ['inspector', 'popup', 'lazy'].find((x) => process.argv.includes(`--only-${x}`));
const works = [
  ...(!only || only === 'inspector' ? [{ work: inspectorFloor, withTabularium: true }] : []),
  ...(!only || only === 'popup' ? [{ work: popupFloor, withTabularium: true }] : []),
  ...(!only || only === 'lazy'
    ? [200, 500].map((n) => ({ work: (f: Floor) => lazyFloor(f, n), withTabularium: false }))
    : []),
];
for (const { work, withTabularium } of works) {
  const f = await launchFloor(withTabularium);
  try {
    await work(f);
  } finally {
    await f.ctx.close().catch(() => undefined);
    removeProfileDir(f.profileDir);
  }
}
