// The real Platform, on top of webextension-polyfill (Firefox's own `browser` there). Tab groups
// go through `chrome.*` on Chrome, missing from the polyfill; Firefox 139+ has the same API on
// its `browser`. The browser differences themselves are in ./make-platform.ts.
import { browser } from './browser.ts';
import { flavourOf } from './flavour.ts';
import { makePlatform, type GroupsNamespace, type PlatformNamespace } from './make-platform.ts';
import { broadcast } from './messaging.ts';
import { alarms, localStorageArea, sessionStorageArea } from './storage.ts';

const firefox = flavourOf(browser.runtime.getURL('/')) === 'firefox';
const groups = (firefox ? browser : typeof chrome === 'undefined' ? undefined : chrome) as unknown as
  GroupsNamespace | undefined;

export const platform = makePlatform(browser as unknown as PlatformNamespace, groups, {
  sessionArea: sessionStorageArea,
  localArea: localStorageArea,
  alarms,
  broadcast,
});
