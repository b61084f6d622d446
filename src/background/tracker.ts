// Live tracking: browser events update an in-memory mirror (LiveState), and at most ~150 ms later
// the records they touched are written to IndexedDB in one strict transaction. The mirror is
// rebuilt from the browser at every worker start, and compared with what is stored, so nothing
// that happened while the worker slept is lost.
import type { RawGroup, RawTab, RawWindow } from '../core/capture.ts';
import { LiveState, snapshotFromRecords, type LiveChanges } from '../core/live-state.ts';
import type { WindowRecord } from '../core/model.ts';
import { makeCopy, isWorse, verifyCopy } from '../core/recovery.ts';
import { applyLiveChanges, readLiveState } from '../store/live-repo.ts';
import { getMeta, setMeta } from '../store/meta-repo.ts';
import type { Deps } from './deps.ts';

/** How long an event may wait before its records are written (the issue allows 0.5 s). */
export const FLUSH_DELAY_MS = 150;
/** How often the checksummed recovery copy is rewritten while things change. */
export const COPY_INTERVAL_MS = 15_000;

type TabWithIds = RawTab & { id: number; windowId: number };

/** What tracking has cost so far in this worker's life: the bench and diagnostics read it. */
export interface TrackerStats {
  events: number;
  /** Time spent in our own code for events and the writes they cause, excluding I/O waits. */
  cpuMs: number;
  flushes: number;
  recordsWritten: number;
  bytesWritten: number;
}

export interface TrackerHooks {
  /** A window is about to leave the mirror, with what it held. */
  windowClosed?(windows: WindowRecord[]): void;
}

export class Tracker {
  readonly state = new LiveState();
  private ready: Promise<void> | undefined;
  private queue: Promise<void> = Promise.resolve();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private flushing: Promise<void> = Promise.resolve();
  private lastCopyAt = 0;
  readonly stats: TrackerStats = { events: 0, cpuMs: 0, flushes: 0, recordsWritten: 0, bytesWritten: 0 };
  /** Windows whose tabs are closing with them: keep the tabs until the window goes. */
  private closingWindows = new Set<number>();

  constructor(
    private readonly deps: Deps,
    private readonly hooks: TrackerHooks = {},
  ) {}

  /** Starts (once) the rebuild from the browser; events wait for it. */
  start(beforeRebuild?: () => Promise<void>): Promise<void> {
    this.ready ??= (async () => {
      if (beforeRebuild) await beforeRebuild();
      await this.rebuild();
    })();
    return this.ready;
  }

  private async rebuild(): Promise<void> {
    const { platform } = this.deps;
    const [windows, groups, stored] = await Promise.all([
      platform.windows.getAll(),
      platform.tabGroups?.query() ?? Promise.resolve([] as RawGroup[]),
      this.deps.db().then(readLiveState),
    ]);
    this.state.reset(windows, groups);
    // Write only what differs from the stored records: a worker restart costs what changed.
    const storedByKey = new Map(stored.map((r) => [r.key, JSON.stringify(r.value)]));
    const changes = this.state.takeChanges();
    const put = changes.put.filter((r) => storedByKey.get(r.key) !== JSON.stringify(r.value));
    const live = new Set(this.state.keys());
    const del = [...storedByKey.keys()].filter((k) => !live.has(k));
    await applyLiveChanges(await this.deps.db(), { put, del });
  }

  /** Runs a mirror update after the rebuild, in event order, and schedules the write. */
  private apply(fn: (s: LiveState) => void): void {
    this.queue = this.queue
      .then(() => this.start())
      .then(() => {
        const t0 = performance.now();
        fn(this.state);
        if (this.state.hasChanges()) this.schedule();
        this.stats.events++;
        this.stats.cpuMs += performance.now() - t0;
      })
      .catch((e: unknown) => console.error('[tabularium] tracking failed', e));
  }

  private schedule(): void {
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      void this.flush();
    }, FLUSH_DELAY_MS);
  }

  /** Writes pending changes now; resolves when they are durable. */
  flush(): Promise<void> {
    this.flushing = this.flushing
      .then(async () => {
        await this.queue;
        if (!this.state.hasChanges()) return;
        const db = await this.deps.db();
        const t0 = performance.now();
        const changes = this.state.takeChanges();
        const pending = applyLiveChanges(db, changes);
        this.stats.cpuMs += performance.now() - t0;
        await pending;
        this.countWrite(changes);
        const now = this.deps.now();
        if (now - this.lastCopyAt >= COPY_INTERVAL_MS) {
          this.lastCopyAt = now;
          await this.writeRecoveryCopy();
        }
      })
      .catch((e: unknown) => console.error('[tabularium] live write failed', e));
    return this.flushing;
  }

  private countWrite(changes: LiveChanges): void {
    this.stats.flushes++;
    this.stats.recordsWritten += changes.put.length + changes.del.length;
    // Approximate bytes on disk: the records' JSON plus the deleted keys.
    for (const r of changes.put) this.stats.bytesWritten += r.key.length + JSON.stringify(r.value).length;
    for (const k of changes.del) this.stats.bytesWritten += k.length;
  }

  /**
   * The checksummed full copy beside the live records (Firefox keeps recovery + backup). A copy
   * that is worse than the current one is written without rotating the good one out of backup.
   */
  async writeRecoveryCopy(): Promise<void> {
    const db = await this.deps.db();
    const windows = this.snapshotNow();
    const cur = verifyCopy(await getMeta(db, 'copy:recovery'));
    const next = makeCopy(windows, this.deps.now());
    if (cur.ok && isWorse(windows, cur.copy.windows)) await setMeta(db, { 'copy:recovery': next });
    else await setMeta(db, { 'copy:recovery': next, ...(cur.ok ? { 'copy:backup': cur.copy } : {}) });
  }

  private snapshotNow(): WindowRecord[] {
    return this.state.snapshot(this.deps.platform.extensionBase);
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
    return snapshotFromRecords([w], tabs, groups, this.deps.platform.extensionBase);
  }

  /** The browser's URL of a tab (placeholder included), after every event received so far. */
  async tabUrl(tabId: number): Promise<string | undefined> {
    await this.start();
    await this.queue;
    const t = this.state.tabs.get(tabId);
    return t ? t.url || t.pendingUrl : undefined;
  }

  // Event entry points (wired in index.ts).
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
  tabRemoved(tabId: number, windowId: number, isWindowClosing: boolean) {
    if (isWindowClosing) {
      this.closingWindows.add(windowId);
      return;
    }
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
      if (w && this.hooks.windowClosed) {
        const tabs = [...s.tabs.values()].filter((t) => t.windowId === id);
        const groups = [...s.groups.values()].filter((g) => g.windowId === id);
        const windows = snapshotFromRecords([w], tabs, groups, this.deps.platform.extensionBase);
        if (windows.length) this.hooks.windowClosed(windows);
      }
      this.closingWindows.delete(id);
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
