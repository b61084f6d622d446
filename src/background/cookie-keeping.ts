// Wires live cookie keeping to the browser. Called synchronously at the worker's top level (one
// line in index.ts), so a cookie change, tab change or permission grant that wakes the worker is
// delivered; the first flush then catches up with whatever happened while the worker slept.
import { onPermissionsChanged, onTabSitesMaybeChanged } from '../platform/keeping-events.ts';
import { keeperFor, type CookieKeeper } from './cookie-keeper.ts';
import type { Services } from './deps.ts';

export function startCookieKeeping(s: Services): CookieKeeper {
  const keeper = keeperFor(s);
  keeper.subscribe();
  onTabSitesMaybeChanged(() => keeper.tabsChanged());
  onPermissionsChanged(() => keeper.refresh());
  keeper.refresh();
  return keeper;
}
