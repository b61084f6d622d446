// How many placeholder pages may be loading at once. Every placeholder is a page in the
// extension's one renderer process; measured here (Chromium 156, 2 cores) each costs ~60 ms of
// that renderer's time and ~3 MiB while it loads. 200 at once finish in ~20 s with a peak near
// 600 MiB; 500 at once took the renderer to 1.5 GB and left it unresponsive for minutes (the
// popup could not open). So a restore asks for a placeholder tab only when a slot is free, and a
// slot frees when that tab's page has loaded (or after a while, should that never be seen).

export class LoadSlots {
  private free: number;
  private readonly waiting: (() => void)[] = [];
  private readonly held = new Map<number, ReturnType<typeof setTimeout>>();
  /** Loads seen before the restore learnt the tab's id (creation and load can race). */
  private readonly early = new Set<number>();

  constructor(readonly size: number, private readonly timeoutMs = 30_000) {
    this.free = size;
  }

  /** Resolves when a placeholder may be asked for. */
  acquire(): Promise<void> {
    if (this.free > 0) {
      this.free--;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  /** The slot taken by acquire() now belongs to this tab, until its page has loaded. */
  assign(tabId: number): void {
    if (this.early.delete(tabId)) return this.release();
    this.held.set(tabId, setTimeout(() => this.loaded(tabId), this.timeoutMs));
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

/** The worker's one set of slots, shared by every restore under way. */
export const placeholderSlots = new LoadSlots(200);
