// The narrow surface of the browser that the rest of the extension uses. Everything here is
// implemented for real in ./browser-platform.ts and faked by hand in unit tests.
import type { RawGroup, RawTab, RawWindow } from '../core/capture.ts';
import type { Bounds, GroupColor, WindowState } from '../core/model.ts';
import type { UserMessage } from '../core/user-error.ts';
import type { DroppedContainer } from './containers.ts';
import type { CookiesApi } from './cookies.ts';
import type { BrowserEvents } from './events.ts';
import type { Flavour } from './flavour-detection.ts';
import type { PermissionsApi } from './permissions.ts';
import type { TypedPort } from './ports.ts';

export type { DroppedContainer } from './containers.ts';

export interface CreatedTab {
  id: number;
  windowId: number;
  /**
   * The container (`cookieStoreId`) the tab was meant for but could not get (it no longer
   * exists, the browser has no containers or refuses it), and why: the tab opened in the
   * default container instead.
   */
  droppedContainer?: DroppedContainer;
}

export interface TabCreate {
  windowId: number;
  url?: string;
  active: boolean;
  pinned?: boolean;
  index?: number;
  /** Firefox container; see CreatedTab.droppedContainer for when it cannot be honoured. */
  cookieStoreId?: string;
  /** Create the tab unloaded, showing `title`: only where `Platform.createsDiscardedTabs`. */
  discarded?: boolean;
  title?: string;
}

export interface TabsApi {
  query(q: { windowId?: number }): Promise<RawTab[]>;
  create(p: TabCreate): Promise<CreatedTab>;
  update(tabId: number, p: { active?: boolean; muted?: boolean; pinned?: boolean }): Promise<void>;
  remove(tabIds: number[]): Promise<void>;
  /** Discards a tab that is not active (frees its memory, keeps title and favicon). */
  discardIfHidden(tabId: number): Promise<'active' | 'discarded' | 'kept'>;
  navigate(tabId: number, url: string): Promise<void>;
  /** A tab's address, or undefined when the tab is gone. */
  urlOf(tabId: number): Promise<string | undefined>;
}

export interface WindowsApi {
  getAll(): Promise<RawWindow[]>;
  getLastFocusedId(): Promise<number | undefined>;
  /**
   * `cookieStoreId` is the first tab's container (Firefox), dropped and reported like TabsApi's.
   * With several URLs, the window opens with one tab each, in order. Rejects when the browser
   * creates no window (Chromium answers `undefined` for an incognito window the extension may not
   * open).
   */
  create(p: {
    url?: string | string[];
    type: 'normal' | 'popup';
    incognito: boolean;
    focused: boolean;
    bounds?: Bounds;
    cookieStoreId?: string;
  }): Promise<{ id: number; tabIds: number[]; droppedContainer?: DroppedContainer }>;
  update(windowId: number, p: { state?: WindowState; focused?: boolean }): Promise<void>;
  remove(windowId: number): Promise<void>;
}

/** Absent where the browser has no tab groups (Firefox before 139, other browsers). */
export interface TabGroupsApi {
  query(): Promise<RawGroup[]>;
  group(tabIds: number[], windowId: number): Promise<number>;
  update(groupId: number, p: { title: string; color: GroupColor; collapsed: boolean }): Promise<void>;
}

/** The toolbar button's context menu (`contextMenus`; Firefox: `menus`). Clicks are BrowserEvents. */
export interface MenusApi {
  /** Puts an item on the toolbar button's menu, replacing one of the same id. */
  setActionItem(id: string, title: UserMessage): Promise<void>;
}

export interface BadgeApi {
  set(text: string, color?: string): Promise<void>;
}

export interface KeyValueArea {
  get<T>(key: string): Promise<T | undefined>;
  set(key: string, value: unknown): Promise<void>;
}

export interface AlarmsApi {
  ensure(name: string, periodInMinutes: number): Promise<void>;
}

/** Messages and ports from the extension's own pages, and events sent to them. */
export interface RuntimeApi {
  /** The listener returns a promise for messages it answers, or undefined to let others answer. */
  onMessage(listener: (msg: unknown, sender: { tabId?: number }) => Promise<unknown> | undefined): void;
  /** Accepts ports of one name from the extension's own pages. */
  onConnect<In, Out>(name: string, cb: (port: TypedPort<In, Out>) => void): void;
  /** Sends an event to open extension pages; nobody listening is not an error. */
  broadcast(msg: unknown): void;
}

export interface EventsApi {
  /**
   * Subscribes every handler, synchronously: an event that wakes the worker is delivered only to
   * listeners added in its first turn.
   */
  subscribe(handlers: BrowserEvents): void;
}

/**
 * The browser as the worker sees it: built once at the worker's entry (./browser-platform.ts), and
 * faked by hand in unit tests (test/unit/fakes/fake-platform.ts).
 */
export interface Platform {
  /** Chrome or Firefox, decided once from the extension's base URL (./flavour.ts). */
  flavour: Flavour;
  /** storage.session: gone when the browser restarts. */
  sessionArea: KeyValueArea;
  /** storage.local: settings. */
  localArea: KeyValueArea;
  /** storage.sync, where the browser has it: the settings that follow the person's account. */
  syncArea?: KeyValueArea;
  alarms: AlarmsApi;
  runtime: RuntimeApi;
  events: EventsApi;
  /** The cookies API; `available()` is false until the optional permission is granted. */
  cookies: CookiesApi;
  permissions: PermissionsApi;
  /** e.g. `chrome-extension://<id>/`. */
  extensionBase: string;
  tabs: TabsApi;
  windows: WindowsApi;
  tabGroups?: TabGroupsApi;
  /** Absent where the browser has no context menus API. */
  menus?: MenusApi;
  badge: BadgeApi;
  /** Firefox refuses `data:` URLs from extensions. */
  allowsDataUrls: boolean;
  /**
   * `tabs.create({discarded: true, title})` works (Firefox), so a lazy tab can be the real URL,
   * unloaded, instead of the extension's placeholder page (Chrome has no such option, and a tab
   * discarded right after creation there loses its URL).
   */
  createsDiscardedTabs: boolean;
  allowsFileUrls(): Promise<boolean>;
}
