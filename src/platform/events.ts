// Browser events for the worker. The real Platform subscribes them synchronously at the top of
// the worker (an event that wakes the worker is delivered only to listeners added in its first
// turn); unit tests call the handlers themselves.
import type { RawGroup, RawTab, RawWindow } from '../core/capture.ts';

export type TabWithIds = RawTab & { id: number; windowId: number };

export interface BrowserEvents {
  tabCreated(t: TabWithIds): void;
  /** `urlChanged`: the tab went to another address (its site may have changed). */
  tabUpdated(t: TabWithIds, urlChanged: boolean): void;
  /** A tab finished loading a document (its load event): `url` is the committed address. */
  tabLoaded(tabId: number, url: string, active: boolean): void;
  tabActivated(tabId: number, windowId: number): void;
  tabMoved(tabId: number, windowId: number, toIndex: number): void;
  tabAttached(tabId: number, windowId: number, position: number): void;
  tabRemoved(tabId: number, windowId: number, isWindowClosing: boolean): void;
  tabReplaced(addedTabId: number, removedTabId: number): void;
  windowCreated(w: RawWindow & { id: number }): void;
  windowRemoved(windowId: number): void;
  windowFocused(windowId: number): void;
  windowBounds(w: RawWindow & { id: number }): void;
  groupChanged(g: RawGroup): void;
  groupRemoved(groupId: number): void;
  alarm(name: string): void;
  command(name: string): void;
  /** A permission was granted or taken back. */
  permissionsChanged(): void;
  /** The extension was installed or updated (the time to add context menu items). */
  installed(): void;
  /** An item of the extension's context menus was chosen. */
  menuClicked(itemId: string): void;
  /** storage.sync changed under `key` (written by this browser on another device, or here). */
  syncAreaChanged(key: string, value: unknown): void;
}

interface Listenable<A extends unknown[]> {
  addListener(cb: (...args: A) => void): void;
}

type BrowserTab = { id?: number; windowId?: number; url?: string; active?: boolean };
type BrowserWindow = { id?: number };
type BrowserGroup = { id: number; windowId: number; title?: string; color: string; collapsed: boolean };

/** The events of the extension namespace that the worker listens to; missing ones are skipped. */
export interface EventsNamespace {
  tabs: {
    onCreated: Listenable<[BrowserTab]>;
    onUpdated: Listenable<[number, { status?: string; url?: string }, BrowserTab]>;
    onActivated: Listenable<[{ tabId: number; windowId: number }]>;
    onMoved: Listenable<[number, { windowId: number; toIndex: number }]>;
    onAttached: Listenable<[number, { newWindowId: number; newPosition: number }]>;
    onRemoved: Listenable<[number, { windowId: number; isWindowClosing: boolean }]>;
    onReplaced: Listenable<[number, number]>;
  };
  windows: {
    onCreated: Listenable<[BrowserWindow]>;
    onRemoved: Listenable<[number]>;
    onFocusChanged: Listenable<[number]>;
    onBoundsChanged?: Listenable<[BrowserWindow]>;
  };
  tabGroups?: {
    onCreated: Listenable<[BrowserGroup]>;
    onUpdated: Listenable<[BrowserGroup]>;
    onMoved: Listenable<[BrowserGroup]>;
    onRemoved: Listenable<[BrowserGroup]>;
  };
  alarms: { onAlarm: Listenable<[{ name: string }]> };
  commands?: { onCommand: Listenable<[string]> };
  permissions?: { onAdded?: Listenable<[unknown]>; onRemoved?: Listenable<[unknown]> };
  runtime?: { onInstalled?: Listenable<[unknown]> };
  contextMenus?: { onClicked?: Listenable<[{ menuItemId: string | number }]> };
  storage?: { onChanged?: Listenable<[Record<string, { newValue?: unknown }>, string]> };
}

export function subscribeEvents(ns: EventsNamespace, h: BrowserEvents): void {
  const withIds = (t: BrowserTab): t is TabWithIds => t.id !== undefined && t.windowId !== undefined;
  ns.tabs.onCreated.addListener((t) => {
    if (withIds(t)) h.tabCreated(t);
  });
  ns.tabs.onUpdated.addListener((_id, change, t) => {
    if (!withIds(t)) return;
    h.tabUpdated(t, change.url !== undefined);
    if (change.status === 'complete' && t.url) h.tabLoaded(t.id, t.url, !!t.active);
  });
  ns.tabs.onActivated.addListener((i) => h.tabActivated(i.tabId, i.windowId));
  ns.tabs.onMoved.addListener((id, i) => h.tabMoved(id, i.windowId, i.toIndex));
  ns.tabs.onAttached.addListener((id, i) => h.tabAttached(id, i.newWindowId, i.newPosition));
  ns.tabs.onRemoved.addListener((id, i) => h.tabRemoved(id, i.windowId, i.isWindowClosing));
  ns.tabs.onReplaced.addListener((added, removed) => h.tabReplaced(added, removed));
  ns.windows.onCreated.addListener((w) => {
    if (w.id !== undefined) h.windowCreated(w as RawWindow & { id: number });
  });
  ns.windows.onRemoved.addListener((id) => h.windowRemoved(id));
  ns.windows.onFocusChanged.addListener((id) => h.windowFocused(id));
  ns.windows.onBoundsChanged?.addListener((w) => {
    if (w.id !== undefined) h.windowBounds(w as RawWindow & { id: number });
  });
  const groups = ns.tabGroups;
  if (groups) {
    const changed = (x: BrowserGroup) =>
      h.groupChanged({ id: x.id, windowId: x.windowId, title: x.title ?? '', color: x.color, collapsed: x.collapsed });
    groups.onCreated.addListener(changed);
    groups.onUpdated.addListener(changed);
    groups.onMoved.addListener(changed);
    groups.onRemoved.addListener((x) => h.groupRemoved(x.id));
  }
  ns.alarms.onAlarm.addListener((a) => h.alarm(a.name));
  ns.commands?.onCommand.addListener((name) => h.command(name));
  ns.permissions?.onAdded?.addListener(() => h.permissionsChanged());
  ns.permissions?.onRemoved?.addListener(() => h.permissionsChanged());
  ns.runtime?.onInstalled?.addListener(() => h.installed());
  ns.contextMenus?.onClicked?.addListener((info) => h.menuClicked(String(info.menuItemId)));
  ns.storage?.onChanged?.addListener((changes, area) => {
    if (area !== 'sync') return;
    for (const [key, change] of Object.entries(changes)) h.syncAreaChanged(key, change.newValue);
  });
}
