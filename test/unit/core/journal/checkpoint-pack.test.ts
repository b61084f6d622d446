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

  it('gives back decimal positions exactly, and stores short ones as whole-number steps', () => {
    const at = (xs: number[]): CodedState => {
      const state = tabs(xs.length, () => false);
      xs.forEach((x, i) => state.set(`t:${i + 10}`, { ...state.get(`t:${i + 10}`)!, x }));
      return state;
    };
    const xs = Array.from({ length: 1000 }, (_, i) => Number((i + 1 + (i % 7) / 10 + (i % 3) / 1000).toFixed(3)));
    const short = at(xs);
    expect(unpackState(packState(short))).toEqual(short);
    // Listed as they are, 1,000 values like 12.602 take ~7 KB; their steps ×1,000 take ~5.
    expect(JSON.stringify(packState(short).kinds.t!.cols.x).length).toBeLessThan(0.8 * JSON.stringify(xs).length);
    const awkward = at([0.1 + 0.2, 1 / 3, 1e-7, 2 ** -40, 5, 5.000000001]);
    expect(unpackState(packState(awkward))).toEqual(awkward);
  });
});
