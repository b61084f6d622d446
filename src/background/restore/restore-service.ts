// Every restore goes through here, whoever asked (the popup, the manager, crash recovery,
// auto-recover): each one is registered under a restoreId while it runs, so any page opened
// meanwhile shows its progress and can cancel it. Cookies are put back before any tab loads.
import { countTabs, type Session } from '../../core/model.ts';
import { planRestore, type RestoreMode } from '../../core/restore-plan.ts';
import type { LastReplace } from '../../shared/messages/sessions-messages.ts';
import type { RestoreEndedEvent, RestoreProgressEvent } from '../../shared/worker-events.ts';
import type { RestoreReport } from '../../shared/protocol.ts';
import type { WorkerContext } from '../context.ts';
import { LoadSlots } from './load-slots.ts';
import { executeRestore, type RestoreProgress } from './restore-executor.ts';

/**
 * Placeholder pages loading at once, to start with; then as many as load within PLACEHOLDER_MS
 * of their tab's creation, up to PLACEHOLDER_SLOTS_MAX (see load-slots.ts).
 */
const PLACEHOLDER_SLOTS = 2;
/**
 * The extension's pages share one renderer, which loads them one after another: more at once only
 * lengthens each one's wait. Measured with `npm run bench -- --only-lazy` (200 tabs, this 2-core
 * machine): with at most 12 and a 500 ms target, 5 tabs went untitled over 1 s (longest 1.3 s);
 * with 6 and 400 ms, 1 (one stall) in the same total time (~73 s, set by tab creation here).
 */
const PLACEHOLDER_SLOTS_MAX = 6;
/** Well under the second a tab may show no title: the worker sees loads late when it is busy. */
const PLACEHOLDER_MS = 400;
/** How long a page that opens during a restore has the extension's renderer to itself. */
const PAGE_OPENING_MS = 500;
const PROGRESS_EVERY_MS = 100;
/** How long a popup opened after a Replace offers to undo it. */
export const UNDO_REPLACE_MS = 15 * 60_000;
/** meta key of the last Replace (a LastReplace): its snapshot is kept from retention while named here. */
export const LAST_REPLACE_KEY = 'replace:last';

interface Underway {
  controller: AbortController;
  done: number;
  total: number;
}

export interface RestoreRequest {
  mode?: RestoreMode;
  /** Chosen by the page that shows the progress; a new one otherwise. */
  restoreId?: string;
  /** Replace newer cookies in the browser with the saved ones. */
  overwriteCookies?: boolean;
}

export class RestoreService {
  private readonly underway = new Map<string, Underway>();
  /** Shared by every restore under way: the placeholders all load in the extension's one renderer. */
  readonly slots: LoadSlots;

  constructor(private readonly ctx: WorkerContext) {
    this.slots = new LoadSlots(PLACEHOLDER_SLOTS, 30_000, {
      now: () => ctx.now(),
      targetMs: PLACEHOLDER_MS,
      max: PLACEHOLDER_SLOTS_MAX,
    });
  }

  /**
   * An extension page is opening (its first question, the session list, arrived): the restores
   * ask for no new placeholder for a moment, so the page is not drawn behind them.
   */
  pageOpening(): void {
    if (this.busy) this.slots.pauseFor(PAGE_OPENING_MS);
  }

  /** Whether a restore is creating tabs now. */
  get busy(): boolean {
    return this.underway.size > 0;
  }

  async restore(sessionId: string, req: RestoreRequest = {}): Promise<RestoreReport> {
    const { ctx } = this;
    const restoreId = req.restoreId ?? ctx.newId();
    const run: Underway = { controller: new AbortController(), done: 0, total: 0 };
    this.underway.set(restoreId, run);
    try {
      const { session, body } = await ctx.sessions.get(sessionId);
      // Restoring the last Replace's snapshot is its Undo: the popup stops offering it.
      await this.forgetReplace(sessionId);
      const settings = await ctx.settings.load();
      const plan = planRestore(body.windows, await this.resolveMode(req.mode), {
        lazy: settings.lazyRestore,
        allowData: ctx.platform.allowsDataUrls,
        allowFile: await ctx.platform.allowsFileUrls(),
      });
      // Cookies before any tab loads, so the first request of each tab already carries them.
      const urls = plan.windows.flatMap((w) => w.tabs.flatMap((t) => (t.open.kind === 'newtab' ? [] : [t.open.url])));
      const cookies = await ctx.cookieJars.restoreFor(session, urls, !!req.overwriteCookies);
      let replacedSnapshotId: string | undefined;
      const report = await executeRestore(ctx.platform, plan, {
        signal: run.controller.signal,
        slots: this.slots,
        onProgress: this.progress(restoreId, run),
        beforeClosing: async (ids) => {
          replacedSnapshotId = (await this.keepReplaced(ids))?.id;
        },
      });
      return { ...report, cookies, ...(replacedSnapshotId ? { replacedSnapshotId } : {}) };
    } finally {
      this.underway.delete(restoreId);
      ctx.lazyTabs.restoreEnded();
      ctx.platform.runtime.broadcast({ tabulariumEvent: 'restore.ended', restoreId } satisfies RestoreEndedEvent);
    }
  }

  /**
   * Saves the windows a Replace is about to close as one `window-closed` snapshot, and remembers it
   * for the popup's Undo. Throws (and the windows stay open) when it cannot be saved.
   */
  private async keepReplaced(windowIds: readonly number[]): Promise<Session | undefined> {
    const { ctx } = this;
    const windows = (await Promise.all(windowIds.map((id) => ctx.tracker.snapshot(id)))).flat();
    // Windows with nothing in them lose nothing when closed.
    if (countTabs(windows).tabs === 0) return undefined;
    const snapshot = await ctx.sessions.store(windows, 'window-closed');
    const last: LastReplace = { snapshotId: snapshot.id, at: ctx.now(), ...snapshot.counts };
    await ctx.store.meta.set({ [LAST_REPLACE_KEY]: last });
    return snapshot;
  }

  /** The last Replace, while the popup may still offer to undo it and its snapshot exists. */
  async lastReplace(): Promise<LastReplace | undefined> {
    const { ctx } = this;
    const last = await ctx.store.meta.get<LastReplace>(LAST_REPLACE_KEY);
    if (!last || ctx.now() - last.at > UNDO_REPLACE_MS) return undefined;
    const [snapshot] = await ctx.store.sessions.summaries([last.snapshotId]);
    return snapshot ? last : undefined;
  }

  private async forgetReplace(sessionId: string): Promise<void> {
    const { meta } = this.ctx.store;
    if ((await meta.get<LastReplace>(LAST_REPLACE_KEY))?.snapshotId === sessionId) {
      await meta.set({ [LAST_REPLACE_KEY]: undefined });
    }
  }

  cancel(restoreId: string): void {
    this.underway.get(restoreId)?.controller.abort();
  }

  /** Restores still running, for a page opened after one started. */
  list(): { restoreId: string; done: number; total: number }[] {
    return [...this.underway].map(([restoreId, r]) => ({ restoreId, done: r.done, total: r.total }));
  }

  /** "Replace the open windows" without a list means every window open now. */
  private async resolveMode(mode: RestoreMode | undefined): Promise<RestoreMode> {
    if (mode?.kind === 'replace' && mode.windowIds.length === 0) {
      return { kind: 'replace', windowIds: await this.ctx.tracker.openWindowIds() };
    }
    return mode ?? { kind: 'new-windows' };
  }

  /** Progress kept for pages opened later, and sent at most every 100 ms, always the last one. */
  private progress(restoreId: string, run: Underway): (p: RestoreProgress) => void {
    let last = 0;
    return (p) => {
      run.done = p.done;
      run.total = p.total;
      const now = Date.now();
      if (now - last < PROGRESS_EVERY_MS && p.done < p.total) return;
      last = now;
      const event: RestoreProgressEvent = {
        tabulariumEvent: 'restore.progress',
        restoreId,
        done: p.done,
        total: p.total,
      };
      this.ctx.platform.runtime.broadcast(event);
    };
  }
}
