import type { Session, SessionWithBody, TabRecord } from '../../core/model.ts';
import type { SearchResult } from '../../core/search.ts';
import type { RestoreMode } from '../../core/restore-plan.ts';
import type { UserMessage } from '../../core/user-error.ts';
import type { CookieRestoreReport } from './keeping-messages.ts';

export interface RestoreReport {
  windows: number;
  tabs: number;
  /** Tabs whose URL could not be opened and came back as a placeholder saying why. */
  blocked: number;
  /** What did not come back (a tab, a window, a group) and why, in words the page renders. */
  failed: { url: string; reason: UserMessage }[];
  cancelled: boolean;
  /** The session's saved cookies, put back before its tabs (all zero when it has none). */
  cookies: CookieRestoreReport;
  /**
   * Replace only: the session holding the windows it closed, saved just before closing them, so
   * that restoring it undoes the Replace. Absent when nothing was closed.
   */
  replacedSnapshotId?: string;
}

/** The last Replace, while it can still be undone from the popup. */
export interface LastReplace {
  snapshotId: string;
  /** When the windows were replaced (epoch ms). */
  at: number;
  windows: number;
  tabs: number;
}

/**
 * A session as its detail shows it: the tabs whose address carries a session token are marked by
 * the worker ([window index, tab index]), so the popup does not carry the token rules itself.
 */
export interface SessionDetail extends SessionWithBody {
  urlTokenTabs: [number, number][];
}

export interface SessionMessages {
  'sessions.list': { req: Record<string, never>; res: { sessions: Session[] } };
  'sessions.get': { req: { id: string }; res: SessionDetail };
  /** Per session id, a page of each of its main sites (up to 5), for the favicons of the popup's rows. */
  'sessions.icons': { req: { ids: string[] }; res: { icons: Record<string, string[]> } };
  /**
   * `cookieProblem`: the session is saved, but its cookies could not be kept, and why;
   * `cookiesLocked`: saved without its cookies, because the cookie vault is locked.
   */
  'sessions.saveAll': {
    req: { name?: string };
    res: { session: Session; cookieProblem?: UserMessage; cookiesLocked?: true };
  };
  'sessions.saveWindow': {
    req: { windowId?: number; name?: string };
    res: { session: Session; cookieProblem?: UserMessage; cookiesLocked?: true };
  };
  'sessions.delete': { req: { id: string }; res: Record<string, never> };
  'sessions.undoDelete': { req: { id: string }; res: { session: Session } };
  /**
   * `restoreId` names the restore for progress events and for cancelling it; `overwriteCookies`
   * replaces newer cookies in the browser with the saved ones.
   */
  'sessions.restore': {
    req: { id: string; mode?: RestoreMode; restoreId?: string; overwriteCookies?: boolean };
    res: RestoreReport;
  };
  'sessions.cancelRestore': { req: { restoreId: string }; res: Record<string, never> };
  /** Restores still running, for a page opened after one started. */
  'sessions.restoresUnderway': {
    req: Record<string, never>;
    res: { restores: { restoreId: string; done: number; total: number }[] };
  };
  /**
   * The last Replace of the open windows, for a popup opened after it (Replace closed the popup's
   * own window): restoring `snapshotId` undoes it. Offered for a while only, and until it is used.
   */
  'sessions.lastReplace': { req: Record<string, never>; res: { replaced?: LastReplace } };
  'sessions.search': {
    req: { query: string; limit?: number };
    res: { results: (SearchResult & { session: Session })[] };
  };
  'sessions.rename': { req: { id: string; name: string }; res: { session: Session } };
  'sessions.setTags': { req: { id: string; tags: string[] }; res: { session: Session } };
  /** Removes tabs (by window and tab index) from a saved session. */
  'sessions.removeTabs': {
    req: { id: string; tabs: { windowIndex: number; tabIndex: number }[] };
    res: { session: Session };
  };
  /** The saved session against what is open now. */
  'sessions.compare': { req: { id: string }; res: { added: TabRecord[]; removed: TabRecord[]; unchanged: number } };
  /** Turns an automatic snapshot (autosave, closed window, recovered) into a saved session. */
  'sessions.promote': { req: { id: string }; res: { session: Session } };
}
