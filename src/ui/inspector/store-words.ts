// Cookie stores in plain words: "normal windows", "private windows", "container 2" — and only
// when the site's cookies are in more than one, since one store is all most people ever have.
import { counted, msg, type UserMessage } from '../../core/user-error.ts';
import type { CookieStoreSummary } from '../../shared/messages/cookies-messages.ts';

/** Chrome's default store is "0"; Firefox's is "firefox-default", its containers "firefox-container-N". */
export function storeName(s: Pick<CookieStoreSummary, 'id' | 'incognito'>): UserMessage {
  if (s.incognito) return msg('inspStorePrivate');
  if (s.id === '0' || s.id === 'firefox-default') return msg('inspStoreNormal');
  const container = /^firefox-container-(\d+)$/.exec(s.id);
  if (container) return msg('inspStoreContainer', container[1]!);
  return msg('inspStoreNamed', s.id);
}

/** One entry per store, "normal windows (9 cookies)"; nothing when there is a single store. */
export function storeEntries(stores: readonly CookieStoreSummary[]): UserMessage[] {
  if (stores.length < 2) return [];
  return stores.map((s) => counted(s.count, 'inspStoreCountOne', 'inspStoreCountOther', storeName(s)));
}
