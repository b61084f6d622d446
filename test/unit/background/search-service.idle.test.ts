// The search index does not stay in the worker's memory for its whole life: it is let go once no
// search has come for a while, and the next search loads it again with the same results.
import { describe, expect, it } from 'vitest';
import type { WindowRecord } from '../../../src/core/model.ts';
import { SEARCH_IDLE_MS, SearchService, type IdleTimer } from '../../../src/background/search-service.ts';
import { fakeWorker } from '../fakes/fake-worker.ts';

const win = (url: string, title: string): WindowRecord[] => [
  { type: 'normal', state: 'normal', incognito: false, focused: true, groups: [], tabs: [{ url, title }] },
];

/** A timer the test fires by hand, after moving the worker's clock. */
function manualTimer() {
  const due: { fn: () => void; ms: number }[] = [];
  const timer: IdleTimer = { set: (fn, ms) => due.push({ fn, ms }) };
  return { timer, due, fire: () => due.splice(0).forEach((t) => t.fn()) };
}

async function world() {
  const w = fakeWorker();
  const t = manualTimer();
  const search = new SearchService(w.ctx, t.timer);
  await w.ctx.sessions.store(win('https://lisbon.test/trams', 'Lisbon trams'), 'manual', 'Holiday');
  await w.ctx.sessions.store(win('https://porto.test/bridges', 'Porto bridges'), 'manual', 'Weekend');
  return { ...w, ...t, search };
}

describe('search index when idle', () => {
  it('is dropped once no search came for the idle time, and rebuilt by the next search with equal results', async () => {
    const w = await world();
    const first = await w.search.search('trams');
    expect(first.map((r) => r.tabHits[0]?.title)).toEqual(['Lisbon trams']);
    expect(w.search.loaded).toBe(true);
    expect(w.due.map((d) => d.ms)).toEqual([SEARCH_IDLE_MS]);

    w.clock.now += SEARCH_IDLE_MS;
    w.fire();
    expect(w.search.loaded).toBe(false);

    const again = await w.search.search('trams');
    expect(w.search.loaded).toBe(true);
    expect(again).toEqual(first);
  });

  it('is kept while searches keep coming, until the idle time after the last one', async () => {
    const w = await world();
    await w.search.search('porto');
    w.clock.now += SEARCH_IDLE_MS - 1000;
    await w.search.search('bridges');
    w.clock.now += 1000;
    w.fire();
    expect(w.search.loaded).toBe(true);
    // It sleeps again for what is left since the last search.
    expect(w.due.map((d) => d.ms)).toEqual([SEARCH_IDLE_MS - 1000]);
    w.clock.now += SEARCH_IDLE_MS - 1000;
    w.fire();
    expect(w.search.loaded).toBe(false);
  });

  it('finds sessions saved while the index was dropped', async () => {
    const w = await world();
    await w.search.search('x');
    w.clock.now += SEARCH_IDLE_MS;
    w.fire();
    await w.ctx.sessions.store(win('https://braga.test/', 'Braga cathedral'), 'manual', 'Day trip');
    expect((await w.search.search('cathedral')).map((r) => r.tabHits[0]?.url)).toEqual(['https://braga.test/']);
  });
});
