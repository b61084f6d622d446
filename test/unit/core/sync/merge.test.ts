// The merge rules, over every shape of history (fast-check): both devices pick the same winner,
// a change made here is never dropped without a copy, and a file the server lost is never read
// as a deletion.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { changedHere, firstStep, resolve, wins } from '../../../../src/core/sync/merge.ts';
import type { SyncRecord, Version } from '../../../../src/core/sync/sync-model.ts';

const NOW = 1_790_000_000_000;
const version = fc.record({
  updatedAt: fc.integer({ min: NOW - 10_000, max: NOW }),
  device: fc.constantFrom('dev-a', 'dev-b', 'dev-c'),
  deleted: fc.boolean(),
});
const record = fc.option(
  fc.record({
    id: fc.constant('s1'),
    file: fc.constant('s-1'),
    etag: fc.option(fc.constantFrom('"e1"', '"e2"'), { nil: undefined }),
    updatedAt: fc.integer({ min: NOW - 10_000, max: NOW }),
    device: fc.constantFrom('dev-a', 'dev-b'),
    deleted: fc.boolean(),
  }) as fc.Arbitrary<SyncRecord>,
  { nil: undefined },
);
const local = fc.option(fc.record({ updatedAt: fc.integer({ min: NOW - 10_000, max: NOW }) }), { nil: undefined });

describe('last writer wins', () => {
  it('orders any two different versions one way only, by updatedAt then device id', () => {
    fc.assert(
      fc.property(version, version, (a, b) => {
        if (a.updatedAt === b.updatedAt && a.device === b.device) return;
        expect(wins(a, b)).toBe(!wins(b, a));
      }),
    );
    expect(wins({ updatedAt: 2, device: 'a', deleted: false }, { updatedAt: 1, device: 'z', deleted: false })).toBe(
      true,
    );
    expect(wins({ updatedAt: 1, device: 'b', deleted: false }, { updatedAt: 1, device: 'a', deleted: false })).toBe(
      true,
    );
  });

  it('makes the two devices of a conflict agree: exactly one of them pushes its version', () => {
    fc.assert(
      fc.property(fc.integer({ min: NOW - 5_000, max: NOW }), fc.integer({ min: NOW - 5_000, max: NOW }), (ta, tb) => {
        const base: SyncRecord = {
          id: 's1',
          file: 's-1',
          etag: '"e0"',
          updatedAt: NOW - 9_000,
          device: 'dev-a',
          deleted: false,
        };
        const va: Version = { updatedAt: ta, device: 'dev-a', deleted: false };
        const vb: Version = { updatedAt: tb, device: 'dev-b', deleted: false };
        const atA = resolve({ updatedAt: ta }, base, vb, 'dev-a', NOW);
        const atB = resolve({ updatedAt: tb }, base, va, 'dev-b', NOW);
        if (ta === tb) return;
        expect([atA.kind, atB.kind].sort()).toEqual(['push', 'take']);
      }),
    );
  });
});

describe('nothing lost', () => {
  it('never lets the server’s version replace a change made here without keeping it in the trash', () => {
    fc.assert(
      fc.property(local, record, version, (l, r, remote) => {
        if (!l || !changedHere(l, r)) return;
        const out = resolve(l, r, remote, 'dev-a', NOW);
        if (out.kind === 'take') expect(out.trashLocal).toBe(true);
        if (out.kind === 'push') expect(out.trashRemote).toBe(!remote.deleted);
      }),
    );
  });

  it('never reads a missing file as a deletion: a synced session whose file is gone is “lost”', () => {
    fc.assert(
      fc.property(local, record, (l, r) => {
        const step = firstStep(l, r, undefined);
        expect(step).not.toBe('fetch');
        if (r && !r.deleted && !r.skipped) expect(step).toBe('lost');
      }),
    );
  });

  it('reads a file whose ETag is not the one synced, and pushes only what changed here', () => {
    const r: SyncRecord = { id: 's1', file: 's-1', etag: '"e1"', updatedAt: 10, device: 'dev-a', deleted: false };
    expect(firstStep({ updatedAt: 10 }, r, '"e1"')).toBe('nothing');
    expect(firstStep({ updatedAt: 11 }, r, '"e1"')).toBe('push');
    expect(firstStep(undefined, r, '"e1"')).toBe('push');
    expect(firstStep({ updatedAt: 10 }, r, '"e2"')).toBe('fetch');
    expect(firstStep({ updatedAt: 10 }, undefined, undefined)).toBe('push');
    expect(firstStep(undefined, { ...r, deleted: true }, undefined)).toBe('forget');
    expect(firstStep({ updatedAt: 10 }, { ...r, etag: undefined }, '"e1"')).toBe('fetch');
  });

  it('takes a newer version from there when nothing changed here, and a deletion as a deletion', () => {
    const r: SyncRecord = { id: 's1', file: 's-1', etag: '"e1"', updatedAt: 10, device: 'dev-a', deleted: false };
    expect(resolve({ updatedAt: 10 }, r, { updatedAt: 20, device: 'dev-b', deleted: false }, 'dev-a', NOW)).toEqual({
      kind: 'take',
      trashLocal: false,
    });
    expect(resolve({ updatedAt: 10 }, r, { updatedAt: 20, device: 'dev-b', deleted: true }, 'dev-a', NOW)).toEqual({
      kind: 'take',
      trashLocal: false,
    });
    // The same version on both sides: only the ETag is new.
    expect(resolve({ updatedAt: 20 }, r, { updatedAt: 20, device: 'dev-a', deleted: false }, 'dev-a', NOW)).toEqual({
      kind: 'record',
    });
  });
});
