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

export interface PermissionsNamespace {
  contains(p: PermissionSet): Promise<boolean>;
  request(p: PermissionSet): Promise<boolean>;
}

export function makePermissionsApi(ns: () => PermissionsNamespace | undefined): PermissionsApi {
  const need = () => {
    const p = ns();
    if (!p) throw new Error('The permissions API is not available here.');
    return p;
  };
  return { contains: (q) => need().contains(q), request: (q) => need().request(q) };
}

function namespace(): PermissionsNamespace | undefined {
  const g = globalThis as unknown as {
    browser?: { permissions?: PermissionsNamespace };
    chrome?: { permissions?: PermissionsNamespace };
  };
  const p = g.browser?.permissions ?? g.chrome?.permissions;
  return p && typeof p.contains === 'function' && typeof p.request === 'function' ? p : undefined;
}

/** For pages: undefined where the API is missing (DevTools panels get a reduced set of APIs). */
export function permissionsApi(): PermissionsApi | undefined {
  return namespace() ? makePermissionsApi(namespace) : undefined;
}

/** For the worker, where the API always exists. */
export function workerPermissions(): PermissionsApi {
  return makePermissionsApi(namespace);
}
