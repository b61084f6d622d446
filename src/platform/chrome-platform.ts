// The real Platform, on top of webextension-polyfill. Tab groups are Chrome-only and missing from
// the polyfill, so they go through `chrome.*` directly.
import type { RawGroup, RawTab, RawWindow } from '../core/capture.ts';

import { browser } from './browser.ts';
import { broadcast } from './messaging.ts';
import { alarms, localStorageArea, sessionStorageArea } from './storage.ts';
import type { Platform, TabGroupsApi } from './types.ts';

const hasGroups = typeof chrome !== 'undefined' && !!chrome.tabGroups && typeof chrome.tabs?.group === 'function';

const tabGroups: TabGroupsApi | undefined = hasGroups
  ? {
      async query() {
        const gs = await chrome.tabGroups.query({});
        return gs.map((g): RawGroup => ({ id: g.id, windowId: g.windowId, title: g.title ?? '', color: g.color, collapsed: g.collapsed }));
      },
      group(tabIds, windowId) {
        // Without createProperties.windowId Chrome moves the tabs into the last-focused window.
        return chrome.tabs.group({ tabIds: tabIds as [number, ...number[]], createProperties: { windowId } });
      },
      async update(groupId, p) {
        await chrome.tabGroups.update(groupId, { title: p.title, color: p.color as chrome.tabGroups.Color, collapsed: p.collapsed });
      },
    }
  : undefined;

const isFirefox = browser.runtime.getURL('/').startsWith('moz-extension:');

export const platform: Platform = {
  extensionBase: browser.runtime.getURL('/'),
  sessionArea: sessionStorageArea,
  localArea: localStorageArea,
  alarms,
  broadcast,
  allowsDataUrls: !isFirefox,
  async allowsFileUrls() {
    return browser.extension.isAllowedFileSchemeAccess();
  },
  tabs: {
    async query(q) {
      return (await browser.tabs.query(q.windowId === undefined ? {} : { windowId: q.windowId })) as RawTab[];
    },
    async create(p) {
      const t = await browser.tabs.create(p);
      return { id: t.id!, windowId: t.windowId! };
    },
    async update(tabId, p) {
      await browser.tabs.update(tabId, p);
    },
    async remove(tabIds) {
      await browser.tabs.remove(tabIds);
    },
    async discardIfHidden(tabId) {
      try {
        const t = await browser.tabs.get(tabId);
        if (t.active) return 'active';
        if (t.discarded) return 'kept';
        await browser.tabs.discard(tabId);
        return 'discarded';
      } catch {
        return 'kept';
      }
    },
    async navigate(tabId, url) {
      await browser.tabs.update(tabId, { url });
    },
  },
  windows: {
    async getAll() {
      return (await browser.windows.getAll({ populate: true, windowTypes: ['normal', 'popup'] })) as RawWindow[];
    },
    async getLastFocusedId() {
      try {
        return (await browser.windows.getLastFocused()).id;
      } catch {
        return undefined;
      }
    },
    async create(p) {
      const w = await browser.windows.create({
        ...(p.url === undefined ? {} : { url: p.url }),
        type: p.type,
        incognito: p.incognito,
        focused: p.focused,
        ...(p.bounds ?? {}),
      });
      return { id: w.id!, tabIds: (w.tabs ?? []).map((t) => t.id!) };
    },
    async update(windowId, p) {
      await browser.windows.update(windowId, p);
    },
    async remove(windowId) {
      await browser.windows.remove(windowId);
    },
  },
  ...(tabGroups ? { tabGroups } : {}),
  badge: {
    async set(text, color) {
      await browser.action.setBadgeText({ text });
      if (color) await browser.action.setBadgeBackgroundColor({ color });
    },
  },
};

