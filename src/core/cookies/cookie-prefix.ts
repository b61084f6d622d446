// Cookie name prefixes (RFC 6265bis §4.1.3). Browsers now match them case-insensitively, so
// `__host-x` gets the same rules as `__Host-x`.
import { listOf } from '../message-list.ts';
import { msg, type UserMessage } from '../user-error.ts';
import type { CookieRecord } from './cookie-record.ts';

export function hasHostPrefix(name: string): boolean {
  return name.slice(0, 7).toLowerCase() === '__host-';
}

export function hasSecurePrefix(name: string): boolean {
  return name.slice(0, 9).toLowerCase() === '__secure-';
}

/** Why the browser would refuse this cookie's prefix, or undefined when the prefix is honoured. */
export function prefixViolation(
  c: Pick<CookieRecord, 'name' | 'secure' | 'hostOnly' | 'path'>,
): UserMessage | undefined {
  if (hasHostPrefix(c.name)) {
    const missing: UserMessage[] = [];
    if (!c.secure) missing.push(msg('prefixNotSecure'));
    if (!c.hostOnly) missing.push(msg('prefixHasDomain'));
    if (c.path !== '/') missing.push(msg('prefixWrongPath', c.path));
    if (missing.length > 0) return msg('prefixHostViolated', listOf(missing));
  } else if (hasSecurePrefix(c.name) && !c.secure) {
    return msg('prefixSecureViolated');
  }
  return undefined;
}
