// A restored lazy tab first shows the extension's placeholder. Once its title is up, a hidden tab
// is discarded: it keeps its title and favicon in the tab strip and costs no memory until shown,
// so a 500-tab restore does not leave 500 live pages behind. Page visibility cannot be trusted
// for this (headless and occluded windows report background tabs as visible): the worker asks
// the browser which tab is active.
import type { Handlers } from '../../shared/protocol.ts';
import type { Services } from '../deps.ts';

export function placeholderHandlers({ deps }: Services): Pick<Handlers, 'placeholder.loaded'> {
  // One discard at a time: a 500-tab restore sends 500 of these at once, and that many discards
  // in parallel made Chrome drop titles and, once, crash.
  let queue: Promise<unknown> = Promise.resolve();
  return {
    async 'placeholder.loaded'(_req, ctx) {
      const tabId = ctx?.tabId;
      if (tabId === undefined) return { action: 'stay' };
      const state = queue.then(() => deps.platform.tabs.discardIfHidden(tabId));
      queue = state.catch(() => undefined);
      const s = await state;
      return { action: s === 'active' ? 'navigate' : s === 'discarded' ? 'discarded' : 'stay' };
    },
  };
}
