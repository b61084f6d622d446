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
import { parsePlaceholder } from '../../core/placeholder-url.ts';
import { checkUrl } from '../../core/url-policy.ts';
import type { WorkerContext } from '../context.ts';

export class LazyTabs {
  // One discard at a time: a 500-tab restore finishes hundreds of placeholders at once, and that
  // many discards in parallel made Chrome drop titles and, once, crash.
  private discards: Promise<unknown> = Promise.resolve();

  constructor(private readonly ctx: WorkerContext) {}

  private openable(url: string): string | undefined {
    const { platform } = this.ctx;
    const target = parsePlaceholder(platform.extensionBase, url);
    if (!target || target.reason) return undefined;
    const policy = { allowData: platform.allowsDataUrls, allowFile: true };
    return checkUrl(target.url, policy).openable ? target.url : undefined;
  }

  /** A tab finished loading: a placeholder's slot frees; the shown one gets its page, a hidden one is discarded. */
  loaded(tabId: number, url: string, active: boolean): Promise<unknown> {
    const { platform, restores } = this.ctx;
    if (parsePlaceholder(platform.extensionBase, url)) restores.slots.loaded(tabId);
    const real = this.openable(url);
    if (!real) return Promise.resolve();
    if (active) return platform.tabs.navigate(tabId, real).catch(() => undefined);
    // discardIfHidden asks again: the tab may have been shown since.
    this.discards = this.discards
      .then(() => platform.tabs.discardIfHidden(tabId))
      .then((state) => (state === 'active' ? platform.tabs.navigate(tabId, real) : undefined))
      .catch(() => undefined);
    return this.discards;
  }

  /** The person switched to a tab: a placeholder loads its real page. */
  async activated(tabId: number): Promise<void> {
    const url = await this.ctx.tracker.tabUrl(tabId);
    const real = url ? this.openable(url) : undefined;
    if (real) await this.ctx.platform.tabs.navigate(tabId, real);
  }
}
