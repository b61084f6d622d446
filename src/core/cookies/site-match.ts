// Which cookies the inspector shows for a page: everything the page's host could receive from any
// path, store or partition — people hunting a login problem need the parent-domain cookies and
// the partitioned ones too (Cookie-Editor's users miss exactly those).
import type { CookieRecord } from './cookie-record.ts';
import { bareHost, domainMatches, registrableDomain } from './cookie-domain.ts';

export { domainMatches };

/** The page's host, or undefined for addresses without one (about:blank, file:, garbage). */
export function pageHost(pageUrl: string): string | undefined {
  try {
    const host = bareHost(new URL(pageUrl).hostname);
    return host || undefined;
  } catch {
    return undefined;
  }
}

export function cookieAppliesToHost(c: Pick<CookieRecord, 'domain' | 'hostOnly'>, host: string): boolean {
  return c.hostOnly ? bareHost(c.domain) === bareHost(host) : domainMatches(c.domain, host);
}

/** Every cookie for the page's host or a parent domain of it, in the order given. */
export function cookiesForSite(all: readonly CookieRecord[], pageUrl: string): CookieRecord[] {
  const host = pageHost(pageUrl);
  if (!host) return [];
  return all.filter((c) => cookieAppliesToHost(c, host));
}

/** The host's own and parent-domain cookies, and partitioned cookies kept under its site. */
export function cookieConcernsHost(c: CookieRecord, host: string): boolean {
  if (cookieAppliesToHost(c, host)) return true;
  const top = c.partitionKey?.topLevelSite;
  if (!top) return false;
  try {
    return new URL(top).hostname === (registrableDomain(host) || host);
  } catch {
    return false;
  }
}
