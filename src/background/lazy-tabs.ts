// Loads a lazily restored tab's real page when the person switches to it. The placeholder page
// does this itself when it sees it became visible; this covers windows that never report it
// hidden, and discarded placeholders.
import { parsePlaceholder } from '../core/placeholder-url.ts';
import { checkUrl } from '../core/url-policy.ts';
import type { Services } from './deps.ts';

export async function loadIfPlaceholder(s: Services, tabId: number): Promise<void> {
  const url = await s.tracker.tabUrl(tabId);
  if (!url) return;
  const target = parsePlaceholder(s.deps.platform.extensionBase, url);
  if (!target || target.reason) return;
  if (!checkUrl(target.url, { allowData: s.deps.platform.allowsDataUrls, allowFile: true }).openable) return;
  await s.deps.platform.tabs.navigate(tabId, target.url);
}
