import { describe, expect, it } from 'vitest';
import type { WindowRecord } from '../../../../../src/core/model.ts';
import { dayValue, momentModel, parseDay } from '../../../../../src/ui/manager/history/moment-model.ts';

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

  it('reads and writes the day picker value in local time', () => {
    const at = new Date(2026, 11, 1, 14, 5).getTime();
    expect(dayValue(at)).toBe('2026-12-01');
    expect(parseDay('2026-12-01')).toBe(new Date(2026, 11, 1).getTime());
    expect(parseDay('yesterday')).toBeUndefined();
  });
});
