// How one saved tab opens: its real address, or the extension's placeholder page (lazy tabs on
// Chrome, and addresses that cannot be opened, which the placeholder explains).
import { placeholderUrl } from '../../core/placeholder-url.ts';
import type { TabStep } from '../../core/restore-plan.ts';
import type { DroppedContainer, Platform } from '../../platform/types.ts';
import { msg, UserError, type UserMessage } from '../../core/user-error.ts';
import type { RestoreReport } from '../../shared/protocol.ts';

/** Whether the tab opens the extension's placeholder page (and so loads in its renderer). */
export function opensPlaceholder(platform: Platform, t: TabStep): boolean {
  return t.open.kind === 'blocked' || (t.open.kind === 'url' && t.lazy && !platform.createsDiscardedTabs);
}

export function tabUrl(platform: Platform, t: TabStep): string | undefined {
  switch (t.open.kind) {
    case 'newtab':
      return undefined;
    case 'blocked':
      return placeholderUrl(platform.extensionBase, { url: t.open.url, title: t.title, reason: t.open.reason });
    case 'url':
      // Where the browser creates discarded tabs (Firefox), a lazy tab is the real URL, unloaded.
      return opensPlaceholder(platform, t)
        ? placeholderUrl(platform.extensionBase, {
            url: t.open.url,
            title: t.title,
            ...(t.favIconUrl ? { favIconUrl: t.favIconUrl } : {}),
          })
        : t.open.url;
  }
}

/**
 * Why something did not come back, as the page shows it: our own message when we made one (a
 * private window the extension may not open), else the browser's words inside ours.
 */
export function failure(e: unknown): UserMessage {
  if (e instanceof UserError) return e.userMessage;
  return msg('restoreBrowserSaid', e instanceof Error ? e.message : String(e));
}

/** A tab that opened outside its saved container still counts, but the person is told. */
export function noteContainer(report: RestoreReport, t: TabStep, created: { droppedContainer?: DroppedContainer }) {
  const d = created.droppedContainer;
  if (!d || t.open.kind === 'newtab') return;
  report.failed.push({
    url: t.open.url,
    reason: msg('restoreContainerDropped', d.cookieStoreId, d.reason),
  });
}
