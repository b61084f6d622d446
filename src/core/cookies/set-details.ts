// Turns a saved cookie into `cookies.set` details, or says in plain words why the browser would
// refuse it, so a restore can report a skipped cookie instead of failing on a rejected promise.
import { bytesText, msg, type UserMessage } from '../user-error.ts';
import type { CookieRecord, PartitionKey, SameSite } from './cookie-record.ts';
import { bareHost, isPublicSuffix } from './cookie-domain.ts';
import { cookieUrl } from './cookie-url.ts';
import { MAX_NAME_VALUE_BYTES, nameValueBytes } from './cookie-limits.ts';
import { prefixViolation } from './cookie-prefix.ts';
import type { Flavour } from '../flavour.ts';

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

/** Why a cookie cannot be set: it expired (a restore skips it), or the browser would refuse it. */
export interface Refusal {
  code: 'expired' | 'not-settable';
  reason: UserMessage;
}

export type SetDetailsResult = { ok: true; details: SetDetails } | ({ ok: false } & Refusal);

export interface SetDetailsOptions {
  browser: Flavour;
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

export function refusal(c: CookieRecord, opts: SetDetailsOptions): Refusal | undefined {
  const no = (reason: UserMessage): Refusal => ({ code: 'not-settable', reason });
  const host = bareHost(c.domain);
  if (!host) return no(msg('cookieNoDomain', c.name));
  if (isPersistent(c) && c.expirationDate * 1000 <= opts.now) {
    const when = new Date(c.expirationDate * 1000).toISOString();
    return { code: 'expired', reason: msg('cookieExpired', c.name, when) };
  }
  if (c.name === '' && c.value === '') return no(msg('cookieNoNameNoValue'));
  if (CONTROL.test(c.name) || CONTROL.test(c.value)) return no(msg('cookieControlChars', c.name));
  if (c.name.includes(';') || c.name.includes('=')) return no(msg('cookieBadName', c.name));
  if (c.value.includes(';')) return no(msg('cookieBadValue', c.name));
  const prefix = prefixViolation(c);
  if (prefix) return no(msg('cookiePrefixRefused', c.name, prefix));
  if (c.sameSite === 'no_restriction' && !c.secure) return no(msg('cookieNoneWithoutSecure', c.name));
  const bytes = nameValueBytes(c);
  if (bytes > MAX_NAME_VALUE_BYTES)
    return no(msg('cookieTooLarge', c.name, bytesText(bytes), bytesText(MAX_NAME_VALUE_BYTES)));
  if (!c.hostOnly && isPublicSuffix(host)) return no(msg('cookiePublicSuffix', c.name, host));
  // CHIPS: Chrome stores partitioned cookies only when they are Secure.
  if (opts.browser === 'chrome' && c.partitionKey && !c.secure) return no(msg('cookiePartitionedNotSecure', c.name));
  return undefined;
}

/** Why the browser would refuse the cookie, or undefined when it looks settable. */
export function refusalReason(c: CookieRecord, opts: SetDetailsOptions): UserMessage | undefined {
  return refusal(c, opts)?.reason;
}

export function toSetDetails(c: CookieRecord, opts: SetDetailsOptions): SetDetailsResult {
  const refused = refusal(c, opts);
  if (refused) return { ok: false, ...refused };

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
