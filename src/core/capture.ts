// Turns the browser's windows, tabs and groups (as plain data) into compact session records.
import {
  GROUP_COLORS,
  type GroupColor,
  type GroupRecord,
  type TabRecord,
  type WindowRecord,
  type WindowState,
  type WindowType,
} from './model.ts';
import { parsePlaceholder } from './placeholder-url.ts';

/** The fields of `tabs.Tab` that a capture reads. */
export interface RawTab {
  id?: number;
  index: number;
  url?: string;
  pendingUrl?: string;
  title?: string;
  favIconUrl?: string;
  pinned: boolean;
  active: boolean;
  groupId?: number;
  mutedInfo?: { muted: boolean };
  lastAccessed?: number;
  cookieStoreId?: string;
  incognito?: boolean;
}

export interface RawWindow {
  id?: number;
  type?: string;
  state?: string;
  left?: number;
  top?: number;
  width?: number;
  height?: number;
  incognito: boolean;
  focused: boolean;
  tabs?: RawTab[];
}

export interface RawGroup {
  id: number;
  windowId: number;
  title?: string;
  color: string;
  collapsed: boolean;
}

export interface CaptureOptions {
  /** The extension's own base URL, to see through placeholder tabs. */
  extensionBase: string;
  /** Keep favicons that are `data:` URLs? They can be large; default no. */
  keepDataFavicons?: boolean;
}

const DEFAULT_CONTAINER = new Set(['firefox-default', '0']);

function toColor(c: string): GroupColor {
  return (GROUP_COLORS as readonly string[]).includes(c) ? (c as GroupColor) : 'grey';
}

function toState(s: string | undefined): WindowState {
  return s === 'minimized' || s === 'maximized' || s === 'fullscreen' ? s : 'normal';
}

function toType(t: string | undefined): WindowType {
  return t === 'popup' ? 'popup' : 'normal';
}

export function captureTab(t: RawTab, groupIndex: number | undefined, opts: CaptureOptions): TabRecord {
  const rawUrl = t.url || t.pendingUrl || '';
  const ph = parsePlaceholder(opts.extensionBase, rawUrl);
  const url = ph ? ph.url : rawUrl;
  const title = ph ? ph.title : (t.title ?? '');
  const fav = ph ? ph.favIconUrl : t.favIconUrl;
  const rec: TabRecord = { url, title: title === url ? '' : title };
  if (fav && (opts.keepDataFavicons || !fav.startsWith('data:'))) rec.favIconUrl = fav;
  if (t.pinned) rec.pinned = true;
  if (t.active) rec.active = true;
  if (groupIndex !== undefined) rec.groupIndex = groupIndex;
  if (t.mutedInfo?.muted) rec.muted = true;
  if (t.lastAccessed) rec.lastAccessed = Math.round(t.lastAccessed);
  if (t.cookieStoreId && !DEFAULT_CONTAINER.has(t.cookieStoreId)) rec.cookieStoreId = t.cookieStoreId;
  return rec;
}

/** The extension's own pages (popup opened in a tab, settings) are tools, not part of a session. */
function isOwnUiPage(t: RawTab, opts: CaptureOptions): boolean {
  const url = t.url || t.pendingUrl || '';
  return url.startsWith(opts.extensionBase) && !parsePlaceholder(opts.extensionBase, url);
}

export function captureWindow(w: RawWindow, groups: readonly RawGroup[], opts: CaptureOptions): WindowRecord {
  const tabs = (w.tabs ?? []).filter((t) => !isOwnUiPage(t, opts)).sort((a, b) => a.index - b.index);
  const groupRecords: GroupRecord[] = [];
  const groupIndexById = new Map<number, number>();
  for (const t of tabs) {
    if (t.groupId === undefined || t.groupId < 0 || groupIndexById.has(t.groupId)) continue;
    const g = groups.find((x) => x.id === t.groupId);
    if (!g) continue;
    groupIndexById.set(g.id, groupRecords.length);
    groupRecords.push({ title: g.title ?? '', color: toColor(g.color), collapsed: g.collapsed });
  }
  const rec: WindowRecord = {
    type: toType(w.type),
    state: toState(w.state),
    incognito: w.incognito,
    focused: w.focused,
    tabs: tabs.map((t) => captureTab(t, t.groupId === undefined ? undefined : groupIndexById.get(t.groupId), opts)),
    groups: groupRecords,
  };
  if (w.left !== undefined && w.top !== undefined && w.width !== undefined && w.height !== undefined) {
    rec.bounds = { left: w.left, top: w.top, width: w.width, height: w.height };
  }
  return rec;
}

/** Captures normal and popup windows that hold at least one tab; devtools/app windows are not sessions. */
export function captureWindows(
  windows: readonly RawWindow[],
  groups: readonly RawGroup[],
  opts: CaptureOptions,
): WindowRecord[] {
  return windows
    .filter((w) => w.type === undefined || w.type === 'normal' || w.type === 'popup')
    .map((w) =>
      captureWindow(
        w,
        groups.filter((g) => g.windowId === w.id),
        opts,
      ),
    )
    .filter((w) => w.tabs.length > 0);
}
