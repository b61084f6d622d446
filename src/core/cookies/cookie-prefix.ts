// Cookie name prefixes (RFC 6265bis §4.1.3). Browsers now match them case-insensitively, so
// `__host-x` gets the same rules as `__Host-x`.
import type { CookieRecord } from './cookie-record.ts';

export function hasHostPrefix(name: string): boolean {
  return name.slice(0, 7).toLowerCase() === '__host-';
}

export function hasSecurePrefix(name: string): boolean {
  return name.slice(0, 9).toLowerCase() === '__secure-';
}

/** Why the browser would refuse this cookie's prefix, or undefined when the prefix is honoured. */
export function prefixViolation(c: Pick<CookieRecord, 'name' | 'secure' | 'hostOnly' | 'path'>): string | undefined {
  if (hasHostPrefix(c.name)) {
    const missing: string[] = [];
    if (!c.secure) missing.push('it is not Secure');
    if (!c.hostOnly) missing.push('it has a Domain attribute (not host-only)');
    if (c.path !== '/') missing.push(`its path is "${c.path}" instead of "/"`);
    if (missing.length > 0) {
      return `A "__Host-" cookie must be Secure, host-only and have path "/", but ${missing.join(', ')}.`;
    }
  } else if (hasSecurePrefix(c.name) && !c.secure) {
    return 'A "__Secure-" cookie must be Secure, but it is not.';
  }
  return undefined;
}
