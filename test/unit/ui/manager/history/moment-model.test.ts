import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ENTRY,
  STRING,
  type JournalEntry,
  type JournalString,
} from '../../../../../src/core/journal/journal-format.ts';
import { JournalTimeline } from '../../../../../src/core/journal/reconstruct.ts';
import type { WindowRecord } from '../../../../../src/core/model.ts';
import {
  DayMoments,
  dayValue,
  momentModel,
  momentOf,
  parseDay,
} from '../../../../../src/ui/manager/history/moment-model.ts';
import { randomWalk } from '../../../support/journal-walk.ts';

const win = (urls: string[], extra: Partial<WindowRecord> = {}): WindowRecord => ({
  type: 'normal',
  state: 'normal',
  incognito: false,
  focused: false,
  tabs: urls.map((url) => ({ url, title: '' })),
  groups: [],
  ...extra,
});

describe('a moment in the History view', () => {
  it('marks the tabs closed since, counts those opened since, and names groups and pinned tabs', () => {
    const w = win(['https://a.test/', 'https://b.test/']);
    w.tabs[0]!.pinned = true;
    w.tabs[1]!.groupIndex = 0;
    w.groups.push({ title: 'Trip', color: 'blue', collapsed: false });
    const model = momentModel([w], new Set(['https://a.test/', 'https://new.test/', 'https://other.test/']));
    expect(model).toEqual({
      windows: [
        {
          tabs: [
            { url: 'https://a.test/', title: 'https://a.test/', pinned: true, closedNow: false },
            {
              url: 'https://b.test/',
              title: 'https://b.test/',
              pinned: false,
              group: { title: 'Trip', color: 'blue' },
              closedNow: true,
            },
          ],
        },
      ],
      tabs: 2,
      closedNow: 1,
      openedSince: 2,
    });
  });

  it('shows each moment of a day exactly, whatever moments the slider showed before', () => {
    const walk = randomWalk(29, 1500);
    const entries = walk.records.filter((r): r is JournalEntry => r.k[0] === ENTRY).sort((a, b) => a.k[1] - b.k[1]);
    const strings = new Map(
      walk.records.filter((r): r is JournalString => r.k[0] === STRING).map((r) => [r.k[1], r.v]),
    );
    const timeline = new JournalTimeline(new Map(), entries, strings, 16);
    const base = 'chrome-extension://test/';
    const openNow = new Set(['https://a.test/']);
    const first = entries[0]!.k[1];
    const last = entries[entries.length - 1]!.k[1];
    fc.assert(
      fc.property(fc.array(fc.integer({ min: first - 1, max: last + 1 }), { minLength: 1, maxLength: 20 }), (path) => {
        // One day's moments, stepped through in any order: kept decodings never show a stale tab.
        const moments = new DayMoments(timeline, strings, openNow, base);
        for (const at of path) expect(moments.at(at)).toEqual(momentOf(timeline.recordsAt(at), openNow, base));
      }),
      { numRuns: 30, seed: 5 },
    );
  });

  it('reads and writes the day picker value in local time', () => {
    const at = new Date(2026, 11, 1, 14, 5).getTime();
    expect(dayValue(at)).toBe('2026-12-01');
    expect(parseDay('2026-12-01')).toBe(new Date(2026, 11, 1).getTime());
    expect(parseDay('yesterday')).toBeUndefined();
  });
});
