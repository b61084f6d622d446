// Messages of the cookie inspector. Reading and writing cookies happens in the worker, because the
// DevTools panel gets only a reduced set of extension APIs; the live log streams over a Port
// (see ../cookie-log-port.ts).
import type { CookieRecord } from '../../core/cookies/cookie-record.ts';
import type { UserMessage } from '../../core/user-error.ts';

export interface CookieAccess {
  /** The `cookies` permission is granted. */
  cookies: boolean;
  /** Host access for the page's site (all its subdomains) is granted. */
  host: boolean;
  /** What to request, for a page that asks from a click. */
  origins: string[];
}

export interface CookieStoreSummary {
  id: string;
  incognito: boolean;
  /** Cookies of this store that apply to the page. */
  count: number;
}

export interface SiteCookies {
  url: string;
  /** The page's host, or '' for an address without one. */
  host: string;
  /** Every cookie that applies to the host from any path, store and partition. */
  cookies: CookieRecord[];
  stores: CookieStoreSummary[];
  browser: 'chrome' | 'firefox';
}

export interface BulkResult {
  done: number;
  failed: { name: string; domain: string; reason: UserMessage }[];
}

export interface CookieMessages {
  'cookies.access': { req: { url: string }; res: CookieAccess };
  /** The DevTools panel's inspected tab, by id: its address. */
  'cookies.tabUrl': { req: { tabId: number }; res: { url?: string } };
  'cookies.forUrl': { req: { url: string }; res: SiteCookies };
  /**
   * Creates or edits a cookie. `replaces` is the cookie being edited: removed when the edit moved
   * it (new name, domain, path, store or partition).
   */
  'cookies.set': { req: { cookie: CookieRecord; replaces?: CookieRecord }; res: { cookie: CookieRecord } };
  'cookies.remove': { req: { cookie: CookieRecord }; res: Record<string, never> };
  /** Deletes every cookie that applies to the page (the page asks for confirmation first). */
  'cookies.removeAll': { req: { url: string }; res: BulkResult };
  'cookies.import': { req: { cookies: CookieRecord[] }; res: BulkResult };
}
