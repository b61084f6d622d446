import { describe, expect, it } from 'vitest';
import type { Session, SessionBody } from '../../../src/core/model.ts';
import { buildSearchRecord, SearchIndex } from '../../../src/core/search.ts';
import { highlight } from '../../../src/core/search-snippet.ts';

function add(
  idx: SearchIndex,
  id: string,
  name: string,
  windows: [string, string][][],
  createdAt = 0,
  tags: string[] = [],
) {
  const session = { id, name, tags } as Pick<Session, 'id' | 'name' | 'tags'>;
  const body: SessionBody = {
    id,
    windows: windows.map((tabs) => ({
      type: 'normal',
      state: 'normal',
      incognito: false,
      focused: false,
      groups: [],
      tabs: tabs.map(([title, url]) => ({ title, url })),
    })),
  };
  idx.upsert(buildSearchRecord(session, body), createdAt);
}

describe('search over sessions', () => {
  const idx = new SearchIndex();
  add(
    idx,
    'a',
    'Holiday plans',
    [
      [
        ['Flights to Lisbon', 'https://air.test/lis'],
        ['Hotels', 'https://hotels.test/?city=porto'],
      ],
    ],
    1,
  );
  add(
    idx,
    'b',
    'Work',
    [
      [['Quarterly report', 'https://docs.test/q3']],
      [
        ['Lisbon office', 'https://wiki.test/offices/lisbon'],
        ['Porto', 'https://maps.test/porto'],
      ],
    ],
    2,
    ['office'],
  );
  add(idx, 'c', 'Lisbon trip', [[['Weather', 'https://weather.test/']]], 3);

  it('ranks name matches first, then sessions with more matching tabs, then newest', () => {
    expect(idx.search('lisbon', { limit: 10, tabsPerSession: 5 }).map((r) => r.id)).toEqual(['c', 'b', 'a']);
  });

  it('finds a word that is only in a URL, and says which window and tab it is', () => {
    const [r] = idx.search('porto', { limit: 10, tabsPerSession: 5 }).filter((x) => x.id === 'a');
    expect(r!.tabHits).toEqual([
      { windowIndex: 0, tabIndex: 1, title: 'Hotels', url: 'https://hotels.test/?city=porto' },
    ]);
    const [w] = idx.search('maps.test', { limit: 10, tabsPerSession: 5 });
    expect(w).toMatchObject({ id: 'b', tabHits: [{ windowIndex: 1, tabIndex: 1, title: 'Porto' }] });
  });

  it('lets words of the name or tags stand for every tab of the session', () => {
    const holiday = idx.search('holiday lisbon', { limit: 10, tabsPerSession: 5 });
    expect(holiday.map((r) => [r.id, r.nameHit, r.tabHits.map((h) => h.title)])).toEqual([
      ['a', false, ['Flights to Lisbon']],
    ]);
    expect(
      idx.search('#office porto', { limit: 10, tabsPerSession: 5 }).map((r) => [r.id, r.tabHits.map((h) => h.title)]),
    ).toEqual([['b', ['Porto']]]);
    // A word in neither the name nor any one tab still finds nothing.
    expect(idx.search('holiday quarterly', { limit: 10, tabsPerSession: 5 })).toEqual([]);
  });

  it('needs every word on the same tab, ignores case, and searches tags', () => {
    expect(
      idx.search('LISBON office', { limit: 10, tabsPerSession: 5 }).map((r) => r.tabHits.map((h) => h.title)),
    ).toEqual([['Lisbon office']]);
    expect(idx.search('#office', { limit: 10, tabsPerSession: 5 }).map((r) => r.id)).toEqual(['b']);
    expect(idx.search('nothing-like-this', { limit: 10, tabsPerSession: 5 })).toEqual([]);
    expect(idx.search('   ', { limit: 10, tabsPerSession: 5 })).toEqual([]);
  });

  it('counts all matching tabs but returns only the first few', () => {
    const big = new SearchIndex();
    add(big, 'x', 'Many', [
      Array.from({ length: 40 }, (_, i) => [`Doc ${i}`, `https://d.test/${i}`] as [string, string]),
    ]);
    const [r] = big.search('doc', { limit: 1, tabsPerSession: 3 });
    expect(r!.tabHitCount).toBe(40);
    expect(r!.tabHits.map((h) => h.tabIndex)).toEqual([0, 1, 2]);
  });

  it('forgets removed sessions and replaces updated ones', () => {
    const i2 = new SearchIndex();
    add(i2, 'a', 'Old name', [[['T', 'https://t.test/']]]);
    add(i2, 'a', 'New name', [[['T', 'https://t.test/']]]);
    expect(i2.search('old', { limit: 5, tabsPerSession: 1 })).toEqual([]);
    i2.remove('a');
    expect(i2.size).toBe(0);
  });
});

describe('highlighting', () => {
  it('marks every occurrence of every word, case-insensitively, as plain text segments', () => {
    expect(highlight('Lisbon and lisbON', ['lisbon'])).toEqual([
      { text: 'Lisbon', hit: true },
      { text: ' and ', hit: false },
      { text: 'lisbON', hit: true },
    ]);
    expect(highlight('<b>x</b>', ['b'])).toEqual([
      { text: '<', hit: false },
      { text: 'b', hit: true },
      { text: '>x</', hit: false },
      { text: 'b', hit: true },
      { text: '>', hit: false },
    ]);
    expect(highlight('abc', [])).toEqual([{ text: 'abc', hit: false }]);
  });
});
