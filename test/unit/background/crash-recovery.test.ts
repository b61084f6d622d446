import { describe, expect, it } from 'vitest';
import { Tracker } from '../../../src/background/tracker.ts';
import { makeCopy } from '../../../src/core/recovery-rules.ts';
import { openDatabase } from '../../../src/store/db.ts';
import { readLiveState } from '../../../src/store/live-repo.ts';
import { getMeta, setMeta } from '../../../src/store/meta-repo.ts';
import { listSessions } from '../../../src/store/sessions-repo.ts';
import { createStore } from '../../../src/store/store.ts';
import { fakeWorker, nextRun as nextWorkerRun, type FakeWorker } from '../fakes/fake-worker.ts';

/** A worker whose database the test can also reach directly. */
function world(name = `db-${Math.random()}`) {
  const dbp = openDatabase(name);
  const w = fakeWorker({ store: createStore(name, () => dbp) });
  return { ...w, db: () => dbp, tick: (ms: number) => (w.clock.now += ms) };
}

/** A new browser run on the same database: storage.session is empty again. */
function nextRun(prev: FakeWorker & { db: () => Promise<import('../../../src/store/db.ts').DB> }) {
  return { ...nextWorkerRun(prev), db: prev.db };
}

describe('live tracking in the worker', () => {
  it('writes what the mirror holds and, after a worker restart, only what changed while it slept', async () => {
    const w = world();
    w.fake.addWindow(['https://a.test/', 'https://b.test/']);
    const t1 = new Tracker(w.ctx);
    await t1.start();
    const db = await w.db();
    expect((await readLiveState(db)).map((r) => r.key).sort()).toEqual(['t:101', 't:102', 'w:100']);
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

describe('autosave', () => {
  it('saves only when something changed, skips one sudden drop, and keeps the newest N', async () => {
    const w = world();
    const win = w.fake.addWindow(Array.from({ length: 6 }, (_, i) => `https://s${i}.test/`));
    const s = w.ctx;
    await w.handlers['settings.set']({ retention: 2 });
    await s.tracker.start();
    expect((await s.autosave.run()).outcome).toBe('saved');
    expect((await s.autosave.run()).outcome).toBe('unchanged');
    for (const t of win.tabs.slice(1)) s.tracker.tabRemoved(t.id, win.id, false);
    expect((await s.autosave.run()).outcome).toBe('guarded');
    expect((await s.autosave.run()).outcome).toBe('saved');
    s.tracker.tabCreated({
      id: 5000,
      windowId: win.id,
      index: 1,
      url: 'https://x.test/',
      title: '',
      pinned: false,
      active: false,
    });
    expect((await s.autosave.run()).outcome).toBe('saved');
    const kinds = (await listSessions(await w.db())).map((x) => x.kind);
    expect(kinds).toEqual(['autosave', 'autosave']);
  });
});
