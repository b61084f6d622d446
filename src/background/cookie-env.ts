// The browser's cookie and permission APIs as the worker's cookie keeping sees them. Deps may hand
// in fakes (unit tests); without them the real APIs are used. Every path that touches a cookie asks
// `keepingAllowed` first: with the permission denied or revoked it does nothing and throws nothing.
import type { CookieRecord } from '../core/cookies/cookie-record.ts';
import { getAllInStore } from '../platform/cookie-store-read.ts';
import { cookiesApi, type CookiesApi } from '../platform/cookies.ts';
import { permissionsApi, type PermissionsApi } from '../platform/permissions.ts';
import { hasKeepingAccess } from '../shared/cookie-keeping-access.ts';
import type { Deps } from './deps.ts';

export interface CookieEnv {
  cookies: CookiesApi;
  permissions(): PermissionsApi | undefined;
  /** Every cookie of a store in one read (partitions included); per-site reads are used without it. */
  getAllInStore?(storeId: string): Promise<CookieRecord[]>;
}

const realEnv: CookieEnv = { cookies: cookiesApi, permissions: permissionsApi, getAllInStore };

export function cookieEnvOf(deps: Deps): CookieEnv {
  return deps.cookieEnv ?? realEnv;
}

/** The `cookies` permission and all-sites access are granted, and the API is there. */
export async function keepingAllowed(env: CookieEnv): Promise<boolean> {
  if (!(await hasKeepingAccess(env.permissions()))) return false;
  return env.cookies.available();
}
