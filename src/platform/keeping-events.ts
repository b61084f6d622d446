// The two browser signals cookie keeping needs besides cookies.onChanged: a tab went to another
// address or closed (the set of open sites may have changed), and a permission was granted or
// taken back. Subscribed synchronously at the worker's top level with the rest.
import { browser } from './browser.ts';

export function onTabSitesMaybeChanged(cb: () => void): void {
  browser.tabs.onUpdated.addListener((_id, change) => {
    // Only a new address can change the tab's site; titles, loading states and favicons cannot.
    if (change.url !== undefined) cb();
  });
  browser.tabs.onRemoved.addListener(() => cb());
  browser.tabs.onReplaced.addListener(() => cb());
}

export function onPermissionsChanged(cb: () => void): void {
  browser.permissions?.onAdded?.addListener(() => cb());
  browser.permissions?.onRemoved?.addListener(() => cb());
}
