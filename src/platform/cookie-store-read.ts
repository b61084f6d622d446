// One read of a whole cookie store, partitioned cookies included, for cookie keeping's catch-up:
// with many open sites, a single getAll is far cheaper than two per site (each per-site read makes
// the browser walk the whole store, and a partition read also returns every unpartitioned cookie).
import type { CookieRecord } from '../core/cookies/cookie-record.ts';
import { toCookieRecord } from './cookies.ts';

type BrowserCookie = Parameters<typeof toCookieRecord>[0];
interface Ns {
  getAll(details: Record<string, unknown>): Promise<BrowserCookie[]>;
}

const g = globalThis as unknown as {
  browser?: { cookies?: Ns; runtime?: { getURL?(p: string): string } };
  chrome?: { cookies?: Ns };
};

function isFirefox(): boolean {
  return typeof g.browser?.runtime?.getURL === 'function' && g.browser.runtime.getURL('/').startsWith('moz-extension:');
}

// Looked up on every call: the namespace appears only once the permission is granted.
function ns(): Ns | undefined {
  return (isFirefox() ? g.browser?.cookies : g.chrome?.cookies) ?? g.browser?.cookies;
}

/** Every cookie of one store; rejects when the API is missing (no permission). */
export async function getAllInStore(storeId: string): Promise<CookieRecord[]> {
  const c = ns();
  if (!c) throw new Error('Cookie access is off.');
  // Firefox: `firstPartyDomain: null` reads every first-party jar (under first-party isolation a
  // read without it throws); Chrome refuses the unknown key.
  const base = { storeId, ...(isFirefox() ? { firstPartyDomain: null } : {}) };
  try {
    return (await c.getAll({ ...base, partitionKey: {} })).map(toCookieRecord);
  } catch {
    // Browsers without partitioned cookies refuse the key: their store has none anyway.
    return (await c.getAll(base)).map(toCookieRecord);
  }
}
