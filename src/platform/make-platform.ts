// Builds the Platform from a browser namespace: Firefox's native `browser` (which the polyfill
// hands back as is there) or the polyfill over Chrome's `chrome`. The browser differences live
// here, decided once from the extension's base URL, so core and background stay browser-neutral
// and unit tests can hand in a fake namespace of either browser.
import type { RawGroup, RawTab, RawWindow } from '../core/capture.ts';
import { UserError } from '../core/user-error.ts';
import { createInContainer } from './containers.ts';
import { flavourOf, type Flavour } from './flavour-detection.ts';
import type { Platform, TabCreate, TabGroupsApi, TabsApi, WindowsApi } from './types.ts';

interface BrowserTab {
  id?: number;
  windowId?: number;
  active?: boolean;
  discarded?: boolean;
  url?: string;
  pendingUrl?: string;
}

/** The part of the extension namespace the Platform calls; the real one has far more. */
export interface PlatformNamespace {
  runtime: { getURL(path: string): string };
  extension: { isAllowedFileSchemeAccess(): Promise<boolean> };
  tabs: {
    query(q: Record<string, unknown>): Promise<unknown[]>;
    create(p: Record<string, unknown>): Promise<BrowserTab>;
    get(tabId: number): Promise<BrowserTab>;
    update(tabId: number, p: Record<string, unknown>): Promise<unknown>;
    remove(tabIds: number[]): Promise<void>;
    discard(tabId: number): Promise<void>;
  };
  windows: {
    getAll(q: Record<string, unknown>): Promise<unknown[]>;
    getLastFocused(): Promise<{ id?: number }>;
    create(p: Record<string, unknown>): Promise<{ id?: number; tabs?: BrowserTab[] } | undefined>;
    update(windowId: number, p: Record<string, unknown>): Promise<unknown>;
    remove(windowId: number): Promise<void>;
  };
  action: {
    setBadgeText(p: { text: string }): Promise<void>;
    setBadgeBackgroundColor(p: { color: string }): Promise<void>;
  };
}

/** Chrome's tab groups API (Firefox 139+ has the same one); missing where the browser has none. */
export interface GroupsNamespace {
  tabGroups?: {
    query(
      q: Record<string, unknown>,
    ): Promise<{ id: number; windowId: number; title?: string; color: string; collapsed: boolean }[]>;
    update(groupId: number, p: Record<string, unknown>): Promise<unknown>;
  };
  tabs?: { group?(p: { tabIds: number[]; createProperties?: { windowId: number } }): Promise<number> };
}

/** What the Platform takes as it is (storage, alarms, runtime, events, cookies, permissions). */
export type PlatformParts = Pick<
  Platform,
  'sessionArea' | 'localArea' | 'syncArea' | 'alarms' | 'runtime' | 'events' | 'cookies' | 'permissions'
>;

function groupsApi(g: GroupsNamespace | undefined): TabGroupsApi | undefined {
  const tg = g?.tabGroups;
  const group = g?.tabs?.group;
  if (!tg || typeof group !== 'function') return undefined;
  return {
    async query() {
      const gs = await tg.query({});
      return gs.map((x): RawGroup => ({
        id: x.id,
        windowId: x.windowId,
        title: x.title ?? '',
        color: x.color,
        collapsed: x.collapsed,
      }));
    },
    group(tabIds, windowId) {
      // Without createProperties.windowId Chrome moves the tabs into the last-focused window.
      return group.call(g.tabs, { tabIds, createProperties: { windowId } });
    },
    async update(groupId, p) {
      await tg.update(groupId, { title: p.title, color: p.color, collapsed: p.collapsed });
    },
  };
}

/** `tabs.create` details: Firefox alone takes `discarded` and `title` (Chrome rejects both keys). */
function tabDetails(p: TabCreate, firefox: boolean): Record<string, unknown> {
  const d: Record<string, unknown> = { windowId: p.windowId, active: p.active };
  if (p.url !== undefined) d.url = p.url;
  if (p.pinned) d.pinned = true;
  if (p.index !== undefined) d.index = p.index;
  // Firefox only: Chrome rejects both keys. Firefox allows `title` on discarded tabs alone and
  // refuses to create discarded tabs that are active, pinned, without a URL or on `about:`
  // (those simply load: they cost nothing from the network anyway).
  if (firefox && p.discarded && !p.active && !p.pinned && p.url !== undefined && !/^about:/i.test(p.url)) {
    d.discarded = true;
    if (p.title) d.title = p.title;
  }
  return d;
}

function tabsApi(ns: PlatformNamespace, flavour: Flavour): TabsApi {
  return {
    async query(q) {
      return (await ns.tabs.query(q.windowId === undefined ? {} : { windowId: q.windowId })) as RawTab[];
    },
    async create(p) {
      const { created: t, dropped } = await createInContainer(
        flavour,
        tabDetails(p, flavour === 'firefox'),
        p.cookieStoreId,
        (d) => ns.tabs.create(d),
      );
      return { id: t.id!, windowId: t.windowId!, ...(dropped ? { droppedContainer: dropped } : {}) };
    },
    async update(tabId, p) {
      await ns.tabs.update(tabId, p);
    },
    async remove(tabIds) {
      await ns.tabs.remove(tabIds);
    },
    async discardIfHidden(tabId) {
      try {
        const t = await ns.tabs.get(tabId);
        if (t.active) return 'active';
        if (t.discarded) return 'kept';
        await ns.tabs.discard(tabId);
        return 'discarded';
      } catch {
        return 'kept';
      }
    },
    async navigate(tabId, url) {
      await ns.tabs.update(tabId, { url });
    },
    async urlOf(tabId) {
      try {
        const t = await ns.tabs.get(tabId);
        return t.url || t.pendingUrl || undefined;
      } catch {
        return undefined;
      }
    },
  };
}

function windowsApi(ns: PlatformNamespace, flavour: Flavour): WindowsApi {
  const firefox = flavour === 'firefox';
  return {
    async getAll() {
      return (await ns.windows.getAll({ populate: true, windowTypes: ['normal', 'popup'] })) as RawWindow[];
    },
    async getLastFocusedId() {
      try {
        return (await ns.windows.getLastFocused()).id;
      } catch {
        return undefined;
      }
    },
    async create(p) {
      const details = {
        ...(p.url === undefined ? {} : { url: p.url }),
        type: p.type,
        incognito: p.incognito,
        // Firefox has no unfocused new windows (`focused: false` is not supported there).
        ...(firefox && !p.focused ? {} : { focused: p.focused }),
        ...(p.bounds ?? {}),
      };
      const { created: w, dropped } = await createInContainer(flavour, details, p.cookieStoreId, (d) =>
        ns.windows.create(d),
      );
      // Chromium answers `undefined` instead of refusing when the extension may not open
      // private windows; a restore must hear a refusal it can report, not crash on `w.id`.
      if (w?.id === undefined) {
        throw new UserError('refused', { key: p.incognito ? 'errIncognitoNotAllowed' : 'errWindowNotCreated' });
      }
      return {
        id: w.id!,
        tabIds: (w.tabs ?? []).map((t) => t.id!),
        ...(dropped ? { droppedContainer: dropped } : {}),
      };
    },
    async update(windowId, p) {
      await ns.windows.update(windowId, p);
    },
    async remove(windowId) {
      await ns.windows.remove(windowId);
    },
  };
}

export function makePlatform(
  ns: PlatformNamespace,
  groups: GroupsNamespace | undefined,
  parts: PlatformParts,
): Platform {
  const extensionBase = ns.runtime.getURL('/');
  const flavour = flavourOf(extensionBase);
  const firefox = flavour === 'firefox';
  const tabGroups = groupsApi(groups);

  return {
    flavour,
    extensionBase,
    ...parts,
    // Firefox refuses `data:` and `file:` URLs from extensions (tabs.create: "Illegal URL"), and
    // its isAllowedFileSchemeAccess() only says whether the person allowed it, not that opening
    // works; Chrome opens `data:` and `file:` when the person ticked "Allow access to file URLs".
    allowsDataUrls: !firefox,
    async allowsFileUrls() {
      if (firefox) return false;
      return ns.extension.isAllowedFileSchemeAccess();
    },
    createsDiscardedTabs: firefox,
    tabs: tabsApi(ns, flavour),
    windows: windowsApi(ns, flavour),
    ...(tabGroups ? { tabGroups } : {}),
    badge: {
      async set(text, color) {
        await ns.action.setBadgeText({ text });
        if (color) await ns.action.setBadgeBackgroundColor({ color });
      },
    },
  };
}
