// Live tracking: browser events update an in-memory mirror (LiveState), and at most ~150 ms later
// the records they touched are written to IndexedDB in one strict transaction. The mirror is
// rebuilt from the browser at every worker start, and compared with what is stored, so nothing
// that happened while the worker slept is lost. A write that fails keeps its changes (merged
// under newer ones, core/pending-writes.ts) and is retried with a backoff, and so is a start.
import type { RawGroup, RawWindow } from '../core/capture.ts';
import {
  LiveState,
  snapshotFromRecords,
  withoutPrivate,
  type LiveChanges,
  type LiveRecord,
} from '../core/live-state.ts';
import type { WindowRecord } from '../core/model.ts';
import { isEmpty, mergeChanges, noChanges, retryDelay } from '../core/pending-writes.ts';
import { makeCopy, isWorse, verifyCopy } from '../core/recovery-rules.ts';
import type { TabWithIds } from '../platform/events.ts';
import type { WorkerContext } from './context.ts';
import { isStorageFailure } from './write-health.ts';

/** How long an event may wait before its records are written (the issue allows 0.5 s). */
export const FLUSH_DELAY_MS = 150;
/** How often the checksummed recovery copy is rewritten while things change. */
export const COPY_INTERVAL_MS = 15_000;

const keyOf = (r: LiveChanges['put'][number]) => r.key;

/** e2e builds only (src/background/e2e/): hears what tracking costs, for the bench. */
export interface TrackerProbe {
  /** Our own time for one event, in ms. */
  event(cpuMs: number): void;
  /** One write: its records, and our own time to hand them to IndexedDB. */
  flushed(changes: LiveChanges, cpuMs: number): void;
  /** The journal's share of one write's time: its entry (or checkpoint) made, then kept. */
  journaled(cpuMs: number): void;
}

export class Tracker {
  private readonly state = new LiveState();
  private ready: Promise<void> | undefined;
  /** The run start (crash recovery) until it has run: a start that failed runs it again first. */
  private runStart: (() => Promise<void>) | undefined;
  private markStarted!: () => void;
  /** Resolves at the first start that works, whoever asked for it (the worker, an event, a retry). */
  readonly started = new Promise<void>((resolve) => (this.markStarted = resolve));
  private queue: Promise<void> = Promise.resolve();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private flushing: Promise<void> = Promise.resolve();
  /** Changes taken for a write that failed: written with the next ones, which win over them. */
  private unwritten: LiveChanges = noChanges();
  /** Failed writes (or starts) in a row, for the backoff of the next try. */
  private failures = 0;
  private lastCopyAt = 0;
  /** The recovery copy being written: beside the live writes, never in their way. */
  private copying: Promise<void> = Promise.resolve();
  /** Private windows are written to disk too (the setting; off by default: memory only). */
  private keepPrivate = false;
  probe: TrackerProbe | undefined;

  constructor(private readonly ctx: WorkerContext) {}

  /**
   * Starts the rebuild from the browser (once; again after a failure, at the next call or by
   * itself after a backoff); events wait for it. `runStart` is the run start (crash recovery reads
   * the previous run first); it is kept until it has run, so a retried start runs it too.
   */
  start(runStart?: () => Promise<void>): Promise<void> {
    if (runStart && !this.ready) this.runStart = runStart;
    this.ready ??= this.startNow().then(
      () => this.markStarted(),
      (e: unknown) => {
        this.ready = undefined;
        this.failed(e);
        throw e;
      },
    );
    return this.ready;
  }

  private async startNow(): Promise<void> {
    const runStart = this.runStart;
    if (runStart) {
      try {
        await runStart();
      } catch (e) {
        // The database failing: the rebuild must not write over a previous run not yet recovered,
        // so the whole start waits for the next try.
        if (isStorageFailure(e)) throw e;
        // Anything else will fail the same way next time: recovery is lost for this run, tracking is not.
        console.error('[tabularium] crash recovery failed; tracking goes on', e);
      }
      this.runStart = undefined;
    }
    await this.rebuild();
  }

  private async rebuild(): Promise<void> {
    const { platform, store } = this.ctx;
    const [windows, groups, stored] = await Promise.all([
      platform.windows.getAll(),
      platform.tabGroups?.query() ?? Promise.resolve([] as RawGroup[]),
      store.live.read(),
      this.ctx.journal.load(),
    ]);
    this.state.reset(windows, groups);
    // Write only what differs from the stored records: a worker restart costs what changed. What an
    // earlier failed write held is either stored or in this difference, so it replaces the queue.
    const storedByKey = new Map(stored.map((r) => [r.key, JSON.stringify(r.value)]));
    const changes = this.state.takeChanges();
    const put = changes.put.filter((r) => storedByKey.get(r.key) !== JSON.stringify(r.value));
    const live = new Set(this.state.keys().filter((k) => this.keepPrivate || !this.isPrivateKey(k)));
    const del = [...storedByKey.keys()].filter((k) => !live.has(k));
    this.unwritten = this.forDisk({ put, del });
    // A failed write does not fail the start: the mirror is right, and the write is retried.
    await this.writePending(false);
  }

  /** Runs a mirror update after the rebuild, in event order, and schedules the write. */
  private apply(fn: (s: LiveState) => void): void {
    this.queue = this.queue
      .then(() => this.start())
      .then(() => {
        const t0 = __TABULARIUM_E2E__ ? performance.now() : 0;
        fn(this.state);
        if (this.state.hasChanges()) this.schedule();
        if (__TABULARIUM_E2E__) this.probe?.event(performance.now() - t0);
      })
      .catch((e: unknown) => console.error('[tabularium] tracking failed', e));
  }

  private schedule(): void {
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      void this.flush();
    }, FLUSH_DELAY_MS);
  }

  /** Writes pending changes now; resolves when they are durable, or kept for a retry. */
  flush(): Promise<void> {
    this.flushing = this.flushing
      .then(async () => {
        await this.start();
        await this.queue;
        if (this.state.hasChanges()) {
          this.unwritten = mergeChanges(this.unwritten, this.forDisk(this.state.takeChanges()), keyOf);
        }
        await this.writePending(true);
      })
      .catch((e: unknown) => console.error('[tabularium] live write failed', e));
    return this.flushing.then(() => this.copying);
  }

  /**
   * Writes the queued changes (and, every COPY_INTERVAL_MS, the recovery copy). A failure keeps
   * them queued, tells the person, and tries again after a backoff (or at the next event).
   */
  private async writePending(withCopy: boolean): Promise<void> {
    const { journal } = this.ctx;
    if (isEmpty(this.unwritten) && this.failures === 0 && !journal.wantsWrite()) return;
    this.clearRetry();
    const changes = this.unwritten;
    try {
      const t0 = __TABULARIUM_E2E__ ? performance.now() : 0;
      // The journal's entry for these changes rides in the same transaction (time travel).
      const journaled = journal.prepare({
        changes,
        full: () => this.allRecords(),
        isPrivateWindow: (id) => this.state.isPrivateWindow(id),
      });
      let journalMs = __TABULARIUM_E2E__ ? performance.now() - t0 : 0;
      const pending =
        isEmpty(changes) && !journaled ? Promise.resolve() : this.ctx.store.live.apply(changes, journaled?.records);
      const cpuMs = __TABULARIUM_E2E__ ? performance.now() - t0 : 0;
      await pending;
      const t1 = __TABULARIUM_E2E__ ? performance.now() : 0;
      journal.committed(journaled);
      if (__TABULARIUM_E2E__) {
        journalMs += performance.now() - t1;
        this.probe?.journaled(journalMs);
      }
      // Only flush() and rebuild() take changes, one at a time: nothing was queued meanwhile.
      this.unwritten = noChanges();
      if (__TABULARIUM_E2E__ && !isEmpty(changes)) this.probe?.flushed(changes, cpuMs);
      const now = this.ctx.now();
      if (withCopy && now - this.lastCopyAt >= COPY_INTERVAL_MS) {
        this.lastCopyAt = now;
        // Its own transactions on `meta` (a read, then a durable write): the next live write,
        // on other stores, does not wait for them, so a burst of tabs stays ~0.2 s behind.
        this.copying = this.copying.then(() =>
          this.writeRecoveryCopy().catch((e: unknown) => {
            console.error('[tabularium] recovery copy failed; it will be tried again', e);
            this.lastCopyAt = 0;
            this.failed(e);
          }),
        );
      }
    } catch (e) {
      console.error('[tabularium] live write failed; it will be tried again', e);
      this.failed(e);
      return;
    }
    if (this.failures > 0) {
      this.failures = 0;
      this.ctx.health.succeeded('live');
    }
  }

  /** A write or a start failed: the person is told, and it is tried again after a backoff. */
  private failed(e: unknown): void {
    this.failures++;
    this.ctx.health.failed('live', e);
    this.clearRetry();
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      void this.flush();
    }, retryDelay(this.failures));
  }

  private clearRetry(): void {
    if (this.retryTimer !== undefined) clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
  }

  /**
   * The checksummed full copy beside the live records; the one before it becomes the backup
   * (Firefox keeps recovery + backup) unless the backup is the fuller of the two.
   */
  async writeRecoveryCopy(): Promise<void> {
    const { meta } = this.ctx.store;
    const windows = this.forStorage(this.snapshotNow());
    const [cur, bak] = (await Promise.all([meta.get('copy:recovery'), meta.get('copy:backup')])).map(verifyCopy);
    const next = makeCopy(windows, this.ctx.now());
    // The backup keeps the fuller of the last two copies: a state that shrank just before a crash
    // never pushes the good one out (recovery offers it beside the last state).
    const keepBackup = cur?.ok && bak?.ok && isWorse(cur.copy.windows, bak.copy.windows);
    const backup = cur?.ok && !keepBackup ? { 'copy:backup': cur.copy } : {};
    await meta.set({ 'copy:recovery': next, ...backup });
  }

  private snapshotNow(): WindowRecord[] {
    return this.state.snapshot(this.ctx.platform.extensionBase);
  }

  /** Every record the mirror holds (the journal takes the whole state at a worker start). */
  private allRecords(): LiveRecord[] {
    const s = this.state;
    return [
      ...[...s.windows.values()].map((value) => ({ key: `w:${value.id}`, value }) as LiveRecord),
      ...[...s.tabs.values()].map((value) => ({ key: `t:${value.id}`, value }) as LiveRecord),
      ...[...s.groups.values()].map((value) => ({ key: `g:${value.id}`, value }) as LiveRecord),
    ];
  }

  /** Follows the setting: private windows in memory only, or on disk like the others. */
  keepPrivateWindows(keep: boolean): void {
    if (keep === this.keepPrivate) return;
    this.keepPrivate = keep;
    this.apply((s) => {
      const privateKeys = s.keys().filter((k) => this.isPrivateKey(k));
      // On: the private windows' records are written. Off: the ones written before are deleted.
      if (keep) s.markDirty(privateKeys);
      else this.unwritten = mergeChanges(this.unwritten, { put: [], del: privateKeys }, keyOf);
      this.schedule();
    });
  }

  /** The changes that may reach the disk. */
  private forDisk(changes: LiveChanges): LiveChanges {
    return this.keepPrivate ? changes : withoutPrivate(changes, (id) => this.state.isPrivateWindow(id));
  }

  private isPrivateKey(key: string): boolean {
    const [kind, idStr] = key.split(':') as [string, string];
    const id = Number(idStr);
    const windowId =
      kind === 'w' ? id : kind === 't' ? this.state.tabs.get(id)?.windowId : this.state.groups.get(id)?.windowId;
    return windowId !== undefined && this.state.isPrivateWindow(windowId);
  }

  /** Drops private windows unless the setting keeps them: what saves, autosaves and copies see. */
  private forStorage(windows: WindowRecord[]): WindowRecord[] {
    return this.keepPrivate ? windows : windows.filter((w) => !w.incognito);
  }

  /**
   * The windows as they may be stored (saves, autosaves, cookie keeping): private windows only
   * when the setting keeps them.
   */
  async storableSnapshot(windowId?: number): Promise<WindowRecord[]> {
    return this.forStorage(await this.snapshot(windowId));
  }

  /** The current windows, after every event received so far. */
  async snapshot(windowId?: number): Promise<WindowRecord[]> {
    await this.start();
    await this.queue;
    if (windowId === undefined) return this.snapshotNow();
    const w = this.state.windows.get(windowId);
    if (!w) return [];
    const tabs = [...this.state.tabs.values()].filter((t) => t.windowId === windowId);
    const groups = [...this.state.groups.values()].filter((g) => g.windowId === windowId);
    return snapshotFromRecords([w], tabs, groups, this.ctx.platform.extensionBase);
  }

  /** The ids of the open windows, after every event received so far. */
  async openWindowIds(): Promise<number[]> {
    await this.start();
    await this.queue;
    return [...this.state.windows.keys()];
  }

  /** The addresses open now (a recovered session whose tabs are back is not offered again). */
  async openUrls(): Promise<Set<string>> {
    const windows = await this.snapshot();
    return new Set(windows.flatMap((w) => w.tabs.map((t) => t.url)));
  }

  /** How many tabs are open (e2e diagnostics). */
  tabCount(): number {
    return this.state.tabCount();
  }

  /** The browser's URL of a tab (placeholder included), after every event received so far. */
  async tabUrl(tabId: number): Promise<string | undefined> {
    await this.start();
    await this.queue;
    const t = this.state.tabs.get(tabId);
    return t ? t.url || t.pendingUrl : undefined;
  }

  // Event entry points (wired in wiring.ts).
  tabCreated(t: TabWithIds) {
    this.apply((s) => s.tabCreated(t));
  }
  tabUpdated(t: TabWithIds) {
    this.apply((s) => s.tabUpdated(t));
  }
  tabActivated(tabId: number, windowId: number) {
    this.apply((s) => s.activeChanged(windowId, tabId));
  }
  tabMoved(tabId: number, windowId: number, toIndex: number) {
    this.apply((s) => s.tabMoved(tabId, windowId, toIndex));
  }
  tabAttached(tabId: number, windowId: number, position: number) {
    this.apply((s) => s.tabAttached(tabId, windowId, position));
  }
  tabReplaced(added: number, removed: number) {
    this.apply((s) => s.tabReplaced(added, removed));
  }
  tabRemoved(tabId: number, _windowId: number, isWindowClosing: boolean) {
    // Tabs closing with their window stay until the window goes: its closed-window snapshot keeps them.
    if (isWindowClosing) return;
    this.apply((s) => s.tabRemoved(tabId));
  }
  windowCreated(w: RawWindow & { id: number }) {
    this.apply((s) => s.windowCreated(w));
  }
  windowFocused(id: number) {
    this.apply((s) => s.windowFocused(id));
  }
  windowBounds(w: RawWindow & { id: number }) {
    this.apply((s) =>
      s.windowChanged(w.id, {
        ...(w.state ? { state: w.state } : {}),
        ...(w.left !== undefined ? { left: w.left, top: w.top!, width: w.width!, height: w.height! } : {}),
      }),
    );
  }
  windowRemoved(id: number) {
    this.apply((s) => {
      const w = s.windows.get(id);
      if (w) {
        const tabs = [...s.tabs.values()].filter((t) => t.windowId === id);
        const groups = [...s.groups.values()].filter((g) => g.windowId === id);
        const windows = this.forStorage(snapshotFromRecords([w], tabs, groups, this.ctx.platform.extensionBase));
        if (windows.length) this.ctx.autosave.windowClosed(windows);
      }
      s.windowRemoved(id);
    });
  }
  groupChanged(g: RawGroup) {
    this.apply((s) => s.groupChanged(g));
  }
  groupRemoved(id: number) {
    this.apply((s) => s.groupRemoved(id));
  }
}
