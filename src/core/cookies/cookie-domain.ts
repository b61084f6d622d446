// Host and domain arithmetic shared by set details, site matching and the audit. Browsers report a
// domain cookie with a leading dot and a host-only cookie without one; comparisons must ignore it.
import { parse } from 'tldts';

/** Lower-cased, without the leading dot of a domain cookie, a trailing root dot or IPv6 brackets. */
export function bareHost(domainOrHost: string): string {
  let h = domainOrHost.trim().toLowerCase();
  if (h.startsWith('.')) h = h.slice(1);
  if (h.endsWith('.')) h = h.slice(0, -1);
  if (h.startsWith('[') && h.endsWith(']')) h = h.slice(1, -1);
  return h;
}

export function isIpHost(host: string): boolean {
  const h = bareHost(host);
  return /^\d{1,3}(\.\d{1,3}){3}$/.test(h) || h.includes(':');
}

/** The host as it goes into a URL: IPv6 needs brackets there. */
export function urlHost(domainOrHost: string): string {
  const h = bareHost(domainOrHost);
  return h.includes(':') ? `[${h}]` : h;
}

/**
 * RFC 6265 domain-match: the host is the cookie's domain or a subdomain of it. It ignores
 * host-only (the caller knows that flag); an IP address only ever matches itself.
 */
export function domainMatches(cookieDomain: string, host: string): boolean {
  const d = bareHost(cookieDomain);
  const h = bareHost(host);
  if (!d || !h) return false;
  if (d === h) return true;
  if (isIpHost(h)) return false;
  return h.endsWith(`.${d}`);
}

/**
 * eTLD+1 under the public suffix list, private suffixes included (github.io sites are separate
 * sites to the browser's cookie store too). IPs, `localhost` and single-label hosts have none:
 * tldts returns null there, so the host itself stands for the site.
 */
export function registrableDomain(domainOrHost: string): string {
  const h = bareHost(domainOrHost);
  if (!h || isIpHost(h)) return h;
  return parse(h, { allowPrivateDomains: true }).domain ?? h;
}

/** True for `com`, `co.uk`, `github.io`…: a Domain attribute there would reach every site under it. */
export function isPublicSuffix(domainOrHost: string): boolean {
  const h = bareHost(domainOrHost);
  if (!h || isIpHost(h)) return false;
  const p = parse(h, { allowPrivateDomains: true });
  // tldts also "knows" unlisted TLDs such as `.test` and `localhost`; only listed ones count.
  return p.publicSuffix === h && p.domain === null && (p.isIcann === true || p.isPrivate === true);
}
