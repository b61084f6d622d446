// Browser events, subscribed synchronously at the top of the worker (an event that wakes the
// worker is delivered only to listeners added in its first turn).
import type { RawGroup, RawTab, RawWindow } from '../core/capture.ts';
import { browser } from './browser.ts';

type TabWithIds = RawTab & { id: number; windowId: number };

export interface BrowserEvents {
  tabCreated(t: TabWithIds): void;
  tabUpdated(t: TabWithIds): void;
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
}

export function subscribeBrowserEvents(h: BrowserEvents): void {
  browser.tabs.onCreated.addListener((t) => {
    if (t.id !== undefined && t.windowId !== undefined) h.tabCreated(t as TabWithIds);
  });
  browser.tabs.onUpdated.addListener((_id, change, t) => {
    if (t.id === undefined || t.windowId === undefined) return;
    h.tabUpdated(t as TabWithIds);
    if (change.status === 'complete' && t.url) h.tabLoaded(t.id, t.url, t.active);
  });
  browser.tabs.onActivated.addListener((i) => h.tabActivated(i.tabId, i.windowId));
  browser.tabs.onMoved.addListener((id, i) => h.tabMoved(id, i.windowId, i.toIndex));
  browser.tabs.onAttached.addListener((id, i) => h.tabAttached(id, i.newWindowId, i.newPosition));
  browser.tabs.onRemoved.addListener((id, i) => h.tabRemoved(id, i.windowId, i.isWindowClosing));
  browser.tabs.onReplaced.addListener((added, removed) => h.tabReplaced(added, removed));
  browser.windows.onCreated.addListener((w) => {
    if (w.id !== undefined) h.windowCreated(w as RawWindow & { id: number });
  });
  browser.windows.onRemoved.addListener((id) => h.windowRemoved(id));
  browser.windows.onFocusChanged.addListener((id) => h.windowFocused(id));
  if (typeof chrome !== 'undefined' && chrome.windows?.onBoundsChanged) {
    chrome.windows.onBoundsChanged.addListener((w) => {
      if (w.id !== undefined) h.windowBounds(w as RawWindow & { id: number });
    });
  }
  if (typeof chrome !== 'undefined' && chrome.tabGroups) {
    const g = (x: chrome.tabGroups.TabGroup) =>
      h.groupChanged({ id: x.id, windowId: x.windowId, title: x.title ?? '', color: x.color, collapsed: x.collapsed });
    chrome.tabGroups.onCreated.addListener(g);
    chrome.tabGroups.onUpdated.addListener(g);
    chrome.tabGroups.onMoved.addListener(g);
    chrome.tabGroups.onRemoved.addListener((x) => h.groupRemoved(x.id));
  }
  browser.alarms.onAlarm.addListener((a) => h.alarm(a.name));
  browser.commands?.onCommand.addListener((name) => h.command(name));
}
