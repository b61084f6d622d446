// permissions.contains/request, the one door to the optional `cookies` and host permissions.
// `request` must run inside a user gesture (a click), so pages call it straight from a handler.
// Chrome's MV3 `chrome.permissions` and Firefox's `browser.permissions` both return promises, so
// this goes without the polyfill (and stays importable where no extension API exists).

export interface PermissionSet {
  permissions?: string[];
  origins?: string[];
}

export interface PermissionsApi {
  contains(p: PermissionSet): Promise<boolean>;
  request(p: PermissionSet): Promise<boolean>;
}

interface PermissionsNamespace {
  contains(p: PermissionSet): Promise<boolean>;
  request(p: PermissionSet): Promise<boolean>;
}

/** Undefined where the API is missing (DevTools panels get a reduced set of extension APIs). */
export function permissionsApi(): PermissionsApi | undefined {
  const g = globalThis as unknown as {
    browser?: { permissions?: PermissionsNamespace };
    chrome?: { permissions?: PermissionsNamespace };
  };
  const p = g.browser?.permissions ?? g.chrome?.permissions;
  if (!p || typeof p.contains !== 'function' || typeof p.request !== 'function') return undefined;
  return {
    contains: (q) => p.contains(q),
    request: (q) => p.request(q),
  };
}
