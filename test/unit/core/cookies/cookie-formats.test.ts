import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { detectCookieFormat, parseCookies } from '../../../../src/core/cookies/cookie-formats.ts';
import { CookieFormatError } from '../../../../src/core/cookies/cookie-format-error.ts';
import { english, thrownText } from '../../support/english.ts';

const read = (name: string) => readFileSync(new URL(`../../../fixtures/${name}`, import.meta.url), 'utf8');

describe('detectCookieFormat', () => {
  it.each([
    [read('cookies.txt'), 'netscape'],
    [read('cookie-editor.json'), 'json'],
    ['#HttpOnly_x.test\tFALSE\t/\tTRUE\t0\tn\tv', 'netscape'],
    ['x.test\tFALSE\t/\tTRUE\t0\tn\tv', 'netscape'],
    ['x.test FALSE / TRUE 0 n v', 'netscape'],
    ['\uFEFF  [ ]', 'json'],
    ['a=b; c=d', 'header'],
    ['Cookie: a=b', 'header'],
    ['', undefined],
    ['just some words', undefined],
  ])('%j → %s', (text, format) => {
    expect(detectCookieFormat(text)).toBe(format);
  });
});

describe('parseCookies', () => {
  it('reads both fixtures', () => {
    expect(parseCookies(read('cookies.txt')).cookies.map((c) => c.name)).toEqual([
      'prefs',
      'sid',
      '__Host-session',
      'cart',
    ]);
    const json = parseCookies(read('cookie-editor.json'));
    expect(json.format).toBe('json');
    expect(json.cookies.map((c) => c.name)).toEqual(['__Host-session', 'prefs', 'PHPSESSID']);
  });

  it('reads a header string with the caller’s address', () => {
    const r = parseCookies('a=b; c=d', { defaultUrl: 'https://x.test/' });
    expect(r.format).toBe('header');
    expect(r.cookies.map((c) => c.domain)).toEqual(['x.test', 'x.test']);
  });

  it('rejects what it cannot recognise', () => {
    expect(() => parseCookies('just some words')).toThrow(CookieFormatError);
    expect(thrownText(() => parseCookies(''))).toMatch(/^Line 1: not a cookie file/);
  });

  it('warns when a recognised file holds no cookies', () => {
    expect(parseCookies('# Netscape HTTP Cookie File\n').warnings.map(english)).toEqual(['No cookies found.']);
  });
});
