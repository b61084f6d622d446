// The search index repairs itself: sessions that have no search text (a migration that stopped
// early, a record lost) are indexed again when the index loads, and found.
import { describe, expect, it } from 'vitest';
import type { WindowRecord } from '../../../src/core/model.ts';
import { openDatabase } from '../../../src/store/db.ts';
import { createStore } from '../../../src/store/store.ts';
import { fakeWorker } from '../fakes/fake-worker.ts';

const win = (url: string, title: string): WindowRecord[] => [
  { type: 'normal', state: 'normal', incognito: false, focused: true, groups: [], tabs: [{ url, title }] },
];

function world() {
  const name = `search-${Math.random()}`;
  const dbp = openDatabase(name);
  return { ...fakeWorker({ store: createStore(name, () => dbp) }), db: () => dbp };
}

describe('search index', () => {
  it('rebuilds the search text of sessions that have none, and finds them', async () => {
    const w = world();
    await w.ctx.sessions.store(win('https://lisbon.test/', 'Lisbon trams'), 'manual', 'Holiday');
    const lost = await w.ctx.sessions.store(win('https://porto.test/', 'Porto bridges'), 'manual', 'Weekend');
    const db = await w.db();
    await db.delete('search', lost.id);
    const found = await w.handlers['sessions.search']({ query: 'porto' });
    expect(found.results.map((r) => r.session.name)).toEqual(['Weekend']);
    // Written back, so the next worker finds it without rebuilding.
    expect((await db.get('search', lost.id))?.text).toContain('Porto bridges');
  });

  it('skips a session whose body is damaged and still finds the others', async () => {
    const w = world();
    const ok = await w.ctx.sessions.store(win('https://lisbon.test/', 'Lisbon trams'), 'manual', 'Holiday');
    const bad = await w.ctx.sessions.store(win('https://porto.test/', 'Porto bridges'), 'manual', 'Weekend');
    const db = await w.db();
    await db.delete('search', ok.id);
    await db.delete('search', bad.id);
    await db.put('bodies', { id: bad.id, windows: null } as never);
    expect((await w.handlers['sessions.search']({ query: 'lisbon' })).results.map((r) => r.session.id)).toEqual([
      ok.id,
    ]);
  });
});
