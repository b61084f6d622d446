// Which browser the extension runs in, told by its own base URL: the one sign that neither a
// polyfill nor a compatibility alias (Firefox also answers to `chrome.*`) can blur. Every part of
// the extension that must know asks here.
export type { Flavour } from '../core/flavour.ts';
import type { Flavour } from '../core/flavour.ts';

export function flavourOf(extensionBase: string): Flavour {
  return extensionBase.startsWith('moz-extension:') ? 'firefox' : 'chrome';
}

interface RuntimeLike {
  runtime?: { getURL?(path: string): string };
}

/** The flavour of the running extension, read without the polyfill (pages that must stay small). */
export function runningFlavour(): Flavour {
  const g = globalThis as unknown as { browser?: RuntimeLike; chrome?: RuntimeLike };
  const getURL = g.browser?.runtime?.getURL ?? g.chrome?.runtime?.getURL;
  return typeof getURL === 'function' ? flavourOf(getURL('/')) : 'chrome';
}
