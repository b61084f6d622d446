// One table row per cookie, with everything sorting and filtering need computed once, so a
// keystroke in the filter only compares prepared strings.
import { auditSite, type SiteAudit } from '../../core/cookies/audit-site.ts';
import type { Finding, Severity } from '../../core/cookies/audit-finding.ts';
import type { CookieRecord } from '../../core/cookies/cookie-record.ts';
import { cookieKey } from '../../core/cookies/cookie-record.ts';
import { nameValueBytes } from '../../core/cookies/cookie-limits.ts';
import { sessionLikeReason } from '../../core/cookies/session-like.ts';
import type { UserMessage } from '../../core/user-error.ts';

export interface InspectorRow {
  key: string;
  cookie: CookieRecord;
  /** name + value in bytes, as browsers count the 4096 limit. */
  size: number;
  /** Why the cookie looks like a session token; undefined when it does not. */
  token?: UserMessage;
  findings: Finding[];
  worst?: Severity;
  flags: string[];
  /** Lower-cased name, value and domain: what "Filter cookies" searches. */
  haystack: string;
}

const SAME_SITE_LABEL: Record<CookieRecord['sameSite'], string> = {
  no_restriction: 'SameSite=None',
  lax: 'SameSite=Lax',
  strict: 'SameSite=Strict',
  unspecified: 'SameSite unset',
};

export function flagsOf(c: CookieRecord): string[] {
  const f: string[] = [];
  if (c.secure) f.push('Secure');
  if (c.httpOnly) f.push('HttpOnly');
  f.push(SAME_SITE_LABEL[c.sameSite]);
  if (c.hostOnly) f.push('Host-only');
  if (c.partitionKey) f.push(`Partitioned (${c.partitionKey.topLevelSite ?? '?'})`);
  return f;
}

/** Rows without the audit: cheap, so the table can show before the audit (the slow part) is done. */
export function plainRows(cookies: readonly CookieRecord[]): InspectorRow[] {
  return cookies.map((c): InspectorRow => ({
    key: cookieKey(c),
    cookie: c,
    size: nameValueBytes(c),
    findings: [],
    flags: flagsOf(c),
    haystack: `${c.name}\n${c.value}\n${c.domain}`.toLowerCase(),
  }));
}

/** Adds the session-token mark and the findings to rows made by plainRows; the page's address is audited too. */
export function auditRows(
  rows: readonly InspectorRow[],
  now: number,
  pageUrl = '',
): { rows: InspectorRow[]; audit: SiteAudit } {
  const audit = auditSite(
    rows.map((r) => r.cookie),
    now,
    pageUrl,
  );
  const out = rows.map((r): InspectorRow => {
    const findings = audit.perCookie.get(r.key) ?? [];
    const token = sessionLikeReason(r.cookie);
    return {
      ...r,
      ...(token ? { token } : {}),
      findings,
      // auditCookie sorts worst first.
      ...(findings[0] ? { worst: findings[0].severity } : {}),
    };
  });
  return { rows: out, audit };
}

export function buildRows(cookies: readonly CookieRecord[], now: number): { rows: InspectorRow[]; audit: SiteAudit } {
  return auditRows(plainRows(cookies), now);
}
