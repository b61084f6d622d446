import { describe, expect, it } from 'vitest';
import {
  countTabsWithUrlTokens,
  exportSessions,
  stripUrlTokensFromSessions,
  tabsWithUrlTokens,
} from '../../../../src/core/formats/index.ts';
import { session, window } from '../../support/format-helpers.ts';

const HEX = '9f86d081884c7d659a2feaa0c55ad015';

const items = [
  session('a', 'Shop', [
    window([
      { url: `https://shop.test/cart;jsessionid=${HEX}`, title: 'Cart', pinned: true },
      { url: 'https://shop.test/?page=2', title: 'Page 2' },
    ]),
    window([{ url: 'https://x.test/', title: 'X', favIconUrl: `https://x.test/favicon.ico;jsessionid=${HEX}` }]),
  ]),
  session('b', 'Clean', [window([{ url: 'https://clean.test/?id=42', title: 'Clean' }])]),
];

describe('stripUrlTokensFromSessions', () => {
  it('removes tokens from tab and favicon addresses and counts the tabs', () => {
    const r = stripUrlTokensFromSessions(items);
    expect(r.tabs).toBe(2);
    expect(JSON.stringify(r.items)).not.toContain(HEX);
    const [w1, w2] = r.items[0]!.body.windows;
    expect(w1!.tabs[0]).toEqual({ url: 'https://shop.test/cart', title: 'Cart', pinned: true });
    expect(w2!.tabs[0]!.favIconUrl).toBe('https://x.test/favicon.ico');
    expect(countTabsWithUrlTokens(items)).toBe(2);
    expect(countTabsWithUrlTokens(r.items)).toBe(0);
  });

  it('tells where the tabs with a token are, by window and tab', () => {
    expect(tabsWithUrlTokens(items[0]!.body.windows)).toEqual([[0, 0]]);
    expect(tabsWithUrlTokens(items[1]!.body.windows)).toEqual([]);
  });

  it('passes untouched sessions, windows and tabs through without copying them', () => {
    const r = stripUrlTokensFromSessions(items);
    expect(r.items[1]).toBe(items[1]);
    expect(r.items[0]!.session).toBe(items[0]!.session);
    expect(r.items[0]!.body.windows[0]!.tabs[1]).toBe(items[0]!.body.windows[0]!.tabs[1]);
  });

  it('does not change what it was given', () => {
    const before = JSON.stringify(items);
    stripUrlTokensFromSessions(items);
    expect(JSON.stringify(items)).toBe(before);
  });

  // The time it takes is a bench figure (npm run bench, the export group), not a unit test's.
  it('strips every token of 1,000 sessions × 50 tabs before they are written as JSON', () => {
    const many = Array.from({ length: 1000 }, (_, s) =>
      session(`s${s}`, `S${s}`, [
        window(
          Array.from({ length: 50 }, (_, i) => ({
            url: i % 10 ? `https://s${i}.test/p/${s}?page=${i}` : `https://s${i}.test/a;jsessionid=${HEX}?p=${s}`,
            title: `Tab ${i}`,
          })),
        ),
      ]),
    );
    const r = stripUrlTokensFromSessions(many);
    const text = exportSessions(r.items, 'tabularium', { now: 0 });
    expect(r.tabs).toBe(5000);
    expect(text).not.toContain(HEX);
  });
});
