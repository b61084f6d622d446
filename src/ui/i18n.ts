// Every user-visible string goes through _locales. A missing key shows the key itself, loudly,
// so the locale meta-test and a glance at the UI both catch it.
import { getMessage } from '../platform/page.ts';
import type { MessageKey } from './message-keys.ts';

export function t(key: MessageKey, ...subs: (string | number)[]): string {
  const msg = getMessage(key, subs.map(String));
  return msg || key;
}
