// Per-cookie audit rules 1–12 of REFERENCE "Cookie audit rules" (13 and 14 need the whole site:
// see audit-site.ts). Severities follow the mapping documented in audit-finding.ts.
import type { CookieRecord } from './cookie-record.ts';
import type { Finding } from './audit-finding.ts';
import { compareFindings } from './audit-finding.ts';
import { frameworkOf, sessionLikeReason } from './session-like.ts';
import { hasHostPrefix, prefixViolation } from './cookie-prefix.ts';
import { estimateEntropyBits } from './entropy.ts';
import { safeDecodeUri } from './value-decoding.ts';
import { readableValueReason } from './readable-value.ts';
import { MAX_LIFETIME_DAYS, MAX_NAME_VALUE_BYTES, WARN_NAME_VALUE_BYTES, nameValueBytes } from './cookie-limits.ts';
import { isPersistent } from './set-details.ts';

export const MIN_SESSION_ENTROPY_BITS = 64;

const DAY_S = 86_400;

/** Findings for one cookie, worst first. `now` is milliseconds since the epoch. */
export function auditCookie(c: CookieRecord, now: number): Finding[] {
  const out: Finding[] = [];
  const session = sessionLikeReason(c);
  const looks = session ? `It looks like a session token (${session}).` : '';

  if (session && !c.secure) {
    out.push({
      rule: 1,
      id: 'session-without-secure',
      severity: 'High',
      title: 'Session cookie without Secure',
      reason: `${looks} Without Secure it is also sent over plain HTTP, where anyone on the network can copy it and take over the session.`,
      fix: 'Set the Secure attribute (and serve the site over HTTPS only).',
    });
  }
  if (session && !c.httpOnly) {
    out.push({
      rule: 2,
      id: 'session-without-httponly',
      severity: 'High',
      title: 'Session cookie without HttpOnly',
      reason: `${looks} Without HttpOnly any script on the page, including injected ones (XSS), can read and steal it.`,
      fix: 'Set the HttpOnly attribute.',
    });
  }
  if (c.sameSite === 'no_restriction' && !c.secure) {
    out.push({
      rule: 3,
      id: 'samesite-none-without-secure',
      severity: 'High',
      title: 'SameSite=None without Secure',
      reason: 'Browsers refuse a SameSite=None cookie that is not Secure (RFC 6265bis), so the site cannot rely on it.',
      fix: 'Add Secure, or use SameSite=Lax if the cookie is not needed in cross-site requests.',
    });
  }
  if (session && (c.sameSite === 'unspecified' || c.sameSite === 'no_restriction')) {
    out.push({
      rule: 4,
      id: 'session-weak-samesite',
      severity: 'Medium',
      title:
        c.sameSite === 'unspecified'
          ? 'Session cookie without a SameSite attribute'
          : 'Session cookie with SameSite=None',
      reason: `${looks} ${
        c.sameSite === 'unspecified'
          ? "Without SameSite, each browser's default decides whether other sites' requests carry it (Firefox and Safari still send it)"
          : 'Requests from other sites carry it'
      }, which opens the door to cross-site request forgery.`,
      fix: 'Set SameSite=Strict, or Lax if links from other sites must arrive logged in.',
    });
  }
  const prefix = prefixViolation(c);
  if (prefix) {
    const host = hasHostPrefix(c.name);
    out.push({
      rule: 5,
      id: host ? 'host-prefix-violated' : 'secure-prefix-violated',
      severity: 'High',
      title: host ? '"__Host-" cookie breaks its prefix rules' : '"__Secure-" cookie without Secure',
      reason: `${prefix} Browsers refuse such a cookie (RFC 6265bis).`,
      fix: host ? 'Set it Secure, without a Domain attribute and with Path=/.' : 'Set the Secure attribute.',
    });
  }
  if (session && !hasHostPrefix(c.name)) {
    out.push({
      rule: 6,
      id: 'session-without-host-prefix',
      severity: 'Low',
      title: 'Session cookie without the "__Host-" prefix',
      reason: `${looks} The "__Host-" prefix makes the browser guarantee it is Secure, host-only and site-wide, so a subdomain or a plain-HTTP page cannot overwrite it.`,
      fix: `Rename it "__Host-${c.name.replace(/^__secure-/i, '')}" and set Secure, Path=/ and no Domain.`,
    });
  }
  if (session && !c.hostOnly) {
    out.push({
      rule: 7,
      id: 'session-domain-attribute',
      severity: 'Medium',
      title: 'Session cookie shared with subdomains',
      reason: `${looks} It has a Domain attribute (${c.domain}), so every subdomain receives it — and any of them, if compromised, can read or overwrite it.`,
      fix: 'Drop the Domain attribute so the cookie stays with the one host that needs it.',
    });
  }
  if (session && isPersistent(c)) {
    const days = Math.round((c.expirationDate - now / 1000) / DAY_S);
    // REFERENCE: over 400 days is Low, not worse: browsers cut any lifetime to 400 days when the
    // cookie is set (RFC 6265bis), so what it claims past that never happens.
    const overCap = days > MAX_LIFETIME_DAYS;
    out.push({
      rule: 8,
      id: overCap ? 'session-lifetime-over-cap' : 'session-persistent',
      severity: overCap ? 'Low' : 'Medium',
      title: overCap
        ? `Session cookie claims to last ${days} days`
        : 'Session cookie persists after the browser closes',
      reason: overCap
        ? `${looks} It claims to last ${days} days, past the ${MAX_LIFETIME_DAYS}-day cap browsers apply; it still survives browser restarts, so a shared or stolen computer stays logged in.`
        : `${looks} It ${days >= 1 ? `lasts ${days} more day${days === 1 ? '' : 's'}` : 'has an expiry date'} instead of ending with the browser, so a shared or stolen computer stays logged in.`,
      fix: 'Drop Expires/Max-Age so it ends with the browser, or keep the lifetime short and renew it on activity.',
    });
  }
  if (session && c.value !== '') {
    const bits = estimateEntropyBits(safeDecodeUri(c.value));
    if (bits < MIN_SESSION_ENTROPY_BITS) {
      out.push({
        rule: 9,
        id: 'low-entropy',
        severity: 'High',
        title: 'Session token may be guessable',
        reason: `${looks} Its value has an estimated ${Math.round(bits)} bits of randomness, below the ${MIN_SESSION_ENTROPY_BITS} bits OWASP asks for (16 random hex characters), so it could be guessed.`,
        fix: 'Generate session IDs with a cryptographic random generator, at least 128 bits (e.g. 32 hex characters).',
      });
    }
  }
  const framework = frameworkOf(c.name);
  if (framework) {
    out.push({
      rule: 10,
      id: 'default-session-name',
      severity: 'Info',
      title: 'Default framework cookie name',
      reason: `"${c.name}" is the default session cookie name of ${framework}; it tells attackers which software runs the site.`,
      fix: 'Rename the session cookie to something generic, such as "__Host-id".',
    });
  }
  const readable = readableValueReason(c.value);
  if (readable) {
    out.push({
      rule: 11,
      id: 'readable-value',
      severity: 'Medium',
      title: 'Cookie value carries readable data',
      reason: `${readable} Identifiers should be meaningless: anyone who sees the cookie (logs, proxies, scripts) learns this, and unsigned data can be edited.`,
      fix: 'Keep the data on the server and put only a random identifier in the cookie.',
    });
  }
  const bytes = nameValueBytes(c);
  if (bytes > MAX_NAME_VALUE_BYTES) {
    out.push({
      rule: 12,
      id: 'oversized',
      severity: 'High',
      title: 'Cookie too large',
      reason: `Name plus value is ${bytes} bytes; browsers drop cookies over ${MAX_NAME_VALUE_BYTES} bytes.`,
      fix: 'Store the data on the server or split it; keep cookies small.',
    });
  } else if (bytes > WARN_NAME_VALUE_BYTES) {
    out.push({
      rule: 12,
      id: 'near-size-limit',
      severity: 'Medium',
      title: 'Cookie close to the size limit',
      reason: `Name plus value is ${bytes} bytes; browsers drop cookies over ${MAX_NAME_VALUE_BYTES} bytes, so a little growth will lose it.`,
      fix: 'Store the data on the server or split it; keep cookies small.',
    });
  }
  return out.sort(compareFindings);
}
