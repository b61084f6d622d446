import { describe, expect, it } from 'vitest';
import type { TabRef } from '../../../../src/core/tab-moves.ts';
import {
  countBySession,
  EMPTY,
  isChecked,
  setRange,
  toggle,
  toggleAll,
  without,
} from '../../../../src/ui/manager/selection.ts';

const refs = (sessionId: string, n: number): TabRef[] =>
  Array.from({ length: n }, (_, i) => ({
    sessionId,
    windowIndex: 0,
    tabIndex: i,
    url: `https://${sessionId}.test/${i}`,
  }));

describe('the checked tabs', () => {
  it('keeps tabs checked in one session while tabs of another are checked', () => {
    const a = refs('a', 3);
    const b = refs('b', 3);
    let sel = toggle(EMPTY, a[1]!);
    sel = toggle(sel, b[0]!);
    sel = toggle(sel, b[2]!);
    expect(sel.size).toBe(3);
    expect(isChecked(sel, a[1]!)).toBe(true);
    expect(countBySession(sel)).toEqual(
      new Map([
        ['a', 1],
        ['b', 2],
      ]),
    );
    expect(isChecked(toggle(sel, a[1]!), a[1]!)).toBe(false);
  });

  it('checks or unchecks a range from the anchor, in either direction', () => {
    const a = refs('a', 10);
    const sel = setRange(EMPTY, a, 7, 3, true);
    expect([...sel.values()].map((r) => r.tabIndex).sort((x, y) => x - y)).toEqual([3, 4, 5, 6, 7]);
    const less = setRange(sel, a, 4, 5, false);
    expect([...less.values()].map((r) => r.tabIndex).sort((x, y) => x - y)).toEqual([3, 6, 7]);
  });

  it('checks every tab of a session, and none of them the second time, leaving other sessions alone', () => {
    const a = refs('a', 1000);
    const other = refs('b', 1)[0]!;
    const all = toggleAll(toggle(EMPTY, other), a);
    expect(all.size).toBe(1001);
    const none = toggleAll(all, a);
    expect([...none.values()]).toEqual([other]);
  });

  it('forgets the tabs of sessions that changed, and is unchanged when there were none', () => {
    const sel = toggle(toggle(EMPTY, refs('a', 1)[0]!), refs('b', 1)[0]!);
    expect([...without(sel, ['a']).values()].map((r) => r.sessionId)).toEqual(['b']);
    expect(without(sel, ['z'])).toBe(sel);
  });
});
