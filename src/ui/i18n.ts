// Every user-visible string goes through _locales. A missing key shows the key itself, loudly,
// so the locale meta-test and a glance at the UI both catch it.
import { getMessage } from '../platform/page.ts';
import type { MessageKey } from './message-keys.ts';

export function t(key: MessageKey, ...subs: (string | number)[]): string {
  const msg = getMessage(key, subs.map(String));
  return msg || key;
}

const plural = new Intl.PluralRules(undefined);

/** "1 window · 3 tabs": chrome.i18n has no plurals, so pick the key with Intl.PluralRules. */
export function countsText(windows: number, tabs: number): string {
  const w = plural.select(windows) === 'one' ? t('countWindowsOne') : t('countWindowsOther', windows);
  const n = plural.select(tabs) === 'one' ? t('countTabsOne') : t('countTabsOther', tabs);
  return t('countsLine', w, n);
}
