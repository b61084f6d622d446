import { describe, expect, it } from 'vitest';
import type { WindowRecord } from '../../../src/core/model.ts';
import { planRestore } from '../../../src/core/restore-plan.ts';

const win = (urls: string[], extra: Partial<WindowRecord> = {}): WindowRecord => ({
  type: 'normal',
  state: 'normal',
  incognito: false,
  focused: false,
  tabs: urls.map((url, i) => ({ url, title: `T${i}` })),
  groups: [],
  ...extra,
});

describe('restore plan', () => {
  it('opens each window with its tabs in order; only the active and pinned tabs load at once', () => {
    const w = win(['https://a.test/', 'https://b.test/', 'https://c.test/']);
    w.tabs[0]!.pinned = true;
    w.tabs[2]!.active = true;
    const plan = planRestore([w], { kind: 'new-windows' }, { lazy: true });
    const tabs = plan.windows[0]!.tabs;
    expect(tabs.map((t) => (t.open.kind === 'url' ? t.open.url : t.open.kind))).toEqual([
      'https://a.test/',
      'https://b.test/',
      'https://c.test/',
    ]);
    expect(tabs.map((t) => t.lazy)).toEqual([false, true, false]);
    expect(tabs.map((t) => t.active)).toEqual([false, false, true]);
    expect(plan.tabCount).toBe(3);
  });

  it('never opens a javascript: URL: it becomes a blocked placeholder', () => {
    const plan = planRestore(
      [win(['javascript:alert(1)', ' JaVa\tScript:alert(2)', 'chrome://settings/', 'https://ok.test/'])],
      { kind: 'new-windows' },
      { lazy: false },
    );
    const kinds = plan.windows[0]!.tabs.map((t) => t.open.kind);
    expect(kinds).toEqual(['blocked', 'blocked', 'blocked', 'url']);
    expect(plan.blockedCount).toBe(3);
  });

  it('opens the browser new-tab page as a plain new tab', () => {
    const plan = planRestore([win(['chrome://newtab/'])], { kind: 'new-windows' }, { lazy: true });
    expect(plan.windows[0]!.tabs[0]!.open).toEqual({ kind: 'newtab' });
  });

  it('makes exactly one tab active per window and focuses the window that was focused', () => {
    const a = win(['https://a.test/', 'https://b.test/']);
    a.tabs[0]!.active = true;
    a.tabs[1]!.active = true;
    const b = win(['https://c.test/'], { focused: true });
    const plan = planRestore([a, b], { kind: 'new-windows' }, { lazy: true });
    expect(plan.windows[0]!.tabs.filter((t) => t.active)).toHaveLength(1);
    expect(plan.windows[1]!.tabs[0]!.active).toBe(true);
    expect(plan.windows.map((w) => w.focused)).toEqual([false, true]);
  });

  it('keeps window state and bounds, groups and skips empty windows', () => {
    const w = win(['https://a.test/'], {
      state: 'maximized',
      bounds: { left: 1, top: 2, width: 3, height: 4 },
      groups: [{ title: 'G', color: 'red', collapsed: true }],
    });
    w.tabs[0]!.groupIndex = 0;
    const plan = planRestore([w, win([])], { kind: 'new-windows' }, { lazy: true });
    expect(plan.windows).toHaveLength(1);
    expect(plan.windows[0]!.target).toMatchObject({ kind: 'new', state: 'maximized', bounds: { width: 3 } });
    expect(plan.windows[0]!.groups[0]!.title).toBe('G');
    expect(plan.windows[0]!.tabs[0]!.groupIndex).toBe(0);
  });

  it('restores one window, one tab, into the current window, or replacing the open windows', () => {
    const a = win(['https://a.test/', 'https://b.test/'], {
      groups: [{ title: 'A', color: 'blue', collapsed: false }],
    });
    a.tabs[1]!.groupIndex = 0;
    const b = win(['https://c.test/'], { groups: [{ title: 'B', color: 'red', collapsed: false }] });
    b.tabs[0]!.groupIndex = 0;
    expect(planRestore([a, b], { kind: 'one-window', windowIndex: 1 }, { lazy: true }).tabCount).toBe(1);
    const one = planRestore([a, b], { kind: 'one-tab', windowIndex: 0, tabIndex: 1, intoWindowId: 9 }, { lazy: true });
    expect(one.windows[0]!.target).toEqual({ kind: 'existing', windowId: 9 });
    expect(one.windows[0]!.tabs[0]).toMatchObject({ active: true, lazy: false, open: { url: 'https://b.test/' } });
    const cur = planRestore([a, b], { kind: 'current-window', windowId: 5 }, { lazy: true });
    expect(cur.windows).toHaveLength(1);
    expect(cur.windows[0]!.groups.map((g) => g.title)).toEqual(['A', 'B']);
    expect(cur.windows[0]!.tabs.map((t) => t.groupIndex)).toEqual([undefined, 0, 1]);
    const rep = planRestore([a], { kind: 'replace', windowIds: [3, 4] }, { lazy: true });
    expect(rep.closeWindowIds).toEqual([3, 4]);
  });
});
