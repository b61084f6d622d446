// Every user-visible string goes through _locales. A missing key shows the key itself, loudly,
// so the locale meta-test and a glance at the UI both catch it.
import type { UserMessage } from '../core/user-error.ts';
import { getMessage } from '../platform/page.ts';
import type { MessageKey } from './message-keys.ts';

export function t(key: MessageKey, ...subs: (string | number)[]): string {
  const msg = getMessage(key, subs.map(String));
  return msg || key;
}

const plural = new Intl.PluralRules(undefined);

/** A message from the worker or core, nested messages first; counted ones in the page's plural form. */
export function render(m: UserMessage): string {
  const subs = (m.substitutions ?? []).map((s) => (typeof s === 'object' ? render(s) : s));
  const key = m.plural && plural.select(m.plural.count) === 'one' ? m.plural.one : m.key;
  return t(key, ...subs);
}

/** "1 window · 3 tabs": chrome.i18n has no plurals, so pick the key with Intl.PluralRules. */
export function countsText(windows: number, tabs: number): string {
  const w = plural.select(windows) === 'one' ? t('countWindowsOne') : t('countWindowsOther', windows);
  const n = plural.select(tabs) === 'one' ? t('countTabsOne') : t('countTabsOther', tabs);
  return t('countsLine', w, n);
}
