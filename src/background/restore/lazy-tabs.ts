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

/**
 * Loaded placeholders left undiscarded while a restore still creates tabs. A discard costs the
 * extension's renderer about what a placeholder load costs (measured: one tab at a time, 130 ms
 * each without discards, 230 ms with), so while tabs still wait for their titles the discards
 * wait, up to this many (each loaded placeholder holds ~1 MiB until discarded).
 */
const DISCARD_BACKLOG = 60;

export class LazyTabs {
  // One discard at a time: a 500-tab restore finishes hundreds of placeholders at once, and that
  // many discards in parallel made Chrome drop titles and, once, crash.
  private discards: Promise<unknown> = Promise.resolve();
  private readonly backlog: { tabId: number; real: string }[] = [];

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
    this.backlog.push({ tabId, real });
    return this.pump();
  }

  /** A restore finished creating its tabs: the discards it held back go ahead. */
  restoreEnded(): void {
    void this.pump();
  }

  private pump(): Promise<unknown> {
    const { platform, restores, tracker } = this.ctx;
    const hold = restores.busy ? DISCARD_BACKLOG : 0;
    while (this.backlog.length > hold) {
      const { tabId, real } = this.backlog.shift()!;
      const waited = hold > 0 || this.backlog.length > 0;
      this.discards = this.discards
        // A tab that waited may have been shown and turned into its real page meanwhile.
        .then(async () => (waited && (await tracker.tabUrl(tabId)) === real ? 'gone' : undefined))
        // discardIfHidden asks again: the tab may have been shown since.
        .then((skip) => (skip ? skip : platform.tabs.discardIfHidden(tabId)))
        .then((state) => (state === 'active' ? platform.tabs.navigate(tabId, real) : undefined))
        .catch(() => undefined);
    }
    return this.discards;
  }

  /** The person switched to a tab: a placeholder loads its real page. */
  async activated(tabId: number): Promise<void> {
    const url = await this.ctx.tracker.tabUrl(tabId);
    const real = url ? this.openable(url) : undefined;
    if (real) await this.ctx.platform.tabs.navigate(tabId, real);
  }
}
