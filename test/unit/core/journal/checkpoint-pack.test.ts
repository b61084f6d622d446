import { describe, expect, it } from 'vitest';
import { packState, unpackState, type PackedState } from '../../../../src/core/journal/checkpoint-pack.ts';
import type { Coded, CodedState } from '../../../../src/core/journal/journal-format.ts';

/** Tabs as Firefox reports them (no groupId) or as Chromium does (groupId -1, incognito false). */
function tabs(n: number, firefox: (i: number) => boolean): CodedState {
  const state: CodedState = new Map([['w:1', { I: false, f: true, y: 'normal', s: 'normal' } as Coded]]);
  for (let i = 0; i < n; i++) {
    const tab: Coded = { w: 1, x: i, u: 2 * i, T: 2 * i + 1, n: false, a: i === 0, I: false };
    if (!firefox(i)) tab.g = -1;
    state.set(`t:${i + 10}`, tab);
  }
  return state;
}

const size = (p: PackedState) => JSON.stringify(p).length;

describe('a checkpoint keeps which records lack a usual field', () => {
  it('gives back exactly the records it packed, with and without groupId, in any mix', () => {
    const mixed = tabs(300, (i) => i % 3 === 0 || (i > 100 && i < 140));
    expect(unpackState(packState(mixed))).toEqual(mixed);
    const firefox = tabs(300, () => true);
    expect(unpackState(packState(firefox))).toEqual(firefox);
  });

  it('costs little for 1,000 Firefox tabs without groupId: a few bytes a tab, not a key pair each', () => {
    const chromium = size(packState(tabs(1000, () => false)));
    const firefox = size(packState(tabs(1000, () => true)));
    // Listing [key, field] for each tab took ~14 bytes a tab (14 KB); the row steps take ~2.
    expect(firefox - chromium).toBeLessThan(2_500);
  });

  it('reads a checkpoint packed before, which listed the lacking fields as key pairs', () => {
    const packed = packState(tabs(3, () => false));
    const old: PackedState = { ...packed, unset: [['t:11', 'g']] };
    const state = unpackState(old);
    expect(state.get('t:11')).not.toHaveProperty('g');
    expect(state.get('t:10')).toHaveProperty('g', -1);
  });
});
