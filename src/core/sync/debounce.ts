// A debounce with a ceiling: a burst of changes runs the work once, `quietMs` after the last one,
// and never later than `maxWaitMs` after the first (a change reaches the server within 10 s even
// while the person keeps editing). Timers are injected so tests drive the clock.

export interface Timers {
  now(): number;
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export const realTimers: Timers = {
  now: () => Date.now(),
  set: (fn, ms) => setTimeout(fn, ms),
  clear: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

export class Debounce {
  private first: number | undefined;
  private handle: unknown;

  constructor(
    private readonly timers: Timers,
    private readonly quietMs: number,
    private readonly maxWaitMs: number,
    private readonly work: () => void,
  ) {}

  /** A change happened: run the work soon. */
  poke(): void {
    const now = this.timers.now();
    this.first ??= now;
    const due = Math.min(now + this.quietMs, this.first + this.maxWaitMs);
    if (this.handle !== undefined) this.timers.clear(this.handle);
    this.handle = this.timers.set(() => this.fire(), Math.max(0, due - now));
  }

  get pending(): boolean {
    return this.handle !== undefined;
  }

  cancel(): void {
    if (this.handle !== undefined) this.timers.clear(this.handle);
    this.handle = undefined;
    this.first = undefined;
  }

  private fire(): void {
    this.handle = undefined;
    this.first = undefined;
    this.work();
  }
}
