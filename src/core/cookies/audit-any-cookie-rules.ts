// Rules 3, 5 and 10–12 of REFERENCE "Cookie audit rules": they apply to every cookie, session-like
// or not.
import type { CookieFacts } from './audit-rule.ts';
import type { Finding } from './audit-finding.ts';
import { frameworkOf } from './session-like.ts';
import { hasHostPrefix, prefixViolation } from './cookie-prefix.ts';
import { readableValueReason } from './readable-value.ts';
import { MAX_NAME_VALUE_BYTES, WARN_NAME_VALUE_BYTES, nameValueBytes } from './cookie-limits.ts';
import { bytesText, msg } from '../user-error.ts';

/** Rule 3: the browser rejects SameSite=None without Secure. */
export function sameSiteNoneWithoutSecure({ cookie: c }: CookieFacts): Finding | undefined {
  if (c.sameSite !== 'no_restriction' || c.secure) return undefined;
  return {
    rule: 3,
    id: 'samesite-none-without-secure',
    severity: 'High',
    title: msg('auditNoneWithoutSecureTitle'),
    reason: msg('auditNoneWithoutSecureReason'),
    fix: msg('auditNoneWithoutSecureFix'),
  };
}

/** Rule 5: `__Host-` or `__Secure-` promised what the cookie does not keep. */
export function prefixViolated({ cookie: c }: CookieFacts): Finding | undefined {
  const prefix = prefixViolation(c);
  if (!prefix) return undefined;
  const host = hasHostPrefix(c.name);
  return {
    rule: 5,
    id: host ? 'host-prefix-violated' : 'secure-prefix-violated',
    severity: 'High',
    title: host ? msg('auditHostPrefixTitle') : msg('auditSecurePrefixTitle'),
    reason: msg('auditPrefixReason', prefix),
    fix: host ? msg('auditHostPrefixFix') : msg('auditSecurePrefixFix'),
  };
}

/** Rule 10: the name tells which framework serves the site. */
export function defaultSessionName({ cookie: c }: CookieFacts): Finding | undefined {
  const framework = frameworkOf(c.name);
  if (!framework) return undefined;
  return {
    rule: 10,
    id: 'default-session-name',
    severity: 'Info',
    title: msg('auditDefaultNameTitle'),
    reason: msg('auditDefaultNameReason', c.name, framework),
    fix: msg('auditDefaultNameFix'),
  };
}

/** Rule 11. */
export function readableValue({ cookie: c }: CookieFacts): Finding | undefined {
  const readable = readableValueReason(c.value);
  if (!readable) return undefined;
  return {
    rule: 11,
    id: 'readable-value',
    severity: 'Medium',
    title: msg('auditReadableTitle'),
    reason: msg('auditReadableReason', readable),
    fix: msg('auditReadableFix'),
  };
}

/** Rule 12: over the limit the browser drops the cookie; near it, a little more data will make it. */
export function cookieSize({ cookie: c }: CookieFacts): Finding | undefined {
  const bytes = nameValueBytes(c);
  if (bytes > MAX_NAME_VALUE_BYTES) {
    return {
      rule: 12,
      id: 'oversized',
      severity: 'High',
      title: msg('auditOversizedTitle'),
      reason: msg('auditOversizedReason', bytesText(bytes), bytesText(MAX_NAME_VALUE_BYTES)),
      fix: msg('auditSizeFix'),
    };
  }
  if (bytes <= WARN_NAME_VALUE_BYTES) return undefined;
  return {
    rule: 12,
    id: 'near-size-limit',
    severity: 'Medium',
    title: msg('auditNearLimitTitle'),
    reason: msg('auditNearLimitReason', bytesText(bytes), bytesText(MAX_NAME_VALUE_BYTES)),
    fix: msg('auditSizeFix'),
  };
}
