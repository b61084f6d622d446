// The session model. Records are deliberately compact: a saved tab is a handful of strings and
// flags, not a whole `tabs.Tab` (Tab Session Manager stores ~515 bytes per tab; we aim for <200).

export type SessionKind = 'manual' | 'autosave' | 'window-closed' | 'recovered' | 'imported';

/** The kinds Tabularium makes by itself, of which retention keeps only the newest few. */
export const AUTOMATIC_KINDS = ['autosave', 'window-closed', 'recovered'] as const;
export type AutomaticKind = (typeof AUTOMATIC_KINDS)[number];

export const GROUP_COLORS = ['grey', 'blue', 'red', 'yellow', 'green', 'pink', 'purple', 'cyan', 'orange'] as const;
export type GroupColor = (typeof GROUP_COLORS)[number];

export type WindowState = 'normal' | 'minimized' | 'maximized' | 'fullscreen';
export type WindowType = 'normal' | 'popup';

export interface Bounds {
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface GroupRecord {
  title: string;
  color: GroupColor;
  collapsed: boolean;
}

export interface TabRecord {
  url: string;
  title: string;
  favIconUrl?: string;
  pinned?: true;
  active?: true;
  /** Index into the window's `groups`. */
  groupIndex?: number;
  muted?: true;
  lastAccessed?: number;
  /** Firefox containers; absent for the default store. */
  cookieStoreId?: string;
}

export interface WindowRecord {
  type: WindowType;
  state: WindowState;
  bounds?: Bounds;
  incognito: boolean;
  focused: boolean;
  tabs: TabRecord[];
  groups: GroupRecord[];
}

/** The small part of a session: what the popup list reads. */
export interface Session {
  id: string;
  name: string;
  kind: SessionKind;
  createdAt: number;
  updatedAt: number;
  tags: string[];
  counts: { windows: number; tabs: number };
  cookieJarId?: string;
  /** Where an imported session came from, to skip it on a second import. */
  sourceId?: string;
  /**
   * An imported session that was an automatic snapshot where it came from (an autosave in a
   * backup): a label only. Its kind is `imported`, so retention never prunes it.
   */
  origin?: AutomaticKind;
}

/** The large part, read only for detail, search and restore. */
export interface SessionBody {
  id: string;
  windows: WindowRecord[];
}

export interface SessionWithBody {
  session: Session;
  body: SessionBody;
}

export function countTabs(windows: readonly WindowRecord[]): { windows: number; tabs: number } {
  let tabs = 0;
  for (const w of windows) tabs += w.tabs.length;
  return { windows: windows.length, tabs };
}
