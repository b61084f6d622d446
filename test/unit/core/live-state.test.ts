import { describe, expect, it } from 'vitest';
import type { RawTab } from '../../../src/core/capture.ts';
import { LiveState, parseLiveRecords, snapshotFromRecords } from '../../../src/core/live-state.ts';

const BASE = 'chrome-extension://x/';
const tab = (id: number, windowId: number, index: number, extra: Partial<RawTab> = {}) => ({
  id,
  windowId,
  index,
  url: `https://t${id}.test/`,
  title: `T${id}`,
  pinned: false,
  active: false,
  ...extra,
});

function withWindow(n: number): LiveState {
  const s = new LiveState();
  s.reset(
    [
      {
        id: 1,
        incognito: false,
        focused: true,
        tabs: Array.from({ length: n }, (_, i) => tab(100 + i, 1, i, { active: i === 0 })),
      },
    ],
    [],
  );
  s.takeChanges();
  return s;
}

const urls = (s: LiveState) => s.snapshot(BASE)[0]!.tabs.map((t) => t.url);

describe('live state: one event, a few records', () => {
  it('a tab opened at the end writes that one tab, with 10 or 2,000 tabs open', () => {
    for (const n of [10, 2000]) {
      const s = withWindow(n);
      s.tabCreated(tab(9999, 1, n));
      const c = s.takeChanges();
      expect(c.put.map((r) => r.key)).toEqual(['t:9999']);
      expect(c.del).toEqual([]);
    }
  });

  it('a tab opened in the middle writes only that tab and keeps the order', () => {
    const s = withWindow(2000);
    s.tabCreated(tab(9999, 1, 1));
    expect(s.takeChanges().put.map((r) => r.key)).toEqual(['t:9999']);
    expect(urls(s).slice(0, 3)).toEqual(['https://t100.test/', 'https://t9999.test/', 'https://t101.test/']);
  });

  it('many inserts at the same place stay ordered (positions renumber when floats run out)', () => {
    const s = withWindow(3);
    for (let i = 0; i < 80; i++) s.tabCreated(tab(500 + i, 1, 1));
    const got = urls(s);
    expect(got[0]).toBe('https://t100.test/');
    expect(got[1]).toBe('https://t579.test/');
    expect(got[80]).toBe('https://t500.test/');
    expect(got.slice(-2)).toEqual(['https://t101.test/', 'https://t102.test/']);
  });

  it('moves, attaches to another window, activates and removes with small writes', () => {
    const s = withWindow(5);
    s.tabMoved(100, 1, 4);
    expect(s.takeChanges().put.map((r) => r.key)).toEqual(['t:100']);
    expect(urls(s)[4]).toBe('https://t100.test/');
    s.windowCreated({ id: 2, incognito: false, focused: false });
    s.tabAttached(101, 2, 0);
    const c = s.takeChanges();
    expect(c.put.map((r) => r.key).sort()).toEqual(['t:101', 'w:2']);
    s.activeChanged(1, 102);
    expect(
      s
        .takeChanges()
        .put.map((r) => r.key)
        .sort(),
    ).toEqual(['t:100', 't:102']);
    s.tabRemoved(103);
    expect(s.takeChanges()).toEqual({ put: [], del: ['t:103'] });
    const snap = s.snapshot(BASE);
    expect(snap.map((w) => w.tabs.length)).toEqual([3, 1]);
  });

  it('an update that changes nothing writes nothing; a title change writes one record', () => {
    const s = withWindow(3);
    s.tabUpdated(tab(101, 1, 1));
    expect(s.hasChanges()).toBe(false);
    s.tabUpdated(tab(101, 1, 1, { title: 'New title' }));
    expect(s.takeChanges().put).toHaveLength(1);
    expect(s.snapshot(BASE)[0]!.tabs[1]!.title).toBe('New title');
  });

  it('a replaced tab (discard, prerender) keeps its place under the new id', () => {
    const s = withWindow(3);
    s.tabReplaced(777, 101);
    const c = s.takeChanges();
    expect(c.put.map((r) => r.key)).toEqual(['t:777']);
    expect(c.del).toEqual(['t:101']);
    expect(urls(s)[1]).toBe('https://t101.test/');
  });

  it('a closed window takes its tabs and groups with it', () => {
    const s = withWindow(2);
    s.groupChanged({ id: 5, windowId: 1, title: 'G', color: 'blue', collapsed: false });
    s.takeChanges();
    s.windowRemoved(1);
    expect(s.takeChanges().del.sort()).toEqual(['g:5', 't:100', 't:101', 'w:1']);
    expect(s.snapshot(BASE)).toEqual([]);
  });

  it('persisted records rebuild the same windows, even with a window record missing', () => {
    const s = withWindow(4);
    s.groupChanged({ id: 5, windowId: 1, title: 'G', color: 'red', collapsed: true });
    s.takeChanges();
    s.tabUpdated(tab(102, 1, 2, { groupId: 5 }));
    const records = s.keys().map((key) => {
      const [k, id] = key.split(':') as [string, string];
      const m = k === 'w' ? s.windows : k === 't' ? s.tabs : s.groups;
      return { key, value: (m as Map<number, unknown>).get(Number(id)) };
    });
    const p = parseLiveRecords(records);
    expect(snapshotFromRecords(p.windows, p.tabs, p.groups, BASE)).toEqual(s.snapshot(BASE));
    const noWindow = snapshotFromRecords([], p.tabs, p.groups, BASE);
    expect(noWindow[0]!.tabs.map((t) => t.url)).toEqual(urls(s));
  });

  it('ignores records it cannot read', () => {
    const p = parseLiveRecords([
      { key: 't:1', value: null },
      { key: 't:2', value: { id: 2 } },
      { key: 'w:3', value: 'x' },
    ]);
    expect(p).toEqual({ windows: [], tabs: [], groups: [] });
  });
});
