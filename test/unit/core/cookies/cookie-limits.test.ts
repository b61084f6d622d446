// The inspector's Size column and the 4096-byte audit rule count UTF-8 bytes without encoding;
// the count must be what the browser would encode, for any string, lone surrogates included.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nameValueBytes, utf8Length } from '../../../../src/core/cookies/cookie-limits.ts';

const encoded = (s: string) => new TextEncoder().encode(s).length;

describe('cookie size in bytes', () => {
  it('counts ASCII, two-, three- and four-byte characters and lone surrogates as UTF-8 does', () => {
    for (const s of ['', 'abc', 'é', '€', '😀', 'a😀b', '\ud800', '\udc00', '\ud800x', 'x\udfff', '\ud83d\ud83d']) {
      expect(utf8Length(s), JSON.stringify(s)).toBe(encoded(s));
    }
    expect(nameValueBytes({ name: 'n€', value: '😀' })).toBe(3 + 1 + 4);
  });

  it('matches TextEncoder for any string', () => {
    // Raw UTF-16 units, so lone and swapped surrogates come up too.
    const units = fc
      .array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 30 })
      .map((a) => String.fromCharCode(...a));
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), units), (s) => utf8Length(s) === encoded(s)),
      { numRuns: 3000 },
    );
  });
});
