import { describe, expect, it } from 'vitest';
import type { WindowRecord } from '../../../src/core/model.ts';
import {
  alreadyOpen,
  chooseRecoverySource,
  decideRecovery,
  isWorse,
  makeCopy,
  verifyCopy,
} from '../../../src/core/recovery-rules.ts';
import { sessionsToPrune } from '../../../src/core/retention.ts';
import type { Session } from '../../../src/core/model.ts';

const win = (n: number, tag = 'a'): WindowRecord => ({
  type: 'normal',
  state: 'normal',
  incognito: false,
  focused: false,
  groups: [],
  tabs: Array.from({ length: n }, (_, i) => ({ url: `https://${tag}${i}.test/`, title: '' })),
});

describe('recovery copies', () => {
  it('accepts a good copy and refuses a damaged, half-written or newer-version one', () => {
    const c = makeCopy([win(3)], 1);
    expect(verifyCopy(c).ok).toBe(true);
    const flipped = structuredClone(c);
    flipped.windows[0]!.tabs[1]!.url = 'https://evil.test/';
    expect(verifyCopy(flipped)).toEqual({ ok: false, why: 'checksum mismatch' });
    expect(verifyCopy({ ...c, version: 99 })).toMatchObject({ ok: false, why: 'unknown version 99' });
    expect(verifyCopy({ ...c, windows: 'x' })).toMatchObject({ ok: false });
    expect(verifyCopy(undefined)).toMatchObject({ ok: false });
  });

  it('falls back live → recovery → backup → previous, skipping unreadable copies', () => {
    const live = { name: 'live' as const, windows: [win(3, 'l')] };
    const rec = { name: 'recovery' as const, windows: [win(3, 'r')] };
    const bak = { name: 'backup' as const, windows: [win(3, 'b')] };
    const prev = { name: 'previous' as const, windows: [win(3, 'p')] };
    const gone = (name: 'live' | 'recovery' | 'backup') => ({ name, windows: undefined });
    expect(chooseRecoverySource([live, rec, bak, prev])?.main.name).toBe('live');
    expect(chooseRecoverySource([gone('live'), rec, bak, prev])?.main.name).toBe('recovery');
    expect(chooseRecoverySource([gone('live'), gone('recovery'), bak, prev])?.main.name).toBe('backup');
    expect(chooseRecoverySource([gone('live'), gone('recovery'), gone('backup'), prev])?.main.name).toBe('previous');
    expect(chooseRecoverySource([gone('live'), gone('recovery'), gone('backup')])).toBeUndefined();
  });

  it('never lets an empty state win over a good copy', () => {
    const good = { name: 'recovery' as const, windows: [win(10)] };
    expect(chooseRecoverySource([{ name: 'live', windows: [] }, good])).toEqual({ main: good });
    expect(isWorse([], [win(1)])).toBe(true);
    expect(isWorse([win(1)], [win(3)])).toBe(false); // too few tabs to call it a loss
    expect(isWorse([win(4)], [win(10)])).toBe(true);
  });

  it('keeps the state live at the end, and offers a fuller older copy beside it, never instead', () => {
    const live = { name: 'live' as const, windows: [win(5, 'l')] };
    const rec = { name: 'recovery' as const, windows: [win(15, 'r')], savedAt: 2 };
    const bak = { name: 'backup' as const, windows: [win(20, 'b')], savedAt: 1 };
    const prev = { name: 'previous' as const, windows: [win(30, 'p')], savedAt: 0 };
    // A mass close just before the kill: the 5 tabs come back; the newest fuller copy is offered.
    expect(chooseRecoverySource([live, rec, bak, prev])).toEqual({ main: live, earlier: rec });
    expect(chooseRecoverySource([live, { ...rec, windows: [win(5, 'r')] }, bak])).toEqual({ main: live, earlier: bak });
    // Not much smaller: nothing else to offer.
    expect(chooseRecoverySource([{ ...live, windows: [win(8)] }, rec])).toEqual({
      main: { ...live, windows: [win(8)] },
    });
    // The previous run's copy was recovered in its own run: never offered again, nor chosen over the live state.
    expect(chooseRecoverySource([live, prev])).toEqual({ main: live });
    // No live records: the newest copy, with a fuller backup beside it.
    const big = { ...bak, windows: [win(40, 'b')] };
    expect(chooseRecoverySource([{ name: 'live', windows: [] }, rec, big])).toEqual({ main: rec, earlier: big });
  });

  it('sees the tabs already open again when the browser restored them itself', () => {
    const saved = [win(5)];
    const open = new Set(saved[0]!.tabs.map((t) => t.url));
    expect(alreadyOpen(saved, open)).toBe(true);
    expect(alreadyOpen(saved, new Set([...open].slice(0, 2)))).toBe(false);
    expect(alreadyOpen([win(0)], new Set())).toBe(true);
  });

  it('restores by itself after one crash, asks after a second crash in a row', () => {
    expect(decideRecovery({ autoRestore: true, streak: 1, needed: true })).toBe('auto-restore');
    expect(decideRecovery({ autoRestore: true, streak: 2, needed: true })).toBe('ask');
    expect(decideRecovery({ autoRestore: false, streak: 1, needed: true })).toBe('ask');
    expect(decideRecovery({ autoRestore: true, streak: 1, needed: false })).toBe('none');
  });
});

describe('retention', () => {
  it('keeps the newest N of each automatic kind and never prunes saved or imported sessions', () => {
    const s = (id: string, kind: Session['kind'], createdAt: number): Session => ({
      id,
      kind,
      createdAt,
      name: id,
      updatedAt: createdAt,
      tags: [],
      counts: { windows: 1, tabs: 1 },
    });
    const all = [
      s('a1', 'autosave', 1),
      s('a2', 'autosave', 2),
      s('a3', 'autosave', 3),
      s('w1', 'window-closed', 1),
      s('w2', 'window-closed', 5),
      s('m1', 'manual', 0),
      s('i1', 'imported', 0),
      s('m2', 'manual', 0),
    ];
    expect(sessionsToPrune(all, 2).sort()).toEqual(['a1']);
    expect(sessionsToPrune(all, 1).sort()).toEqual(['a1', 'a2', 'w1']);
  });
});
