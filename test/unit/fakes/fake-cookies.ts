// An in-memory cookie jar behind the platform CookiesApi, with Chrome's onChanged shape: an
// update fires a removal ('overwrite') then an insert ('explicit').
import type { CookieRecord } from '../../../src/core/cookies/cookie-record.ts';
import { cookieKey } from '../../../src/core/cookies/cookie-record.ts';
import { domainMatches } from '../../../src/core/cookies/cookie-domain.ts';
import type { CookiesApi, RawCookieChange } from '../../../src/platform/cookies.ts';
import type { PermissionSet, PermissionsApi } from '../../../src/platform/permissions.ts';

export class FakeCookies implements CookiesApi {
  browser = 'chrome' as const;
  defaultStoreId = '0';
  jar = new Map<string, CookieRecord>();
  listeners = new Set<(c: RawCookieChange) => void>();
  enabled = true;
  refuse?: (d: { name: string }) => string | undefined;
  calls: string[] = [];

  available() {
    return this.enabled;
  }
  add(c: CookieRecord) {
    this.jar.set(cookieKey(c), c);
  }
  async getAllForDomain(domain: string, storeId: string) {
    return [...this.jar.values()].filter((c) => c.storeId === storeId && domainMatches(domain, c.domain));
  }
  async getAllInPartition(topLevelSite: string, storeId: string) {
    return [...this.jar.values()].filter((c) => c.storeId === storeId && c.partitionKey?.topLevelSite === topLevelSite);
  }
  async getAllInStore(storeId: string) {
    return [...this.jar.values()].filter((c) => c.storeId === storeId);
  }
  async getAllCookieStores() {
    return [{ id: '0', tabIds: [], incognito: false }];
  }
  async set(d: Parameters<CookiesApi['set']>[0]) {
    const reason = this.refuse?.(d);
    if (reason) throw new Error(reason);
    const host = new URL(d.url).hostname;
    const c: CookieRecord = {
      name: d.name,
      value: d.value,
      domain: d.domain ?? host,
      hostOnly: d.domain === undefined,
      path: d.path,
      secure: d.secure,
      httpOnly: d.httpOnly,
      sameSite: d.sameSite ?? 'unspecified',
      session: d.expirationDate === undefined,
      storeId: d.storeId ?? '0',
      ...(d.expirationDate !== undefined ? { expirationDate: d.expirationDate } : {}),
      ...(d.partitionKey ? { partitionKey: d.partitionKey } : {}),
    };
    const key = cookieKey(c);
    const old = this.jar.get(key);
    if (old) this.emit({ removed: true, cause: 'overwrite', cookie: old });
    this.jar.set(key, c);
    this.emit({ removed: false, cause: 'explicit', cookie: c });
    this.calls.push(`set ${c.name}`);
    return c;
  }
  async remove(x: { url: string; name: string; storeId: string; partitionKey?: CookieRecord['partitionKey'] }) {
    const host = new URL(x.url).hostname;
    for (const [k, c] of this.jar) {
      if (
        c.name === x.name &&
        c.storeId === x.storeId &&
        c.domain.replace(/^\./, '') === host &&
        (c.partitionKey?.topLevelSite ?? '') === (x.partitionKey?.topLevelSite ?? '')
      ) {
        this.jar.delete(k);
        this.emit({ removed: true, cause: 'explicit', cookie: c });
        this.calls.push(`remove ${c.name}${x.partitionKey ? ` in ${x.partitionKey.topLevelSite}` : ''}`);
      }
    }
  }
  onChanged(cb: (c: RawCookieChange) => void) {
    this.listeners.add(cb);
    return () => void this.listeners.delete(cb);
  }
  emit(c: RawCookieChange) {
    for (const l of this.listeners) l(c);
  }
}

export class FakePermissions implements PermissionsApi {
  granted = new Set<string>();
  /** What the person answers in the prompt. */
  answer = true;
  requests: PermissionSet[] = [];
  async contains(p: PermissionSet) {
    return [...(p.permissions ?? []), ...(p.origins ?? [])].every((x) => this.granted.has(x));
  }
  async request(p: PermissionSet) {
    this.requests.push(p);
    if (this.answer) for (const x of [...(p.permissions ?? []), ...(p.origins ?? [])]) this.granted.add(x);
    return this.answer;
  }
}
