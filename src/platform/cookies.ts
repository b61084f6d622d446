// The only place that touches chrome.cookies / browser.cookies. Everything above it sees
// CookieRecord and SetDetails from core, so the worker's cookie logic can be tested with a fake.
import type { CookieRecord, PartitionKey, SameSite } from '../core/cookies/cookie-record.ts';
import type { SetDetails } from '../core/cookies/set-details.ts';
import { runningFlavour, type Flavour } from './flavour-detection.ts';

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
  browser: Flavour;
  /** The store of normal windows: '0' in Chrome, 'firefox-default' in Firefox. */
  defaultStoreId: string;
  /** Available at all (the optional `cookies` permission granted, and the API present). */
  available(): boolean;
  /** Every cookie for `domain` and its subdomains in one store, partitioned ones included. */
  getAllForDomain(domain: string, storeId: string): Promise<CookieRecord[]>;
  /** Partitioned cookies of every site embedded under `topLevelSite` (e.g. `https://example.test`). */
  getAllInPartition(topLevelSite: string, storeId: string): Promise<CookieRecord[]>;
  /** Every cookie of one store in one read, partitions included; rejects when access is off. */
  getAllInStore(storeId: string): Promise<CookieRecord[]>;
  getAllCookieStores(): Promise<CookieStoreInfo[]>;
  /** Resolves with the cookie as stored; rejects with the browser's reason when refused. */
  set(details: SetDetails): Promise<CookieRecord>;
  remove(c: {
    url: string;
    name: string;
    storeId: string;
    partitionKey?: PartitionKey;
    firstPartyDomain?: string;
  }): Promise<void>;
  /** Subscribes synchronously; returns the unsubscribe. */
  onChanged(cb: (change: RawCookieChange) => void): () => void;
}

// The browser's own Cookie object, as both Chrome and Firefox report it (Firefox adds fields).
export interface BrowserCookie {
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

/** The browser's `cookies` namespace, as much of it as this file calls (fakes implement this). */
export interface CookiesNamespace {
  getAll(details: Record<string, unknown>): Promise<BrowserCookie[]>;
  getAllCookieStores(): Promise<{ id: string; tabIds: number[]; incognito?: boolean }[]>;
  set(details: Record<string, unknown>): Promise<BrowserCookie | null>;
  remove(details: Record<string, unknown>): Promise<unknown>;
  onChanged: {
    addListener(cb: (info: { removed: boolean; cause: string; cookie: BrowserCookie }) => void): void;
    removeListener(cb: (info: { removed: boolean; cause: string; cookie: BrowserCookie }) => void): void;
  };
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
    if (c.partitionKey.hasCrossSiteAncestor !== undefined)
      r.partitionKey.hasCrossSiteAncestor = c.partitionKey.hasCrossSiteAncestor;
  }
  if (c.firstPartyDomain) r.firstPartyDomain = c.firstPartyDomain;
  return r;
}

function stripUndefined(o: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
}

/**
 * The CookiesApi over one browser's namespace. `ns` is asked on every call: the namespace
 * appears only once the optional permission is granted. `browser` picks the dialect: Firefox
 * takes `firstPartyDomain` (and needs it under first-party isolation), has container stores and
 * no 'unspecified' sameSite; Chrome rejects any key it does not know.
 */
export function makeCookiesApi(ns: () => CookiesNamespace | undefined, browser: Flavour): CookiesApi {
  const isFirefox = browser === 'firefox';
  function need(): CookiesNamespace {
    const c = ns();
    if (!c)
      throw Object.assign(new Error('Cookie access is off: the extension has not been allowed to read cookies.'), {
        code: 'no-permission',
      });
    return c;
  }
  // Firefox: `firstPartyDomain: null` reads every first-party jar; without it, under first-party
  // isolation getAll throws, and otherwise isolated cookies are silently left out.
  const everyJar = isFirefox ? { firstPartyDomain: null } : {};
  return {
    browser,
    defaultStoreId: isFirefox ? 'firefox-default' : '0',
    available: () => !!ns(),
    async getAllForDomain(domain, storeId) {
      const c = need();
      // `partitionKey: {}` returns partitioned and unpartitioned cookies together (Chrome 119+,
      // Firefox 94+); without it the partitioned ones are silently missing.
      const base = { domain, storeId, ...everyJar };
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
        const all = (await c.getAll({ storeId, partitionKey: { topLevelSite }, ...everyJar })).map(toCookieRecord);
        // The browser may add unpartitioned cookies to the answer; only the partition's are wanted.
        return all.filter((x) => x.partitionKey?.topLevelSite === topLevelSite);
      } catch {
        return [];
      }
    },
    async getAllInStore(storeId) {
      const c = need();
      const base = { storeId, ...everyJar };
      try {
        return (await c.getAll({ ...base, partitionKey: {} })).map(toCookieRecord);
      } catch {
        // Browsers without partitioned cookies refuse the key: their store has none anyway.
        return (await c.getAll(base)).map(toCookieRecord);
      }
    },
    async getAllCookieStores() {
      const stores = await need().getAllCookieStores();
      // Chrome's incognito store is '1' (older versions leave out the flag); Firefox's 'firefox-private'.
      return stores.map((s) => ({
        id: s.id,
        tabIds: s.tabIds,
        incognito: !!s.incognito || s.id === '1' || s.id === 'firefox-private',
      }));
    },
    async set(details) {
      const d = stripUndefined({
        ...details,
        partitionKey: details.partitionKey ? stripUndefined(details.partitionKey) : undefined,
      });
      if (isFirefox) {
        // Firefox knows neither 'unspecified' (left out, it means the browser default there too)
        // nor Chrome's `hasCrossSiteAncestor`, and refuses what it does not know.
        if (d.sameSite === 'unspecified') delete d.sameSite;
        if (details.partitionKey) d.partitionKey = stripUndefined({ topLevelSite: details.partitionKey.topLevelSite });
        d.firstPartyDomain ??= '';
      } else delete d.firstPartyDomain;
      const set = await need().set(d);
      // Chrome answers null (with lastError, which the promise turns into a rejection on newer
      // versions) when it refuses; say so rather than pretend it worked.
      if (!set)
        throw Object.assign(new Error(`The browser refused the cookie "${details.name}".`), { code: 'refused' });
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
      const listener = (info: { removed: boolean; cause: string; cookie: BrowserCookie }) =>
        cb({ removed: info.removed, cause: info.cause, cookie: toCookieRecord(info.cookie) });
      c.onChanged.addListener(listener);
      return () => c.onChanged.removeListener(listener);
    },
  };
}

/** The running browser's cookies namespace, looked up on every call: it appears with the permission. */
export function cookiesNamespace(): CookiesNamespace | undefined {
  const g = globalThis as unknown as {
    browser?: { cookies?: CookiesNamespace };
    chrome?: { cookies?: CookiesNamespace };
  };
  // Firefox's `browser.cookies` is promise-based natively; Chrome's MV3 `chrome.cookies` returns
  // promises too, so no polyfill is needed here (and this module loads where no extension API is).
  return (runningFlavour() === 'firefox' ? g.browser?.cookies : g.chrome?.cookies) ?? g.browser?.cookies;
}

/** For pages that read cookies themselves (the inspector); the worker's comes with its Platform. */
export const cookiesApi: CookiesApi = makeCookiesApi(cookiesNamespace, runningFlavour());
