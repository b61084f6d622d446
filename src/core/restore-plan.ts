// Decides what a restore will do before anything touches the browser, so the plan can be tested
// without a browser and the executor stays a thin loop.
import type { Bounds, GroupRecord, TabRecord, WindowRecord, WindowState } from './model.ts';
import { checkUrl, type UrlPolicyOptions } from './url-policy.ts';

export type TabOpen =
  | { kind: 'url'; url: string }
  /** The browser's own new-tab page: create the tab without a URL. */
  | { kind: 'newtab' }
  /** Cannot be opened (script, privileged, file…): a placeholder that says why. */
  | { kind: 'blocked'; url: string; reason: string };

export interface TabStep {
  open: TabOpen;
  title: string;
  favIconUrl?: string;
  pinned: boolean;
  active: boolean;
  /** Load only when first activated. */
  lazy: boolean;
  muted: boolean;
  groupIndex?: number;
  cookieStoreId?: string;
}

export interface WindowStep {
  /** Open in a new window, or into an existing one (by id) for "current window" restores. */
  target:
    | { kind: 'new'; incognito: boolean; type: 'normal' | 'popup'; state: WindowState; bounds?: Bounds }
    | { kind: 'existing'; windowId: number };
  tabs: TabStep[];
  groups: GroupRecord[];
  focused: boolean;
}

export type RestoreMode =
  | { kind: 'new-windows' }
  | { kind: 'current-window'; windowId: number }
  | { kind: 'replace'; windowIds: number[] }
  | { kind: 'one-window'; windowIndex: number }
  | { kind: 'one-tab'; windowIndex: number; tabIndex: number; intoWindowId?: number };

export interface RestorePlan {
  windows: WindowStep[];
  /** Windows to close after the new ones exist (replace mode). */
  closeWindowIds: number[];
  tabCount: number;
  blockedCount: number;
}

export interface PlanOptions extends UrlPolicyOptions {
  lazy: boolean;
}

const NEWTAB = /^(chrome|edge|brave):\/\/newtab\/?$|^about:(newtab|home)$/i;

export function planTab(t: TabRecord, opts: PlanOptions): TabStep {
  let open: TabOpen;
  if (NEWTAB.test(t.url)) open = { kind: 'newtab' };
  else {
    const v = checkUrl(t.url, opts);
    open = v.openable ? { kind: 'url', url: t.url } : { kind: 'blocked', url: t.url, reason: v.reason };
  }
  const step: TabStep = {
    open,
    title: t.title || t.url,
    pinned: !!t.pinned,
    active: !!t.active,
    // Pinned and active tabs load at once; so do tabs that would be a placeholder anyway.
    lazy: opts.lazy && !t.active && !t.pinned && open.kind === 'url',
    muted: !!t.muted,
  };
  if (t.favIconUrl) step.favIconUrl = t.favIconUrl;
  if (t.groupIndex !== undefined) step.groupIndex = t.groupIndex;
  if (t.cookieStoreId) step.cookieStoreId = t.cookieStoreId;
  return step;
}

function planWindowTabs(w: WindowRecord, opts: PlanOptions): TabStep[] {
  const tabs = w.tabs.map((t) => planTab(t, opts));
  // Exactly one active tab per window, so the window never opens on a random tab.
  if (tabs.length > 0 && !tabs.some((t) => t.active)) {
    const first = tabs[0]!;
    first.active = true;
    first.lazy = false;
  }
  let seen = false;
  for (const t of tabs) {
    if (t.active && seen) t.active = false;
    else if (t.active) seen = true;
  }
  return tabs;
}

function newWindowStep(w: WindowRecord, opts: PlanOptions): WindowStep {
  const target: WindowStep['target'] = { kind: 'new', incognito: w.incognito, type: w.type, state: w.state };
  if (w.bounds) target.bounds = w.bounds;
  return { target, tabs: planWindowTabs(w, opts), groups: w.groups, focused: w.focused };
}

function finish(windows: WindowStep[], closeWindowIds: number[] = []): RestorePlan {
  let tabCount = 0;
  let blockedCount = 0;
  for (const w of windows) {
    tabCount += w.tabs.length;
    for (const t of w.tabs) if (t.open.kind === 'blocked') blockedCount++;
  }
  // Focus the window that was focused when saved (or the first), and only one.
  const focusIdx = Math.max(
    0,
    windows.findIndex((w) => w.focused),
  );
  windows.forEach((w, i) => (w.focused = i === focusIdx));
  return { windows, closeWindowIds, tabCount, blockedCount };
}

export function planRestore(windows: readonly WindowRecord[], mode: RestoreMode, opts: PlanOptions): RestorePlan {
  const nonEmpty = windows.filter((w) => w.tabs.length > 0);
  switch (mode.kind) {
    case 'new-windows':
      return finish(nonEmpty.map((w) => newWindowStep(w, opts)));
    case 'replace':
      return finish(
        nonEmpty.map((w) => newWindowStep(w, opts)),
        mode.windowIds,
      );
    case 'one-window': {
      const w = windows[mode.windowIndex];
      return finish(w && w.tabs.length > 0 ? [newWindowStep(w, opts)] : []);
    }
    case 'current-window': {
      // Everything into one existing window: groups are renumbered so they stay distinct.
      const tabs: TabStep[] = [];
      const groups: GroupRecord[] = [];
      for (const w of nonEmpty) {
        const offset = groups.length;
        groups.push(...w.groups);
        for (const t of planWindowTabs(w, opts)) {
          const step = { ...t, active: false, lazy: opts.lazy && t.open.kind === 'url' && !t.pinned };
          if (t.groupIndex !== undefined) step.groupIndex = t.groupIndex + offset;
          tabs.push(step);
        }
      }
      const first = tabs.find((t) => !t.pinned) ?? tabs[0];
      if (first) {
        first.active = true;
        first.lazy = false;
      }
      return finish(
        tabs.length ? [{ target: { kind: 'existing', windowId: mode.windowId }, tabs, groups, focused: true }] : [],
      );
    }
    case 'one-tab': {
      const w = windows[mode.windowIndex];
      const t = w?.tabs[mode.tabIndex];
      if (!w || !t) return finish([]);
      const step: TabStep = {
        ...planTab({ ...t, pinned: undefined, groupIndex: undefined } as TabRecord, opts),
        active: true,
        lazy: false,
      };
      delete step.groupIndex;
      const target: WindowStep['target'] =
        mode.intoWindowId !== undefined
          ? { kind: 'existing', windowId: mode.intoWindowId }
          : { kind: 'new', incognito: w.incognito, type: 'normal', state: 'normal' };
      return finish([{ target, tabs: [step], groups: [], focused: true }]);
    }
  }
}
