// A small in-memory browser behind the Platform interface: windows, tabs and groups that behave
// like Chrome's where the extension relies on it (ids, order, one active tab per window).
import type { RawGroup, RawTab, RawWindow } from '../../../src/core/capture.ts';
import type { GroupColor, WindowState } from '../../../src/core/model.ts';
import type { BrowserEvents } from '../../../src/platform/events.ts';
import type { Platform } from '../../../src/platform/types.ts';
import { UserError } from '../../../src/core/user-error.ts';
import { FakeCookies, FakePermissions } from './fake-cookies.ts';

export const EXT_BASE = 'chrome-extension://fakeid/';

interface FTab extends RawTab {
  id: number;
  windowId: number;
}
interface FWindow extends Omit<RawWindow, 'tabs'> {
  id: number;
  state: WindowState;
  tabs: FTab[];
}

export class FakeBrowser {
  windows: FWindow[] = [];
  groups: RawGroup[] = [];
  nextId = 100;
  /** URLs the fake refuses to open, like Chrome refusing some schemes. */
  refuse = (url: string | undefined) => !!url && url.startsWith('javascript:');
  /**
   * False: the extension is not allowed in private windows; the fake refuses them as make-platform.ts
   * does once Chromium answered `undefined`.
   */
  incognitoAllowed = true;
  badge = '';
  /** The toolbar button's context menu items: id → title message key. */
  actionMenu = new Map<string, string>();
  calls: string[] = [];
  session = new Map<string, unknown>();
  local = new Map<string, unknown>();
  /** storage.sync: give two fakes one map for two browsers of one person; undefined for none. */
  sync: Map<string, unknown> | undefined = new Map();
  /** storage.sync refuses writes (signed out, or over its quota). */
  syncRefuses = false;
  alarms = new Map<string, number>();
  /** Events broadcast to extension pages. */
  events: unknown[] = [];
  cookies = new FakeCookies();
  permissions = new FakePermissions();
  /** The worker's event handlers, once it subscribed: tests fire browser events through them. */
  handlers: BrowserEvents | undefined;
  /** Where page loads go when the worker's events are not wired (fake-worker.ts sets it). */
  pageLoaded: BrowserEvents['tabLoaded'] | undefined;
  /** Page messages and ports the worker listens to. */
  onMessage: ((msg: unknown, sender: { tabId?: number }) => Promise<unknown> | undefined) | undefined;
  ports = new Map<string, (port: never) => void>();

  addWindow(urls: string[], extra: Partial<FWindow> = {}): FWindow {
    const id = this.nextId++;
    const w: FWindow = { id, type: 'normal', state: 'normal', incognito: false, focused: false, tabs: [], ...extra };
    this.windows.push(w);
    urls.forEach((url, i) =>
      w.tabs.push({ id: this.nextId++, windowId: id, index: i, url, title: url, pinned: false, active: i === 0 }),
    );
    return w;
  }

  tab(id: number): FTab {
    for (const w of this.windows) for (const t of w.tabs) if (t.id === id) return t;
    throw new Error(`no tab ${id}`);
  }

  private reindex(w: FWindow): void {
    w.tabs.forEach((t, i) => (t.index = i));
  }

  platform(): Platform {
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const fake = this;
    return {
      flavour: 'chrome',
      extensionBase: EXT_BASE,
      get cookies() {
        return fake.cookies;
      },
      get permissions() {
        return fake.permissions;
      },
      runtime: {
        onMessage: (l) => void (this.onMessage = l),
        onConnect: (name, cb) => void this.ports.set(name, cb as (port: never) => void),
        broadcast: (msg) => void this.events.push(msg),
      },
      events: { subscribe: (h) => void (this.handlers = h) },
      sessionArea: {
        get: async <T>(k: string) => this.session.get(k) as T | undefined,
        set: async (k, v) => void this.session.set(k, v),
      },
      localArea: {
        get: async <T>(k: string) => this.local.get(k) as T | undefined,
        set: async (k, v) => void this.local.set(k, v),
      },
      ...(fake.sync
        ? {
            syncArea: {
              get: async <T>(k: string) => fake.sync!.get(k) as T | undefined,
              async set(k: string, v: unknown) {
                if (fake.syncRefuses) throw new Error('QUOTA_BYTES quota exceeded');
                fake.sync!.set(k, v);
              },
            },
          }
        : {}),
      alarms: { ensure: async (name, period) => void this.alarms.set(name, period) },
      allowsDataUrls: true,
      createsDiscardedTabs: false,
      allowsFileUrls: async () => false,
      badge: { set: async (text) => void (this.badge = text) },
      menus: { setActionItem: async (id, title) => void this.actionMenu.set(id, title.key) },
      tabs: {
        query: async ({ windowId }) =>
          this.windows
            .filter((w) => windowId === undefined || w.id === windowId)
            .flatMap((w) => w.tabs.map((t) => ({ ...t }))),
        create: async (p) => {
          if (this.refuse(p.url)) throw new Error(`Cannot open ${p.url}`);
          const w = this.windows.find((x) => x.id === p.windowId);
          if (!w) throw new Error('No window');
          const t: FTab = {
            id: this.nextId++,
            windowId: w.id,
            index: w.tabs.length,
            url: p.url ?? 'chrome://newtab/',
            title: p.url ?? 'New Tab',
            pinned: !!p.pinned,
            active: false,
          };
          if (p.pinned) w.tabs.splice(w.tabs.filter((x) => x.pinned).length, 0, t);
          else w.tabs.push(t);
          this.reindex(w);
          this.calls.push(`tabs.create ${p.url}`);
          // Like a browser, the page loads after the tab exists (a restore waits for placeholders).
          setTimeout(() => (this.handlers?.tabLoaded ?? this.pageLoaded)?.(t.id, t.url!, t.active));
          return { id: t.id, windowId: w.id };
        },
        update: async (id, p) => {
          const t = this.tab(id);
          if (p.active) for (const x of this.windows.find((w) => w.id === t.windowId)!.tabs) x.active = x.id === id;
          if (p.pinned !== undefined) t.pinned = p.pinned;
          if (p.muted !== undefined) t.mutedInfo = { muted: p.muted };
        },
        discardIfHidden: async (id) => {
          const t = this.tab(id);
          if (t.active) return 'active';
          this.calls.push(`tabs.discard ${id}`);
          return 'discarded';
        },
        urlOf: async (id) => {
          try {
            return this.tab(id).url;
          } catch {
            return undefined;
          }
        },
        navigate: async (id, url) => {
          this.tab(id).url = url;
          this.calls.push(`tabs.navigate ${id} ${url}`);
        },
        remove: async (ids) => {
          for (const w of this.windows) {
            w.tabs = w.tabs.filter((t) => !ids.includes(t.id));
            this.reindex(w);
          }
          this.windows = this.windows.filter((w) => w.tabs.length > 0);
        },
      },
      windows: {
        getAll: async () => this.windows.map((w) => ({ ...w, tabs: w.tabs.map((t) => ({ ...t })) })),
        getLastFocusedId: async () => this.windows.find((w) => w.focused)?.id ?? this.windows[0]?.id,
        create: async (p) => {
          if (p.incognito && !this.incognitoAllowed) throw new UserError('refused', { key: 'errIncognitoNotAllowed' });
          const urls = p.url === undefined ? ['chrome://newtab/'] : [p.url].flat();
          // Like Chrome, one URL it refuses fails the whole call.
          for (const u of urls) if (this.refuse(u)) throw new Error(`Cannot open ${u}`);
          const w = this.addWindow(urls, {
            incognito: p.incognito,
            type: p.type,
            focused: p.focused,
            ...(p.bounds ?? {}),
          });
          this.calls.push(`windows.create ${urls.join(' ')}`);
          return { id: w.id, tabIds: w.tabs.map((t) => t.id) };
        },
        update: async (id, p) => {
          const w = this.windows.find((x) => x.id === id)!;
          if (p.state) w.state = p.state;
          if (p.focused) for (const x of this.windows) x.focused = x === w;
        },
        remove: async (id) => {
          this.windows = this.windows.filter((w) => w.id !== id);
        },
      },
      tabGroups: {
        query: async () => this.groups.map((g) => ({ ...g })),
        group: async (tabIds, windowId) => {
          const id = this.nextId++;
          this.groups.push({ id, windowId, title: '', color: 'grey', collapsed: false });
          for (const tid of tabIds) this.tab(tid).groupId = id;
          return id;
        },
        update: async (groupId, p: { title: string; color: GroupColor; collapsed: boolean }) => {
          Object.assign(
            this.groups.find((g) => g.id === groupId)!,
            p,
          );
        },
      },
    };
  }
}
