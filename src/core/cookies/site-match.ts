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

/**
 * Whether the inspector of a page on `host` shows the cookie: the host's own and parent-domain
 * cookies, and cookies partitioned under the host's site — embedded sites' CHIPS cookies belong
 * to other domains, yet to the person they are part of this site. The page's cookie read and the
 * live cookie log both decide with this, so the table and the log never disagree.
 */
export function cookieConcernsHost(c: CookieRecord, host: string): boolean {
  if (cookieAppliesToHost(c, host)) return true;
  const top = c.partitionKey?.topLevelSite;
  // An IP address or a single-label host is its own site.
  const site = registrableDomain(host) || bareHost(host);
  if (!top || !site) return false;
  try {
    return bareHost(new URL(top).hostname) === site;
  } catch {
    return false;
  }
}

/** Every cookie for the page's host or a parent domain of it, in the order given. */
export function cookiesForSite(all: readonly CookieRecord[], pageUrl: string): CookieRecord[] {
  const host = pageHost(pageUrl);
  if (!host) return [];
  return all.filter((c) => cookieAppliesToHost(c, host));
}
