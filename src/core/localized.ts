// Words a page shows come from _locales (the locale meta-test checks every key). Code outside the
// pages (the worker, the store) cannot call the i18n API for a page's language, so an error it
// raises for people to read names its message key; the page renders it. The English `message`
// stays on the error for logs and tests.
import type messages from '../../public/_locales/en/messages.json';

export type MessageKey = keyof typeof messages;

export interface Localized {
  key: MessageKey;
  subs?: string[];
}

export function isLocalized(x: unknown): x is Localized {
  return (
    typeof x === 'object' &&
    x !== null &&
    typeof (x as Localized).key === 'string' &&
    ((x as Localized).subs === undefined ||
      (Array.isArray((x as Localized).subs) && (x as Localized).subs!.every((s) => typeof s === 'string')))
  );
}
