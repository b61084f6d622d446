// Lazily restored tabs. A restore opens hidden tabs on the placeholder page, which shows the
// saved title and favicon. Once it has loaded, the worker discards the tab: it keeps that title
// and favicon in the tab strip and costs no memory until shown. When the person switches to it,
// the worker loads the real page.
//
// The placeholder sends no message: an earlier version asked the worker from the page and was
// discarded while waiting for the answer, and with 200 tabs that left Chrome's extension process
// busy at full CPU for minutes afterwards (the popup then took 40 s to open). The worker watches
// tabs.onUpdated instead. Page visibility is not used: headless and occluded windows report
// background tabs as visible; the worker asks the browser which tab is active.
import { parsePlaceholder } from '../core/placeholder-url.ts';
import { checkUrl } from '../core/url-policy.ts';
import type { Services } from './deps.ts';
import { placeholderSlots, type LoadSlots } from './load-slots.ts';

function openablePlaceholder(s: Services, url: string): string | undefined {
  const target = parsePlaceholder(s.deps.platform.extensionBase, url);
  if (!target || target.reason) return undefined;
  return checkUrl(target.url, { allowData: s.deps.platform.allowsDataUrls, allowFile: true }).openable
    ? target.url
    : undefined;
}

// One discard at a time: a 500-tab restore finishes hundreds of placeholders at once, and that
// many discards in parallel made Chrome drop titles and, once, crash.
let discards: Promise<unknown> = Promise.resolve();

/** A placeholder finished loading: the shown tab gets its real page, a hidden one is discarded. */
export function settleLoadedPlaceholder(
  s: Services,
  tabId: number,
  url: string,
  active: boolean,
  slots: Pick<LoadSlots, 'loaded'> = placeholderSlots,
): Promise<unknown> {
  if (parsePlaceholder(s.deps.platform.extensionBase, url)) slots.loaded(tabId);
  const real = openablePlaceholder(s, url);
  if (!real) return Promise.resolve();
  if (active) return s.deps.platform.tabs.navigate(tabId, real).catch(() => undefined);
  // discardIfHidden asks again: the tab may have been shown since.
  discards = discards
    .then(() => s.deps.platform.tabs.discardIfHidden(tabId))
    .then((state) => (state === 'active' ? s.deps.platform.tabs.navigate(tabId, real) : undefined))
    .catch(() => undefined);
  return discards;
}

export async function loadIfPlaceholder(s: Services, tabId: number): Promise<void> {
  const url = await s.tracker.tabUrl(tabId);
  const real = url ? openablePlaceholder(s, url) : undefined;
  if (real) await s.deps.platform.tabs.navigate(tabId, real);
}
