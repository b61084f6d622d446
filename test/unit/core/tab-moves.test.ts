import { describe, expect, it } from 'vitest';
import type { SessionBody, TabRecord, WindowRecord } from '../../../src/core/model.ts';
import { looseWindow, refsBySession, reinsertTabs, removeTabs } from '../../../src/core/tab-moves.ts';

const tab = (url: string, extra: Partial<TabRecord> = {}): TabRecord => ({ url, title: url, ...extra });
const win = (urls: string[]): WindowRecord => ({
  type: 'normal',
  state: 'normal',
  incognito: false,
  focused: false,
  groups: [{ title: 'G', color: 'blue', collapsed: false }],
  tabs: urls.map((u) => tab(u)),
});
const body = (...windows: string[][]): SessionBody => ({ id: 's', windows: windows.map(win) });
const urls = (b: SessionBody) => b.windows.map((w) => w.tabs.map((t) => t.url));

describe('taking tabs out of a session and putting them back', () => {
  it('removes the named tabs, drops a window left empty, and reinserting restores the body exactly', () => {
    const b = body(['a', 'b', 'c'], ['d'], ['e', 'f']);
    const { body: after, removal } = removeTabs(b, [
      { windowIndex: 0, tabIndex: 0 },
      { windowIndex: 0, tabIndex: 2 },
      { windowIndex: 1, tabIndex: 0 },
      { windowIndex: 2, tabIndex: 1 },
    ]);
    expect(urls(after)).toEqual([['b'], ['e']]);
    expect(removal.windows.map((w) => w.windowIndex)).toEqual([1]);
    expect(reinsertTabs(after, removal)).toEqual(b);
  });

  it('puts tabs back near their place when the session changed meanwhile, losing none', () => {
    const b = body(['a', 'b', 'c']);
    const { body: after, removal } = removeTabs(b, [{ windowIndex: 0, tabIndex: 2 }]);
    const changed: SessionBody = { ...after, windows: [] };
    expect(urls(reinsertTabs(changed, removal))).toEqual([['c']]);
  });
});

describe('gathering tabs from several windows', () => {
  it('makes one window without groups, with only its first tab active', () => {
    const w = looseWindow([tab('a', { groupIndex: 0, active: true }), tab('b', { active: true, pinned: true })]);
    expect(w.groups).toEqual([]);
    expect(w.tabs).toEqual([
      { url: 'a', title: 'a', active: true },
      { url: 'b', title: 'b', pinned: true },
    ]);
  });

  it('groups refs by session in tab order, each tab once', () => {
    const r = (sessionId: string, windowIndex: number, tabIndex: number) => ({
      sessionId,
      windowIndex,
      tabIndex,
      url: '',
    });
    const m = refsBySession([r('y', 1, 0), r('x', 0, 3), r('y', 0, 2), r('y', 1, 0)]);
    expect([...m.keys()]).toEqual(['y', 'x']);
    expect(m.get('y')!.map((x) => [x.windowIndex, x.tabIndex])).toEqual([
      [0, 2],
      [1, 0],
    ]);
  });
});
