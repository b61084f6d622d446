// Fake extension namespaces of both browsers, strict where the real ones are: Chrome's schema
// validation rejects keys it does not know (cookieStoreId, discarded, title, firstPartyDomain);
// Firefox refuses data:/file: URLs, discarded tabs that are active, pinned or on about:, `title`
// without `discarded`, and containers that do not exist. Every call is recorded.
import type { GroupsNamespace, PlatformNamespace } from '../../../src/platform/make-platform.ts';
import type { PlatformParts } from '../../../src/platform/make-platform.ts';
import { FakeCookies, FakePermissions } from './fake-cookies.ts';

export type Kind = 'chrome' | 'firefox';

export const BASE: Record<Kind, string> = {
  chrome: 'chrome-extension://abcdefghijklmnop/',
  firefox: 'moz-extension://0c4f3e2a-1111-2222-3333-444455556666/',
};

const CHROME_TAB_KEYS = new Set(['windowId', 'url', 'active', 'pinned', 'index', 'openerTabId', 'selected']);
const CHROME_WINDOW_KEYS = new Set([
  'url',
  'tabId',
  'left',
  'top',
  'width',
  'height',
  'focused',
  'incognito',
  'type',
  'state',
  'setSelfAsOpener',
]);

export interface Recorded {
  method: string;
  details: Record<string, unknown>;
}

export class FakeNamespace {
  calls: Recorded[] = [];
  /** Firefox containers that exist (firefox-default always does). */
  containers = new Set(['firefox-default', 'firefox-container-1']);
  fileAccess = true;
  /** Every tab the fake made, with its URL (undefined: the new-tab page) and window. */
  tabs = new Map<number, { url?: string; windowId: number }>();
  private nextId = 10;

  constructor(readonly kind: Kind) {}

  private checkTab(d: Record<string, unknown>): void {
    if (this.kind === 'chrome') {
      for (const k of Object.keys(d))
        if (!CHROME_TAB_KEYS.has(k))
          throw new Error(`Error in invocation of tabs.create: Unexpected property: '${k}'.`);
      return;
    }
    const url = typeof d.url === 'string' ? d.url : undefined;
    if (url && /^(data|file):/i.test(url)) throw new Error(`Illegal URL: ${url}`);
    if (d.title !== undefined && !d.discarded) throw new Error('Title may only be set for discarded tabs.');
    if (d.discarded) {
      if (d.active) throw new Error('Active tabs cannot be created and discarded.');
      if (d.pinned) throw new Error('Pinned tabs cannot be created and discarded.');
      if (!url || url.startsWith('about:')) throw new Error('Cannot create a discarded new tab or "about" urls.');
    }
    this.checkContainer(d);
  }

  private checkContainer(d: Record<string, unknown>): void {
    const id = d.cookieStoreId;
    if (id !== undefined && !this.containers.has(String(id)))
      throw new Error(`No cookie store exists with ID ${String(id)}`);
  }

  namespace(): PlatformNamespace {
    return {
      runtime: { getURL: (p) => `${BASE[this.kind]}${p.replace(/^\//, '')}` },
      extension: { isAllowedFileSchemeAccess: async () => this.fileAccess },
      tabs: {
        query: async () => [],
        create: async (d) => {
          this.calls.push({ method: 'tabs.create', details: d });
          this.checkTab(d);
          const id = this.nextId++;
          this.tabs.set(id, { ...(typeof d.url === 'string' ? { url: d.url } : {}), windowId: Number(d.windowId) });
          return { id, windowId: Number(d.windowId) };
        },
        get: async (id) => ({ id, active: false }),
        update: async (id, p) => void this.calls.push({ method: 'tabs.update', details: { id, ...p } }),
        remove: async (ids) => {
          this.calls.push({ method: 'tabs.remove', details: { ids } });
          for (const id of ids) this.tabs.delete(id);
        },
        discard: async (id) => void this.calls.push({ method: 'tabs.discard', details: { id } }),
      },
      windows: {
        getAll: async () => [],
        getLastFocused: async () => ({ id: 1 }),
        create: async (d) => {
          this.calls.push({ method: 'windows.create', details: d });
          if (this.kind === 'chrome') {
            for (const k of Object.keys(d))
              if (!CHROME_WINDOW_KEYS.has(k))
                throw new Error(`Error in invocation of windows.create: Unexpected property: '${k}'.`);
          } else this.checkContainer(d);
          // `url` may be one address or a list (one tab each), as in both browsers.
          const urls: (string | undefined)[] = Array.isArray(d.url)
            ? (d.url as string[])
            : [d.url as string | undefined];
          const windowId = this.nextId++;
          const tabs = urls.map((url) => {
            const id = this.nextId++;
            this.tabs.set(id, { ...(url === undefined ? {} : { url }), windowId });
            return { id };
          });
          return { id: windowId, tabs };
        },
        update: async () => undefined,
        remove: async (windowId) => {
          for (const [id, t] of this.tabs) if (t.windowId === windowId) this.tabs.delete(id);
        },
      },
      action: { setBadgeText: async () => undefined, setBadgeBackgroundColor: async () => undefined },
    };
  }

  /** Chrome's tabGroups, or Firefox 139+'s; `withGroups: false` is a browser without them. */
  groups(withGroups: boolean): GroupsNamespace {
    if (!withGroups) return { tabs: {} };
    return {
      tabGroups: {
        query: async () => [{ id: 5, windowId: 1, color: 'blue', collapsed: false }],
        update: async (groupId, p) => void this.calls.push({ method: 'tabGroups.update', details: { groupId, ...p } }),
      },
      tabs: {
        group: async (p) => {
          this.calls.push({ method: 'tabs.group', details: p as unknown as Record<string, unknown> });
          return 5;
        },
      },
    };
  }

  /** The URLs of the tabs open now, in creation order (undefined: the new-tab page). */
  openUrls(): (string | undefined)[] {
    return [...this.tabs.values()].map((t) => t.url);
  }

  created(method = 'tabs.create'): Record<string, unknown>[] {
    return this.calls.filter((c) => c.method === method).map((c) => c.details);
  }
}

/** The Platform's parts that these tests do not look at. */
export const parts: PlatformParts = {
  sessionArea: { get: async () => undefined, set: async () => undefined },
  localArea: { get: async () => undefined, set: async () => undefined },
  alarms: { ensure: async () => undefined },
  runtime: { onMessage: () => undefined, onConnect: () => undefined, broadcast: () => undefined },
  events: { subscribe: () => undefined },
  cookies: new FakeCookies(),
  permissions: new FakePermissions(),
};
