import { describe, expect, it } from 'vitest';
import { parseHeaderString, toHeaderString } from '../../../../src/core/cookies/header-string-format.ts';
import { CookieFormatError } from '../../../../src/core/cookies/cookie-format-error.ts';
import { english, thrownText } from '../../support/english.ts';
import { cookie } from '../../support/make-cookie.ts';

const site = { defaultUrl: 'https://app.example.test/account' };

describe('parseHeaderString', () => {
  it('splits on ";" then on the first "="', () => {
    const { cookies } = parseHeaderString('a=b; c=d=e;f=; g = h ', site);
    expect(cookies.map((c) => [c.name, c.value])).toEqual([
      ['a', 'b'],
      ['c', 'd=e'],
      ['f', ''],
      ['g', 'h'],
    ]);
  });

  it('makes host-only session cookies for the given site, path /', () => {
    const [c] = parseHeaderString('a=b', site).cookies;
    expect(c).toEqual({
      name: 'a',
      value: 'b',
      domain: 'app.example.test',
      hostOnly: true,
      path: '/',
      secure: true,
      httpOnly: false,
      sameSite: 'unspecified',
      session: true,
      storeId: '',
    });
    expect(parseHeaderString('a=b', { defaultUrl: 'http://x.test' }).cookies[0]?.secure).toBe(false);
  });

  it('tolerates a "Cookie:" prefix, empty pairs, quotes and several lines', () => {
    const { cookies } = parseHeaderString('Cookie: a=1;; b="q v"\nc=3;', site);
    expect(cookies.map((c) => [c.name, c.value])).toEqual([
      ['a', '1'],
      ['b', '"q v"'],
      ['c', '3'],
    ]);
  });

  it('skips, and warns about, pairs without "=" and repeated names', () => {
    const { cookies, warnings } = parseHeaderString('a=1; lonely; a=2', site);
    expect(cookies.map((c) => c.value)).toEqual(['1']);
    expect(warnings.map(english)).toEqual([
      'Line 1: "lonely" has no "=", so it is not a name=value pair; skipped.',
      '"a" appears more than once; kept the first.',
      'A header string has names and values only: 1 cookie imported for app.example.test only, path /, Secure, not HttpOnly, SameSite unspecified, ending with the browser session.',
    ]);
  });

  it('needs a site address', () => {
    expect(() => parseHeaderString('a=b')).toThrow(CookieFormatError);
    expect(thrownText(() => parseHeaderString('a=b', { defaultUrl: 'not a url' }))).toBe(
      '"not a url" is not a valid address for the cookies.',
    );
  });
});

describe('toHeaderString', () => {
  it('joins names and values and says what is lost', () => {
    const { text, notes } = toHeaderString([cookie({ name: 'a', value: '1' }), cookie({ name: 'b', value: '2' })]);
    expect(text).toBe('a=1; b=2');
    expect(notes.map(english)).toEqual([
      'A header string carries only names and values: the domain, path, expiry, Secure, HttpOnly and SameSite of 2 cookies are not included.',
    ]);
    expect(parseHeaderString(text, site).cookies.map((c) => [c.name, c.value])).toEqual([
      ['a', '1'],
      ['b', '2'],
    ]);
  });

  it('notes repeated names instead of dropping them', () => {
    const { text, notes } = toHeaderString([
      cookie({ name: 'a', value: '1' }),
      cookie({ name: 'a', value: '2', path: '/x' }),
    ]);
    expect(text).toBe('a=1; a=2');
    expect(notes.map(english)).toContain('Names used more than once (a) cannot be told apart in a header string.');
  });

  it('writes nothing and notes nothing for no cookies', () => {
    expect(toHeaderString([])).toEqual({ text: '', notes: [] });
  });
});
