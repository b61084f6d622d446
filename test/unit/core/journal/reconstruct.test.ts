import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CHECKPOINT,
  ENTRY,
  STRING,
  storedBytes,
  type JournalCheckpoint,
  type JournalEntry,
  type JournalRecord,
  type JournalString,
} from '../../../../src/core/journal/journal-format.ts';
import { CHECKPOINT_EVERY_MS, JournalWriter, MIN_REPLAY_OPS } from '../../../../src/core/journal/journal-writer.ts';
import { planFold } from '../../../../src/core/journal/fold.ts';
import {
  codedStateAt,
  JournalTimeline,
  recordsAt,
  type JournalSlice,
} from '../../../../src/core/journal/reconstruct.ts';
import { normalize, randomWalk, type Walk } from '../../support/journal-walk.ts';

/** What the store does: the checkpoint at or before the moment, the entries after it, the strings. */
function slicer(records: readonly JournalRecord[]): (moment: number) => JournalSlice {
  const byTime = (a: JournalRecord, b: JournalRecord) => a.k[1] - b.k[1];
  const checkpoints = records.filter((r): r is JournalCheckpoint => r.k[0] === CHECKPOINT).sort(byTime);
  const entries = records.filter((r): r is JournalEntry => r.k[0] === ENTRY).sort(byTime);
  const strings = new Map(records.filter((r): r is JournalString => r.k[0] === STRING).map((s) => [s.k[1], s.v]));
  const last = <T extends JournalRecord>(xs: T[], moment: number): number => {
    let lo = 0;
    let hi = xs.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (xs[mid]!.k[1] <= moment) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return (moment) => {
    const checkpoint = checkpoints[last(checkpoints, moment) - 1];
    const from = checkpoint ? last(entries, checkpoint.k[1]) : 0;
    return { ...(checkpoint ? { checkpoint } : {}), entries: entries.slice(from, last(entries, moment)), strings };
  };
}

function expectedAt(walk: Walk, moment: number): string {
  let state = '';
  for (const s of walk.states) if (s.t <= moment) state = s.state;
  return state;
}

const walk = randomWalk(17, 5000);
const at = slicer(walk.records);

describe('the journal reconstructs every moment', () => {
  it('over a seeded walk of 5,000 tracker events, any moment equals the tracker state then', () => {
    const first = walk.states[0]!.t;
    const last = walk.states[walk.states.length - 1]!.t;
    fc.assert(
      fc.property(fc.integer({ min: first, max: last + 60_000 }), (moment) => {
        expect(normalize(recordsAt(at(moment), moment))).toBe(expectedAt(walk, moment));
      }),
      { numRuns: 300, seed: 17 },
    );
    // And exactly at every write.
    for (const s of walk.states) expect(normalize(recordsAt(at(s.t), s.t))).toBe(s.state);
  }, 120_000);

  it('holds for other walks too, failed writes included (their changes come back in the next write)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e6 }), fc.integer({ min: 0, max: 5 }), (seed, fail) => {
        const w = randomWalk(seed, 400, fail ? { failEvery: fail + 1 } : {});
        const atW = slicer(w.records);
        for (const s of w.states) expect(normalize(recordsAt(atW(s.t), s.t))).toBe(s.state);
      }),
      { numRuns: 25, seed: 4 },
    );
  }, 120_000);

  it('writes a checkpoint at least every 15 minutes of activity', () => {
    const entries = walk.records.filter((r) => r.k[0] === ENTRY).map((r) => r.k[1]);
    const checkpoints = walk.records.filter((r) => r.k[0] === CHECKPOINT).map((r) => r.k[1]);
    for (const t of entries) {
      const before = checkpoints.filter((c) => c <= t).pop();
      expect(before).toBeDefined();
      // The entry that finds the last checkpoint 15 minutes old writes the next one with it.
      const last = entries.filter((e) => e < t).pop();
      if (last !== undefined && t - before! > 0) expect(last - before!).toBeLessThan(CHECKPOINT_EVERY_MS);
    }
  });

  it('writes one sooner after a burst, so a moment never replays more than a bounded number of changes', () => {
    const w = new JournalWriter();
    const tab = (id: number, n: number) => ({
      key: `t:${id}`,
      value: { id, windowId: 1, pos: id, url: `https://a.test/${n}` },
    });
    let checkpoints = 0;
    let sinceCheckpoint = 0;
    // Ten tabs navigating 1,500 times within ten minutes (a window of tabs loading at once).
    for (let i = 0; i < 1500; i++) {
      const prepared = w.prepare({ put: [tab(i % 10, i) as never], del: [] }, 1_000_000 + i * 400)!;
      prepared.commit();
      if (prepared.checkpoint) {
        checkpoints++;
        sinceCheckpoint = 0;
      } else sinceCheckpoint++;
      expect(sinceCheckpoint).toBeLessThan(MIN_REPLAY_OPS);
    }
    expect(checkpoints).toBeGreaterThanOrEqual(3);
  });

  it('keeps the strings of the open tabs in memory, and lets the others go at each checkpoint', () => {
    const w = new JournalWriter();
    const tab = (n: number) => ({ key: 't:1', value: { id: 1, windowId: 1, pos: 1, url: `https://a.test/${n}` } });
    w.prepare({ put: [tab(0) as never], del: [] }, 1_000)!.commit();
    w.prepare({ put: [tab(1) as never], del: [] }, 2_000)!.commit();
    expect([...w.knownStrings().values()]).toEqual(['https://a.test/0', 'https://a.test/1']);
    w.prepare({ put: [tab(2) as never], del: [] }, 2_000 + CHECKPOINT_EVERY_MS)!.commit();
    expect([...w.knownStrings().values()]).toEqual(['https://a.test/2']);
  });

  it('stores entries of under 120 bytes each on average, strings included', () => {
    const entryBytes = walk.records.filter((r) => r.k[0] !== CHECKPOINT).reduce((n, r) => n + storedBytes(r), 0);
    expect(entryBytes / walk.events).toBeLessThan(120);
  });

  it('a timeline in memory seeks to any moment as the journal does', () => {
    const start = walk.states[100]!.t;
    const later = walk.records
      .filter((r): r is JournalEntry => r.k[0] === ENTRY && r.k[1] > start)
      .sort((a, b) => a.k[1] - b.k[1]);
    const timeline = new JournalTimeline(codedStateAt(at(start), start), later, at(start).strings, 16);
    fc.assert(
      fc.property(fc.integer({ min: start, max: start + 6 * 3_600_000 }), (moment) => {
        expect(normalize(timeline.recordsAt(moment))).toBe(expectedAt(walk, moment));
      }),
      { numRuns: 100, seed: 3 },
    );
  });
});

describe('folding keeps every moment it keeps', () => {
  it('after a fold at any cutoff, every kept moment is still exact, and the older records are gone', () => {
    const first = walk.states[0]!.t;
    const last = walk.states[walk.states.length - 1]!.t;
    fc.assert(
      fc.property(fc.integer({ min: first, max: last }), (cutoff) => {
        const timed = walk.records
          .filter((r): r is JournalEntry | JournalCheckpoint => r.k[0] !== STRING)
          .sort((a, b) => a.k[1] - b.k[1] || a.k[0] - b.k[0]);
        const strings = walk.records.filter((r): r is JournalString => r.k[0] === STRING);
        const plan = planFold({ timed, strings, cutoff, capBytes: Infinity, keepStrings: new Set() });
        const dropped = new Set(plan.drop.map((k) => k.join(':')));
        const kept: JournalRecord[] = walk.records.filter((r) => !dropped.has(r.k.join(':')));
        if (plan.checkpoint) kept.push(plan.checkpoint);
        expect(kept.some((r) => r.k[0] === ENTRY && r.k[1] <= cutoff)).toBe(false);
        const atKept = slicer(kept);
        // Every write in the first hour after the cutoff (replayed from the new checkpoint), and a sample after.
        const after = walk.states.filter((s) => s.t >= cutoff);
        const sample = after.filter((s, i) => s.t < cutoff + 3_600_000 || i % 25 === 0);
        for (const s of sample) expect(normalize(recordsAt(atKept(s.t), s.t))).toBe(s.state);
        expect(normalize(recordsAt(atKept(cutoff), cutoff))).toBe(expectedAt(walk, cutoff));
      }),
      { numRuns: 12, seed: 9 },
    );
  }, 120_000);

  it('a size cap moves the cutoff later until the journal fits', () => {
    const timed = walk.records
      .filter((r): r is JournalEntry | JournalCheckpoint => r.k[0] !== STRING)
      .sort((a, b) => a.k[1] - b.k[1] || a.k[0] - b.k[0]);
    const strings = walk.records.filter((r): r is JournalString => r.k[0] === STRING);
    const plan = planFold({ timed, strings, cutoff: 0, capBytes: 100_000, keepStrings: new Set() });
    expect(plan.bytesBefore).toBeGreaterThan(100_000);
    expect(plan.bytesAfter).toBeLessThanOrEqual(100_000 * 1.1);
  });
});
