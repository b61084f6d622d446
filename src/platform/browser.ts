// The one import of webextension-polyfill: Firefox's `browser` everywhere, promises everywhere.
import browser from 'webextension-polyfill';

export { browser };
export type { Runtime, Tabs, Windows } from 'webextension-polyfill';
