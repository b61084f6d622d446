// For the placeholder page, which must stay tiny (hundreds of them can be open at once): the few
// calls it needs, without loading webextension-polyfill.
import { flavourOf } from './flavour-detection.ts';

interface LiteApi {
  i18n: { getMessage(key: string, subs?: string[]): string };
  runtime: { getURL(path: string): string };
}

const api = (globalThis as { browser?: LiteApi }).browser ?? (globalThis as unknown as { chrome: LiteApi }).chrome;

export function liteMessage(key: string, subs?: string[]): string {
  return api.i18n.getMessage(key, subs) || key;
}

export function liteExtensionBase(): string {
  return api.runtime.getURL('/');
}

/** Chrome serves cached favicons to extensions at `_favicon/` (the `favicon` permission): no remote fetch. */
export function faviconFor(pageUrl: string): string | undefined {
  const base = liteExtensionBase();
  if (flavourOf(base) !== 'chrome') return undefined;
  return `${base}_favicon/?pageUrl=${encodeURIComponent(pageUrl)}&size=32`;
}
