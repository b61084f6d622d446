import { describe, expect, it } from 'vitest';
import { HistoryIndex, mergeSpans } from '../../../../src/core/journal/history-index.ts';
import { JournalWriter } from '../../../../src/core/journal/journal-writer.ts';
import type { LiveRecord } from '../../../../src/core/live-state.ts';

const tab = (id: number, url: string, title = url): LiveRecord => ({
  key: `t:${id}`,
  value: { id, windowId: 1, index: 0, pos: id, url, title, pinned: false, active: false },
});

describe('history search', () => {
  it('lists each page whose address or title holds every word, with the spans its tabs had it', () => {
    const writer = new JournalWriter();
    const strings = new Map<number, string>();
    const index = new HistoryIndex((n) => strings.get(n));
    const write = (put: LiveRecord[], del: string[], at: number) => {
      const p = writer.prepare({ put, del }, at)!;
      p.commit();
      for (const r of p.records) if ('v' in r) strings.set(r.k[1], r.v);
      if (p.checkpoint && at === 1000) index.startAt(p.checkpoint);
      else index.add(p.entry);
    };
    write([tab(1, 'https://a.test/lisbon-trams', 'Trams of Lisbon')], [], 1000);
    write([tab(2, 'https://b.test/porto')], [], 2000);
    write([tab(1, 'https://a.test/next', 'Next')], [], 3000);
    write([tab(3, 'https://a.test/lisbon-trams', 'Trams of Lisbon')], [], 4000);
    write([], ['t:3'], 5000);

    expect(index.search('LISBON trams')).toEqual([
      {
        url: 'https://a.test/lisbon-trams',
        title: 'Trams of Lisbon',
        spans: [
          { from: 4000, to: 5000 },
          { from: 1000, to: 3000 },
        ],
      },
    ]);
    // A word in the title and one in the address, together.
    expect(index.search('of porto')).toEqual([]);
    expect(index.search('next a.test').map((h) => h.spans)).toEqual([[{ from: 3000 }]]);
  });

  it('merges overlapping spans, an open one swallowing what it overlaps', () => {
    expect(mergeSpans([{ from: 1, to: 5 }, { from: 3, to: 8 }, { from: 10 }, { from: 12, to: 13 }])).toEqual([
      { from: 10 },
      { from: 1, to: 8 },
    ]);
  });
});
