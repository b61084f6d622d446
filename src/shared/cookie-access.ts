// Which permissions the inspector needs for a page, and whether it has them. Pure over a
// PermissionsApi so the gating is unit-tested with a fake.
import { isIpHost, registrableDomain } from '../core/cookies/cookie-domain.ts';
import { pageHost } from '../core/cookies/site-match.ts';
import type { PermissionsApi } from '../platform/permissions.ts';
import type { CookieAccess } from './messages/cookies-messages.ts';

export const COOKIE_PERMISSIONS = ['cookies'];

/** Host patterns for the page's whole site: parent-domain cookies need the parent's access too. */
export function originsFor(url: string): string[] {
  const host = pageHost(url);
  if (!host) return [];
  if (isIpHost(host) || !host.includes('.')) return [`*://${host.includes(':') ? `[${host}]` : host}/*`];
  // `*.example.test` also matches example.test itself.
  return [`*://*.${registrableDomain(host) || host}/*`];
}

export async function checkAccess(p: PermissionsApi, url: string): Promise<CookieAccess> {
  const origins = originsFor(url);
  const [cookies, host] = await Promise.all([
    p.contains({ permissions: COOKIE_PERMISSIONS }),
    origins.length ? p.contains({ origins }) : Promise.resolve(false),
  ]);
  return { cookies, host, origins };
}

/** Call from a click handler only: the browser refuses a request without a user gesture. */
export async function requestAccess(p: PermissionsApi, access: CookieAccess): Promise<boolean> {
  const want: { permissions?: string[]; origins?: string[] } = {};
  if (!access.cookies) want.permissions = COOKIE_PERMISSIONS;
  if (!access.host && access.origins.length) want.origins = access.origins;
  if (!want.permissions && !want.origins) return true;
  return p.request(want);
}

export type AccessProblem = 'cookies' | 'host';

/** What is off, in the order the page explains it. */
export function accessProblems(a: CookieAccess): AccessProblem[] {
  const out: AccessProblem[] = [];
  if (!a.cookies) out.push('cookies');
  if (!a.host) out.push('host');
  return out;
}
