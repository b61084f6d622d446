// A window's tabs, asked for in order without waiting for each one, at most IN_FLIGHT at a time.
// The calls reach the browser in order, so the tabs are appended in order. (One windows.create
// with every URL was tried: Chrome then gives each extension-page tab a renderer process of its
// own.) Placeholder tabs wait for a load slot (load-slots.ts).
import type { TabStep } from '../../core/restore-plan.ts';
import type { Platform } from '../../platform/types.ts';
import type { RestoreReport } from '../../shared/protocol.ts';
import type { LoadSlots } from './load-slots.ts';
import { failure, noteContainer, opensPlaceholder, tabUrl } from './tab-open.ts';

/**
 * Tab creations outstanding at once. Waiting for each one, or for batches, lets the extension
 * process (busy loading the placeholders just created) slow the next ones down: batches of 25
 * took ~9 s for 200 tabs, a minimal extension asking for all 200 at once ~2 s. A bound still lets
 * Cancel stop what has not been asked for yet.
 */
const IN_FLIGHT = 100;
/** Each progress report is a message to every open extension page. */
const PROGRESS_EVERY = 10;

export interface RestoreProgress {
  done: number;
  total: number;
}

export interface TabLoopOptions {
  signal?: AbortSignal;
  slots: Pick<LoadSlots, 'acquire' | 'assign' | 'cancel'>;
  onProgress?: (p: RestoreProgress) => void;
}

/** Creates the tabs; returns their ids in the saved order (undefined where one failed). */
export async function createTabs(
  platform: Platform,
  windowId: number,
  tabs: readonly TabStep[],
  report: RestoreReport,
  progress: RestoreProgress,
  opts: TabLoopOptions,
): Promise<(number | undefined)[]> {
  let turns: Promise<boolean | undefined> = Promise.resolve(undefined);
  const created: (number | undefined)[] = new Array(tabs.length).fill(undefined);
  let next = 0;
  let sinceReport = 0;
  const lane = async () => {
    while (next < tabs.length) {
      if (opts.signal?.aborted) {
        report.cancelled = true;
        return;
      }
      const k = next++;
      const t = tabs[k]!;
      const url = tabUrl(platform, t);
      // A placeholder page loads in the extension's own renderer: wait for a free slot. The turns
      // are chained so the calls still reach the browser in the saved order.
      const slot = opensPlaceholder(platform, t) ? opts.slots : undefined;
      const turn = turns.then(() => slot?.acquire(opts.signal));
      turns = turn;
      const got = await turn;
      if (opts.signal?.aborted) {
        if (got) slot?.cancel();
        report.cancelled = true;
        return;
      }
      try {
        const r = await platform.tabs.create({
          windowId,
          ...(url === undefined ? {} : { url }),
          active: false,
          ...(t.pinned ? { pinned: true } : {}),
          ...(t.cookieStoreId ? { cookieStoreId: t.cookieStoreId } : {}),
          ...(t.lazy && platform.createsDiscardedTabs && t.open.kind === 'url'
            ? { discarded: true, title: t.title }
            : {}),
        });
        noteContainer(report, t, r);
        created[k] = r.id;
        slot?.assign(r.id);
      } catch (e) {
        slot?.cancel();
        report.failed.push({ url: t.open.kind === 'newtab' ? '' : t.open.url, reason: failure(e) });
      }
      progress.done++;
      if (++sinceReport >= PROGRESS_EVERY || next >= tabs.length) {
        sinceReport = 0;
        opts.onProgress?.({ ...progress });
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(IN_FLIGHT, tabs.length) }, lane));
  return created;
}
