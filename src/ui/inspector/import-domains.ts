// A cookie file can name any domain: a "cookies.txt for site X" shared in a forum can also plant
// cookies for the person's bank or mail. So an import is shown first, grouped by registrable
// domain; the inspected site's cookies are chosen, every other site's only if the person ticks it.
import { registrableDomain } from '../../core/cookies/cookie-domain.ts';
import type { CookieRecord } from '../../core/cookies/cookie-record.ts';

export interface DomainGroup {
  /** eTLD+1 (or the host itself for IPs, `localhost`, single labels). */
  domain: string;
  cookies: CookieRecord[];
  /** The inspected page's own site. */
  thisSite: boolean;
}

function pageSite(pageUrl: string): string | undefined {
  try {
    const host = new URL(pageUrl).hostname;
    return host ? registrableDomain(host) : undefined;
  } catch {
    return undefined;
  }
}

/** This site first, then the others by name; cookies in file order within each. */
export function groupByDomain(cookies: readonly CookieRecord[], pageUrl: string): DomainGroup[] {
  const site = pageSite(pageUrl);
  const byDomain = new Map<string, CookieRecord[]>();
  for (const c of cookies) {
    const d = registrableDomain(c.domain);
    const list = byDomain.get(d);
    if (list) list.push(c);
    else byDomain.set(d, [c]);
  }
  return [...byDomain]
    .map(([domain, list]): DomainGroup => ({ domain, cookies: list, thisSite: domain === site }))
    .sort((a, b) => Number(b.thisSite) - Number(a.thisSite) || a.domain.localeCompare(b.domain));
}

/** What starts ticked: the inspected site's cookies only. */
export function defaultChoice(groups: readonly DomainGroup[]): Set<string> {
  return new Set(groups.filter((g) => g.thisSite).map((g) => g.domain));
}

/** The cookies to send to `cookies.import`: those of the ticked domains, in file order within each. */
export function chosenCookies(groups: readonly DomainGroup[], chosen: ReadonlySet<string>): CookieRecord[] {
  return groups.filter((g) => chosen.has(g.domain)).flatMap((g) => g.cookies);
}
