// The manager's edits of saved tabs across sessions, as pure functions: take checked tabs out of a
// session (remembering where each was, for Undo), put them back where they were, gather them into
// one window of another session. The worker runs them inside one store transaction.
import type { SessionBody, TabRecord, WindowRecord } from './model.ts';
import { UserError } from './user-error.ts';

/** A saved tab as a page names it: where it is, and its address (so a stale index is refused). */
export interface TabRef {
  sessionId: string;
  windowIndex: number;
  tabIndex: number;
  url: string;
}

export interface RemovedTab {
  windowIndex: number;
  tabIndex: number;
  tab: TabRecord;
}

/** What one removal took out of a session: its tabs, and the windows it emptied (without tabs). */
export interface Removal {
  tabs: RemovedTab[];
  windows: { windowIndex: number; window: WindowRecord }[];
}

const byPosition = (a: { windowIndex: number; tabIndex: number }, b: { windowIndex: number; tabIndex: number }) =>
  a.windowIndex - b.windowIndex || a.tabIndex - b.tabIndex;

/** The refs of each session, in the order sessions were first named, each in tab order, once. */
export function refsBySession(refs: readonly TabRef[]): Map<string, TabRef[]> {
  const out = new Map<string, TabRef[]>();
  const seen = new Set<string>();
  for (const r of refs) {
    const k = `${r.sessionId}\n${r.windowIndex}\n${r.tabIndex}`;
    if (seen.has(k)) continue;
    seen.add(k);
    const list = out.get(r.sessionId) ?? [];
    list.push(r);
    out.set(r.sessionId, list);
  }
  for (const list of out.values()) list.sort(byPosition);
  return out;
}

/** Refuses when a named tab is no longer where the page saw it (the session changed meanwhile). */
export function checkRefs(body: SessionBody, refs: readonly TabRef[]): void {
  for (const r of refs) {
    if (body.windows[r.windowIndex]?.tabs[r.tabIndex]?.url !== r.url) {
      throw new UserError('refused', { key: 'errManagerTabsChanged' });
    }
  }
}

/** Takes tabs out of a body; a window left without tabs goes too. */
export function removeTabs(
  body: SessionBody,
  refs: readonly { windowIndex: number; tabIndex: number }[],
): { body: SessionBody; removal: Removal } {
  const drop = new Set(refs.map((r) => `${r.windowIndex}:${r.tabIndex}`));
  const removal: Removal = { tabs: [], windows: [] };
  const windows: WindowRecord[] = [];
  body.windows.forEach((w, wi) => {
    const kept: TabRecord[] = [];
    w.tabs.forEach((tab, ti) => {
      if (drop.has(`${wi}:${ti}`)) removal.tabs.push({ windowIndex: wi, tabIndex: ti, tab });
      else kept.push(tab);
    });
    if (kept.length > 0) windows.push(kept.length === w.tabs.length ? w : { ...w, tabs: kept });
    else if (w.tabs.length > 0) removal.windows.push({ windowIndex: wi, window: { ...w, tabs: [] } });
    else windows.push(w);
  });
  return { body: { ...body, windows }, removal };
}

/**
 * Puts removed tabs back where they were. Exact when the session did not change since; otherwise
 * each goes as near its old place as the session now allows (never lost).
 */
export function reinsertTabs(body: SessionBody, removal: Removal): SessionBody {
  const windows = body.windows.map((w) => ({ ...w, tabs: [...w.tabs] }));
  for (const { windowIndex, window } of [...removal.windows].sort((a, b) => a.windowIndex - b.windowIndex)) {
    windows.splice(Math.min(windowIndex, windows.length), 0, { ...window, tabs: [] });
  }
  for (const r of [...removal.tabs].sort(byPosition)) {
    if (windows.length === 0) windows.push(looseWindow([]));
    const w = windows[Math.min(r.windowIndex, windows.length - 1)]!;
    w.tabs.splice(Math.min(r.tabIndex, w.tabs.length), 0, r.tab);
  }
  return { ...body, windows: windows.filter((w) => w.tabs.length > 0) };
}

/** Tabs gathered from anywhere into one new window: no group, no active tab but the first. */
export function looseWindow(tabs: readonly TabRecord[]): WindowRecord {
  return {
    type: 'normal',
    state: 'normal',
    incognito: false,
    focused: true,
    groups: [],
    tabs: tabs.map((t, i) => {
      const { groupIndex: _g, active: _a, ...rest } = t;
      return i === 0 ? { ...rest, active: true } : rest;
    }),
  };
}
