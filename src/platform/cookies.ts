// The only place that touches chrome.cookies / browser.cookies. Everything above it sees
// CookieRecord and SetDetails from core, so the worker's cookie logic can be tested with a fake.
import type { CookieRecord, PartitionKey, SameSite } from '../core/cookies/cookie-record.ts';
import type { SetDetails, TargetBrowser } from '../core/cookies/set-details.ts';

/** What onChanged reports; an update arrives as a removal ('overwrite') then an insert. */
export interface RawCookieChange {
  removed: boolean;
  cause: string;
  cookie: CookieRecord;
}

export interface CookieStoreInfo {
  id: string;
  tabIds: number[];
  incognito: boolean;
}

export interface CookiesApi {
  browser: TargetBrowser;
  /** Available at all (the optional `cookies` permission granted, and the API present). */
  available(): boolean;
  /** Every cookie for `domain` and its subdomains in one store, partitioned ones included. */
  getAllForDomain(domain: string, storeId: string): Promise<CookieRecord[]>;
  /** Partitioned cookies of every site embedded under `topLevelSite` (e.g. `https://example.test`). */
  getAllInPartition(topLevelSite: string, storeId: string): Promise<CookieRecord[]>;
  getAllCookieStores(): Promise<CookieStoreInfo[]>;
  /** Resolves with the cookie as stored; rejects with the browser's reason when refused. */
  set(details: SetDetails): Promise<CookieRecord>;
  remove(c: { url: string; name: string; storeId: string; partitionKey?: PartitionKey; firstPartyDomain?: string }): Promise<void>;
  /** Subscribes synchronously; returns the unsubscribe. */
  onChanged(cb: (change: RawCookieChange) => void): () => void;
}

// The browser's own Cookie object, as both Chrome and Firefox report it (Firefox adds fields).
interface BrowserCookie {
  name: string;
  value: string;
  domain: string;
  hostOnly: boolean;
  path: string;
  secure: boolean;
  httpOnly: boolean;
  sameSite?: string;
  session: boolean;
  expirationDate?: number;
  storeId: string;
  partitionKey?: { topLevelSite?: string; hasCrossSiteAncestor?: boolean };
  firstPartyDomain?: string;
}

interface CookiesNamespace {
  getAll(details: Record<string, unknown>): Promise<BrowserCookie[]>;
  getAllCookieStores(): Promise<{ id: string; tabIds: number[]; incognito?: boolean }[]>;
  set(details: Record<string, unknown>): Promise<BrowserCookie | null>;
  remove(details: Record<string, unknown>): Promise<unknown>;
  onChanged: {
    addListener(cb: (info: { removed: boolean; cause: string; cookie: BrowserCookie }) => void): void;
    removeListener(cb: (info: { removed: boolean; cause: string; cookie: BrowserCookie }) => void): void;
  };
}

const g = globalThis as unknown as { browser?: { cookies?: CookiesNamespace; runtime?: { getURL(p: string): string } }; chrome?: { cookies?: CookiesNamespace } };
// Firefox's `browser.cookies` is promise-based natively; Chrome's MV3 `chrome.cookies` returns
// promises too, so no polyfill is needed here — and the namespace appears only once the optional
// permission is granted, which is why it is looked up on every call rather than captured once.
const isFirefox = typeof g.browser?.runtime?.getURL === 'function' && g.browser.runtime.getURL('/').startsWith('moz-extension:');
function ns(): CookiesNamespace | undefined {
  return (isFirefox ? g.browser?.cookies : g.chrome?.cookies) ?? g.browser?.cookies;
}
function need(): CookiesNamespace {
  const c = ns();
  if (!c) throw Object.assign(new Error('Cookie access is off: the extension has not been allowed to read cookies.'), { code: 'no-permission' });
  return c;
}

const SAME_SITES: readonly SameSite[] = ['no_restriction', 'lax', 'strict', 'unspecified'];

export function toCookieRecord(c: BrowserCookie): CookieRecord {
  const r: CookieRecord = {
    name: c.name,
    value: c.value,
    domain: c.domain,
    hostOnly: c.hostOnly,
    path: c.path,
    secure: c.secure,
    httpOnly: c.httpOnly,
    // Firefox has no 'unspecified' and may omit the field; treat both as "browser default".
    sameSite: SAME_SITES.includes(c.sameSite as SameSite) ? (c.sameSite as SameSite) : 'unspecified',
    session: c.session,
    storeId: c.storeId,
  };
  if (!c.session && typeof c.expirationDate === 'number') r.expirationDate = c.expirationDate;
  // Chrome reports unpartitioned cookies without the key; Firefox with `{}` or a missing site.
  if (c.partitionKey && c.partitionKey.topLevelSite) {
    r.partitionKey = { topLevelSite: c.partitionKey.topLevelSite };
    if (c.partitionKey.hasCrossSiteAncestor !== undefined) r.partitionKey.hasCrossSiteAncestor = c.partitionKey.hasCrossSiteAncestor;
  }
  if (c.firstPartyDomain) r.firstPartyDomain = c.firstPartyDomain;
  return r;
}

function stripUndefined(o: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
}

export const cookiesApi: CookiesApi = {
  browser: isFirefox ? 'firefox' : 'chrome',
  available: () => !!ns(),
  async getAllForDomain(domain, storeId) {
    const c = need();
    // `partitionKey: {}` returns partitioned and unpartitioned cookies together (Chrome 119+,
    // Firefox 94+); without it the partitioned ones are silently missing.
    const base = { domain, storeId };
    try {
      return (await c.getAll({ ...base, partitionKey: {} })).map(toCookieRecord);
    } catch {
      // Older browsers reject the key: fall back to the unpartitioned jar rather than nothing.
      return (await c.getAll(base)).map(toCookieRecord);
    }
  },
  async getAllInPartition(topLevelSite, storeId) {
    const c = need();
    try {
      const all = (await c.getAll({ storeId, partitionKey: { topLevelSite } })).map(toCookieRecord);
      // The browser may add unpartitioned cookies to the answer; only the partition's are wanted.
      return all.filter((x) => x.partitionKey?.topLevelSite === topLevelSite);
    } catch {
      return [];
    }
  },
  async getAllCookieStores() {
    const stores = await need().getAllCookieStores();
    return stores.map((s) => ({ id: s.id, tabIds: s.tabIds, incognito: !!s.incognito || s.id === '1' }));
  },
  async set(details) {
    const d = stripUndefined({ ...details, partitionKey: details.partitionKey ? stripUndefined(details.partitionKey) : undefined });
    if (!isFirefox) delete d.firstPartyDomain;
    const set = await need().set(d);
    // Chrome answers null (with lastError, which the promise turns into a rejection on newer
    // versions) when it refuses; say so rather than pretend it worked.
    if (!set) throw Object.assign(new Error(`The browser refused the cookie "${details.name}".`), { code: 'refused' });
    return toCookieRecord(set);
  },
  async remove(x) {
    // The cookie's own partition key, or the browser removes the unpartitioned namesake.
    const d = stripUndefined({
      url: x.url,
      name: x.name,
      storeId: x.storeId,
      partitionKey: x.partitionKey ? stripUndefined(x.partitionKey) : undefined,
      firstPartyDomain: isFirefox ? (x.firstPartyDomain ?? '') : undefined,
    });
    await need().remove(d);
  },
  onChanged(cb) {
    const c = ns();
    if (!c) return () => undefined;
    const listener = (info: { removed: boolean; cause: string; cookie: BrowserCookie }) => cb({ removed: info.removed, cause: info.cause, cookie: toCookieRecord(info.cookie) });
    c.onChanged.addListener(listener);
    return () => c.onChanged.removeListener(listener);
  },
};
