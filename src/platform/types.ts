// The narrow surface of the browser that the rest of the extension uses. Everything here is
// implemented for real in ./chrome-platform.ts and faked by hand in unit tests.
import type { RawGroup, RawTab, RawWindow } from '../core/capture.ts';
import type { Bounds, GroupColor, WindowState } from '../core/model.ts';

export interface CreatedTab {
  id: number;
  windowId: number;
}

export interface TabsApi {
  query(q: { windowId?: number }): Promise<RawTab[]>;
  create(p: { windowId: number; url?: string; active: boolean; pinned?: boolean; index?: number; cookieStoreId?: string }): Promise<CreatedTab>;
  update(tabId: number, p: { active?: boolean; muted?: boolean; pinned?: boolean }): Promise<void>;
  remove(tabIds: number[]): Promise<void>;
  /** Discards a tab that is not active (frees its memory, keeps title and favicon). */
  discardIfHidden(tabId: number): Promise<'active' | 'discarded' | 'kept'>;
  navigate(tabId: number, url: string): Promise<void>;
}

export interface WindowsApi {
  getAll(): Promise<RawWindow[]>;
  getLastFocusedId(): Promise<number | undefined>;
  create(p: { url?: string; type: 'normal' | 'popup'; incognito: boolean; focused: boolean; bounds?: Bounds; cookieStoreId?: string }): Promise<{ id: number; tabIds: number[] }>;
  update(windowId: number, p: { state?: WindowState; focused?: boolean }): Promise<void>;
  remove(windowId: number): Promise<void>;
}

/** Absent where the browser has no tab groups (Firefox). */
export interface TabGroupsApi {
  query(): Promise<RawGroup[]>;
  group(tabIds: number[], windowId: number): Promise<number>;
  update(groupId: number, p: { title: string; color: GroupColor; collapsed: boolean }): Promise<void>;
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

export interface Platform {
  /** storage.session: gone when the browser restarts. */
  sessionArea: KeyValueArea;
  /** storage.local: settings. */
  localArea: KeyValueArea;
  alarms: AlarmsApi;
  /** Sends an event to open extension pages. */
  broadcast(msg: unknown): void;
  /** e.g. `chrome-extension://<id>/`. */
  extensionBase: string;
  tabs: TabsApi;
  windows: WindowsApi;
  tabGroups?: TabGroupsApi;
  badge: BadgeApi;
  /** Firefox refuses `data:` URLs from extensions. */
  allowsDataUrls: boolean;
  allowsFileUrls(): Promise<boolean>;
}
