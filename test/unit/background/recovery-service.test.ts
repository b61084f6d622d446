// A fresh browser run turns the previous run into one recovered session, once.
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
