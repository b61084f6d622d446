import { describe, expect, it } from 'vitest';
import { storeEntries, storeName } from '../../../../src/ui/inspector/store-words.ts';
import { english } from '../../support/english.ts';

describe('cookie store words', () => {
  it('says nothing about stores when there is only one', () => {
    expect(storeEntries([])).toEqual([]);
    expect(storeEntries([{ id: '0', incognito: false, count: 9 }])).toEqual([]);
  });

  it('names several stores in plain words with their counts, not "0: 9"', () => {
    const text = storeEntries([
      { id: '0', incognito: false, count: 9 },
      { id: '1', incognito: true, count: 1 },
    ]).map(english);
    expect(text).toEqual(['normal windows (9 cookies)', 'private windows (1 cookie)']);
  });

  it('names Firefox default, private and container stores', () => {
    expect(english(storeName({ id: 'firefox-default', incognito: false }))).toBe('normal windows');
    expect(english(storeName({ id: 'firefox-private', incognito: true }))).toBe('private windows');
    expect(english(storeName({ id: 'firefox-container-2', incognito: false }))).toBe('container 2');
    expect(english(storeName({ id: 'odd', incognito: false }))).toBe('store “odd”');
  });
});
