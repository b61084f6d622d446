// Every restore goes through here, whoever asked (the popup, the manager, crash recovery,
// auto-recover): each one is registered under a restoreId while it runs, so any page opened
// meanwhile shows its progress and can cancel it. Cookies are put back before any tab loads.
import { planRestore, type RestoreMode } from '../../core/restore-plan.ts';
import type { RestoreEndedEvent, RestoreProgressEvent } from '../../shared/worker-events.ts';
import type { RestoreReport } from '../../shared/protocol.ts';
import type { WorkerContext } from '../context.ts';
import { LoadSlots } from './load-slots.ts';
import { executeRestore, type RestoreProgress } from './restore-executor.ts';

/** Placeholder pages loading at once (see load-slots.ts for why 40). */
const PLACEHOLDER_SLOTS = 40;
const PROGRESS_EVERY_MS = 100;

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
  readonly slots = new LoadSlots(PLACEHOLDER_SLOTS);

  constructor(private readonly ctx: WorkerContext) {}

  async restore(sessionId: string, req: RestoreRequest = {}): Promise<RestoreReport> {
    const { ctx } = this;
    const restoreId = req.restoreId ?? ctx.newId();
    const run: Underway = { controller: new AbortController(), done: 0, total: 0 };
    this.underway.set(restoreId, run);
    try {
      const { session, body } = await ctx.sessions.get(sessionId);
      const settings = await ctx.settings.load();
      const plan = planRestore(body.windows, await this.resolveMode(req.mode), {
        lazy: settings.lazyRestore,
        allowData: ctx.platform.allowsDataUrls,
        allowFile: await ctx.platform.allowsFileUrls(),
      });
      // Cookies before any tab loads, so the first request of each tab already carries them.
      const urls = plan.windows.flatMap((w) => w.tabs.flatMap((t) => (t.open.kind === 'newtab' ? [] : [t.open.url])));
      const cookies = await ctx.cookieJars.restoreFor(session, urls, !!req.overwriteCookies);
      const report = await executeRestore(ctx.platform, plan, {
        signal: run.controller.signal,
        slots: this.slots,
        onProgress: this.progress(restoreId, run),
      });
      return { ...report, cookies };
    } finally {
      this.underway.delete(restoreId);
      ctx.platform.runtime.broadcast({ tabulariumEvent: 'restore.ended', restoreId } satisfies RestoreEndedEvent);
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
