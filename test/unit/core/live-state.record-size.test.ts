import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { between, LiveState } from '../../../src/core/live-state.ts';

describe('a tab opened between two others gets a short position', () => {
  it('lies strictly between its neighbours, in the middle half, for any pair', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.double({ min: 1e-6, max: 1e6 }), (a, w) => {
        const b = a + w;
        fc.pre(b > a);
        const p = between(a, b);
        expect(p).toBeGreaterThan(a);
        expect(p).toBeLessThan(b);
        expect(p).toBeGreaterThanOrEqual(a + (b - a) / 4 - 1e-9 * Math.abs(a));
      }),
    );
  });

  it('takes a few decimals, where the midpoint would take up to seventeen', () => {
    expect(between(13, 14)).toBe(13.3);
    // Ten tabs opened one after another at the same place, as links opened in the background are.
    const s = new LiveState();
    s.windowCreated({ id: 1, incognito: false, focused: true });
    for (let id = 1; id <= 3; id++) s.tabCreated({ id, windowId: 1, index: 9, pinned: false, active: false });
    for (let id = 4; id <= 13; id++) s.tabCreated({ id, windowId: 1, index: 1, pinned: false, active: false });
    const positions = [...s.tabs.values()].map((t) => t.pos);
    expect(Math.max(...positions.map((p) => JSON.stringify(p).length))).toBeLessThanOrEqual(8);
    // The order the browser shows: 1, then the ten newest first, then 2 and 3.
    const order = [...s.tabs.values()].sort((a, b) => a.pos - b.pos).map((t) => t.id);
    expect(order).toEqual([1, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 2, 3]);
  });
});

describe('a tab record keeps only what is worth its bytes', () => {
  it('holds mutedInfo for a muted tab only, and drops it again once the tab is unmuted', () => {
    const s = new LiveState();
    s.windowCreated({ id: 1, incognito: false, focused: true });
    const tab = { id: 5, windowId: 1, index: 0, pinned: false, active: true, url: 'https://a.test/' };
    s.tabCreated({ ...tab, mutedInfo: { muted: false } });
    expect(s.tabs.get(5)).not.toHaveProperty('mutedInfo');
    s.tabUpdated({ ...tab, mutedInfo: { muted: true } });
    expect(s.tabs.get(5)?.mutedInfo).toEqual({ muted: true });
    s.takeChanges();
    s.tabUpdated({ ...tab, mutedInfo: { muted: false } });
    expect(s.tabs.get(5)).not.toHaveProperty('mutedInfo');
    expect(s.takeChanges().put.map((r) => r.key)).toEqual(['t:5']);
  });
});
