// Time travel figures (issue 17): what the journal costs per tab event at 1,000 open tabs, a week
// of heavy use (50,000 events), a moment reconstructed, a slider step, a history search.
//
// Measured in Node over fake-indexeddb with the real core (journal writer, reconstruct, history
// index), the real store (createStore) and the real LiveState driven by a seeded walk of tracker
// events: the browser path would need a week of real time. The worker folds its journal every hour
// (thinning older checkpoints, sealing entries into deflated blocks); the walk folds at the end of
// each day the same way (core/journal/fold.ts, the store's fold), which leaves the same journal.
// The stored bytes are what the size cap counts (`storedBytes`: JSON lengths, deflated bytes of
// checkpoints and blocks); CPU is our own time per event, in Node.
import { CHECKPOINT } from '../src/core/journal/journal-format.ts';
import type { LiveRecord } from '../src/core/live-state.ts';
import { waitFor, type Launched } from '../test/e2e/support/browser.ts';
import type { TestServer } from '../test/e2e/support/server.ts';
import { timedCall } from './timed-call.ts';

type RowFn = (metric: string, value: number, unit: string, target: number) => void;

const DAY_MS = 24 * 3600_000;

/** Fields Chromium reports for every tab, as the tracker receives them. */
const CHROMIUM_TAB = { groupId: -1, incognito: false, mutedInfo: { muted: false } };

function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

export async function benchJournal(row: RowFn): Promise<void> {
  // A side-effect import: it installs indexedDB and IDBKeyRange as globals (as test/unit/setup.ts does).
  await import('fake-indexeddb/auto' as string);
  const { LiveState } = await import('../src/core/live-state.ts');
  const { JournalWriter } = await import('../src/core/journal/journal-writer.ts');
  const { isCheckpoint } = await import('../src/core/journal/journal-format.ts');
  const { recordsAt, windowsOfRecords, JournalTimeline, codedStateAt } =
    await import('../src/core/journal/reconstruct.ts');
  const { HistoryIndex } = await import('../src/core/journal/history-index.ts');
  const { planFold, DEFAULT_JOURNAL_CAP_BYTES } = await import('../src/core/journal/fold.ts');
  const { createStore } = await import('../src/store/store.ts');
  const { momentOf } = await import('../src/ui/manager/history/moment-model.ts');

  const rnd = prng(17);
  const store = createStore(`bench-journal-${Date.now()}`);
  const s = new LiveState();
  const writer = new JournalWriter();
  const base = 'chrome-extension://bench/';
  const hosts = ['news', 'mail', 'docs', 'shop', 'video', 'wiki', 'maps', 'code'].map(
    (h) => `https://${h}.example.com`,
  );
  const pick = (n: number) => Math.floor(rnd() * n);
  const url = () => `${hosts[pick(hosts.length)]}/articles/${pick(20_000)}/some-readable-slug-${pick(99)}`;
  const title = () => `An article title number ${Math.floor(rnd() * 20_000)} — Example site`;
  let nextTab = 1;
  const windows = 10;
  for (let w = 1; w <= windows; w++) s.windowCreated({ id: 10_000 + w, incognito: false, focused: w === 1 });
  for (let i = 0; i < 1000; i++) {
    s.tabCreated({
      id: nextTab++,
      windowId: 10_001 + (i % windows),
      index: 999,
      url: url(),
      title: title(),
      favIconUrl: `${hosts[i % hosts.length]}/favicon.ico`,
      pinned: false,
      active: i < windows,
      ...CHROMIUM_TAB,
    });
  }
  const all = (): LiveRecord[] => [
    ...[...s.windows.values()].map((value) => ({ key: `w:${value.id}`, value }) as LiveRecord),
    ...[...s.tabs.values()].map((value) => ({ key: `t:${value.id}`, value }) as LiveRecord),
  ];
  const start = Date.now() - 7 * DAY_MS;
  let now = start;
  s.takeChanges();
  const first = writer.prepare({ put: [], del: [] }, now, all())!;
  await store.live.apply({ put: [], del: [] }, first.records);
  first.commit();

  // A week of heavy use: 50,000 events over 12 active hours a day, one write per event.
  const EVENTS = 50_000;
  const perDay = EVENTS / 7;
  const gap = (12 * 3600_000) / perDay;
  let cpu = 0;
  const moments: number[] = [];
  let batch: { records: ReturnType<typeof writer.prepare> }[] = [];
  const writeBatch = async () => {
    // Written in groups for speed here; the store is the same either way.
    await store.live.apply(
      { put: [], del: [] },
      batch.flatMap((b) => b.records!.records),
    );
    batch = [];
  };
  let foldMs = 0;
  const fold = async (at: number) => {
    await writeBatch();
    const t0 = performance.now();
    const all = await store.journal.all();
    const plan = planFold({
      ...all,
      cutoff: at - 7 * DAY_MS,
      capBytes: DEFAULT_JOURNAL_CAP_BYTES,
      keepStrings: writer.liveStringIds(),
      now: at,
    });
    await store.journal.fold(plan);
    foldMs = performance.now() - t0;
  };
  let day = 0;
  for (let i = 0; i < EVENTS; i++) {
    now = start + Math.floor(i / perDay) * DAY_MS + 8 * 3600_000 + (i % perDay) * gap;
    if (Math.floor(i / perDay) > day) await fold(start + ++day * DAY_MS);
    const tabs = [...s.tabs.values()];
    const t = tabs[Math.floor(rnd() * tabs.length)]!;
    const r = rnd();
    if (r < 0.3) s.tabUpdated({ ...t, url: url(), title: title() });
    else if (r < 0.55) s.activeChanged(t.windowId, t.id);
    else if (r < 0.7 || tabs.length < 990)
      s.tabCreated({
        id: nextTab++,
        windowId: t.windowId,
        index: Math.floor(rnd() * 100),
        url: url(),
        title: title(),
        pinned: false,
        active: false,
        ...CHROMIUM_TAB,
      });
    else if (r < 0.85 && tabs.length > 900) s.tabRemoved(t.id);
    else if (r < 0.95) s.tabMoved(t.id, t.windowId, Math.floor(rnd() * 100));
    else s.tabUpdated({ ...t, pinned: !t.pinned });
    const t0 = performance.now();
    const changes = s.takeChanges();
    const prepared = writer.prepare(changes, now);
    cpu += performance.now() - t0;
    if (!prepared) continue;
    prepared.commit();
    batch.push({ records: prepared });
    if (batch.length >= 500) await writeBatch();
    if (i % 997 === 0) moments.push(now);
  }
  // The day ends 4 hours after the last event: the worker's hourly fold ran meanwhile.
  await fold(now + 4 * 3600_000);
  // What the store holds (checkpoints and blocks deflated), not the JSON of what was prepared.
  const stored = await store.journal.all();
  const breakdown = [stored.bytes.entries, stored.bytes.checkpoints, stored.bytes.strings];
  const bytes = breakdown.reduce((a, b) => a + b, 0);
  if (process.env.JOURNAL_BREAKDOWN) {
    console.error(
      breakdown.map((b) => (b / EVENTS).toFixed(1)),
      'checkpoints',
      stored.timed.filter(isCheckpoint).length,
    );
    const { checkpointOf } = await import('../src/core/journal/journal-format.ts');
    const cp = checkpointOf(codedStateAt(await store.journal.slice(now), now), now);
    for (const [k, v] of Object.entries(cp?.r.kinds ?? {})) {
      console.error(k, 'ids', JSON.stringify(v.ids).length);
      for (const [c, col] of Object.entries(v.cols))
        console.error(' ', c, JSON.stringify(col).length, JSON.stringify(col).slice(0, 60));
    }
  }
  row(`journal bytes stored per tab event at 1,000 tabs (Node, checkpoints included)`, bytes / EVENTS, 'B', 120);
  row(`journal CPU per tab event at 1,000 tabs (Node, encode only)`, cpu / EVENTS, 'ms', 0.3);
  row(`a week of heavy use (50,000 events) stored`, bytes / 1024 / 1024, 'MB', 25);
  row('  the last fold (read all, thin, seal, write)', foldMs, 'ms', Infinity);

  // Any moment of the week: nearest checkpoint + replay, from the store.
  const times: number[] = [];
  const reads: number[] = [];
  for (const at of moments.slice(0, 40)) {
    const t0 = performance.now();
    const slice = await store.journal.slice(at);
    reads.push(performance.now() - t0);
    windowsOfRecords(recordsAt(slice, at), base);
    times.push(performance.now() - t0);
  }
  row('any moment of the week reconstructed (store read + replay, median of 40)', median(times), 'ms', 50);
  row('  of which the store read (fake-indexeddb)', median(reads), 'ms', Infinity);

  // A slider step: the day in memory (as the History view holds it), one minute further, and the model.
  const dayFrom = start + 3 * DAY_MS;
  const daySlice = await store.journal.slice(dayFrom, dayFrom + DAY_MS);
  const timeline = new JournalTimeline(
    codedStateAt(daySlice, dayFrom),
    daySlice.entries.filter((e) => e.k[1] > dayFrom),
    daySlice.strings,
  );
  const openNow = new Set([...s.tabs.values()].map((t) => t.url ?? ''));
  const steps: number[] = [];
  for (let m = 8 * 60; m < 8 * 60 + 200; m++) {
    const t0 = performance.now();
    momentOf(timeline.recordsAt(dayFrom + m * 60_000), openNow, base);
    steps.push(performance.now() - t0);
  }
  row('slider step: moment replayed and its model built (Node, no DOM, median)', median(steps), 'ms', 16);

  // History search over the week: the index built once, then each search.
  const t0 = performance.now();
  const everything = await store.journal.all();
  const strings = new Map(everything.strings.map((x) => [x.k[1], x.v]));
  const index = new HistoryIndex((n) => strings.get(n));
  let started = false;
  for (const r of everything.timed) {
    if (isCheckpoint(r)) {
      if (!started) index.startAt(r);
      started = true;
    } else if (started) index.add(r);
  }
  row('history index built over the week (first search only)', performance.now() - t0, 'ms', Infinity);
  const searches: number[] = [];
  for (const q of ['news 123', 'article 77', 'shop', 'slug-42 docs', 'wiki articles 19']) {
    const t1 = performance.now();
    index.search(q);
    searches.push(performance.now() - t1);
  }
  row('history search over the week (median of 5)', median(searches), 'ms', 100);
  await store.close();
}

/** The journal's stored records, read in the page: each one's key and its bytes on disk. */
async function journalRecords(b: Launched): Promise<{ k: [number, number]; bytes: number }[]> {
  return b.driver.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((res, rej) => {
      const r = indexedDB.open('tabularium');
      r.onsuccess = () => res(r.result);
      r.onerror = () => rej(r.error);
    });
    const all = await new Promise<{ k: [number, number] }[]>((res) => {
      const r = db.transaction('journal').objectStore('journal').getAll();
      r.onsuccess = () => res(r.result as { k: [number, number] }[]);
    });
    db.close();
    // A checkpoint is stored deflated (`z`): its bytes, plus its key, as storedBytes counts them.
    return all.map((rec) => {
      const z = (rec as { z?: Uint8Array }).z;
      return { k: rec.k, bytes: z ? 24 + z.byteLength : JSON.stringify(rec).length };
    });
  });
}

/** The journal's bytes by kind: entries (single or sealed in blocks), checkpoints, strings. */
async function journalBytes(b: Launched): Promise<number[]> {
  const out = [0, 0, 0];
  // A block (kind 3) holds entries.
  for (const r of await journalRecords(b)) out[r.k[0] === 3 ? 0 : r.k[0]]! += r.bytes;
  return out;
}

/** When the journal's checkpoints were taken, oldest first. */
async function checkpointTimes(b: Launched): Promise<number[]> {
  const times = (await journalRecords(b)).filter((r) => r.k[0] === CHECKPOINT).map((r) => r.k[1]);
  return times.sort((x, y) => x - y);
}

async function trackerStats(b: Launched) {
  return (await timedCall(b, 'diagnostics.tracker', {})).value as {
    events: number;
    cpuMs: number;
    journalMs: number;
    tabs: number;
  };
}

/** Waits until the tracker has heard no event for a poll: the loads' onUpdated events are written. */
async function trackingQuiet(b: Launched): Promise<void> {
  let last = -1;
  await waitFor(
    async () => {
      const { events } = await trackerStats(b);
      const quiet = events === last;
      last = events;
      return quiet;
    },
    'tracking quiet',
    300_000,
  );
}

/**
 * In the browser, at 1,000 open tabs: the journal's bytes per tab event (from IndexedDB), the
 * tracker's whole CPU per event with the journal in it, and a slider step in the History view.
 */
export async function benchJournalBrowser(b: Launched, server: TestServer, row: RowFn): Promise<void> {
  const base = server.url('');
  await b.driver.evaluate(
    async (origin) => {
      for (let w = 0; w < 10; w++) {
        const url = Array.from({ length: 100 }, (_, i) => `${origin}/page/jw${w}-t${i}-readable-slug`);
        await chrome.windows.create({ url, focused: false });
      }
    },
    base.replace(/\/$/, ''),
  );
  await waitFor(
    async () => (await b.driver.evaluate(async () => (await chrome.tabs.query({})).length)) >= 1000,
    '1,000 tabs',
    300_000,
  );
  await trackingQuiet(b);
  await new Promise((r) => setTimeout(r, 1000));
  const before = await trackerStats(b);
  const bytesBefore = await journalBytes(b);
  await b.driver.evaluate(
    async (origin) => {
      const [win] = await chrome.windows.getAll();
      for (let i = 0; i < 20; i++) {
        const t = await chrome.tabs.create({ windowId: win!.id!, url: `${origin}/page/jev-${i}`, active: false });
        await new Promise((r) => setTimeout(r, 200));
        await chrome.tabs.update(t.id!, { url: `${origin}/page/jev-${i}-next` });
        await new Promise((r) => setTimeout(r, 200));
        await chrome.tabs.update(t.id!, { active: true });
        await chrome.tabs.move(t.id!, { index: 0 });
        await new Promise((r) => setTimeout(r, 200));
        await chrome.tabs.remove(t.id!);
      }
      await new Promise((r) => setTimeout(r, 800));
    },
    base.replace(/\/$/, ''),
  );
  const after = await trackerStats(b);
  const bytesAfter = await journalBytes(b);
  const events = after.events - before.events;
  const delta = bytesAfter.map((n, i) => n - (bytesBefore[i] ?? 0));
  row(
    `journal bytes per tab event, ${after.tabs} tabs (browser; entries + strings)`,
    (delta[0]! + delta[2]!) / events,
    'B',
    120,
  );
  row(
    `  same with checkpoints (${delta[1]} B in this run)`,
    (delta[0]! + delta[1]! + delta[2]!) / events,
    'B',
    Infinity,
  );
  row(
    `tracker CPU per tab event with the journal, ${after.tabs} tabs (browser)`,
    (after.cpuMs - before.cpuMs) / events,
    'ms',
    2,
  );
  row(
    `  of which the journal's (its entries and checkpoints made and kept; IndexedDB's copy of them not included)`,
    (after.journalMs - before.journalMs) / events,
    'ms',
    0.3,
  );

  // A moment with 1,000 tabs, reconstructed by the worker: one of the last seconds (the writer's
  // state, or its tail since the last checkpoint, in memory), and older ones (read from the store).
  // The round trip adds the message carrying 1,000 tabs; the worker's own time is its handler's.
  type MomentRun = { rt: number; worker: number; read: number };
  const moment = async (at: number): Promise<MomentRun> => {
    const before = (await timedCall(b, 'diagnostics.tracker', {})).value as { handlerMs: Record<string, number> };
    const rt = (await timedCall(b, 'journal.moment', { at })).ms;
    const stats = (await timedCall(b, 'diagnostics.tracker', {})).value as { handlerMs: Record<string, number> };
    const read = stats.handlerMs['journal.slice'];
    return {
      rt,
      worker: stats.handlerMs['journal.moment'] ?? NaN,
      read: read !== undefined && read !== before.handlerMs['journal.slice'] ? read : 0,
    };
  };
  const report = (what: string, runs: MomentRun[]) => {
    row(`${what}: round trip (browser, median of ${runs.length})`, median(runs.map((r) => r.rt)), 'ms', 50);
    row(`${what}: the worker's time (median)`, median(runs.map((r) => r.worker)), 'ms', 50);
    row(`  of which its store read (median)`, median(runs.map((r) => r.read)), 'ms', Infinity);
  };
  const recent: MomentRun[] = [];
  for (let i = 0; i < 7; i++) recent.push(await moment(Date.now() - i * 700));
  report(`a moment of the last seconds, ${after.tabs} tabs`, recent);
  // The floor of the round trip: the same answer, already made, sent again (messaging alone).
  const at = Date.now();
  await timedCall(b, 'diagnostics.momentAgain', { at });
  const again: number[] = [];
  for (let i = 0; i < 7; i++) again.push((await timedCall(b, 'diagnostics.momentAgain', { at })).ms);
  row(`  floor: the same moment's answer, already made, sent again (median of 7)`, median(again), 'ms', Infinity);
  row(`  round trip of a recent moment ÷ that floor`, median(recent.map((r) => r.rt)) / median(again), '×', Infinity);
  // Older moments need checkpoints before the last one. A fast machine opens the 1,000 tabs with
  // one checkpoint: every tab then goes to a new page, which writes a checkpoint per ~2 changes a
  // tab (REPLAY_OPS_PER_RECORD), until there are five.
  for (let round = 0; round < 10 && (await checkpointTimes(b)).length < 5; round++) {
    await b.driver.evaluate(
      async ({ origin, round }) => {
        const tabs = (await chrome.tabs.query({})).filter((t) => t.url?.startsWith(origin));
        await Promise.all(tabs.map((t) => chrome.tabs.update(t.id!, { url: `${origin}/page/churn${round}-${t.id}` })));
      },
      { origin: base.replace(/\/$/, ''), round },
    );
    await trackingQuiet(b);
  }
  const older: MomentRun[] = [];
  for (const at of (await checkpointTimes(b)).slice(0, -1).slice(-7)) older.push(await moment(at + 1));
  report(`an older moment (after each earlier checkpoint), read from the store`, older);

  const page = await b.ctx.newPage();
  await page.goto(b.extUrl('src/ui/manager/index.html#history'));
  const slider = page.getByRole('slider', { name: 'Time' });
  await slider.waitFor();
  await page.waitForFunction(() => performance.getEntriesByName('tabularium:history-drawn').length > 0, undefined, {
    timeout: 60_000,
  });
  await slider.focus();
  const steps: number[] = [];
  for (let i = 0; i < 15; i++) {
    const n = await page.evaluate(() => performance.getEntriesByName('tabularium:history-drawn').length);
    await page.keyboard.press(i % 2 ? 'ArrowRight' : 'ArrowLeft');
    await page.waitForFunction((n) => performance.getEntriesByName('tabularium:history-drawn').length > n, n);
    steps.push(
      await page.evaluate(
        () =>
          performance.getEntriesByName('tabularium:history-drawn').at(-1)!.startTime -
          performance.getEntriesByName('tabularium:history-slide').at(-1)!.startTime,
      ),
    );
  }
  row(`slider step redrawn with ${after.tabs} tabs (browser, median of 15)`, median(steps), 'ms', 16);
  await page.close();
}
