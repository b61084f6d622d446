import { afterEach, describe, expect, it } from 'vitest';
import { CHECKPOINT, ENTRY, STRING, type JournalRecord } from '../../../src/core/journal/journal-format.ts';
import { openDatabase, type DB } from '../../../src/store/db.ts';
import {
  applyJournalFold,
  clearJournal,
  readJournalAll,
  readJournalEnd,
  readJournalSlice,
  readLastEntryBefore,
  readJournalOldest,
} from '../../../src/store/journal-repo.ts';
import { checkpointOf, storedBytes, type CodedState } from '../../../src/core/journal/journal-format.ts';
import { applyLiveChanges } from '../../../src/store/live-repo.ts';
import { DAY_MS, planFold } from '../../../src/core/journal/fold.ts';
import { recordsAt } from '../../../src/core/journal/reconstruct.ts';
import { normalize, randomWalk } from '../support/journal-walk.ts';

const opened: DB[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

describe('the journal store', () => {
  it('reads a moment: the checkpoint before it, the entries after, and exactly the strings they use', async () => {
    const db = await openDatabase(`journal-${Math.random()}`);
    opened.push(db);
    const strings: JournalRecord[] = Array.from({ length: 300 }, (_, i) => ({ k: [STRING, i + 1], v: `s${i + 1}` }));
    const records: JournalRecord[] = [
      ...strings,
      { k: [CHECKPOINT, 100], r: { kinds: { t: { ids: [7], cols: { w: { d: [1] }, u: { d: [3] } } } } } },
      { k: [ENTRY, 100], p: [['t:7', { u: 3 }]] },
      { k: [ENTRY, 150], p: [['t:7', { u: 250 }]] },
      { k: [ENTRY, 200], p: [['t:8', { w: 1, u: 40, T: 41 }]] },
    ];
    // Journal records ride in a live write's transaction.
    await applyLiveChanges(db, { put: [], del: [] }, records);
    const slice = await readJournalSlice(db, 180);
    expect(slice.checkpoint?.k).toEqual([CHECKPOINT, 100]);
    expect(slice.entries.map((e) => e.k[1])).toEqual([150]);
    expect([...slice.strings].sort((a, b) => a[0] - b[0])).toEqual([
      [3, 's3'],
      [250, 's250'],
    ]);
    // Strings the worker holds in memory are not read again: only the others come from the disk.
    const known = new Map([[3, 'held in memory']]);
    const cached = await readJournalSlice(db, 180, 180, known);
    expect([...cached.strings].sort((a, b) => a[0] - b[0])).toEqual([
      [3, 'held in memory'],
      [250, 's250'],
    ]);
    const wide = await readJournalSlice(db, 100, 300);
    expect([...wide.strings.keys()].sort((a, b) => a - b)).toEqual([3, 40, 41, 250]);
    expect(await readLastEntryBefore(db, 200)).toBe(150);
    expect(await readJournalOldest(db)).toBe(100);
  });

  it('keeps checkpoints deflated on disk and reads them back whole, as well as the first, plain ones', async () => {
    const db = await openDatabase(`journal-${Math.random()}`);
    opened.push(db);
    const state: CodedState = new Map();
    for (let i = 1; i <= 1000; i++) state.set(`t:${i}`, { w: 1 + (i % 10), x: i, u: 2 * i, T: 2 * i + 1 });
    const deflated = checkpointOf(state, 200);
    const plain: JournalRecord = { k: [CHECKPOINT, 100], r: checkpointOf(new Map([['t:1', { w: 1, u: 3 }]]), 100).r };
    await applyLiveChanges(db, { put: [], del: [] }, [deflated]);
    // A checkpoint as the first version wrote it, straight into the store.
    await db.put('journal', plain);

    const raw = (await db.get('journal', [CHECKPOINT, 200])) as unknown as { z?: Uint8Array };
    expect(raw.z).toBeInstanceOf(Uint8Array);
    expect(raw.z!.byteLength * 4).toBeLessThan(JSON.stringify(deflated).length);

    const slice = await readJournalSlice(db, 250);
    expect(slice.checkpoint?.r).toEqual(deflated.r);
    expect(storedBytes(slice.checkpoint!)).toBeLessThan(raw.z!.byteLength + 100);
    const old = await readJournalSlice(db, 150);
    expect(old.checkpoint?.r).toEqual(plain.r);
    expect((await readJournalAll(db)).timed.map((r) => r.k[1])).toEqual([100, 200]);
  });

  it('reads a new checkpoint written at the same time as one read before (after a clear)', async () => {
    const db = await openDatabase(`journal-${Math.random()}`);
    opened.push(db);
    const first = checkpointOf(new Map([['t:1', { w: 1, u: 3 }]]), 100);
    await applyLiveChanges(db, { put: [], del: [] }, [first]);
    expect((await readJournalSlice(db, 150)).checkpoint?.r).toEqual(first.r);
    await clearJournal(db);
    const second = checkpointOf(new Map([['t:2', { w: 1, u: 4 }]]), 100);
    await applyLiveChanges(db, { put: [], del: [] }, [second]);
    expect((await readJournalSlice(db, 150)).checkpoint?.r).toEqual(second.r);
  });

  it('seals entries into deflated blocks at a fold, and reads every moment, the end and the last entry as before', async () => {
    const db = await openDatabase(`journal-${Math.random()}`);
    opened.push(db);
    const walk = randomWalk(23, 1500);
    await applyLiveChanges(db, { put: [], del: [] }, walk.records);
    const sample = walk.states.filter((_, i) => i % 9 === 0);
    const lastBefore = await Promise.all(sample.map((s) => readLastEntryBefore(db, s.t)));
    const before = await readJournalAll(db);
    const last = walk.states[walk.states.length - 1]!.t;
    const plan = planFold({
      timed: before.timed,
      strings: before.strings,
      blocks: before.blocks,
      cutoff: 0,
      capBytes: Infinity,
      keepStrings: new Set(),
      now: last + DAY_MS,
    });
    expect(plan.seal.length).toBeGreaterThan(3);
    await applyJournalFold(db, plan);

    const raw = (await db.getAll('journal')) as unknown as { k: [number, number]; z?: Uint8Array }[];
    const blocks = raw.filter((r) => r.k[0] === 3);
    expect(blocks.length).toBe(plan.seal.length);
    expect(blocks.every((b) => b.z instanceof Uint8Array)).toBe(true);
    const after = await readJournalAll(db);
    expect(after.bytes.entries * 2).toBeLessThan(before.bytes.entries);
    expect(after.timed.filter((r) => r.k[0] === ENTRY).length).toBe(
      before.timed.filter((r) => r.k[0] === ENTRY).length,
    );
    for (const s of sample) expect(normalize(recordsAt(await readJournalSlice(db, s.t), s.t))).toBe(s.state);
    expect(await Promise.all(sample.map((s) => readLastEntryBefore(db, s.t)))).toEqual(lastBefore);
    const end = await readJournalEnd(db);
    expect(end.lastTime).toBe(last);
    expect(normalize(recordsAt(end.slice, Infinity))).toBe(walk.states[walk.states.length - 1]!.state);

    // A later fold cuts through a block: the part after the cutoff is sealed again, nothing else moves.
    const cutoff = walk.states[walk.states.length >> 1]!.t + 1;
    const again = await readJournalAll(db);
    await applyJournalFold(
      db,
      planFold({ ...again, cutoff, capBytes: Infinity, keepStrings: new Set(), now: last + DAY_MS }),
    );
    for (const s of sample.filter((x) => x.t >= cutoff)) {
      expect(normalize(recordsAt(await readJournalSlice(db, s.t), s.t))).toBe(s.state);
    }
    const entries = (await readJournalAll(db)).timed.filter((r) => r.k[0] === ENTRY);
    expect(entries.every((e) => e.k[1] > cutoff)).toBe(true);
  });
});
