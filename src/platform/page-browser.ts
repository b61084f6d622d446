// The extension namespace for extension pages, without webextension-polyfill: every call the pages
// make (messages, ports, i18n, tabs and windows queries, the options page) returns a promise
// natively in Chrome's MV3 `chrome.*` and in Firefox's `browser.*`, and the polyfill alone weighed
// ~2.8 KiB gzip in each page. The worker keeps the polyfill (its onMessage answers by promise).
import type { Browser } from 'webextension-polyfill';

const g = globalThis as unknown as { browser?: Browser; chrome?: Browser };

/** Firefox's own `browser`, else Chrome's `chrome` (typed as the polyfill's promise API). */
export const pageBrowser: Browser = (g.browser?.runtime?.id ? g.browser : g.chrome) as Browser;
