// A failed write's changes go back under the newer ones: per record the newer change wins, and
// nothing the newer changes do not touch is lost. Retries back off from 0.5 s to 30 s.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  isEmpty,
  mergeChanges,
  noChanges,
  retryDelay,
  RETRY_MAX_MS,
  type Changes,
} from '../../../src/core/pending-writes.ts';

interface Rec {
  key: string;
  v: number;
}
const key = (r: Rec) => r.key;
const put = (...rs: [string, number][]): Rec[] => rs.map(([k, v]) => ({ key: k, v }));

/** What the disk holds after writing `c` over `disk`. */
function apply(disk: Map<string, number>, c: Changes<Rec>): Map<string, number> {
  const out = new Map(disk);
  for (const r of c.put) out.set(r.key, r.v);
  for (const k of c.del) out.delete(k);
  return out;
}

describe('merging a failed write with newer changes', () => {
  it('lets the newer change to a record win, whatever it is', () => {
    const failed = { put: put(['a', 1], ['b', 1], ['c', 1]), del: ['d', 'e'] };
    const newer = { put: put(['a', 2], ['d', 2]), del: ['b'] };
    const merged = mergeChanges(failed, newer, key);
    // a: put then put → the newer put; b: put then delete → stays a delete; c: untouched → kept;
    // d: delete then put → the put; e: untouched delete → kept.
    expect(apply(new Map([['e', 0]]), merged)).toEqual(
      new Map([
        ['a', 2],
        ['c', 1],
        ['d', 2],
      ]),
    );
    expect(merged.put.map(key).sort()).toEqual(['a', 'c', 'd']);
    expect(merged.del.sort()).toEqual(['b', 'e']);
  });

  it('is the newer changes alone when nothing failed', () => {
    const newer = { put: put(['a', 1]), del: ['b'] };
    expect(mergeChanges(noChanges<Rec>(), newer, key)).toBe(newer);
    expect(isEmpty(noChanges())).toBe(true);
    expect(isEmpty(newer)).toBe(false);
  });

  it('ends, for any sequence of failed and good writes, where writing every change in order would', () => {
    const change = fc.record({
      put: fc.uniqueArray(fc.record({ key: fc.constantFrom('a', 'b', 'c', 'd'), v: fc.nat(9) }), {
        selector: (r) => r.key,
      }),
      del: fc.uniqueArray(fc.constantFrom('a', 'b', 'c', 'd')),
      fails: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(change, { maxLength: 12 }), (steps) => {
        let disk = new Map<string, number>();
        let expected = new Map<string, number>();
        let pending = noChanges<Rec>();
        for (const s of steps) {
          // One batch never puts and deletes the same key (the mirror marks each record once).
          const batch = { put: s.put, del: s.del.filter((k) => !s.put.some((r) => r.key === k)) };
          expected = apply(expected, batch);
          pending = mergeChanges(pending, batch, key);
          if (!s.fails) {
            disk = apply(disk, pending);
            pending = noChanges();
          }
        }
        disk = apply(disk, pending);
        expect(disk).toEqual(expected);
      }),
    );
  });
});

describe('the retry delay', () => {
  it('starts at half a second and doubles up to 30 s', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 100].map(retryDelay)).toEqual([
      500, 1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000,
    ]);
    expect(retryDelay(0)).toBe(500);
    expect(RETRY_MAX_MS).toBe(30_000);
  });
});
