// Rules 1, 2, 4 and 6–9 of REFERENCE "Cookie audit rules": they apply to session-like cookies
// only, and each reason starts with why the cookie looks like one.
import type { CookieFacts } from './audit-rule.ts';
import type { Finding } from './audit-finding.ts';
import { hasHostPrefix } from './cookie-prefix.ts';
import { estimateEntropyBits } from './entropy.ts';
import { safeDecodeUri } from './value-decoding.ts';
import { MAX_LIFETIME_DAYS } from './cookie-limits.ts';
import { isPersistent } from './set-details.ts';
import { bitsText, counted, msg } from '../user-error.ts';

export const MIN_SESSION_ENTROPY_BITS = 64;

const DAY_S = 86_400;

/** Rule 1. */
export function sessionWithoutSecure({ cookie: c, looks }: CookieFacts): Finding | undefined {
  if (!looks || c.secure) return undefined;
  return {
    rule: 1,
    id: 'session-without-secure',
    severity: 'High',
    title: msg('auditNoSecureTitle'),
    reason: msg('auditNoSecureReason', looks),
    fix: msg('auditNoSecureFix'),
  };
}

/** Rule 2. */
export function sessionWithoutHttpOnly({ cookie: c, looks }: CookieFacts): Finding | undefined {
  if (!looks || c.httpOnly) return undefined;
  return {
    rule: 2,
    id: 'session-without-httponly',
    severity: 'High',
    title: msg('auditNoHttpOnlyTitle'),
    reason: msg('auditNoHttpOnlyReason', looks),
    fix: msg('auditNoHttpOnlyFix'),
  };
}

/** Rule 4: SameSite left unset or None. */
export function sessionWeakSameSite({ cookie: c, looks }: CookieFacts): Finding | undefined {
  if (!looks || (c.sameSite !== 'unspecified' && c.sameSite !== 'no_restriction')) return undefined;
  const unset = c.sameSite === 'unspecified';
  return {
    rule: 4,
    id: 'session-weak-samesite',
    severity: 'Medium',
    title: unset ? msg('auditSameSiteUnsetTitle') : msg('auditSameSiteNoneTitle'),
    reason: unset ? msg('auditSameSiteUnsetReason', looks) : msg('auditSameSiteNoneReason', looks),
    fix: msg('auditWeakSameSiteFix'),
  };
}

/** Rule 6. */
export function sessionWithoutHostPrefix({ cookie: c, looks }: CookieFacts): Finding | undefined {
  if (!looks || hasHostPrefix(c.name)) return undefined;
  return {
    rule: 6,
    id: 'session-without-host-prefix',
    severity: 'Low',
    title: msg('auditNoHostPrefixTitle'),
    reason: msg('auditNoHostPrefixReason', looks),
    fix: msg('auditNoHostPrefixFix', c.name.replace(/^__secure-/i, '')),
  };
}

/** Rule 7: a Domain attribute shares the cookie with every subdomain. */
export function sessionDomainAttribute({ cookie: c, looks }: CookieFacts): Finding | undefined {
  if (!looks || c.hostOnly) return undefined;
  return {
    rule: 7,
    id: 'session-domain-attribute',
    severity: 'Medium',
    title: msg('auditSharedDomainTitle'),
    reason: msg('auditSharedDomainReason', looks, c.domain),
    fix: msg('auditSharedDomainFix'),
  };
}

/** Rule 8. */
export function sessionPersistent({ cookie: c, now, looks }: CookieFacts): Finding | undefined {
  if (!looks || !isPersistent(c)) return undefined;
  const days = Math.round((c.expirationDate - now / 1000) / DAY_S);
  // REFERENCE: over 400 days is Low, not worse: browsers cut any lifetime to 400 days when the
  // cookie is set (RFC 6265bis), so what it claims past that never happens.
  if (days > MAX_LIFETIME_DAYS) {
    return {
      rule: 8,
      id: 'session-lifetime-over-cap',
      severity: 'Low',
      title: counted(days, 'auditOverCapTitleOne', 'auditOverCapTitleOther'),
      reason: counted(days, 'auditOverCapReasonOne', 'auditOverCapReasonOther', looks, MAX_LIFETIME_DAYS),
      fix: msg('auditPersistentFix'),
    };
  }
  return {
    rule: 8,
    id: 'session-persistent',
    severity: 'Medium',
    title: msg('auditPersistentTitle'),
    reason:
      days >= 1
        ? counted(days, 'auditPersistentDaysReasonOne', 'auditPersistentDaysReasonOther', looks)
        : msg('auditPersistentReason', looks),
    fix: msg('auditPersistentFix'),
  };
}

/** Rule 9: an empty value has nothing to guess, so it is not judged. */
export function sessionLowEntropy({ cookie: c, looks }: CookieFacts): Finding | undefined {
  if (!looks || c.value === '') return undefined;
  const bits = estimateEntropyBits(safeDecodeUri(c.value));
  if (bits >= MIN_SESSION_ENTROPY_BITS) return undefined;
  return {
    rule: 9,
    id: 'low-entropy',
    severity: 'High',
    title: msg('auditLowEntropyTitle'),
    reason: msg('auditLowEntropyReason', looks, bitsText(Math.round(bits)), bitsText(MIN_SESSION_ENTROPY_BITS)),
    fix: msg('auditLowEntropyFix'),
  };
}
