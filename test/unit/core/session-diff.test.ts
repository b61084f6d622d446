import { describe, expect, it } from 'vitest';
import type { WindowRecord } from '../../../src/core/model.ts';
import { diffSessions } from '../../../src/core/session-diff.ts';

const w = (...urls: string[]): WindowRecord => ({
  type: 'normal',
  state: 'normal',
  incognito: false,
  focused: false,
  groups: [],
  tabs: urls.map((url) => ({ url, title: url })),
});

describe('compare a saved session with what is open', () => {
  it('lists tabs added and removed by URL, counting duplicates', () => {
    const d = diffSessions([w('https://a/', 'https://b/', 'https://b/')], [w('https://b/'), w('https://c/')]);
    expect(d.added.map((t) => t.url)).toEqual(['https://c/']);
    expect(d.removed.map((t) => t.url)).toEqual(['https://a/', 'https://b/']);
    expect(d.unchanged).toBe(1);
  });
});
