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
import { counted, msg } from '../user-error.ts';

export const MIN_SESSION_ENTROPY_BITS = 64;

const DAY_S = 86_400;

/** Findings for one cookie, worst first. `now` is milliseconds since the epoch. */
export function auditCookie(c: CookieRecord, now: number): Finding[] {
  const out: Finding[] = [];
  const session = sessionLikeReason(c);
  // The rules that apply to session cookies only start their reason with why it looks like one.
  const looks = session ? msg('auditLooksLikeSession', session) : '';

  if (session && !c.secure) {
    out.push({
      rule: 1,
      id: 'session-without-secure',
      severity: 'High',
      title: msg('auditNoSecureTitle'),
      reason: msg('auditNoSecureReason', looks),
      fix: msg('auditNoSecureFix'),
    });
  }
  if (session && !c.httpOnly) {
    out.push({
      rule: 2,
      id: 'session-without-httponly',
      severity: 'High',
      title: msg('auditNoHttpOnlyTitle'),
      reason: msg('auditNoHttpOnlyReason', looks),
      fix: msg('auditNoHttpOnlyFix'),
    });
  }
  if (c.sameSite === 'no_restriction' && !c.secure) {
    out.push({
      rule: 3,
      id: 'samesite-none-without-secure',
      severity: 'High',
      title: msg('auditNoneWithoutSecureTitle'),
      reason: msg('auditNoneWithoutSecureReason'),
      fix: msg('auditNoneWithoutSecureFix'),
    });
  }
  if (session && (c.sameSite === 'unspecified' || c.sameSite === 'no_restriction')) {
    const unset = c.sameSite === 'unspecified';
    out.push({
      rule: 4,
      id: 'session-weak-samesite',
      severity: 'Medium',
      title: unset ? msg('auditSameSiteUnsetTitle') : msg('auditSameSiteNoneTitle'),
      reason: unset ? msg('auditSameSiteUnsetReason', looks) : msg('auditSameSiteNoneReason', looks),
      fix: msg('auditWeakSameSiteFix'),
    });
  }
  const prefix = prefixViolation(c);
  if (prefix) {
    const host = hasHostPrefix(c.name);
    out.push({
      rule: 5,
      id: host ? 'host-prefix-violated' : 'secure-prefix-violated',
      severity: 'High',
      title: host ? msg('auditHostPrefixTitle') : msg('auditSecurePrefixTitle'),
      reason: msg('auditPrefixReason', prefix),
      fix: host ? msg('auditHostPrefixFix') : msg('auditSecurePrefixFix'),
    });
  }
  if (session && !hasHostPrefix(c.name)) {
    out.push({
      rule: 6,
      id: 'session-without-host-prefix',
      severity: 'Low',
      title: msg('auditNoHostPrefixTitle'),
      reason: msg('auditNoHostPrefixReason', looks),
      fix: msg('auditNoHostPrefixFix', c.name.replace(/^__secure-/i, '')),
    });
  }
  if (session && !c.hostOnly) {
    out.push({
      rule: 7,
      id: 'session-domain-attribute',
      severity: 'Medium',
      title: msg('auditSharedDomainTitle'),
      reason: msg('auditSharedDomainReason', looks, c.domain),
      fix: msg('auditSharedDomainFix'),
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
      title: overCap ? counted(days, 'auditOverCapTitleOne', 'auditOverCapTitleOther') : msg('auditPersistentTitle'),
      reason: overCap
        ? counted(days, 'auditOverCapReasonOne', 'auditOverCapReasonOther', looks, MAX_LIFETIME_DAYS)
        : days >= 1
          ? counted(days, 'auditPersistentDaysReasonOne', 'auditPersistentDaysReasonOther', looks)
          : msg('auditPersistentReason', looks),
      fix: msg('auditPersistentFix'),
    });
  }
  if (session && c.value !== '') {
    const bits = estimateEntropyBits(safeDecodeUri(c.value));
    if (bits < MIN_SESSION_ENTROPY_BITS) {
      out.push({
        rule: 9,
        id: 'low-entropy',
        severity: 'High',
        title: msg('auditLowEntropyTitle'),
        reason: msg('auditLowEntropyReason', looks, Math.round(bits), MIN_SESSION_ENTROPY_BITS),
        fix: msg('auditLowEntropyFix'),
      });
    }
  }
  const framework = frameworkOf(c.name);
  if (framework) {
    out.push({
      rule: 10,
      id: 'default-session-name',
      severity: 'Info',
      title: msg('auditDefaultNameTitle'),
      reason: msg('auditDefaultNameReason', c.name, framework),
      fix: msg('auditDefaultNameFix'),
    });
  }
  const readable = readableValueReason(c.value);
  if (readable) {
    out.push({
      rule: 11,
      id: 'readable-value',
      severity: 'Medium',
      title: msg('auditReadableTitle'),
      reason: msg('auditReadableReason', readable),
      fix: msg('auditReadableFix'),
    });
  }
  const bytes = nameValueBytes(c);
  if (bytes > MAX_NAME_VALUE_BYTES) {
    out.push({
      rule: 12,
      id: 'oversized',
      severity: 'High',
      title: msg('auditOversizedTitle'),
      reason: msg('auditOversizedReason', bytes, MAX_NAME_VALUE_BYTES),
      fix: msg('auditSizeFix'),
    });
  } else if (bytes > WARN_NAME_VALUE_BYTES) {
    out.push({
      rule: 12,
      id: 'near-size-limit',
      severity: 'Medium',
      title: msg('auditNearLimitTitle'),
      reason: msg('auditNearLimitReason', bytes, MAX_NAME_VALUE_BYTES),
      fix: msg('auditSizeFix'),
    });
  }
  return out.sort(compareFindings);
}
