// The push debounce: one run per burst, quiet time after the last change, never later than the
// ceiling after the first (a change reaches the server within 10 s).
import { describe, expect, it } from 'vitest';
import { Debounce } from '../../../../src/core/sync/debounce.ts';
import { ManualTimers } from '../../support/sync-devices.ts';

describe('Debounce', () => {
  it('runs once, quietMs after the last of a short burst', () => {
    const clock = { now: 0 };
    const timers = new ManualTimers(clock);
    let runs = 0;
    const d = new Debounce(timers, 2_000, 8_000, () => runs++);
    d.poke();
    timers.advance(1_000);
    d.poke();
    timers.advance(1_999);
    expect(runs).toBe(0);
    timers.advance(1);
    expect(runs).toBe(1);
    expect(d.pending).toBe(false);
  });

  it('runs by the ceiling while changes keep coming, then starts a new burst', () => {
    const clock = { now: 0 };
    const timers = new ManualTimers(clock);
    const at: number[] = [];
    const d = new Debounce(timers, 2_000, 8_000, () => at.push(clock.now));
    for (let t = 0; t < 20_000; t += 1_000) {
      d.poke();
      timers.advance(1_000);
    }
    timers.advance(10_000);
    expect(at[0]).toBe(8_000);
    for (let i = 1; i < at.length; i++) expect(at[i]! - at[i - 1]!).toBeLessThanOrEqual(10_000);
  });

  it('forgets a burst when cancelled', () => {
    const clock = { now: 0 };
    const timers = new ManualTimers(clock);
    let runs = 0;
    const d = new Debounce(timers, 2_000, 8_000, () => runs++);
    d.poke();
    d.cancel();
    timers.advance(60_000);
    expect(runs).toBe(0);
  });
});
