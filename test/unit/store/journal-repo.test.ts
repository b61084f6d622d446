import { afterEach, describe, expect, it } from 'vitest';
import { CHECKPOINT, ENTRY, STRING, type JournalRecord } from '../../../src/core/journal/journal-format.ts';
import { openDatabase, type DB } from '../../../src/store/db.ts';
import { readJournalSlice, readLastEntryBefore, readJournalOldest } from '../../../src/store/journal-repo.ts';
import { applyLiveChanges } from '../../../src/store/live-repo.ts';

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
    const wide = await readJournalSlice(db, 100, 300);
    expect([...wide.strings.keys()].sort((a, b) => a - b)).toEqual([3, 40, 41, 250]);
    expect(await readLastEntryBefore(db, 200)).toBe(150);
    expect(await readJournalOldest(db)).toBe(100);
  });
});
