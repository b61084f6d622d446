// The shape of a per-cookie audit rule (REFERENCE "Cookie audit rules" 1–12). What several rules
// need is worked out once, by auditCookie, and handed to each.
import type { UserMessage } from '../user-error.ts';
import type { CookieRecord } from './cookie-record.ts';
import type { Finding } from './audit-finding.ts';

export interface CookieFacts {
  cookie: CookieRecord;
  /** Milliseconds since the epoch. */
  now: number;
  /**
   * Why the cookie looks like a session cookie, as the opening of a reason; absent when it does
   * not, and then the session-only rules do not apply.
   */
  looks?: UserMessage;
}

/** At most one finding: a rule with two outcomes (e.g. Medium or Low) picks one. */
export type CookieRule = (facts: CookieFacts) => Finding | undefined;
