// A mirror of the running browser's windows, tabs and groups, kept up to date by tab events.
// Each change marks only the records it touches, so persisting an event costs the same with 10 or
// 2,000 open tabs. Tab order is a fractional position per tab: opening a tab between two others
// rewrites that one tab, not every tab after it.
import { captureWindows, type RawGroup, type RawTab, type RawWindow } from './capture.ts';
import type { WindowRecord } from './model.ts';

export interface LiveTab extends RawTab {
  id: number;
  windowId: number;
  /** Sort key within the window; only relative order matters. */
  pos: number;
}

export interface LiveWindow {
  id: number;
  type?: string;
  state?: string;
  left?: number;
  top?: number;
  width?: number;
  height?: number;
  incognito: boolean;
  focused: boolean;
}

export type LiveRecord =
  | { key: `w:${number}`; value: LiveWindow }
  | { key: `t:${number}`; value: LiveTab }
  | { key: `g:${number}`; value: RawGroup };

export interface LiveChanges {
  put: LiveRecord[];
  del: string[];
}

const TAB_FIELDS = [
  'url',
  'pendingUrl',
  'title',
  'favIconUrl',
  'pinned',
  'active',
  'groupId',
  'mutedInfo',
  'cookieStoreId',
  'incognito',
  'lastAccessed',
] as const;

/**
 * A position in the middle half of (prev, next) with the fewest decimals: 13.3 rather than the
 * midpoint 13.5, and after many inserts 13.3417 rather than 13.637901306152344. Positions are
 * stored in every tab record, journal entry and checkpoint; short ones cost a few bytes each.
 */
export function between(prev: number, next: number): number {
  const quarter = (next - prev) / 4;
  const lo = prev + quarter;
  const hi = next - quarter;
  for (let d = 0; d <= 15; d++) {
    const scale = 10 ** d;
    const c = Number((Math.ceil(lo * scale) / scale).toFixed(d));
    if (c >= lo && c <= hi && c > prev && c < next) return c;
  }
  return (prev + next) / 2;
}

function pickTab(t: RawTab & { id: number; windowId: number }, pos: number): LiveTab {
  const out: LiveTab = { id: t.id, windowId: t.windowId, index: t.index, pos, pinned: t.pinned, active: t.active };
  for (const f of TAB_FIELDS) if (t[f] !== undefined) (out as unknown as Record<string, unknown>)[f] = t[f];
  // lastAccessed changes on every activation; it is not worth a write of its own.
  delete out.lastAccessed;
  // Chromium sends { muted: false } for every tab: only a muted one is worth its bytes.
  if (!out.mutedInfo?.muted) delete out.mutedInfo;
  return out;
}

function pickWindow(w: RawWindow & { id: number }): LiveWindow {
  const out: LiveWindow = { id: w.id, incognito: w.incognito, focused: w.focused };
  for (const f of ['type', 'state', 'left', 'top', 'width', 'height'] as const)
    if (w[f] !== undefined) (out as unknown as Record<string, unknown>)[f] = w[f];
  return out;
}

/**
 * The changes without the records of private (incognito) windows: their windows, tabs and groups
 * stay in memory. Deletes stay, so records written while private windows were kept go away.
 */
export function withoutPrivate(changes: LiveChanges, isPrivateWindow: (windowId: number) => boolean): LiveChanges {
  const put = changes.put.filter((r) => !isPrivateWindow(windowOf(r)));
  return put.length === changes.put.length ? changes : { put, del: changes.del };
}

function windowOf(r: LiveRecord): number {
  return r.key.startsWith('w:') ? (r.value as LiveWindow).id : (r.value as LiveTab | RawGroup).windowId;
}

export class LiveState {
  readonly windows = new Map<number, LiveWindow>();
  readonly tabs = new Map<number, LiveTab>();
  readonly groups = new Map<number, RawGroup>();
  /** Tab ids of each window in order. */
  private readonly order = new Map<number, number[]>();
  private readonly dirty = new Set<string>();
  private readonly removed = new Set<string>();

  /** Rebuilds from a full read of the browser; everything becomes dirty. */
  reset(windows: readonly RawWindow[], groups: readonly RawGroup[]): void {
    for (const k of this.keys()) this.removed.add(k);
    this.windows.clear();
    this.tabs.clear();
    this.groups.clear();
    this.order.clear();
    for (const w of windows) {
      if (w.id === undefined) continue;
      this.putWindow(pickWindow(w as RawWindow & { id: number }));
      const tabs = [...(w.tabs ?? [])].sort((a, b) => a.index - b.index);
      const ids: number[] = [];
      tabs.forEach((t, i) => {
        if (t.id === undefined) return;
        this.putTab(pickTab({ ...t, id: t.id, windowId: w.id! }, i + 1));
        ids.push(t.id);
      });
      this.order.set(w.id, ids);
    }
    for (const g of groups) this.putGroup(g);
  }

  keys(): string[] {
    return [
      ...[...this.windows.keys()].map((id) => `w:${id}`),
      ...[...this.tabs.keys()].map((id) => `t:${id}`),
      ...[...this.groups.keys()].map((id) => `g:${id}`),
    ];
  }

  private putWindow(w: LiveWindow): void {
    this.windows.set(w.id, w);
    this.mark(`w:${w.id}`);
  }

  private putTab(t: LiveTab): void {
    this.tabs.set(t.id, t);
    this.mark(`t:${t.id}`);
  }

  private putGroup(g: RawGroup): void {
    this.groups.set(g.id, g);
    this.mark(`g:${g.id}`);
  }

  private mark(key: string): void {
    this.dirty.add(key);
    this.removed.delete(key);
  }

  private drop(key: string): void {
    this.dirty.delete(key);
    this.removed.add(key);
  }

  private ids(windowId: number): number[] {
    let ids = this.order.get(windowId);
    if (!ids) this.order.set(windowId, (ids = []));
    return ids;
  }

  /** A position between the neighbours at `index`; renumbers the window when floats run out. */
  private insertAt(windowId: number, tabId: number, index: number): number {
    const ids = this.ids(windowId);
    const at = Math.max(0, Math.min(index, ids.length));
    ids.splice(at, 0, tabId);
    const prev = at > 0 ? (this.tabs.get(ids[at - 1]!)?.pos ?? 0) : 0;
    const next = at + 1 < ids.length ? this.tabs.get(ids[at + 1]!)?.pos : undefined;
    const pos = next === undefined ? Math.floor(prev) + 1 : between(prev, next);
    if (next !== undefined && (pos <= prev || pos >= next || next - prev < 1e-9)) {
      this.renumber(windowId, tabId);
      return ids.indexOf(tabId) + 1;
    }
    return pos;
  }

  private renumber(windowId: number, except: number): void {
    this.ids(windowId).forEach((id, i) => {
      const t = this.tabs.get(id);
      if (t && id !== except) this.putTab({ ...t, pos: i + 1 });
    });
  }

  private removeFromOrder(windowId: number, tabId: number): void {
    const ids = this.order.get(windowId);
    if (!ids) return;
    const i = ids.indexOf(tabId);
    if (i >= 0) ids.splice(i, 1);
  }

  private reindexFrom(windowId: number): void {
    // Index is only a hint for capture order; pos is the truth. Keep index in memory current
    // without marking records dirty (that would make one move cost O(tabs)).
    this.ids(windowId).forEach((id, i) => {
      const t = this.tabs.get(id);
      if (t) t.index = i;
    });
  }

  windowCreated(w: RawWindow & { id: number }): void {
    this.putWindow(pickWindow(w));
  }

  windowChanged(id: number, patch: Partial<LiveWindow>): void {
    const w = this.windows.get(id);
    if (!w) return;
    const next = { ...w, ...patch, id };
    if (JSON.stringify(next) !== JSON.stringify(w)) this.putWindow(next);
  }

  windowFocused(id: number): void {
    for (const w of this.windows.values()) {
      const focused = w.id === id;
      if (w.focused !== focused) this.putWindow({ ...w, focused });
    }
  }

  windowRemoved(id: number): void {
    if (!this.windows.delete(id)) return;
    this.drop(`w:${id}`);
    for (const tabId of this.order.get(id) ?? []) {
      this.tabs.delete(tabId);
      this.drop(`t:${tabId}`);
    }
    this.order.delete(id);
    for (const g of [...this.groups.values()]) {
      if (g.windowId === id) {
        this.groups.delete(g.id);
        this.drop(`g:${g.id}`);
      }
    }
  }

  tabCreated(t: RawTab & { id: number; windowId: number }): void {
    if (this.tabs.has(t.id)) {
      this.tabUpdated(t);
      return;
    }
    if (!this.windows.has(t.windowId)) this.putWindow({ id: t.windowId, incognito: !!t.incognito, focused: false });
    const pos = this.insertAt(t.windowId, t.id, t.index);
    this.putTab(pickTab(t, pos));
    if (t.active) this.activeChanged(t.windowId, t.id);
    this.reindexFrom(t.windowId);
  }

  /** The full tab as the browser reports it after an update. */
  tabUpdated(t: RawTab & { id: number; windowId: number }): void {
    const cur = this.tabs.get(t.id);
    if (!cur) {
      this.tabCreated(t);
      return;
    }
    if (cur.windowId !== t.windowId) {
      this.tabAttached(t.id, t.windowId, t.index);
    }
    const next = pickTab(t, this.tabs.get(t.id)!.pos);
    next.index = this.tabs.get(t.id)!.index;
    if (JSON.stringify(next) !== JSON.stringify(this.tabs.get(t.id))) this.putTab(next);
  }

  activeChanged(windowId: number, tabId: number): void {
    for (const id of this.order.get(windowId) ?? []) {
      const t = this.tabs.get(id);
      if (!t) continue;
      const active = id === tabId;
      if (t.active !== active) this.putTab({ ...t, active });
    }
  }

  tabMoved(tabId: number, windowId: number, toIndex: number): void {
    const t = this.tabs.get(tabId);
    if (!t) return;
    this.removeFromOrder(windowId, tabId);
    const pos = this.insertAt(windowId, tabId, toIndex);
    this.putTab({ ...this.tabs.get(tabId)!, pos });
    this.reindexFrom(windowId);
  }

  tabAttached(tabId: number, newWindowId: number, newPosition: number): void {
    const t = this.tabs.get(tabId);
    if (!t) return;
    this.removeFromOrder(t.windowId, tabId);
    this.reindexFrom(t.windowId);
    if (!this.windows.has(newWindowId)) this.putWindow({ id: newWindowId, incognito: !!t.incognito, focused: false });
    const pos = this.insertAt(newWindowId, tabId, newPosition);
    this.putTab({ ...this.tabs.get(tabId)!, windowId: newWindowId, pos });
    this.reindexFrom(newWindowId);
  }

  tabRemoved(tabId: number): void {
    const t = this.tabs.get(tabId);
    if (!t) return;
    this.tabs.delete(tabId);
    this.removeFromOrder(t.windowId, tabId);
    this.reindexFrom(t.windowId);
    this.drop(`t:${tabId}`);
  }

  tabReplaced(addedTabId: number, removedTabId: number): void {
    const t = this.tabs.get(removedTabId);
    if (!t) return;
    const ids = this.order.get(t.windowId);
    const i = ids?.indexOf(removedTabId) ?? -1;
    if (ids && i >= 0) ids[i] = addedTabId;
    this.tabs.delete(removedTabId);
    this.drop(`t:${removedTabId}`);
    this.putTab({ ...t, id: addedTabId });
  }

  groupChanged(g: RawGroup): void {
    const cur = this.groups.get(g.id);
    const next: RawGroup = {
      id: g.id,
      windowId: g.windowId,
      title: g.title ?? '',
      color: g.color,
      collapsed: g.collapsed,
    };
    if (!cur || JSON.stringify(cur) !== JSON.stringify(next)) this.putGroup(next);
  }

  groupRemoved(id: number): void {
    if (this.groups.delete(id)) this.drop(`g:${id}`);
  }

  hasChanges(): boolean {
    return this.dirty.size > 0 || this.removed.size > 0;
  }

  /** The records to write and the keys to delete since the last call. */
  takeChanges(): LiveChanges {
    const put: LiveRecord[] = [];
    for (const key of this.dirty) {
      const [kind, idStr] = key.split(':') as [string, string];
      const id = Number(idStr);
      const value = kind === 'w' ? this.windows.get(id) : kind === 't' ? this.tabs.get(id) : this.groups.get(id);
      if (value) put.push({ key, value } as LiveRecord);
    }
    const changes = { put, del: [...this.removed] };
    this.dirty.clear();
    this.removed.clear();
    return changes;
  }

  tabCount(): number {
    return this.tabs.size;
  }

  /** Marks records to be written again (a setting changed what reaches the disk). */
  markDirty(keys: readonly string[]): void {
    for (const k of keys) this.dirty.add(k);
  }

  /** A window opened in private (incognito) mode, as far as the mirror knows. */
  isPrivateWindow(windowId: number): boolean {
    return this.windows.get(windowId)?.incognito === true;
  }

  snapshot(extensionBase: string): WindowRecord[] {
    return snapshotFromRecords(
      [...this.windows.values()],
      [...this.tabs.values()],
      [...this.groups.values()],
      extensionBase,
    );
  }
}

/** Turns persisted live records (from this run or a previous one) into session windows. */
export function snapshotFromRecords(
  windows: readonly LiveWindow[],
  tabs: readonly LiveTab[],
  groups: readonly RawGroup[],
  extensionBase: string,
): WindowRecord[] {
  const byWindow = new Map<number, LiveTab[]>();
  for (const t of tabs) {
    let list = byWindow.get(t.windowId);
    if (!list) byWindow.set(t.windowId, (list = []));
    list.push(t);
  }
  const raw: RawWindow[] = [];
  const known = new Set(windows.map((w) => w.id));
  const allWindows: LiveWindow[] = [...windows];
  // Tabs whose window record was lost still come back, in a window of their own.
  for (const id of byWindow.keys()) if (!known.has(id)) allWindows.push({ id, incognito: false, focused: false });
  for (const w of allWindows) {
    const list = (byWindow.get(w.id) ?? []).sort((a, b) => a.pos - b.pos).map((t, i) => ({ ...t, index: i }));
    raw.push({ ...w, tabs: list });
  }
  return captureWindows(raw, groups, { extensionBase });
}

export function parseLiveRecords(records: readonly { key: string; value: unknown }[]): {
  windows: LiveWindow[];
  tabs: LiveTab[];
  groups: RawGroup[];
} {
  const windows: LiveWindow[] = [];
  const tabs: LiveTab[] = [];
  const groups: RawGroup[] = [];
  for (const r of records) {
    const v = r.value as Record<string, unknown> | null;
    if (!v || typeof v !== 'object' || typeof v.id !== 'number') continue;
    if (r.key.startsWith('w:')) windows.push(v as unknown as LiveWindow);
    else if (r.key.startsWith('t:') && typeof v.windowId === 'number' && typeof v.pos === 'number')
      tabs.push(v as unknown as LiveTab);
    else if (r.key.startsWith('g:')) groups.push(v as unknown as RawGroup);
  }
  return { windows, tabs, groups };
}
