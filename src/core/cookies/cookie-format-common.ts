// Pieces every import/export format shares.
import type { CookieRecord } from './cookie-record.ts';
import { bareHost } from './cookie-domain.ts';
import { listOf } from '../message-list.ts';
import { counted, msg, type Substitution, type UserMessage } from '../user-error.ts';

export interface ParsedCookies {
  cookies: CookieRecord[];
  /** What was read differently from what the file says, or guessed; the page renders them. */
  warnings: UserMessage[];
}

export interface SerializedCookies {
  text: string;
  /** What the format could not carry; empty when nothing was lost. */
  notes: UserMessage[];
}

/** A domain as browsers report it: a leading dot exactly for domain (non-host-only) cookies. */
export function reportedDomain(domain: string, hostOnly: boolean): string {
  const bare = bareHost(domain);
  return hostOnly ? bare : `.${bare}`;
}

// Stores a person normally has: the cookies in them go back to "the current store" happily.
const DEFAULT_STORES = new Set(['', '0', 'firefox-default']);

/** A note when a format without stores flattens cookies from containers or private windows. */
export function storeLossNote(cookies: readonly CookieRecord[], format: Substitution): UserMessage | undefined {
  const stores = new Set(cookies.map((c) => c.storeId));
  const other = cookies.filter((c) => !DEFAULT_STORES.has(c.storeId)).length;
  if (other === 0 && stores.size <= 1) return undefined;
  const names = listOf([...stores].map((s) => s || msg('cookieStoreCurrent')));
  const storeCount = counted(stores.size, 'cookieStoreCountOne', 'cookieStoreCountOther');
  return counted(cookies.length, 'cookieStoreLossOne', 'cookieStoreLossOther', format, storeCount, names);
}
