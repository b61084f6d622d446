// `npm run bench`: loads the built extension into Debian's Chromium and measures what the issues
// set figures for. Prints a table and writes bench/results/latest.json. Medians of several runs.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, launch, removeProfileDir, waitFor, type Launched } from '../test/e2e/support/browser.ts';
import { startServer, type TestServer } from '../test/e2e/support/server.ts';
import { bundleSize } from './bundle-size.ts';
import { benchCookies } from './cookies.ts';
import { benchExportMany, benchImportExport } from './import-export.ts';
import { benchInspector } from './inspector.ts';
import { benchJournal, benchJournalBrowser } from './journal.ts';
import { benchLazyRestore } from './lazy-restore.ts';
import { DEBUG_PORT_ARG } from './title-watch.ts';
import { benchLiveTracking } from './live-tracking.ts';
import { benchSync } from './sync.ts';
import { benchManager } from './manager.ts';
import { benchPopup } from './popup.ts';
import { benchSearchMemory } from './search-memory.ts';
import { benchWriteFailures } from './write-failures.ts';
import { benchVault } from './vault.ts';
import { timedCall } from './timed-call.ts';

interface Row {
  metric: string;
  value: number;
  unit: string;
  target: string;
  ok: boolean;
}
const rows: Row[] = [];
const started = Date.now();
/** Progress on stderr, so a long run shows where it is. */
const phase = (what: string) => console.error(`[bench +${((Date.now() - started) / 1000).toFixed(0)}s] ${what}`);
const row = (metric: string, value: number, unit: string, target: number, cmp: '<=' = '<=') =>
  rows.push({ metric, value: Math.round(value * 100) / 100, unit, target: `${cmp} ${target}`, ok: value <= target });

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

async function openTabs(
  b: Launched,
  server: TestServer,
  windows: number,
  perWindow: number,
  already = 0,
): Promise<number[]> {
  const ids: number[] = [];
  for (let w = 0; w < windows; w++) {
    const urls = Array.from({ length: perWindow }, (_, i) =>
      server.url(`/page/w${w + already}-t${i}-${'x'.repeat(20)}`),
    );
    ids.push(
      await b.driver.evaluate(async (u) => (await chrome.windows.create({ url: u, focused: false }))!.id!, urls),
    );
  }
  await waitFor(
    async () =>
      b.driver.evaluate(
        async (n) => {
          const tabs = await chrome.tabs.query({});
          return tabs.filter((t) => t.title?.startsWith('Page ')).length >= n;
        },
        already + windows * perWindow,
      ),
    `${already + windows * perWindow} tabs loaded`,
    300_000,
  );
  return ids;
}

async function storedBytesPerTab(b: Launched, id: string): Promise<number> {
  return b.driver.evaluate(async (id) => {
    const db = await new Promise<IDBDatabase>((res, rej) => {
      const r = indexedDB.open('tabularium');
      r.onsuccess = () => res(r.result);
      r.onerror = () => rej(r.error);
    });
    // No named helpers in here: tsx would wrap them in a __name() the page does not have.
    const [s, body] = (await Promise.all(
      ['sessions', 'bodies'].map(
        (store) =>
          new Promise<unknown>((res) => {
            const r = db.transaction(store).objectStore(store).get(id);
            r.onsuccess = () => res(r.result);
          }),
      ),
    )) as [{ counts: { tabs: number } }, unknown];
    db.close();
    return new TextEncoder().encode(JSON.stringify(s) + JSON.stringify(body)).length / s.counts.tabs;
  }, id);
}

async function main() {
  const size = bundleSize(DIST, 'src/ui/popup/index.html');
  row('popup JS raw', size.js / 1024, 'KiB', Infinity);
  row('popup CSS raw', size.css / 1024, 'KiB', Infinity);
  row('popup JS+CSS gzip', (size.jsGzip + size.cssGzip) / 1024, 'KiB', 25);

  if (process.argv.includes('--only-popup')) {
    await benchPopup(row);
    return print();
  }
  if (process.argv.includes('--only-inspector')) {
    await inFreshBrowser((b, server) => benchInspector(b, server, row));
    return print();
  }
  if (process.argv.includes('--only-write-failures')) {
    await inFreshBrowser((b, server) => benchWriteFailures(b, server, row));
    return print();
  }
  if (process.argv.includes('--only-export')) {
    await inFreshBrowser((b) => benchExportMany(b, row));
    return print();
  }
  if (process.argv.includes('--only-vault')) {
    await inFreshBrowser((b) => benchVault(b, row));
    return print();
  }
  if (process.argv.includes('--only-search-memory')) {
    await benchSearchMemory(row);
    return print();
  }
  if (process.argv.includes('--only-sync')) {
    await benchSync(row, phase);
    return print();
  }
  if (process.argv.includes('--only-manager')) {
    await inFreshBrowser((b) => benchManager(b, row));
    return print();
  }
  if (process.argv.includes('--only-journal-browser')) {
    await inFreshBrowser((b, server) => benchJournalBrowser(b, server, row));
    return print();
  }
  if (process.argv.includes('--only-journal')) {
    await benchJournal(row);
    await inFreshBrowser((b, server) => benchJournalBrowser(b, server, row));
    return print();
  }
  if (process.argv.includes('--only-lazy')) {
    await inFreshBrowser((b, server) => benchLazyRestore(b, server, row), [DEBUG_PORT_ARG]);
    return print();
  }
  if (!process.argv.includes('--skip-main')) await benchMain();
  if (process.argv.includes('--only-main')) return print();
  await benchGroups();
  print();
}

/** Saving and live tracking, in one browser that ends up with 1,000 tabs open. */
async function benchMain(): Promise<void> {
  const server = await startServer();
  const b = await launch();
  try {
    phase('opening 500 tabs');
    await openTabs(b, server, 5, 100);
    phase('saving');
    const saves: number[] = [];
    let lastId = '';
    const roundTrips: number[] = [];
    for (let i = 0; i < 7; i++) {
      const { ms, value } = await timedCall(b, 'sessions.saveAll', {});
      roundTrips.push(ms);
      lastId = (value as { session: { id: string } }).session.id;
      // The worker's own clock: from the message reaching the handler to the committed transaction.
      const diag = (await timedCall(b, 'diagnostics.tracker', {})).value as { handlerMs: Record<string, number> };
      saves.push(diag.handlerMs['sessions.saveAll']!);
    }
    row('save 500 tabs in 5 windows (message → committed, median of 7)', median(saves), 'ms', 35);
    row('  same, as the popup waits for it (round trip)', median(roundTrips), 'ms', Infinity);
    row('bytes stored per tab', await storedBytesPerTab(b, lastId), 'B', 200);
    // 500 more tabs: the per-event figures are asked for with 1,000 open.
    phase('opening 500 more tabs');
    await openTabs(b, server, 5, 100, 500);
    phase('live tracking');
    await benchLiveTracking(b, server, row);
  } finally {
    await b.ctx.close();
    removeProfileDir(b.profileDir);
    await server.close();
  }
}

async function benchGroups(): Promise<void> {
  // Each group in a browser of its own, so one's leftovers do not weigh on the next.
  phase('cookies');
  await inFreshBrowser((b, server) => benchCookies(b, server, row));
  phase('cookie vault');
  await inFreshBrowser((b) => benchVault(b, row));
  phase('inspector');
  await inFreshBrowser((b, server) => benchInspector(b, server, row));
  phase('write failures');
  await inFreshBrowser((b, server) => benchWriteFailures(b, server, row));
  phase('import/export');
  await inFreshBrowser((b) => benchImportExport(b, row));
  await inFreshBrowser((b) => benchExportMany(b, row));
  phase('popup');
  await benchPopup(row);
  phase('search memory');
  await benchSearchMemory(row);
  phase('sync');
  await benchSync(row, phase).catch((e) => console.error('bench group failed:', e instanceof Error ? e.message : e));
  phase('manager');
  await inFreshBrowser((b) => benchManager(b, row));
  phase('journal');
  await benchJournal(row);
  await inFreshBrowser((b, server) => benchJournalBrowser(b, server, row));
  // Last: a large lazy restore loads the machine more than anything else here.
  phase('lazy restore');
  await inFreshBrowser((b, server) => benchLazyRestore(b, server, row), [DEBUG_PORT_ARG]);
}

async function inFreshBrowser(
  work: (b: Launched, server: TestServer) => Promise<void>,
  args: string[] = [],
): Promise<void> {
  const server = await startServer();
  const b = await launch(undefined, args);
  try {
    await work(b, server);
  } catch (e) {
    // One failing group must not hide the others' figures.
    console.error('bench group failed:', e instanceof Error ? e.message.slice(0, 400) : e);
  } finally {
    await b.ctx.close().catch(() => undefined);
    removeProfileDir(b.profileDir);
    await server.close();
  }
}

function print(): void {
  const width = Math.max(...rows.map((r) => r.metric.length));
  console.log(`${'metric'.padEnd(width)} | value      | target   | ok`);
  for (const r of rows) {
    console.log(
      [
        r.metric.padEnd(width),
        `${r.value} ${r.unit}`.padEnd(10),
        r.target.replace('Infinity', '—').padEnd(8),
        r.target.includes('Infinity') ? '' : r.ok ? 'yes' : 'NO',
      ].join(' | '),
    );
  }
  const dir = join(import.meta.dirname, 'results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'latest.json'), JSON.stringify({ at: new Date().toISOString(), rows }, null, 2));
}

await main();
