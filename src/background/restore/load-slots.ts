// How many placeholder pages may be loading at once. Every placeholder is a page in the
// extension's one renderer process; measured here (Chromium 156, 2 cores) each costs ~60 ms of
// that renderer's time and ~3 MiB while it loads, and the renderer gets through ~10 a second
// however many are queued. So a restore asks for a placeholder tab only when a slot is free, and
// a slot frees when that tab's page has loaded (or after a while, should that never be seen).
//
// Why 40 (`npm run bench`, 200 and 500 tabs): with 200 slots, 200 tabs all existed after ~5 s but
// most were untitled until ~30 s, the renderer kept 338 MiB afterwards, a popup opened meanwhile
// did not load within 30 s, and 500 tabs left 299 untitled after 2 minutes. With 40, tabs appear
// with their titles as they come, 200 are all there and titled in ~15–18 s, 500 in ~53–56 s, the
// renderer keeps ~77 MiB, and the popup opens (with the progress and Cancel) during the restore.

export class LoadSlots {
  private free: number;
  private readonly waiting: (() => void)[] = [];
  private readonly held = new Map<number, ReturnType<typeof setTimeout>>();
  /** Loads seen before the restore learnt the tab's id (creation and load can race). */
  private readonly early = new Set<number>();

  constructor(
    readonly size: number,
    private readonly timeoutMs = 30_000,
  ) {
    this.free = size;
  }

  /**
   * Resolves true when a placeholder may be asked for, or false once `signal` aborts first: a
   * cancelled restore must not wait for other tabs' pages to load before it can stop.
   */
  acquire(signal?: AbortSignal): Promise<boolean> {
    if (signal?.aborted) return Promise.resolve(false);
    if (this.free > 0) {
      this.free--;
      return Promise.resolve(true);
    }
    return new Promise((resolve) => {
      const granted = () => {
        signal?.removeEventListener('abort', aborted);
        resolve(true);
      };
      const aborted = () => {
        const i = this.waiting.indexOf(granted);
        if (i >= 0) this.waiting.splice(i, 1);
        resolve(false);
      };
      signal?.addEventListener('abort', aborted, { once: true });
      this.waiting.push(granted);
    });
  }

  /** The slot taken by acquire() now belongs to this tab, until its page has loaded. */
  assign(tabId: number): void {
    if (this.early.delete(tabId)) return this.release();
    this.held.set(
      tabId,
      setTimeout(() => this.loaded(tabId), this.timeoutMs),
    );
  }

  /** The tab could not be created: its slot goes back. */
  cancel(): void {
    this.release();
  }

  /** A placeholder page finished loading in this tab. */
  loaded(tabId: number): void {
    const timer = this.held.get(tabId);
    if (timer === undefined) {
      // Bounded: loads of placeholders no restore is waiting for (a discarded tab shown again).
      if (this.early.size > 1000) this.early.clear();
      this.early.add(tabId);
      return;
    }
    clearTimeout(timer);
    this.held.delete(tabId);
    this.release();
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.free++;
  }
}
