// Autosaves: only when something changed, one sudden drop skipped, the newest N kept.
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/store/db.ts';
import { listSessions } from '../../../src/store/sessions-repo.ts';
import { createStore } from '../../../src/store/store.ts';
import { fakeWorker } from '../fakes/fake-worker.ts';

/** A worker whose database the test can also reach directly. */
function world(name = `db-${Math.random()}`) {
  const dbp = openDatabase(name);
  const w = fakeWorker({ store: createStore(name, () => dbp) });
  return { ...w, db: () => dbp, tick: (ms: number) => (w.clock.now += ms) };
}

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
