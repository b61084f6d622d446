// The real Platform for the worker, built once at its entry. It rests on webextension-polyfill
// (Firefox's own `browser` there); tab groups, bounds events and cookies go through the native
// namespace (`chrome.*` on Chrome, missing from the polyfill; Firefox 139+ has the same API on
// its `browser`). The browser differences themselves are in ./make-platform.ts and ./cookies.ts.
import { browser } from './browser.ts';
import { cookiesNamespace, makeCookiesApi } from './cookies.ts';
import { subscribeEvents, type EventsNamespace } from './events.ts';
import { flavourOf } from './flavour-detection.ts';
import { makePlatform, type GroupsNamespace, type PlatformNamespace } from './make-platform.ts';
import { makeMenusApi, type MenusNamespace } from './menus.ts';
import { workerPermissions } from './permissions.ts';
import { runtimeApi } from './runtime.ts';
import { alarms, localStorageArea, sessionStorageArea, syncStorageArea } from './storage.ts';
import type { Platform } from './types.ts';

export function browserPlatform(): Platform {
  const flavour = flavourOf(browser.runtime.getURL('/'));
  const native = (flavour === 'firefox' || typeof chrome === 'undefined' ? browser : chrome) as unknown;
  const events = { ...(browser as unknown as EventsNamespace), ...pick(native) };
  const platform = makePlatform(browser as unknown as PlatformNamespace, native as GroupsNamespace, {
    sessionArea: sessionStorageArea,
    localArea: localStorageArea,
    ...(syncStorageArea ? { syncArea: syncStorageArea } : {}),
    alarms,
    runtime: runtimeApi,
    events: { subscribe: (h) => subscribeEvents(events, h) },
    cookies: makeCookiesApi(cookiesNamespace, flavour),
    permissions: workerPermissions(),
  });
  // The native namespace: create() reports a duplicate id through its callback and lastError.
  const menus = makeMenusApi(native as MenusNamespace);
  return menus ? { ...platform, menus } : platform;
}

/** The native events the polyfill leaves out. */
function pick(native: unknown): Partial<EventsNamespace> {
  const n = native as { tabGroups?: EventsNamespace['tabGroups']; windows?: EventsNamespace['windows'] };
  return {
    ...(n.tabGroups ? { tabGroups: n.tabGroups } : {}),
    ...(n.windows?.onBoundsChanged
      ? { windows: { ...(browser as unknown as EventsNamespace).windows, onBoundsChanged: n.windows.onBoundsChanged } }
      : {}),
  };
}
