// The checked tabs, across windows and sessions: a map from a tab's place to its reference, kept
// while the person switches sessions. Immutable: each change makes a new Selection, so Preact sees
// it changed, and checking 1,000 tabs is one copy, not 1,000.
import type { TabRef } from '../../shared/messages/manager-messages.ts';

export type Selection = ReadonlyMap<string, TabRef>;

export const EMPTY: Selection = new Map();

export function refKey(r: Pick<TabRef, 'sessionId' | 'windowIndex' | 'tabIndex'>): string {
  return `${r.sessionId}\n${r.windowIndex}\n${r.tabIndex}`;
}

export function isChecked(sel: Selection, r: Pick<TabRef, 'sessionId' | 'windowIndex' | 'tabIndex'>): boolean {
  return sel.has(refKey(r));
}

/** Checks or unchecks one tab. */
export function toggle(sel: Selection, r: TabRef, on = !isChecked(sel, r)): Selection {
  const next = new Map(sel);
  if (on) next.set(refKey(r), r);
  else next.delete(refKey(r));
  return next;
}

/**
 * Shift-click or shift-space: every tab from the anchor to `to` (in list order) takes the state
 * the clicked tab takes, as in a file manager.
 */
export function setRange(sel: Selection, tabs: readonly TabRef[], anchor: number, to: number, on: boolean): Selection {
  const next = new Map(sel);
  const [a, b] = anchor <= to ? [anchor, to] : [to, anchor];
  for (let i = Math.max(0, a); i <= Math.min(b, tabs.length - 1); i++) {
    const r = tabs[i]!;
    if (on) next.set(refKey(r), r);
    else next.delete(refKey(r));
  }
  return next;
}

/** Ctrl/Cmd+A: every tab of the session; again when all are checked: none of them. */
export function toggleAll(sel: Selection, tabs: readonly TabRef[]): Selection {
  const all = tabs.every((r) => sel.has(refKey(r)));
  const next = new Map(sel);
  for (const r of tabs) {
    if (all) next.delete(refKey(r));
    else next.set(refKey(r), r);
  }
  return next;
}

/** Drops the tabs of these sessions (their places changed after a move or a delete). */
export function without(sel: Selection, sessionIds: readonly string[]): Selection {
  const gone = new Set(sessionIds);
  const next = new Map([...sel].filter(([, r]) => !gone.has(r.sessionId)));
  return next.size === sel.size ? sel : next;
}

/** How many checked tabs each session holds (for the list's badges). */
export function countBySession(sel: Selection): Map<string, number> {
  const m = new Map<string, number>();
  for (const r of sel.values()) m.set(r.sessionId, (m.get(r.sessionId) ?? 0) + 1);
  return m;
}
