// Turns a saved cookie into `cookies.set` details, or says in plain words why the browser would
// refuse it, so a restore can report a skipped cookie instead of failing on a rejected promise.
import type { CookieRecord, PartitionKey, SameSite } from './cookie-record.ts';
import { bareHost, isPublicSuffix } from './cookie-domain.ts';
import { cookieUrl } from './cookie-url.ts';
import { MAX_NAME_VALUE_BYTES, nameValueBytes } from './cookie-limits.ts';
import { prefixViolation } from './cookie-prefix.ts';

export type TargetBrowser = 'chrome' | 'firefox';

/** Mirrors `chrome.cookies.set`'s details (plus Firefox's `firstPartyDomain`). */
export interface SetDetails {
  url: string;
  name: string;
  value: string;
  path: string;
  secure: boolean;
  httpOnly: boolean;
  domain?: string;
  sameSite?: SameSite;
  expirationDate?: number;
  storeId?: string;
  partitionKey?: PartitionKey;
  firstPartyDomain?: string;
}

export type SetDetailsResult = { ok: true; details: SetDetails } | { ok: false; reason: string };

export interface SetDetailsOptions {
  browser: TargetBrowser;
  /** Milliseconds since the epoch. */
  now: number;
}

// Chrome's ParsedCookie refuses control characters anywhere and `;` in the value; `=` would
// split the name when the browser parses it back.
const CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f]/;

export function isPersistent(
  c: Pick<CookieRecord, 'session' | 'expirationDate'>,
): c is { session: false; expirationDate: number } {
  return !c.session && typeof c.expirationDate === 'number';
}

export function refusalReason(c: CookieRecord, opts: SetDetailsOptions): string | undefined {
  const label = `Cookie "${c.name}"`;
  const host = bareHost(c.domain);
  if (!host) return `${label} has no domain, so there is no site to put it back on.`;
  if (isPersistent(c) && c.expirationDate * 1000 <= opts.now) {
    return `${label} expired on ${new Date(c.expirationDate * 1000).toISOString()}; the browser would delete it at once.`;
  }
  if (c.name === '' && c.value === '') return 'A cookie with neither a name nor a value cannot be set.';
  if (CONTROL.test(c.name) || CONTROL.test(c.value))
    return `${label} contains control characters, which the browser refuses.`;
  if (c.name.includes(';') || c.name.includes('='))
    return `${label} has ";" or "=" in its name, which the browser refuses.`;
  if (c.value.includes(';')) return `${label} has ";" in its value, which the browser refuses.`;
  const prefix = prefixViolation(c);
  if (prefix) return `${label}: ${prefix}`;
  if (c.sameSite === 'no_restriction' && !c.secure) {
    return `${label} is SameSite=None without Secure; browsers refuse that combination.`;
  }
  const bytes = nameValueBytes(c);
  if (bytes > MAX_NAME_VALUE_BYTES) {
    return `${label} is ${bytes} bytes (name plus value); the browser refuses more than ${MAX_NAME_VALUE_BYTES}.`;
  }
  if (!c.hostOnly && isPublicSuffix(host)) {
    return `${label} is set for all of "${host}", a public suffix; browsers refuse cookies shared across unrelated sites.`;
  }
  // CHIPS: Chrome stores partitioned cookies only when they are Secure.
  if (opts.browser === 'chrome' && c.partitionKey && !c.secure) {
    return `${label} is partitioned but not Secure; Chrome keeps partitioned cookies only when Secure.`;
  }
  return undefined;
}

export function toSetDetails(c: CookieRecord, opts: SetDetailsOptions): SetDetailsResult {
  const reason = refusalReason(c, opts);
  if (reason) return { ok: false, reason };

  const details: SetDetails = {
    url: cookieUrl(c),
    name: c.name,
    value: c.value,
    path: c.path || '/',
    secure: c.secure,
    httpOnly: c.httpOnly,
  };
  // Passing `domain` turns a cookie into a domain cookie: a host-only one must go without it.
  if (!c.hostOnly) details.domain = c.domain;
  // Without `expirationDate` the browser makes a session cookie: exactly what a session cookie is.
  if (isPersistent(c)) details.expirationDate = c.expirationDate;
  // Firefox's API has no 'unspecified'; leaving it out gives the browser default, as intended.
  if (opts.browser === 'chrome' || c.sameSite !== 'unspecified') details.sameSite = c.sameSite;
  // An empty storeId means "the caller's current store" (imports carry no store).
  if (c.storeId) details.storeId = c.storeId;
  if (c.partitionKey) {
    // Without its own partition key the cookie would land unpartitioned. Firefox knows only
    // topLevelSite and, like Chrome, refuses keys it does not know.
    const pk: PartitionKey = {};
    if (c.partitionKey.topLevelSite !== undefined) pk.topLevelSite = c.partitionKey.topLevelSite;
    if (opts.browser === 'chrome' && c.partitionKey.hasCrossSiteAncestor !== undefined) {
      pk.hasCrossSiteAncestor = c.partitionKey.hasCrossSiteAncestor;
    }
    details.partitionKey = pk;
  }
  // Chrome rejects the unknown key; Firefox needs it under first-party isolation, where '' is the
  // non-isolated jar, so it is always sent there.
  if (opts.browser === 'firefox') details.firstPartyDomain = c.firstPartyDomain ?? '';
  return { ok: true, details };
}
