// Every cookie that applies to a page, read the same way by the worker (for the DevTools panel,
// which has no cookies API) and by the standalone inspector page (which reads them itself: 5,000
// cookies cost ~40 ms more as a message than the read itself).
import type { CookieRecord } from '../core/cookies/cookie-record.ts';
import { cookieKey } from '../core/cookies/cookie-record.ts';
import { registrableDomain } from '../core/cookies/cookie-domain.ts';
import { cookieConcernsHost, pageHost } from '../core/cookies/site-match.ts';
import type { CookiesApi, CookieStoreInfo } from '../platform/cookies.ts';
import type { SiteCookies } from './messages/cookies-messages.ts';

export interface SiteRead {
  /** The page's own cookies in the default store: the big read, answered first. */
  first: Promise<SiteCookies>;
  /** Everything: `first` plus cookies embedded sites keep under this site, and the other stores. */
  all: Promise<SiteCookies>;
}

function coded(message: string, code: string): Error {
  return Object.assign(new Error(message), { code });
}

/** The cookies of both reads that concern the host (the live log keeps the table by the same rule), once each. */
function merge(own: CookieRecord[], embedded: CookieRecord[], host: string): CookieRecord[] {
  const seen = new Set<string>();
  return [...own, ...embedded].filter((c) => {
    const key = cookieKey(c);
    if (seen.has(key) || !cookieConcernsHost(c, host)) return false;
    seen.add(key);
    return true;
  });
}

function siteCookies(base: SiteCookies, parts: { store: CookieStoreInfo; cookies: CookieRecord[] }[]): SiteCookies {
  return {
    ...base,
    cookies: parts.flatMap((p) => p.cookies),
    stores: parts.map((p) => ({ id: p.store.id, incognito: p.store.incognito, count: p.cookies.length })),
  };
}

/**
 * Reads in two steps so a page can show the bulk at once. The browser answers cookie reads one
 * after another, and a read that includes partitioned cookies walks the whole store (~25 ms with
 * 5,000 cookies, plus ~15 µs per cookie returned), so the big one is asked for first.
 */
export function readSiteCookiesInSteps(api: CookiesApi, url: string): SiteRead {
  const host = pageHost(url) ?? '';
  const base: SiteCookies = { url, host, cookies: [], stores: [], browser: api.browser };
  if (!host) return { first: Promise.resolve(base), all: Promise.resolve(base) };
  if (!api.available()) {
    const refused = Promise.reject(
      coded('Cookie access is off: allow it to see this site’s cookies.', 'no-permission'),
    );
    return { first: refused, all: refused };
  }
  // Asking for the registrable domain returns the whole site (every subdomain, every path, every
  // partition); cookieConcernsHost then keeps what concerns this host: its own and its parents'
  // cookies, and those partitioned under its site.
  const site = registrableDomain(host) || host;
  // Cross-site frames on this site's pages keep partitioned cookies under this site's key (CHIPS):
  // they belong to another domain, yet they are part of this site as the person sees it.
  const topLevelSite = `${new URL(url).protocol === 'http:' ? 'http' : 'https'}://${site}`;
  const storesRead = api.getAllCookieStores();
  const home = api.defaultStoreId;
  const ownRead = api.getAllForDomain(site, home);
  const embeddedRead = api.getAllInPartition(topLevelSite, home);
  const homeStore = (stores: CookieStoreInfo[]) =>
    stores.find((s) => s.id === home) ?? { id: home, tabIds: [], incognito: false };

  const first = Promise.all([storesRead, ownRead]).then(([stores, own]) =>
    siteCookies(base, [{ store: homeStore(stores), cookies: merge(own, [], host) }]),
  );
  const all = (async () => {
    const [stores, own, embedded] = await Promise.all([storesRead, ownRead, embeddedRead]);
    const parts = [{ store: homeStore(stores), cookies: merge(own, embedded, host) }];
    // Other stores (incognito, containers) after the default one; most people have none.
    for (const s of stores) {
      if (s.id === home) continue;
      const [o, e] = await Promise.all([api.getAllForDomain(site, s.id), api.getAllInPartition(topLevelSite, s.id)]);
      parts.push({ store: s, cookies: merge(o, e, host) });
    }
    return siteCookies(base, parts);
  })();
  // `first` is often the only one awaited at first; `all` must not be reported as unhandled.
  all.catch(() => undefined);
  return { first, all };
}

export function readSiteCookies(api: CookiesApi, url: string): Promise<SiteCookies> {
  return readSiteCookiesInSteps(api, url).all;
}
