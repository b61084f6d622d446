// The live mirror in the worker: written to IndexedDB, and after a worker restart only what changed.
import { describe, expect, it } from 'vitest';
import { Tracker } from '../../../src/background/tracker.ts';
import { openDatabase } from '../../../src/store/db.ts';
import { readLiveState } from '../../../src/store/live-repo.ts';
import { createStore } from '../../../src/store/store.ts';
import { fakeWorker } from '../fakes/fake-worker.ts';

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
