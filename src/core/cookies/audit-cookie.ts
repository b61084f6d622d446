// Per-cookie audit rules 1–12 of REFERENCE "Cookie audit rules" (13 and 14 need the whole site:
// see audit-site.ts). Severities follow the mapping documented in audit-finding.ts.
import type { CookieRecord } from './cookie-record.ts';
import type { Finding } from './audit-finding.ts';
import { compareFindings } from './audit-finding.ts';
import type { CookieRule } from './audit-rule.ts';
import { sessionLikeReason } from './session-like.ts';
import {
  sessionDomainAttribute,
  sessionLowEntropy,
  sessionPersistent,
  sessionWeakSameSite,
  sessionWithoutHostPrefix,
  sessionWithoutHttpOnly,
  sessionWithoutSecure,
} from './audit-session-rules.ts';
import {
  cookieSize,
  defaultSessionName,
  prefixViolated,
  readableValue,
  sameSiteNoneWithoutSecure,
} from './audit-any-cookie-rules.ts';
import { msg } from '../user-error.ts';

export { MIN_SESSION_ENTROPY_BITS } from './audit-session-rules.ts';

/** In REFERENCE order, so findings of equal severity keep the order of their rules. */
const RULES: readonly CookieRule[] = [
  sessionWithoutSecure,
  sessionWithoutHttpOnly,
  sameSiteNoneWithoutSecure,
  sessionWeakSameSite,
  prefixViolated,
  sessionWithoutHostPrefix,
  sessionDomainAttribute,
  sessionPersistent,
  sessionLowEntropy,
  defaultSessionName,
  readableValue,
  cookieSize,
];

/** Findings for one cookie, worst first. `now` is milliseconds since the epoch. */
export function auditCookie(c: CookieRecord, now: number): Finding[] {
  const session = sessionLikeReason(c);
  const facts = { cookie: c, now, ...(session ? { looks: msg('auditLooksLikeSession', session) } : {}) };
  const out: Finding[] = [];
  for (const rule of RULES) {
    const finding = rule(facts);
    if (finding) out.push(finding);
  }
  return out.sort(compareFindings);
}
