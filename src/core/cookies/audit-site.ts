// Site-level audit: rules 13 (too many cookies on one registrable domain) and 14 (one name at
// several scopes, the shape of cookie tossing), 15 (a session token in the page's address), plus
// every cookie's own findings.
import type { CookieRecord } from './cookie-record.ts';
import { cookieKey } from './cookie-record.ts';
import type { Finding, SeveritySummary } from './audit-finding.ts';
import { compareFindings, summarize } from './audit-finding.ts';
import { auditCookie } from './audit-cookie.ts';
import { auditPageUrl } from './audit-page-url.ts';
import { bareHost, domainMatches, registrableDomain } from './cookie-domain.ts';
import { MANY_COOKIES_PER_DOMAIN, MAX_COOKIES_PER_DOMAIN } from './cookie-limits.ts';
import { listOf } from '../message-list.ts';
import { counted, msg, type Substitution, type UserMessage } from '../user-error.ts';

export interface SiteAudit {
  /** Every cookie's findings by cookieKey (an empty list for a clean cookie). */
  perCookie: Map<string, Finding[]>;
  site: Finding[];
  /** Counts over perCookie and site together. */
  summary: SeveritySummary;
}

// Browsers count per store, and CHIPS gives every partition its own budget.
function jarOf(c: CookieRecord): string {
  const pk = c.partitionKey
    ? `${c.partitionKey.topLevelSite ?? ''}|${c.partitionKey.hasCrossSiteAncestor ? 1 : 0}`
    : '';
  return `${c.storeId}\u0000${pk}\u0000${c.firstPartyDomain ?? ''}`;
}

function groupBy<K, V>(items: readonly V[], key: (v: V) => K): Map<K, V[]> {
  const m = new Map<K, V[]>();
  for (const v of items) {
    const list = m.get(key(v));
    if (list) list.push(v);
    else m.set(key(v), [v]);
  }
  return m;
}

function countFindings(cookies: readonly CookieRecord[]): Finding[] {
  const out: Finding[] = [];
  const groups = groupBy(cookies, (c) => `${jarOf(c)}\u0000${registrableDomain(c.domain)}`);
  for (const group of groups.values()) {
    const first = group[0];
    if (!first) continue;
    const site = registrableDomain(first.domain);
    const n = group.length;
    const top = first.partitionKey?.topLevelSite;
    const where: Substitution = !first.partitionKey
      ? site
      : top === undefined
        ? msg('auditSitePartitionedSomewhere', site)
        : msg('auditSitePartitioned', site, top);
    const title = counted(n, 'auditCookiesOnSiteOne', 'auditCookiesOnSiteOther', site);
    if (n > MAX_COOKIES_PER_DOMAIN) {
      out.push({
        rule: 13,
        id: 'too-many-cookies',
        severity: 'Medium',
        title,
        reason: counted(
          n,
          'auditTooManyCookiesReasonOne',
          'auditTooManyCookiesReasonOther',
          where,
          MAX_COOKIES_PER_DOMAIN,
        ),
        fix: msg('auditTooManyCookiesFix'),
        cookies: group.map(cookieKey),
      });
    } else if (n > MANY_COOKIES_PER_DOMAIN) {
      out.push({
        rule: 13,
        id: 'many-cookies',
        severity: 'Info',
        title,
        reason: counted(n, 'auditManyCookiesReasonOne', 'auditManyCookiesReasonOther', where, MAX_COOKIES_PER_DOMAIN),
        fix: msg('auditManyCookiesFix'),
        cookies: group.map(cookieKey),
      });
    }
  }
  return out;
}

/** RFC 6265 path-match: a request for `path` gets cookies whose path is `cookiePath` or above it. */
function pathCovers(cookiePath: string, path: string): boolean {
  if (cookiePath === path) return true;
  if (!path.startsWith(cookiePath)) return false;
  return cookiePath.endsWith('/') || path[cookiePath.length] === '/';
}

function domainsOverlap(a: CookieRecord, b: CookieRecord): boolean {
  const ha = bareHost(a.domain);
  const hb = bareHost(b.domain);
  if (a.hostOnly && b.hostOnly) return ha === hb;
  if (a.hostOnly) return domainMatches(b.domain, ha);
  if (b.hostOnly) return domainMatches(a.domain, hb);
  return domainMatches(a.domain, hb) || domainMatches(b.domain, ha);
}

/** Some request would carry both cookies, and they sit at different scopes. */
function collide(a: CookieRecord, b: CookieRecord): boolean {
  const sameScope = a.hostOnly === b.hostOnly && bareHost(a.domain) === bareHost(b.domain) && a.path === b.path;
  if (sameScope) return false;
  return domainsOverlap(a, b) && (pathCovers(a.path, b.path) || pathCovers(b.path, a.path));
}

function scopeLabel(c: CookieRecord): UserMessage {
  return msg('auditScope', c.hostOnly ? bareHost(c.domain) : `.${bareHost(c.domain)}`, c.path);
}

function scopeFindings(cookies: readonly CookieRecord[]): Finding[] {
  const out: Finding[] = [];
  const groups = groupBy(cookies, (c) => `${jarOf(c)}\u0000${registrableDomain(c.domain)}\u0000${c.name}`);
  for (const group of groups.values()) {
    const involved = new Set<CookieRecord>();
    for (let i = 0; i < group.length; i++) {
      for (let j = i + 1; j < group.length; j++) {
        const a = group[i];
        const b = group[j];
        if (a && b && collide(a, b)) {
          involved.add(a);
          involved.add(b);
        }
      }
    }
    if (involved.size < 2) continue;
    const list = [...involved];
    const name = list[0]?.name ?? '';
    // Each scope named once, as a person reads them.
    const labels = new Map(list.map((c) => [JSON.stringify(scopeLabel(c)), scopeLabel(c)]));
    const scopes = [...labels.values()];
    out.push({
      rule: 14,
      id: 'same-name-several-scopes',
      severity: 'Low',
      title: counted(scopes.length, 'auditSeveralScopesTitleOne', 'auditSeveralScopesTitleOther', name),
      reason: msg('auditSeveralScopesReason', name, listOf(scopes)),
      fix: msg('auditSeveralScopesFix'),
      cookies: list.map(cookieKey),
    });
  }
  return out;
}

/** `now` is milliseconds since the epoch; `pageUrl` the inspected page's address, when there is one. */
export function auditSite(cookies: readonly CookieRecord[], now: number, pageUrl = ''): SiteAudit {
  const perCookie = new Map<string, Finding[]>();
  for (const c of cookies) perCookie.set(cookieKey(c), auditCookie(c, now));
  const site = [...countFindings(cookies), ...scopeFindings(cookies), ...auditPageUrl(pageUrl)].sort(compareFindings);
  const summary = summarize([...[...perCookie.values()].flat(), ...site]);
  return { perCookie, site, summary };
}
