// Every user-visible string goes through _locales. A missing key shows the key itself, loudly,
// so the locale meta-test and a glance at the UI both catch it.
import type { UserMessage } from '../core/user-error.ts';
import { getMessage } from '../platform/page.ts';
import type { MessageKey } from './message-keys.ts';

export function t(key: MessageKey, ...subs: (string | number)[]): string {
  const msg = getMessage(key, subs.map(String));
  return msg || key;
}

const rules = new Intl.PluralRules(undefined);

/**
 * A counted message: chrome.i18n has no plurals, so the page's Intl.PluralRules picks `one` or
 * `other`; both take the count as their first substitution.
 */
export function counted(count: number, one: MessageKey, other: MessageKey, ...rest: (string | number)[]): string {
  return t(rules.select(count) === 'one' ? one : other, count, ...rest);
}

/** A message from the worker or core, nested messages first; counted ones in the page's plural form. */
export function render(m: UserMessage): string {
  const subs = (m.substitutions ?? []).map((s) => (typeof s === 'object' ? render(s) : s));
  const key = m.plural && rules.select(m.plural.count) === 'one' ? m.plural.one : m.key;
  return t(key, ...subs);
}

/** "1 tab", "12 tabs". */
export const tabsText = (n: number) => counted(n, 'countTabsOne', 'countTabsOther');
/** "1 window", "2 windows". */
export const windowsText = (n: number) => counted(n, 'countWindowsOne', 'countWindowsOther');
/** "1 session", "4 sessions". */
export const sessionsText = (n: number) => counted(n, 'countSessionsOne', 'countSessionsOther');

/** "1 window · 3 tabs". */
export function countsText(windows: number, tabs: number): string {
  return t('countsLine', windowsText(windows), tabsText(tabs));
}
