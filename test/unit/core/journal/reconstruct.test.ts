import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BLOCK,
  CHECKPOINT,
  ENTRY,
  STRING,
  storedBytes,
  type SealedBlock,
  type JournalCheckpoint,
  type JournalEntry,
  type JournalRecord,
  type JournalString,
} from '../../../../src/core/journal/journal-format.ts';
import { CHECKPOINT_EVERY_MS, JournalWriter, MIN_REPLAY_OPS } from '../../../../src/core/journal/journal-writer.ts';
import { DAY_MS, planFold, THIN_TO_MS, type FoldPlan } from '../../../../src/core/journal/fold.ts';
import {
  codedStateAt,
  decodeState,
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

/** The store as folds leave it: single records, and sealed blocks of entries. */
type Stored = JournalRecord | SealedBlock;

/** What a fold's plan does to the store: deletes first, then the checkpoint and the blocks. */
function applyPlan(stored: readonly Stored[], plan: FoldPlan): Stored[] {
  const dropped = new Set(plan.drop.map((k) => k.join(':')));
  const out = stored.filter((r) => !dropped.has(r.k.join(':')));
  if (plan.checkpoint) out.push(plan.checkpoint);
  // Sealed entries are kept as written (the store strips the bytes share they were read with).
  out.push(...plan.seal.map((b) => ({ ...b, entries: b.entries.map(({ b: _share, ...e }) => e) })));
  return out;
}

/** What the store's readers see: the blocks' entries among the others. */
function readable(stored: readonly Stored[]): JournalRecord[] {
  return stored.flatMap((r) => (r.k[0] === BLOCK ? (r as SealedBlock).entries : [r as JournalRecord]));
}

function foldInput(stored: readonly Stored[]) {
  const records = readable(stored);
  const timed = records
    .filter((r): r is JournalEntry | JournalCheckpoint => r.k[0] !== STRING)
    .sort((a, b) => a.k[1] - b.k[1] || a.k[0] - b.k[0]);
  const strings = records.filter((r): r is JournalString => r.k[0] === STRING);
  const blocks = stored.filter((r): r is SealedBlock => r.k[0] === BLOCK).map((b) => ({ from: b.k[1], to: b.to }));
  return { timed, strings, blocks };
}

describe('folding keeps every moment it keeps', () => {
  it('after a fold at any cutoff, every kept moment is still exact, and the older records are gone', () => {
    const first = walk.states[0]!.t;
    const last = walk.states[walk.states.length - 1]!.t;
    fc.assert(
      fc.property(fc.integer({ min: first, max: last }), (cutoff) => {
        const plan = planFold({ ...foldInput(walk.records), cutoff, capBytes: Infinity, keepStrings: new Set() });
        const kept = readable(applyPlan(walk.records, plan));
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

  it('thins checkpoints older than a day to one an hour and seals entries into blocks, every moment still exact', () => {
    const first = walk.states[0]!.t;
    const last = walk.states[walk.states.length - 1]!.t;
    const checkpoints = (rs: readonly Stored[]) => rs.filter((r) => r.k[0] === CHECKPOINT).map((r) => r.k[1]);
    fc.assert(
      fc.property(fc.integer({ min: first, max: last }), fc.integer({ min: first, max: last }), (c1, c2) => {
        // Two folds a while apart, as the worker runs them: the second one finds blocks to cut.
        const [early, late] = c1 < c2 ? [c1, c2] : [c2, c1];
        const plan1 = planFold({
          ...foldInput(walk.records),
          cutoff: early,
          capBytes: Infinity,
          keepStrings: new Set(),
          now: late + DAY_MS,
        });
        const once = applyPlan(walk.records, plan1);
        const plan2 = planFold({
          ...foldInput(once),
          cutoff: late,
          capBytes: Infinity,
          keepStrings: new Set(),
          now: last + DAY_MS,
        });
        const twice = applyPlan(once, plan2);
        for (const [stored, cutoff] of [
          [once, early],
          [twice, late],
        ] as const) {
          const atKept = slicer(readable(stored));
          const sample = walk.states.filter((s, i) => s.t >= cutoff && (i % 7 === 0 || s.t < cutoff + 600_000));
          for (const s of sample) expect(normalize(recordsAt(atKept(s.t), s.t))).toBe(s.state);
          // Single entries are left only before the first checkpoint and after the newest.
          const times = checkpoints(stored);
          const newest = Math.max(...times);
          const single = stored.filter((r) => r.k[0] === ENTRY).map((r) => r.k[1]);
          expect(single.filter((t) => t > Math.min(...times) && t <= newest)).toEqual([]);
        }
        // Thinned: checkpoints now stand about an hour apart (closer only after a burst of changes).
        const times = checkpoints(twice).sort((a, b) => a - b);
        const close = times.slice(1, -1).filter((t, i) => t - times[i]! < THIN_TO_MS);
        expect(close.length).toBeLessThanOrEqual(Math.max(2, times.length / 4));
        expect(checkpoints(twice).length).toBeLessThan(checkpoints(walk.records).filter((t) => t > late).length + 2);
      }),
      { numRuns: 10, seed: 5 },
    );
  }, 120_000);

  it('thins steady checkpoints to one an hour, but keeps those a burst needs to bound its replay', () => {
    const w = new JournalWriter();
    const records: JournalRecord[] = [];
    const states: { t: number; state: string }[] = [];
    const tab = (id: number, n: number) => ({
      key: `t:${id}`,
      value: { id, windowId: 1, pos: id, url: `https://a.test/${n}`, title: `Page ${n}` },
    });
    const start = 1_700_000_000_000;
    let t = start;
    const write = (id: number, n: number) => {
      const prepared = w.prepare({ put: [tab(id, n) as never], del: [] }, t)!;
      prepared.commit();
      records.push(...prepared.records);
      states.push({ t, state: normalize(decodeState(w.codedState(), w.knownStrings())) });
    };
    // Six hours of one change every 20 s across 20 tabs, with a burst of 3,000 changes at hour 3.
    for (let i = 0; i < 6 * 180; i++) {
      t += 20_000;
      write(i % 20, i);
      if (i !== 3 * 180) continue;
      for (let j = 0; j < 3000; j++) {
        t += 100;
        write(j % 20, 100_000 + j);
      }
    }
    const plan = planFold({
      ...foldInput(records),
      cutoff: start,
      capBytes: Infinity,
      keepStrings: new Set(),
      now: t + DAY_MS,
    });
    const stored = applyPlan(records, plan);
    const atKept = slicer(readable(stored));
    for (const s of states) expect(normalize(recordsAt(atKept(s.t), s.t))).toBe(s.state);
    const before = records.filter((r) => r.k[0] === CHECKPOINT).length;
    const kept = stored.filter((r): r is JournalCheckpoint => r.k[0] === CHECKPOINT).sort((a, b) => a.k[1] - b.k[1]);
    // Every 15 minutes and after each ~500 changes of the burst; then hourly, and the burst's own.
    expect(before).toBeGreaterThanOrEqual(24 + 5);
    const steady = kept.filter((c) => c.k[1] < start + 3 * 3_600_000 - 60_000);
    expect(steady.length).toBeLessThanOrEqual(4);
    expect(kept.length).toBeGreaterThanOrEqual(3000 / (4 * MIN_REPLAY_OPS));
    // No moment replays more than the bound from its checkpoint.
    const entries = readable(stored).filter((r): r is JournalEntry => r.k[0] === ENTRY);
    for (const [i, c] of kept.entries()) {
      const next = kept[i + 1]?.k[1] ?? Infinity;
      const ops = entries.filter((e) => e.k[1] > c.k[1] && e.k[1] <= next).reduce((n, e) => n + e.p!.length, 0);
      expect(ops).toBeLessThanOrEqual(4 * MIN_REPLAY_OPS + MIN_REPLAY_OPS);
    }
  });

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
