// A fresh browser run turns the previous run into one recovered session, once.
import { describe, expect, it } from 'vitest';
import { Tracker } from '../../../src/background/tracker.ts';
import { parsePlaceholder } from '../../../src/core/placeholder-url.ts';
import { makeCopy } from '../../../src/core/recovery-rules.ts';
import { openDatabase, type DB } from '../../../src/store/db.ts';
import { readLiveState } from '../../../src/store/live-repo.ts';
import { getMeta, setMeta } from '../../../src/store/meta-repo.ts';
import { listSessions } from '../../../src/store/sessions-repo.ts';
import { createStore } from '../../../src/store/store.ts';
import { EXT_BASE } from '../fakes/fake-platform.ts';
import { fakeWorker, nextRun as nextWorkerRun, type FakeWorker } from '../fakes/fake-worker.ts';

/** A worker whose database the test can also reach directly. */
function world(name = `db-${Math.random()}`) {
  const dbp = openDatabase(name);
  const w = fakeWorker({ store: createStore(name, () => dbp) });
  return { ...w, db: () => dbp, tick: (ms: number) => (w.clock.now += ms) };
}

/** A new browser run on the same database: storage.session is empty again. */
function nextRun(prev: FakeWorker & { db: () => Promise<DB>; tick: (ms: number) => number }) {
  const n = nextWorkerRun(prev);
  return { ...n, db: prev.db, tick: (ms: number) => (n.clock.now += ms) };
}

describe('a fresh browser run', () => {
  it('turns the previous run into one recovered session, clears the old records, and asks to recover', async () => {
    const w = world();
    w.fake.addWindow(['https://a.test/', 'https://b.test/']);
    await w.ctx.recovery.beginRun();
    await new Tracker(w.ctx).start();
    // Crash: the next run starts with no browser tabs and an empty storage.session.
    const r = nextRun(w);
    const start = await r.ctx.recovery.beginRun();
    expect(start.fresh).toBe(true);
    expect(start.recovered?.counts).toEqual({ windows: 1, tabs: 2 });
    expect(start.streak).toBe(1);
    const db = await r.db();
    expect(await readLiveState(db)).toEqual([]);
    expect((await listSessions(db)).map((s) => s.kind)).toEqual(['recovered']);
    expect(await r.ctx.recovery.pending()).toMatchObject({ tabs: 2 });
    // Already open again (the browser restored them): nothing to ask.
    const restored = nextRun(w);
    restored.fake.addWindow(['https://a.test/', 'https://b.test/']);
    expect(await restored.ctx.recovery.pending()).toBeUndefined();
    // A worker restart in the same run is not a fresh run and recovers nothing twice.
    expect((await r.ctx.recovery.beginRun()).fresh).toBe(false);
    expect(await listSessions(db)).toHaveLength(1);
  });

  it('counts crashes in a row, and a clean end (all windows closed) resets the streak', async () => {
    const w = world();
    w.fake.addWindow(['https://a.test/']);
    await w.ctx.recovery.beginRun();
    await new Tracker(w.ctx).start();
    const r1 = nextRun(w);
    r1.fake.addWindow(['https://a.test/']);
    expect((await r1.ctx.recovery.beginRun()).streak).toBe(1);
    await new Tracker(r1.ctx).start();
    const r2 = nextRun(w);
    expect((await r2.ctx.recovery.beginRun()).streak).toBe(2);
    // This run closes every window before it ends.
    const t = new Tracker(r2.ctx);
    await t.start();
    const r3 = nextRun(w);
    expect((await r3.ctx.recovery.beginRun()).streak).toBe(0);
  });

  it('falls back to the recovery copy when the live records are gone, and keeps unreadable data for export', async () => {
    const w = world();
    const db = await w.db();
    const win = {
      type: 'normal' as const,
      state: 'normal' as const,
      incognito: false,
      focused: true,
      groups: [],
      tabs: [{ url: 'https://copy.test/', title: 'C' }],
    };
    await setMeta(db, { 'copy:recovery': makeCopy([win], 1) });
    const start = await w.ctx.recovery.beginRun();
    expect(start.recovered?.counts.tabs).toBe(1);

    const w2 = world();
    const db2 = await w2.db();
    await db2.put('live', { key: 't:1', value: { garbage: true } });
    await setMeta(db2, { 'copy:recovery': { ...makeCopy([win], 1), checksum: 'bad' } });
    const s2 = await w2.ctx.recovery.beginRun();
    expect(s2.recovered).toBeUndefined();
    expect(await getMeta(db2, 'recovery:unreadable')).toMatchObject({
      records: [{ key: 't:1' }],
      copies: { 'copy:recovery': { checksum: 'bad' } },
    });
    // The popup is told, and can hand the raw data to the person before it is let go.
    const h = w2.handlers;
    expect((await h['recovery.status']({})).unreadable).toBeDefined();
    expect(JSON.parse((await h['recovery.exportUnreadable']({})).json)).toMatchObject({
      format: 'tabularium-unreadable-state',
      records: [{ key: 't:1' }],
    });
    await h['recovery.forgetUnreadable']({});
    expect((await h['recovery.status']({})).unreadable).toBeUndefined();
  });
});

/** The run start as the worker's entry does it (wiring.ts startWorker): recovery, then the rebuild. */
async function startRun(w: FakeWorker): Promise<void> {
  await w.ctx.tracker.start(async () => void (await w.ctx.recovery.beginRun()));
}

const urls = (tag: string, n: number) => Array.from({ length: n }, (_, i) => `https://${tag}${i}.test/`);

/** Opens a tab in the fake browser and tells the tracker, as Chrome's tabs.onCreated would. */
function openTab(w: FakeWorker, windowId: number, url: string): void {
  const win = w.fake.windows.find((x) => x.id === windowId)!;
  const id = w.fake.nextId++;
  const t = { id, windowId, index: win.tabs.length, url, title: url, pinned: false, active: false };
  win.tabs.push(t);
  w.ctx.tracker.tabCreated(t);
}

function closeTab(w: FakeWorker, tabId: number): void {
  const win = w.fake.windows.find((x) => x.tabs.some((t) => t.id === tabId))!;
  win.tabs = win.tabs.filter((t) => t.id !== tabId);
  win.tabs.forEach((t, i) => (t.index = i));
  w.ctx.tracker.tabRemoved(tabId, win.id, false);
}

async function bodyUrls(w: FakeWorker, sessionId: string): Promise<string[]> {
  const body = await w.store.sessions.body(sessionId);
  return (body?.windows ?? []).flatMap((x) => x.tabs.map((t) => t.url));
}

describe('recovery never drops the last state', () => {
  it('recovers the 5 tabs open at the kill, not an older 15-tab copy, and offers the fuller copy beside it', async () => {
    const w = world();
    const win = w.fake.addWindow(urls('keep', 5));
    await startRun(w);
    // 10 more tabs, written with a recovery copy (the first write of the run writes one).
    for (const u of urls('gone', 10)) openTab(w, win.id, u);
    await w.ctx.tracker.flush();
    const copyAt = w.clock.now;
    // The person closes the 10 on purpose, a few seconds later; then the browser is killed, before
    // the next recovery copy (every 15 s).
    w.tick(5_000);
    for (const t of win.tabs.filter((x) => x.url!.includes('gone'))) closeTab(w, t.id);
    await w.ctx.tracker.flush();

    const r = nextRun(w);
    r.fake.addWindow(['chrome://newtab/']);
    await startRun(r);
    const status = await r.handlers['recovery.status']({});
    expect(status.pending).toMatchObject({ windows: 1, tabs: 5, earlier: { windows: 1, tabs: 15, at: copyAt } });
    const pending = await r.ctx.recovery.pending();
    expect(await bodyUrls(r, pending!.sessionId)).toEqual(urls('keep', 5));
    expect(await bodyUrls(r, pending!.earlier!.sessionId)).toEqual([...urls('keep', 5), ...urls('gone', 10)]);
    // Recover brings back what was open at the kill; the fuller copy stays in the list.
    const report = await r.handlers['recovery.recover']({});
    expect(report.tabs).toBe(5);
    expect(await r.ctx.recovery.pending()).toBeUndefined();
    const kinds = (await r.store.sessions.list()).map((s) => s.kind);
    expect(kinds).toEqual(['recovered', 'recovered']);
  });

  it('brings back the fuller copy instead, when the person asks for it', async () => {
    const w = world();
    const win = w.fake.addWindow(urls('keep', 5));
    await startRun(w);
    for (const u of urls('gone', 10)) openTab(w, win.id, u);
    await w.ctx.tracker.flush();
    w.tick(5_000);
    for (const t of win.tabs.filter((x) => x.url!.includes('gone'))) closeTab(w, t.id);
    await w.ctx.tracker.flush();
    const r = nextRun(w);
    r.fake.addWindow(['chrome://newtab/']);
    await startRun(r);
    const report = await r.handlers['recovery.recover']({ which: 'earlier' });
    expect(report.tabs).toBe(15);
    const open = r.fake.windows.flatMap((x) => x.tabs.map((t) => parsePlaceholder(EXT_BASE, t.url!)?.url ?? t.url));
    expect(open).toEqual(['chrome://newtab/', ...urls('keep', 5), ...urls('gone', 10)]);
    expect(await r.ctx.recovery.pending()).toBeUndefined();
  });

  it('offers Recover after a second kill, when the new run is smaller than the one recovered before', async () => {
    const w = world();
    w.fake.addWindow(urls('first', 15));
    await startRun(w);
    // Kill 1. The next run recovers the 15 tabs; the person leaves them be and opens 5 others.
    const r1 = nextRun(w);
    const win = r1.fake.addWindow(['chrome://newtab/']);
    await startRun(r1);
    // The person clicks Recover, then closes those 15 tabs again (the fake sends the tracker no
    // events for the restore, so removing the window leaves the mirror and the fake in step).
    expect((await r1.handlers['recovery.recover']({})).tabs).toBe(15);
    r1.fake.windows = r1.fake.windows.filter((x) => x.id === win.id);
    r1.tick(60_000);
    for (const u of urls('second', 5)) openTab(r1, win.id, u);
    await r1.ctx.tracker.flush();
    // Kill 2: the 6 tabs of this run are recovered and offered, whatever the run before held.
    const r2 = nextRun(r1);
    r2.fake.addWindow(['chrome://newtab/']);
    await startRun(r2);
    const pending = await r2.ctx.recovery.pending();
    expect(pending?.tabs).toBe(6);
    expect(await bodyUrls(r2, pending!.sessionId)).toEqual(['chrome://newtab/', ...urls('second', 5)]);
    expect((await r2.handlers['recovery.status']({})).pending?.tabs).toBe(6);
  });

  it('answers a popup opened while the run start is still under way with this run’s recovery', async () => {
    const w = world();
    w.fake.addWindow(urls('early', 3));
    await startRun(w);
    const r = nextRun(w);
    r.fake.addWindow(['chrome://newtab/']);
    const started = startRun(r);
    const status = await r.handlers['recovery.status']({});
    await started;
    expect(status.pending?.tabs).toBe(3);
  });
});
