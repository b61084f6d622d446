// The permissions cookie keeping needs: `cookies`, and access to every site, because the cookies
// of whatever site is open are kept (a list of sites asked one by one would miss the next login).
// Pages request them from a click; the worker checks them before it touches a cookie.
import type { PermissionSet, PermissionsApi } from '../platform/permissions.ts';

export const KEEPING_PERMISSIONS: Required<PermissionSet> = { permissions: ['cookies'], origins: ['<all_urls>'] };

export async function hasKeepingAccess(p: PermissionsApi | undefined): Promise<boolean> {
  if (!p) return false;
  try {
    return await p.contains(KEEPING_PERMISSIONS);
  } catch {
    return false;
  }
}

/**
 * Call straight from a click handler, with no await before it: the browser wants the user
 * gesture. `granted` is what the page last heard from the worker, so an already granted
 * permission is not asked again (asking for one the manifest lists as required throws).
 */
export function requestKeepingAccess(p: PermissionsApi | undefined, granted: boolean): Promise<boolean> {
  if (granted) return Promise.resolve(true);
  if (!p) return Promise.resolve(false);
  return p.request(KEEPING_PERMISSIONS).catch(() => false);
}
