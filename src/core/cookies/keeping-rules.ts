// Which cookies "Stay logged in" keeps, and how a saved cookie meets the browser's current one.
// Pure: the worker feeds it the open tabs and the browser's cookies.
import { NEWER_COOKIE_REASON, SAME_COOKIE_REASON, type CookieRestoreReason } from '../cookie-restore-reasons.ts';
import { registrableDomain } from './cookie-domain.ts';
import { cookieKey, type CookieRecord } from './cookie-record.ts';
import { pageHost } from './site-match.ts';
import type { WindowRecord } from '../model.ts';
import type { Flavour } from '../flavour.ts';

/** Sites (registrable domains) of open tabs, per cookie store. */
export type SitesByStore = Map<string, Set<string>>;

/** The store a tab's cookies live in: its container, else the private or the default store. */
export function storeOfTab(browser: Flavour, incognito: boolean, cookieStoreId: string | undefined): string {
  if (cookieStoreId) return cookieStoreId;
  if (browser === 'firefox') return incognito ? 'firefox-private' : 'firefox-default';
  return incognito ? '1' : '0';
}

/** The site of a web page, or undefined for pages that have no cookies (extension pages, about:). */
export function siteOfUrl(url: string): string | undefined {
  if (!/^https?:/i.test(url)) return undefined;
  const host = pageHost(url);
  return host ? registrableDomain(host) || host : undefined;
}

/** Sites of a list of page URLs, whatever their store. */
export function sitesOfUrls(urls: Iterable<string>): Set<string> {
  const out = new Set<string>();
  for (const u of urls) {
    const site = siteOfUrl(u);
    if (site) out.add(site);
  }
  return out;
}

export function sitesOfWindows(browser: Flavour, windows: readonly WindowRecord[]): SitesByStore {
  const out: SitesByStore = new Map();
  for (const w of windows) {
    for (const t of w.tabs) {
      const site = siteOfUrl(t.url);
      if (!site) continue;
      const store = storeOfTab(browser, w.incognito, t.cookieStoreId);
      let set = out.get(store);
      if (!set) out.set(store, (set = new Set()));
      set.add(site);
    }
  }
  return out;
}

/** `https://example.test` → `example.test`; partition keys name a site, not a host. */
export function siteOfTopLevel(topLevelSite: string): string | undefined {
  try {
    return registrableDomain(new URL(topLevelSite).hostname) || undefined;
  } catch {
    return undefined;
  }
}

/**
 * A cookie belongs to an open site when its own domain is on that site, or when it was set by a
 * frame embedded under that site (CHIPS: the partition's top-level site is the open one).
 */
export function cookieConcernsSites(c: CookieRecord, sites: ReadonlySet<string> | undefined): boolean {
  if (!sites || sites.size === 0) return false;
  if (sites.has(registrableDomain(c.domain))) return true;
  const top = c.partitionKey?.topLevelSite;
  const topSite = top ? siteOfTopLevel(top) : undefined;
  return !!topSite && sites.has(topSite);
}

/** Session cookies only, unless the person widened keeping to all cookies. */
export function isKept(c: CookieRecord, all: boolean): boolean {
  return all || c.session;
}

export function keepFilter(sites: SitesByStore, all: boolean): (c: CookieRecord) => boolean {
  return (c) => isKept(c, all) && cookieConcernsSites(c, sites.get(c.storeId));
}

/** Same cookie, same contents: nothing to write. */
export function sameCookie(a: CookieRecord, b: CookieRecord): boolean {
  return JSON.stringify(normalized(a)) === JSON.stringify(normalized(b));
}

function normalized(c: CookieRecord): unknown[] {
  return [cookieKey(c), c.value, c.hostOnly, c.secure, c.httpOnly, c.sameSite, c.session, c.expirationDate ?? null];
}

export interface CookieDiff {
  put: CookieRecord[];
  /** cookieKey()s to remove. */
  del: string[];
}

/** What to write so that `stored` becomes `wanted`. */
export function diffCookies(stored: ReadonlyMap<string, CookieRecord>, wanted: readonly CookieRecord[]): CookieDiff {
  const put: CookieRecord[] = [];
  const seen = new Set<string>();
  for (const c of wanted) {
    const k = cookieKey(c);
    if (seen.has(k)) continue;
    seen.add(k);
    const cur = stored.get(k);
    if (!cur || !sameCookie(cur, c)) put.push(c);
  }
  const del = [...stored.keys()].filter((k) => !seen.has(k));
  return { put, del };
}

export type RestoreVerdict = { action: 'set' } | ({ action: 'skip' } & CookieRestoreReason);

/**
 * A saved cookie against the browser's cookie of the same identity. The jar holds the value as it
 * was when it was captured, so a different value in the browser now was set after that: it is
 * newer, and it stays unless the person asked to overwrite.
 */
export function restoreVerdict(
  saved: CookieRecord,
  existing: CookieRecord | undefined,
  overwrite: boolean,
): RestoreVerdict {
  if (!existing) return { action: 'set' };
  if (sameCookie(saved, existing)) return { action: 'skip', ...SAME_COOKIE_REASON };
  if (overwrite) return { action: 'set' };
  return { action: 'skip', ...NEWER_COOKIE_REASON };
}

export { NEWER_COOKIE_REASON, SAME_COOKIE_REASON };
