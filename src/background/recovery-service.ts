// Crash recovery. A fresh browser run is told from a worker restart by a marker in
// storage.session (gone when the browser restarts; runtime.onStartup is not reliable after a
// kill). On a fresh run the previous run's last state becomes a `recovered` session, in the same
// transaction that clears the old live records, so a state is recovered exactly once. The
// banner's Recover, and auto-recover, restore it through the restore registry like any restore.
import { countTabs, type Session, type WindowRecord } from '../core/model.ts';
import { parseLiveRecords, snapshotFromRecords } from '../core/live-state.ts';
import {
  alreadyOpen,
  chooseRecoverySource,
  decideRecovery,
  makeCopy,
  verifyCopy,
  type Candidate,
} from '../core/recovery-rules.ts';
import { defaultSessionName } from '../core/session-name.ts';
import { UserError } from '../core/user-error.ts';
import type { RecoverWhich, RestoreReport } from '../shared/protocol.ts';
import type { PendingRecovery, PreviousRun, UnreadableState } from '../store/store.ts';
import type { WorkerContext } from './context.ts';

const RUN_MARKER = 'tabularium.run';
/** A run that lives this long was not a crash loop. */
export const STABLE_ALARM = 'stable-run';
const STABLE_MINUTES = 5;
/** Give the browser's own session restore a moment before deciding the tabs are not back. */
export const RECOVERY_SETTLE_MS = 2500;

export interface RunStart {
  fresh: boolean;
  recovered?: Session;
  streak: number;
}

function candidatesOf(prev: PreviousRun, extensionBase: string): Candidate[] {
  const parsed = parseLiveRecords(prev.records);
  const live = snapshotFromRecords(parsed.windows, parsed.tabs, parsed.groups, extensionBase);
  const copy = (name: Candidate['name'], value: unknown): Candidate => {
    const v = verifyCopy(value);
    return v.ok ? { name, windows: v.copy.windows, savedAt: v.copy.savedAt } : { name, windows: undefined };
  };
  return [
    { name: 'live', windows: live },
    copy('recovery', prev.copies['copy:recovery']),
    copy('backup', prev.copies['copy:backup']),
    copy('previous', prev.copies['copy:previous']),
  ];
}

export class RecoveryService {
  constructor(private readonly ctx: WorkerContext) {}

  /**
   * Called before the tracker rebuilds its mirror. On a fresh run, turns the previous run's last
   * state into a recovered session. If nothing is readable, the raw records are kept for export.
   */
  async beginRun(): Promise<RunStart> {
    const { platform, store, now: clock } = this.ctx;
    const marker = await platform.sessionArea.get<string>(RUN_MARKER);
    const streak = (await store.meta.get<number>('crash:streak')) ?? 0;
    if (marker) return { fresh: false, streak };
    const now = clock();
    const prev = await store.recovery.readPreviousRun();
    const candidates = candidatesOf(prev, platform.extensionBase);
    const chosen = chooseRecoverySource(candidates);
    let recovered: Session | undefined;
    // The previous run ended with windows open: it did not close cleanly (a crash, a kill, a power cut).
    const unclean = (candidates[0]?.windows?.length ?? 0) > 0;
    const nextStreak = unclean ? streak + 1 : 0;
    // The previous run's copy was recovered in its own run: only a newer state is recovered now.
    if (chosen && chosen.main.name !== 'previous') {
      const { main, earlier } = chosen;
      recovered = await this.recoveredSession('Previous session', main, now);
      const also = earlier && (await this.recoveredSession('Previous session, earlier copy', earlier, now));
      const pending: PendingRecovery = {
        sessionId: recovered.id,
        windows: recovered.counts.windows,
        tabs: recovered.counts.tabs,
        at: now,
        ...(also ? { earlier: { sessionId: also.id, ...also.counts, at: earlier.savedAt ?? now } } : {}),
      };
      await store.recovery.storeRecovered({
        session: recovered,
        windows: main.windows,
        ...(also ? { earlier: { session: also, windows: earlier.windows } } : {}),
        previous: makeCopy(main.windows, now),
        pending,
        streak: nextStreak,
      });
    } else {
      if (!chosen && prev.records.length > 0) {
        const unreadable: UnreadableState = { at: now, records: prev.records, copies: prev.copies };
        await store.meta.set({ 'recovery:unreadable': unreadable });
      }
      await store.meta.set({ 'crash:streak': nextStreak });
      // Nothing to recover them with: the new run's cookies are caught up from the browser.
      await store.liveCookies.clear().catch(() => undefined);
    }
    await platform.sessionArea.set(RUN_MARKER, `${now}`);
    return { fresh: true, ...(recovered ? { recovered } : {}), streak: nextStreak };
  }

  /** A `recovered` session of one candidate state, with the previous run's cookies as its jar. */
  private async recoveredSession(
    label: string,
    c: Candidate & { windows: WindowRecord[] },
    now: number,
  ): Promise<Session> {
    const session: Session = {
      id: this.ctx.newId(),
      name: `${label} · ${defaultSessionName(c.windows)}`,
      kind: 'recovered',
      createdAt: now,
      updatedAt: now,
      tags: [],
      counts: countTabs(c.windows),
    };
    // The logins of the previous run go with its tabs: its live cookies become the session's jar.
    const cookieJarId = await this.jarFromLiveCookies(now);
    if (cookieJarId) session.cookieJarId = cookieJarId;
    return session;
  }

  /** The tabs matter more than the cookies: a jar that cannot be made does not stop recovery. */
  private async jarFromLiveCookies(now: number): Promise<string | undefined> {
    const id = this.ctx.newId();
    try {
      return (await this.ctx.store.recovery.liveCookiesToJar(id, now)) ? id : undefined;
    } catch (e) {
      console.error('[tabularium] the previous run’s cookies could not be kept', e);
      return undefined;
    }
  }

  /** After the run start: the stable-run alarm, trash purge, and the banner or auto-recover. */
  async afterStart(run: RunStart): Promise<void> {
    const { platform, store } = this.ctx;
    if (!run.fresh) {
      await this.showBadge();
      return;
    }
    await platform.alarms.ensure(STABLE_ALARM, STABLE_MINUTES);
    void store.sessions.purgeTrash(TRASH_MAX_AGE_MS, this.ctx.now()).catch(() => undefined);
    if (run.recovered) setTimeout(() => void this.afterFreshRun(run), RECOVERY_SETTLE_MS);
  }

  private async afterFreshRun(run: RunStart): Promise<void> {
    try {
      const settings = await this.ctx.settings.load();
      const pending = await this.pending();
      const action = decideRecovery({ autoRestore: settings.autoRecover, streak: run.streak, needed: !!pending });
      if (action === 'auto-restore' && pending) await this.recover();
      else await this.ctx.badge.showPending(pending);
    } catch (e) {
      console.error('[tabularium] recovery check failed', e);
    }
  }

  /**
   * The banner's question: is there something to recover that is not open already? Asked after
   * the run start (the tracker's start waits for it): a popup opened while a fresh run is still
   * recovering the previous one must see that recovery, not the one before.
   */
  async pending(): Promise<PendingRecovery | undefined> {
    const open = await this.ctx.tracker.openUrls();
    const pending = await this.ctx.store.meta.get<PendingRecovery>('recovery:pending');
    if (!pending) return undefined;
    const body = await this.ctx.store.sessions.body(pending.sessionId);
    if (!body || alreadyOpen(body.windows, open)) return undefined;
    return pending;
  }

  async showBadge(): Promise<PendingRecovery | undefined> {
    const pending = await this.pending();
    await this.ctx.badge.showPending(pending);
    return pending;
  }

  unreadable(): Promise<UnreadableState | undefined> {
    return this.ctx.store.meta.get<UnreadableState>('recovery:unreadable');
  }

  async exportUnreadable(): Promise<string> {
    const unreadable = await this.unreadable();
    if (!unreadable) throw new UserError('not-found', { key: 'errNoUnreadable' });
    return JSON.stringify({ format: 'tabularium-unreadable-state', ...unreadable }, null, 1);
  }

  async forgetUnreadable(): Promise<void> {
    await this.ctx.store.meta.set({ 'recovery:unreadable': undefined });
  }

  /**
   * Brings the recovered session back, once — the state open at the end, or (`which: 'earlier'`)
   * the fuller older copy offered beside it instead; `restoreId` lets the asking page show its
   * progress.
   */
  async recover(restoreId?: string, which: RecoverWhich = 'latest'): Promise<RestoreReport | undefined> {
    const pending = await this.pending();
    if (!pending) return undefined;
    const sessionId = which === 'earlier' && pending.earlier ? pending.earlier.sessionId : pending.sessionId;
    // Cleared first: a second click while the first restore runs must not open everything twice.
    await this.dismiss();
    return this.ctx.restores.restore(sessionId, restoreId ? { restoreId } : {});
  }

  async dismiss(): Promise<void> {
    await this.ctx.store.meta.set({ 'recovery:pending': undefined });
    await this.ctx.badge.showPending(undefined);
  }

  /** The run lived long enough: the next unclean end is a first crash again. */
  async stableRun(): Promise<void> {
    await this.ctx.store.meta.set({ 'crash:streak': 0 });
  }
}

const TRASH_MAX_AGE_MS = 7 * 24 * 3600_000;
