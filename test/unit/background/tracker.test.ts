// The live mirror in the worker: written to IndexedDB, and after a worker restart only what changed.
import { describe, expect, it, vi } from 'vitest';
import { Tracker } from '../../../src/background/tracker.ts';
import { startWorker } from '../../../src/background/wiring.ts';
import { openDatabase } from '../../../src/store/db.ts';
import { readLiveState } from '../../../src/store/live-repo.ts';
import { createStore } from '../../../src/store/store.ts';
import { fakeWorker, nextRun } from '../fakes/fake-worker.ts';
import { FaultyDatabase } from '../support/faulty-idb.ts';

/** A worker whose database the test can also reach directly. */
function world(name = `db-${Math.random()}`) {
  const dbp = openDatabase(name);
  const w = fakeWorker({ store: createStore(name, () => dbp) });
  return { ...w, db: () => dbp, tick: (ms: number) => (w.clock.now += ms) };
}

describe('live tracking in the worker', () => {
  it('writes what the mirror holds and, after a worker restart, only what changed while it slept', async () => {
    const w = world();
    w.fake.addWindow(['https://a.test/', 'https://b.test/']);
    const t1 = new Tracker(w.ctx);
    await t1.start();
    const db = await w.db();
    expect((await readLiveState(db)).map((r) => r.key).sort()).toEqual(['t:101', 't:102', 'w:100']);
    // The first write started the journal's first fold: its end is not the restart's to count.
    await vi.waitFor(async () => expect(await w.ctx.store.meta.get('journal:foldedAt')).toBeDefined());
    // The worker sleeps; a tab closes and another opens without it seeing any event.
    w.fake.windows[0]!.tabs.splice(0, 1);
    w.fake.addWindow(['https://c.test/']);
    const writes: number[] = [];
    const realTx = db.transaction.bind(db);
    (db as { transaction: unknown }).transaction = (...a: Parameters<typeof realTx>) => {
      if (a[1] === 'readwrite') writes.push(1);
      return realTx(...a);
    };
    const t2 = new Tracker(w.ctx);
    await t2.start();
    (db as { transaction: unknown }).transaction = realTx;
    expect(writes).toHaveLength(1);
    const keys = (await readLiveState(db)).map((r) => r.key).sort();
    expect(keys).toEqual(['t:102', 't:104', 'w:100', 'w:103']);
    expect((await t2.snapshot()).map((x) => x.tabs.map((t) => t.url))).toEqual([
      ['https://b.test/'],
      ['https://c.test/'],
    ]);
  });

  it('flushes an event to IndexedDB within the flush delay', async () => {
    const w = world();
    const win = w.fake.addWindow(['https://a.test/']);
    const t = new Tracker(w.ctx);
    await t.start();
    t.tabCreated({
      id: 900,
      windowId: win.id,
      index: 1,
      url: 'https://new.test/',
      title: 'New',
      pinned: false,
      active: false,
    });
    await new Promise((r) => setTimeout(r, 250));
    const rec = (await readLiveState(await w.db())).find((r) => r.key === 't:900');
    expect(rec?.value).toMatchObject({ url: 'https://new.test/' });
  });
});

/** A worker over a database that fails on demand; `keys()` are the live records stored now. */
function faultyWorld() {
  const db = new FaultyDatabase();
  const w = fakeWorker({ store: db.store() });
  const keys = async () => (await w.store.live.read()).map((r) => r.key).sort();
  return { ...w, db, keys };
}

const tab = (id: number, windowId: number, index: number, url = `https://t${id}.test/`) => ({
  id,
  windowId,
  index,
  url,
  title: url,
  pinned: false,
  active: false,
});

const LIVE_WRITES = { store: 'live', mode: 'readwrite' } as const;

describe('live tracking when writes fail', () => {
  it('keeps the changes of a failed write and writes them, merged with newer ones, once writes work', async () => {
    const w = faultyWorld();
    const win = w.fake.addWindow(['https://a.test/']);
    const t = w.ctx.tracker;
    await t.start();
    w.db.failEvery('QuotaExceededError', LIVE_WRITES);
    t.tabCreated(tab(900, win.id, 1));
    t.tabCreated(tab(901, win.id, 2));
    await t.flush();
    // Still failing: one tab closes, the other navigates.
    t.tabRemoved(901, win.id, false);
    t.tabUpdated(tab(900, win.id, 1, 'https://moved-on.test/'));
    await t.flush();
    expect(await w.keys()).toEqual(['t:101', 'w:100']);
    w.db.heal();
    t.windowFocused(win.id);
    await t.flush();
    expect(await w.keys()).toEqual(['t:101', 't:900', 'w:100']);
    const stored = (await w.store.live.read()).find((r) => r.key === 't:900');
    expect(stored?.value).toMatchObject({ url: 'https://moved-on.test/' });
  });

  it('tries a failed write again by itself, with no further event', async () => {
    const w = faultyWorld();
    const win = w.fake.addWindow(['https://a.test/']);
    const t = w.ctx.tracker;
    await t.start();
    w.db.failNth(1, 'AbortError', LIVE_WRITES);
    t.tabCreated(tab(900, win.id, 1));
    await t.flush();
    expect(await w.keys()).not.toContain('t:900');
    await vi.waitFor(async () => expect(await w.keys()).toContain('t:900'), { timeout: 3000, interval: 50 });
  });

  it('after one transient failure at start, tracks events and answers recovery.status', async () => {
    const w = faultyWorld();
    const win = w.fake.addWindow(['https://a.test/']);
    w.db.failOpen('UnknownError');
    await expect(startWorker(w.ctx)).resolves.toBeUndefined();
    w.ctx.tracker.tabCreated(tab(900, win.id, 1));
    await w.ctx.tracker.flush();
    expect(await w.keys()).toEqual(['t:101', 't:900', 'w:100']);
    expect(await w.handlers['recovery.status']({})).toEqual({});
    // The run start ran once it could: the autosave alarm is set, this run is marked.
    expect(w.fake.alarms.has('autosave')).toBe(true);
    expect(w.fake.session.size).toBe(1);
  });

  it('runs a crash recovery that failed on the database again before the new run overwrites the old one', async () => {
    const w = faultyWorld();
    w.fake.addWindow(['https://old.test/']);
    await startWorker(w.ctx);
    // Crash; the next run's first open fails.
    await w.store.close();
    const r = nextRun(w);
    r.fake.addWindow(['https://new.test/']);
    w.db.failOpen('UnknownError');
    const outcome = await startWorker(r.ctx).catch((e: unknown) => e);
    await r.ctx.tracker.flush();
    const recovered = (await r.store.sessions.list()).filter((s) => s.kind === 'recovered');
    expect(recovered.map((s) => s.counts.tabs)).toEqual([1]);
    expect((await r.store.sessions.body(recovered[0]!.id))?.windows[0]?.tabs[0]?.url).toBe('https://old.test/');
    expect(outcome).toBeUndefined();
    expect((await r.store.live.read()).map((x) => x.value)).toMatchObject([{ id: 100 }, { url: 'https://new.test/' }]);
  });

  it('holds the events that come while an old page blocks the upgrade, and writes them once it lets go', async () => {
    const db = new FaultyDatabase();
    const release = await db.blockUpgrade();
    const w = fakeWorker({ store: db.store() });
    const win = w.fake.addWindow(['https://a.test/']);
    let started = false;
    void w.ctx.tracker.start().then(() => (started = true));
    w.ctx.tracker.tabCreated(tab(900, win.id, 1));
    await new Promise((r) => setTimeout(r, 200));
    expect(started).toBe(false);
    release();
    await w.ctx.tracker.flush();
    expect((await w.store.live.read()).map((r) => r.key).sort()).toEqual(['t:101', 't:900', 'w:100']);
  });

  it('goes on tracking, alarms and all, when crash recovery fails for a reason retrying cannot fix', async () => {
    const w = faultyWorld();
    const win = w.fake.addWindow(['https://a.test/']);
    w.ctx.recovery.beginRun = () => Promise.reject(new TypeError('a bug'));
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await startWorker(w.ctx);
    errors.mockRestore();
    w.ctx.tracker.tabCreated(tab(900, win.id, 1));
    await w.ctx.tracker.flush();
    expect(await w.keys()).toEqual(['t:101', 't:900', 'w:100']);
    expect(w.fake.alarms.has('autosave')).toBe(true);
  });

  it('keeps the fuller copy as the backup when the state shrinks, so recovery can still offer it', async () => {
    const w = world();
    const win = w.fake.addWindow(Array.from({ length: 15 }, (_, i) => `https://t${i}.test/`));
    await w.ctx.tracker.start();
    await w.ctx.tracker.writeRecoveryCopy();
    for (const t of win.tabs.slice(5)) w.ctx.tracker.tabRemoved(t.id, win.id, false);
    await w.ctx.tracker.flush();
    await w.ctx.tracker.writeRecoveryCopy();
    await w.ctx.tracker.writeRecoveryCopy();
    const tabs = async (key: string) =>
      ((await w.store.meta.get<{ windows: { tabs: unknown[] }[] }>(key))?.windows ?? []).flatMap((x) => x.tabs).length;
    expect(await tabs('copy:recovery')).toBe(5);
    expect(await tabs('copy:backup')).toBe(15);
  });
});
