import { describe, expect, it } from 'vitest';
import { highlight, queryWords, urlSnippet } from '../../../src/core/search-snippet.ts';

describe('URL snippet of a search result', () => {
  it('shows a short address whole, without its scheme', () => {
    expect(urlSnippet('https://www.example.org/a?b=c', ['b'])).toBe('example.org/a?b=c');
  });

  it('shows the site and the words around a match deep in a long address', () => {
    const url = `https://code.example.test/${'very-long-path-segment/'.repeat(6)}three-b?ref=quokka&x=1`;
    const s = urlSnippet(url, ['quokka']);
    expect(s.length).toBeLessThanOrEqual(56);
    expect(s.startsWith('code.example.test/…')).toBe(true);
    expect(s).toContain('ref=quokka');
  });

  it('finds the match whatever its case, and picks the earliest of several words', () => {
    const url = `https://a.test/${'x'.repeat(80)}/Alpha/${'y'.repeat(30)}/beta`;
    const s = urlSnippet(url, ['beta', 'alpha']);
    expect(s).toContain('Alpha');
  });

  it('cuts the end of a long address when the match is near its start', () => {
    const url = `https://a.test/quokka/${'z'.repeat(100)}`;
    const s = urlSnippet(url, ['quokka']);
    expect(s.startsWith('a.test/quokka/')).toBe(true);
    expect(s.endsWith('…')).toBe(true);
    expect(s.length).toBe(56);
  });

  it('keeps a match at the very end whole', () => {
    const url = `https://a.test/${'z'.repeat(100)}?q=endword`;
    expect(urlSnippet(url, ['endword']).endsWith('q=endword')).toBe(true);
  });
});

describe('marking matches', () => {
  it('splits text into plain and matching parts, whatever the case', () => {
    expect(highlight('Ref=Quokka&q', queryWords('quokka  REF'))).toEqual([
      { text: 'Ref', hit: true },
      { text: '=', hit: false },
      { text: 'Quokka', hit: true },
      { text: '&q', hit: false },
    ]);
  });

  it('marks nothing without words', () => {
    expect(highlight('abc', [])).toEqual([{ text: 'abc', hit: false }]);
  });
});
