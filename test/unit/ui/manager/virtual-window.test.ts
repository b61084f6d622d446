import { describe, expect, it } from 'vitest';
import { scrollToRow, virtualWindow } from '../../../../src/ui/manager/virtual-window.ts';

describe('the rows a windowed list renders', () => {
  it('renders only the rows on screen and a margin, out of 50,000', () => {
    const w = virtualWindow(50_000, 32, 32 * 20_000, 640, 6);
    expect(w).toEqual({ first: 19_994, last: 20_026, total: 1_600_000 });
    expect(w.last - w.first).toBeLessThan(40);
  });

  it('starts at the top and never runs past either end', () => {
    expect(virtualWindow(100, 32, 0, 640, 6)).toMatchObject({ first: 0, last: 26 });
    expect(virtualWindow(100, 32, 999_999, 640, 6)).toMatchObject({ first: 74, last: 100 });
    expect(virtualWindow(3, 32, 0, 640, 6)).toMatchObject({ first: 0, last: 3 });
    expect(virtualWindow(0, 32, 0, 640)).toEqual({ first: 0, last: 0, total: 0 });
  });

  it('scrolls as little as needed to show a row', () => {
    expect(scrollToRow(5, 32, 0, 640)).toBe(0);
    expect(scrollToRow(30, 32, 0, 640)).toBe(31 * 32 - 640);
    expect(scrollToRow(2, 32, 320, 640)).toBe(64);
  });
});
