// Messages of "Stay logged in": whether cookie keeping runs (and if not, why), switching it, and
// clearing every stored cookie value. The permission prompt itself is the page's job (it needs the
// click's user gesture); the worker only checks what was granted.
import type { CookieRestoreCode } from '../../core/cookie-restore-reasons.ts';
import type { UserMessage } from '../../core/user-error.ts';

/** Why cookie keeping is not running; absent when it runs. */
export type KeepingOffReason = 'setting' | 'permission' | 'unsupported' | 'locked';

export interface CookieKeepingStatus {
  /** The person's setting. */
  keep: boolean;
  /** Keep every cookie of the open sites, not only session cookies. */
  all: boolean;
  /** The `cookies` permission and access to all sites are granted. */
  permission: boolean;
  /** Keeping runs now: the setting is on and the permission granted. */
  active: boolean;
  off?: KeepingOffReason;
  /** Cookies in the live copy (crash recovery). */
  liveCookies: number;
  /** The cookie vault lock is on and locked (whether keeping is on or not): nothing opens a cookie. */
  locked?: true;
}

export interface CaptureResult {
  /** Open sites, over every cookie store. */
  sites: number;
  /** Cookies kept after the capture. */
  cookies: number;
  /** Records encrypted and written by this capture. */
  written: number;
  /** Where the time went, in ms: reading the browser's cookies, encrypting and committing them. */
  ms?: { read: number; store: number };
}

export interface CookieKeepingMessages {
  'keeping.status': { req: Record<string, never>; res: CookieKeepingStatus };
  /** Switches keeping (the page asked for the permission first, from the click). */
  'keeping.set': { req: { keep?: boolean; all?: boolean }; res: CookieKeepingStatus };
  /** Deletes every stored cookie value: all saved sessions' jars and the live copy. */
  'keeping.clearAll': { req: Record<string, never>; res: CookieKeepingStatus };
  /** Puts a saved session's cookies back without opening its tabs (e.g. "overwrite the newer ones"). */
  'keeping.restoreCookies': { req: { sessionId: string; overwrite?: boolean }; res: CookieRestoreReport };
}

export interface CookieRestoreIssue {
  name: string;
  domain: string;
  /** What happened, for pages that act on it ('newer-in-browser' offers to overwrite). */
  code: CookieRestoreCode;
  /** The same, for the person. */
  reason: UserMessage;
}

export interface CookieRestoreReport {
  restored: number;
  skipped: CookieRestoreIssue[];
  failed: CookieRestoreIssue[];
  /**
   * The session has saved cookies, but the cookie vault is locked: none was put back. After
   * `vault.unlock`, `keeping.restoreCookies` with this id puts them back.
   */
  lockedSessionId?: string;
}

/**
 * Cookies that were kept because the browser's were newer: the person may still want the saved
 * ones. Decided by the code, never by the words, which are in the page's language.
 */
export function newerSkipped(c: CookieRestoreReport | undefined): number {
  return c ? c.skipped.filter((s) => s.code === 'newer-in-browser').length : 0;
}
