// The table follows the cookie log instead of re-reading the site: every logged change carries the
// cookie, and re-reading thousands of cookies after each login burst costs ~100 ms of the browser's
// time for the few cookies that changed.
import type { CookieChange } from '../../core/cookies/cookie-log-pairing.ts';
import { cookieKey, type CookieRecord } from '../../core/cookies/cookie-record.ts';
import { cookieConcernsHost } from '../../core/cookies/site-match.ts';
import type { SiteCookies } from '../../shared/messages/cookies-messages.ts';

/**
 * The cookie list after the changes, in their order: an added or updated cookie replaces the one
 * with its identity where it stands (or is appended), a removed one goes (expiry and eviction are
 * removals too), and a cookie that does not concern the host is never taken in. Returns `cookies`
 * itself when nothing changed, so nothing derived from it is rebuilt.
 */
export function applyCookieChanges(
  cookies: readonly CookieRecord[],
  changes: readonly CookieChange[],
  host: string,
): readonly CookieRecord[] {
  if (!changes.length) return cookies;
  const byKey = new Map(cookies.map((c) => [cookieKey(c), c]));
  let changed = false;
  for (const change of changes) {
    const key = cookieKey(change.cookie);
    if (change.kind === 'removed') {
      changed = byKey.delete(key) || changed;
    } else if (cookieConcernsHost(change.cookie, host)) {
      // A Map keeps a key's first position when it is set again: an updated cookie stays in its row.
      byKey.set(key, change.cookie);
      changed = true;
    }
  }
  return changed ? [...byKey.values()] : cookies;
}

/** The site's read after the changes, with each store's count kept true. */
export function applyChangesToSite(site: SiteCookies, changes: readonly CookieChange[]): SiteCookies {
  const cookies = applyCookieChanges(site.cookies, changes, site.host);
  if (cookies === site.cookies) return site;
  const counts = new Map<string, number>();
  for (const c of cookies) counts.set(c.storeId, (counts.get(c.storeId) ?? 0) + 1);
  return { ...site, cookies: [...cookies], stores: site.stores.map((s) => ({ ...s, count: counts.get(s.id) ?? 0 })) };
}

/**
 * Whether a change concerns a store the read did not list (an incognito window or a container tab
 * opened since): only a new read says what that store is.
 */
export function changesInUnlistedStore(site: SiteCookies, changes: readonly CookieChange[]): boolean {
  return changes.some(
    (c) =>
      c.kind !== 'removed' &&
      !site.stores.some((s) => s.id === c.cookie.storeId) &&
      cookieConcernsHost(c.cookie, site.host),
  );
}
