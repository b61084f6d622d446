import { describe, expect, it } from 'vitest';
import { defaultSessionName, mainSites } from '../../../src/core/session-name.ts';
import type { WindowRecord } from '../../../src/core/model.ts';

const w = (urls: string[]): WindowRecord => ({
  type: 'normal',
  state: 'normal',
  incognito: false,
  focused: false,
  tabs: urls.map((url) => ({ url, title: '' })),
  groups: [],
});

describe('default session name', () => {
  it('names the date and the sites with the most tabs', () => {
    const windows = [
      w(['https://www.github.com/a', 'https://github.com/b', 'https://mdn.dev/', 'chrome://settings']),
      w(['https://news.test/', 'https://mdn.dev/x', 'https://github.com/c']),
    ];
    expect(mainSites(windows)).toEqual(['github.com', 'mdn.dev', 'news.test']);
    const name = defaultSessionName(windows, new Date(Date.UTC(2026, 10, 22, 9, 30)), 'en-US');
    expect(name).toMatch(/2026/);
    expect(name).toMatch(/github\.com, mdn\.dev, news\.test$/);
  });
});
