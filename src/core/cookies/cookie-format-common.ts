// Pieces every import/export format shares.
import type { CookieRecord } from './cookie-record.ts';
import { bareHost } from './cookie-domain.ts';

export interface ParsedCookies {
  cookies: CookieRecord[];
  warnings: string[];
}

export interface SerializedCookies {
  text: string;
  /** What the format could not carry, in plain words; empty when nothing was lost. */
  notes: string[];
}

/** A domain as browsers report it: a leading dot exactly for domain (non-host-only) cookies. */
export function reportedDomain(domain: string, hostOnly: boolean): string {
  const bare = bareHost(domain);
  return hostOnly ? bare : `.${bare}`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

// Stores a person normally has: the cookies in them go back to "the current store" happily.
const DEFAULT_STORES = new Set(['', '0', 'firefox-default']);

/** A note when a format without stores flattens cookies from containers or private windows. */
export function storeLossNote(cookies: readonly CookieRecord[], format: string): string | undefined {
  const stores = new Set(cookies.map((c) => c.storeId));
  const other = cookies.filter((c) => !DEFAULT_STORES.has(c.storeId)).length;
  if (other === 0 && stores.size <= 1) return undefined;
  return `${format} has no cookie stores: ${plural(cookies.length, 'cookie')} from ${plural(stores.size, 'store')} (${[...stores].map((s) => s || 'current').join(', ')}) will all import into one store.`;
}
