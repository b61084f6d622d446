// How many placeholder pages may be loading at once. Every placeholder is a page in the
// extension's one renderer process, which loads them one after the other: a tab shows the
// extension's address as its title until its placeholder has run, so the more placeholders are
// asked for at once, the longer each one goes untitled. Measured here (Chromium 156, 2 cores,
// `npm run bench -- --only-lazy`, titles read from the browser process): 200 asked for at once
// (as Tab Session Manager does) were all titled only after ~15 s, most of them untitled for
// seconds; one at a time, each was titled within ~0.2–0.6 s.
//
// So a restore asks for a placeholder tab only when a slot is free, and a slot frees when that
// tab's page has loaded (or after a while, should that never be seen). With `adapt`, the number
// of slots follows what the browser manages now: it shrinks while placeholders take longer than
// `targetMs` from their tab's creation to their load, and grows while they take under half of
// it, so tabs come as fast as their titles can be shown, on a idle machine or a busy one. It
// shrinks by half and grows by one per window of quick loads, as many as there are slots (as
// TCP does): when another process takes the cores, the placeholders already asked for all wait,
// so one slot less at a time came too late (a full suite run saw 3 of 200 tabs untitled for
// ~1.1 s). Growing by one after every quick load climbed back too fast between two slow ones:
// beside two busy loops and an fsync loop, 2 of 4 runs of the 200-tab e2e test had 7–21 tabs
// untitled for over 1 s; growing per window, 6 of 6 passed, and the unloaded bench was as fast.

export interface Adaptive {
  now(): number;
  /** The creation-to-load time a placeholder should stay under. */
  targetMs: number;
  max: number;
}

export class LoadSlots {
  private inUse = 0;
  /** Slots now: `size`, or between 1 and `adapt.max` as loads go. */
  private limit: number;
  private readonly waiting: (() => void)[] = [];
  private readonly held = new Map<number, { timer: ReturnType<typeof setTimeout>; since: number }>();
  /** Loads seen before the restore learnt the tab's id (creation and load can race). */
  private readonly early = new Set<number>();
  /** Quick loads since the slots last changed: one more slot takes as many as there are slots. */
  private quick = 0;
  /** Set while no new placeholder may be asked for (pauseFor). */
  private paused: ReturnType<typeof setTimeout> | undefined;

  constructor(
    readonly size: number,
    private readonly timeoutMs = 30_000,
    private readonly adapt?: Adaptive,
  ) {
    this.limit = size;
  }

  /** Slots now (for tests and diagnostics). */
  get slots(): number {
    return this.limit;
  }

  /**
   * Resolves true when a placeholder may be asked for, or false once `signal` aborts first: a
   * cancelled restore must not wait for other tabs' pages to load before it can stop.
   */
  acquire(signal?: AbortSignal): Promise<boolean> {
    if (signal?.aborted) return Promise.resolve(false);
    if (this.paused === undefined && this.inUse < this.limit && this.waiting.length === 0) {
      this.inUse++;
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

  /**
   * No new placeholder for `ms`: an extension page that opens during a restore (the popup, the
   * manager) loads in the same renderer as the placeholders, behind every one already asked for.
   * Measured during a 200-tab restore here: the popup's first script ran 190 ms after its page
   * arrived, its list came 175 ms after it asked, and its rows 166 ms after that.
   */
  pauseFor(ms: number): void {
    clearTimeout(this.paused);
    this.paused = setTimeout(() => {
      this.paused = undefined;
      this.grant();
    }, ms);
  }

  /** The slot taken by acquire() now belongs to this tab, until its page has loaded. */
  assign(tabId: number): void {
    if (this.early.delete(tabId)) return this.release();
    this.held.set(tabId, {
      timer: setTimeout(() => this.loaded(tabId), this.timeoutMs),
      since: this.adapt?.now() ?? 0,
    });
  }

  /** The tab could not be created: its slot goes back. */
  cancel(): void {
    this.release();
  }

  /** A placeholder page finished loading in this tab. */
  loaded(tabId: number): void {
    const held = this.held.get(tabId);
    if (held === undefined) {
      // Bounded: loads of placeholders no restore is waiting for (a discarded tab shown again).
      if (this.early.size > 1000) this.early.clear();
      this.early.add(tabId);
      return;
    }
    clearTimeout(held.timer);
    this.held.delete(tabId);
    if (this.adapt) this.follow(this.adapt, this.adapt.now() - held.since);
    this.release();
  }

  private follow(a: Adaptive, took: number): void {
    if (took > a.targetMs) {
      this.limit = Math.max(1, Math.floor(this.limit / 2));
      this.quick = 0;
    } else if (took < a.targetMs / 2 && ++this.quick >= this.limit) {
      this.limit = Math.min(a.max, this.limit + 1);
      this.quick = 0;
    }
  }

  private release(): void {
    this.inUse--;
    this.grant();
  }

  private grant(): void {
    while (this.paused === undefined && this.inUse < this.limit && this.waiting.length > 0) {
      this.inUse++;
      this.waiting.shift()!();
    }
  }
}
