// Periodic autosaves and window-closed snapshots, with retention and the never-worse guard.
import { countTabs, type Session, type WindowRecord } from '../core/model.ts';
import { checksum, isWorseCount } from '../core/recovery-rules.ts';
import { sessionsToPrune } from '../core/retention.ts';
import type { LastReplace } from '../shared/messages/sessions-messages.ts';
import type { WorkerContext } from './context.ts';
import { LAST_REPLACE_KEY } from './restore/restore-service.ts';

interface LastAutosave {
  checksum: string;
  tabs: number;
  /** A worse snapshot was skipped once; if the next is still worse, the drop was real. */
  skippedWorse?: boolean;
}

export type AutosaveOutcome = 'saved' | 'unchanged' | 'empty' | 'guarded';

export class AutosaveService {
  constructor(private readonly ctx: WorkerContext) {}

  /** The alarm's tick: a snapshot when the state changed, unless it looks like a shutdown. */
  async run(): Promise<{ outcome: AutosaveOutcome; session?: Session }> {
    const { store, tracker, sessions } = this.ctx;
    const windows = await tracker.storableSnapshot();
    const tabs = countTabs(windows).tabs;
    if (tabs === 0) return { outcome: 'empty' };
    const last = await store.meta.get<LastAutosave>('autosave:last');
    const sum = checksum(JSON.stringify(windows));
    if (last?.checksum === sum) return { outcome: 'unchanged' };
    if (last && isWorseCount(tabs, last.tabs) && !last.skippedWorse) {
      await store.meta.set({ 'autosave:last': { ...last, skippedWorse: true } });
      return { outcome: 'guarded' };
    }
    const session = await sessions.store(windows, 'autosave');
    await store.meta.set({ 'autosave:last': { checksum: sum, tabs } satisfies LastAutosave });
    await this.prune();
    return { outcome: 'saved', session };
  }

  /** A window closed: what it held becomes a `window-closed` snapshot. */
  windowClosed(windows: WindowRecord[]): void {
    void this.saveClosedWindow(windows).catch((e: unknown) =>
      console.error('[tabularium] window-closed snapshot failed', e),
    );
  }

  async saveClosedWindow(windows: WindowRecord[]): Promise<Session | undefined> {
    if (countTabs(windows).tabs === 0) return undefined;
    const session = await this.ctx.sessions.store(windows, 'window-closed');
    await this.prune();
    return session;
  }

  /**
   * Keeps the newest N of each automatic kind; saved and imported sessions are never pruned, nor
   * the snapshot that undoes the last Replace (the windows Replace closes each become a newer
   * window-closed snapshot right after it, and would push it out).
   */
  private async prune(): Promise<void> {
    const { store, settings } = this.ctx;
    const keep = (await settings.load()).retention;
    const undo = (await store.meta.get<LastReplace>(LAST_REPLACE_KEY))?.snapshotId;
    const candidates = (await store.sessions.list()).filter((s) => s.id !== undo);
    for (const id of sessionsToPrune(candidates, keep)) await store.sessions.remove(id);
  }
}
