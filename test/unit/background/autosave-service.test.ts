// Autosaves: only when something changed, one sudden drop skipped, the newest N kept (and the
// snapshot a Replace can be undone with).
import { describe, expect, it } from 'vitest';
import { LAST_REPLACE_KEY } from '../../../src/background/restore/restore-service.ts';
import type { WindowRecord } from '../../../src/core/model.ts';
import type { LastReplace } from '../../../src/shared/messages/sessions-messages.ts';
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

  it('keeps the snapshot that undoes a Replace, however many windows close after it', async () => {
    const w = world();
    await w.handlers['settings.set']({ retention: 2 });
    const closed = (url: string): WindowRecord[] => [
      { type: 'normal', state: 'normal', incognito: false, focused: false, tabs: [{ url, title: url }], groups: [] },
    ];
    // Replace closes the open windows: their snapshot first, then one window-closed snapshot each.
    const undo = await w.ctx.sessions.store(closed('https://before.test/'), 'window-closed');
    const last: LastReplace = { snapshotId: undo.id, at: w.clock.now, windows: 1, tabs: 1 };
    await w.ctx.store.meta.set({ [LAST_REPLACE_KEY]: last });
    for (let i = 0; i < 3; i++) {
      w.tick(1000);
      await w.ctx.autosave.saveClosedWindow(closed(`https://closed${i}.test/`));
    }
    const ids = (await listSessions(await w.db())).map((x) => x.id);
    expect(ids).toHaveLength(3);
    expect(ids).toContain(undo.id);
  });
});
