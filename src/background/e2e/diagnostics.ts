// The e2e build's probes (TABULARIUM_E2E=1; the store build leaves this module out): what live
// tracking costs, each handler's last duration, the recovery copies' sizes, a cookie capture on
// demand, live writes that fail on demand, and a moment answered again (the round trip's floor),
// for the bench and the end-to-end tests. Installed by index.ts behind __TABULARIUM_E2E__.
import { countTabs, type WindowRecord } from '../../core/model.ts';
import { verifyCopy } from '../../core/recovery-rules.ts';
import type { WriteFailureReason } from '../../shared/messages/health-messages.ts';
import type { E2EHandlers } from '../../shared/protocol.ts';
import type { TrackerStatsView } from '../../shared/messages/diagnostics-messages.ts';
import { StoreError } from '../../store/errors.ts';
import type { WorkerContext } from '../context.ts';

export function diagnostics(ctx: WorkerContext) {
  const stats = { events: 0, cpuMs: 0, journalMs: 0, flushes: 0, recordsWritten: 0, bytesWritten: 0 };
  const handlerMs: Record<string, number> = {};
  ctx.tracker.probe = {
    event(ms) {
      stats.events++;
      stats.cpuMs += ms;
    },
    flushed(changes, ms) {
      stats.cpuMs += ms;
      stats.flushes++;
      stats.recordsWritten += changes.put.length + changes.del.length;
      // Approximate bytes on disk: the records' JSON plus the deleted keys.
      for (const r of changes.put) stats.bytesWritten += r.key.length + JSON.stringify(r.value).length;
      for (const k of changes.del) stats.bytesWritten += k.length;
    },
    journaled(ms) {
      stats.journalMs += ms;
    },
  };
  const faults = failingWrites(ctx);
  // A moment's store read, timed apart from its replay and decoding (the bench reports both).
  const slice = ctx.store.journal.slice;
  ctx.store.journal.slice = async (...a) => {
    const t0 = performance.now();
    const out = await slice(...a);
    handlerMs['journal.slice'] = performance.now() - t0;
    return out;
  };
  const madeMoment = { at: NaN, windows: [] as WindowRecord[] };
  const handlers: E2EHandlers = {
    async 'diagnostics.tracker'(): Promise<TrackerStatsView> {
      await ctx.tracker.start();
      return { ...stats, tabs: ctx.tracker.tabCount(), handlerMs: { ...handlerMs } };
    },
    async 'diagnostics.recoveryCopies'() {
      const out: Awaited<ReturnType<E2EHandlers['diagnostics.recoveryCopies']>> = {};
      for (const name of ['recovery', 'backup', 'previous'] as const) {
        const v = verifyCopy(await ctx.store.meta.get(`copy:${name}`));
        if (v.ok) out[name] = { tabs: countTabs(v.copy.windows).tabs, savedAt: v.copy.savedAt };
      }
      return out;
    },
    'diagnostics.captureCookies': ({ rewrite }) => ctx.keeper.flush({ rewrite: !!rewrite, catchUp: true }),
    async 'diagnostics.failWrites'({ rate, reason }) {
      faults.rate = Math.min(1, Math.max(0, rate));
      faults.reason = reason ?? 'quota';
      return { attempted: faults.attempted, failed: faults.failed };
    },
    async 'diagnostics.momentAgain'({ at }) {
      if (madeMoment.at !== at) Object.assign(madeMoment, { at, windows: await ctx.journal.windowsAt(at) });
      return { windows: madeMoment.windows };
    },
  };
  return {
    handlers: handlers as unknown as Record<string, (req: unknown) => Promise<unknown>>,
    onTiming: (type: string, ms: number) => void (handlerMs[type] = ms),
  };
}

/**
 * Wraps the store's live writes (the tracker's and the cookie keeper's) so that a share of them
 * fails, at random, with the StoreError the store gives for a full disk or a failing database.
 */
function failingWrites(ctx: WorkerContext) {
  const faults = { rate: 0, reason: 'quota' as WriteFailureReason, attempted: 0, failed: 0 };
  const fail = () => {
    faults.attempted++;
    if (faults.rate === 0 || Math.random() >= faults.rate) return;
    faults.failed++;
    throw faults.reason === 'quota'
      ? new StoreError('quota', { key: 'errQuota' })
      : new StoreError('unavailable', { key: 'errDatabase', substitutions: ['UnknownError'] });
  };
  const { live, liveCookies } = ctx.store;
  const applyLive = live.apply;
  const applyCookies = liveCookies.apply;
  live.apply = async (...a) => {
    fail();
    return applyLive(...a);
  };
  liveCookies.apply = async (...a) => {
    fail();
    return applyCookies(...a);
  };
  return faults;
}
