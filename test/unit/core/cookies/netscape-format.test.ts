import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { CookieRecord } from '../../../../src/core/cookies/cookie-record.ts';
import { parseNetscape, toNetscape } from '../../../../src/core/cookies/netscape-format.ts';
import { CookieFormatError } from '../../../../src/core/cookies/cookie-format-error.ts';
import { english, thrownText } from '../../support/english.ts';
import { cookie } from '../../support/make-cookie.ts';

const fixture = readFileSync(new URL('../../../fixtures/cookies.txt', import.meta.url), 'utf8');

describe('parseNetscape', () => {
  it('reads the fixture into concrete cookies', () => {
    const { cookies, warnings } = parseNetscape(fixture);
    const base = { sameSite: 'unspecified', storeId: '' } as const;
    expect(cookies).toEqual<CookieRecord[]>([
      {
        ...base,
        name: 'prefs',
        value: 'lang%3Den',
        domain: '.example.test',
        hostOnly: false,
        path: '/',
        secure: true,
        httpOnly: false,
        session: false,
        expirationDate: 2000000000,
      },
      {
        ...base,
        name: 'sid',
        value: '9f86d081884c7d659a2feaa0c55ad015',
        domain: 'app.example.test',
        hostOnly: true,
        path: '/',
        secure: true,
        httpOnly: false,
        session: true,
      },
      {
        ...base,
        name: '__Host-session',
        value: '2c26b46b68ffc68ff99b453c1d304134',
        domain: 'app.example.test',
        hostOnly: true,
        path: '/',
        secure: true,
        httpOnly: true,
        session: true,
      },
      {
        ...base,
        name: 'cart',
        value: '3-items',
        domain: 'shop.example.test',
        hostOnly: true,
        path: '/cart',
        secure: false,
        httpOnly: false,
        session: false,
        expirationDate: 1900000000,
      },
    ]);
    expect(warnings.map(english)).toEqual([
      "cookies.txt has no SameSite: 4 cookies imported with SameSite unspecified (the browser's default).",
    ]);
  });

  it('treats #HttpOnly_ as a flag and other # lines as comments', () => {
    const { cookies } = parseNetscape(
      '# a comment\n#HttpOnly_.example.test\tTRUE\t/\tFALSE\t0\tn\tv\n#example.test\tFALSE\t/\tFALSE\t0\tgone\tv\n',
    );
    expect(cookies.map((c) => [c.name, c.httpOnly, c.domain, c.hostOnly])).toEqual([
      ['n', true, '.example.test', false],
    ]);
  });

  it('keeps expires 0 a session cookie', () => {
    const [c] = parseNetscape('example.test\tFALSE\t/\tFALSE\t0\tn\tv').cookies;
    expect(c?.session).toBe(true);
    expect(c && 'expirationDate' in c).toBe(false);
  });

  it('follows includeSubdomains when the dot disagrees, and says so', () => {
    const r = parseNetscape('.example.test\tFALSE\t/\tFALSE\t0\tn\tv\nexample.test\tTRUE\t/\tFALSE\t0\tm\tv');
    expect(r.cookies.map((c) => [c.domain, c.hostOnly])).toEqual([
      ['example.test', true],
      ['.example.test', false],
    ]);
    expect(r.warnings.map(english).filter((w) => w.includes('disagree'))).toEqual([
      'Line 1: domain ".example.test" and includeSubdomains FALSE disagree; followed includeSubdomains (host-only).',
      'Line 2: domain "example.test" and includeSubdomains TRUE disagree; followed includeSubdomains (shared with subdomains).',
    ]);
  });

  it('accepts CRLF, a BOM, an empty value and space-separated fields', () => {
    const r = parseNetscape(
      '\uFEFFexample.test\tFALSE\t/\tFALSE\t0\tempty\t\r\nexample.test  FALSE  /  TRUE  0  spaced  v\r\n',
    );
    expect(r.cookies.map((c) => [c.name, c.value, c.secure])).toEqual([
      ['empty', '', false],
      ['spaced', 'v', true],
    ]);
    expect(r.warnings.map(english)).toContain(
      'Line 2: fields are separated by spaces instead of TABs; read them anyway.',
    );
  });

  it.each([
    ['too few fields', 'example.test\tFALSE\t/\tFALSE', 1, /7 TAB-separated fields/],
    ['a bad flag', '# h\n\nexample.test\tYES\t/\tFALSE\t0\tn\tv', 3, /TRUE or FALSE/],
    ['a bad expiry', '# h\nexample.test\tFALSE\t/\tFALSE\tsoon\tn\tv', 2, /Unix seconds/],
    ['an empty domain', '\tFALSE\t/\tFALSE\t0\tn\tv', 1, /domain/],
  ])('reports %s with its line number', (_l, text, line, message) => {
    try {
      parseNetscape(text);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(CookieFormatError);
      expect((e as CookieFormatError).line).toBe(line);
      const words = english((e as CookieFormatError).userMessage);
      expect(words).toMatch(message);
      expect(words).toMatch(new RegExp(`^Line ${line}:`));
    }
  });

  it('quotes the value it could not read', () => {
    expect(thrownText(() => parseNetscape('example.test\tFALSE\t/\tFALSE\tsoon\tn\tv'))).toBe(
      'Line 1: expires (field 5) must be Unix seconds or 0 for a session cookie, found "soon".',
    );
  });
});

describe('toNetscape', () => {
  const cookies: CookieRecord[] = [
    cookie({ name: 'host', httpOnly: true, sameSite: 'unspecified', storeId: '' }),
    cookie({
      name: 'dom',
      domain: '.example.test',
      hostOnly: false,
      httpOnly: false,
      session: false,
      expirationDate: 2000000000,
      sameSite: 'unspecified',
      storeId: '',
    }),
    cookie({
      name: 'dotless',
      domain: 'example.test',
      hostOnly: false,
      httpOnly: false,
      secure: false,
      path: '/a',
      sameSite: 'unspecified',
      storeId: '',
    }),
    cookie({ name: 'tabbed', value: 'a\tb', httpOnly: false, sameSite: 'unspecified', storeId: '' }),
  ];

  it('writes the header, #HttpOnly_, and a leading dot exactly for domain cookies', () => {
    const { text, notes } = toNetscape(cookies);
    const lines = text.split('\n');
    expect(lines[0]).toBe('# Netscape HTTP Cookie File');
    expect(lines).toContain('#HttpOnly_app.example.test\tFALSE\t/\tTRUE\t0\thost\tdark');
    expect(lines).toContain('.example.test\tTRUE\t/\tTRUE\t2000000000\tdom\tdark');
    expect(lines).toContain('.example.test\tTRUE\t/a\tFALSE\t0\tdotless\tdark');
    expect(notes).toEqual([]);
  });

  it('round-trips through parseNetscape', () => {
    const back = parseNetscape(toNetscape(cookies).text).cookies;
    expect(back).toEqual(
      cookies.map((c) => ({ ...c, domain: c.hostOnly ? c.domain : `.${c.domain.replace(/^\./, '')}` })),
    );
  });

  it('round-trips the fixture line for line', () => {
    const body = (t: string) => t.split('\n').filter((l) => l && !(l.startsWith('#') && !l.startsWith('#HttpOnly_')));
    expect(body(toNetscape(parseNetscape(fixture).cookies).text)).toEqual(body(fixture));
  });

  it('says what cookies.txt cannot carry', () => {
    const { notes } = toNetscape([
      cookie({ sameSite: 'lax' }),
      cookie({ name: 'b', sameSite: 'strict', partitionKey: { topLevelSite: 'https://top.test' } }),
      cookie({ name: 'c', sameSite: 'unspecified', storeId: 'firefox-container-1', firstPartyDomain: 'example.test' }),
      cookie({ name: 'd', session: false, expirationDate: 2000000000.5 }),
    ]);
    expect(notes.map(english)).toEqual([
      'cookies.txt has no SameSite: 3 cookies lose their SameSite setting.',
      'cookies.txt has no partition key: 1 partitioned cookie will import unpartitioned.',
      "cookies.txt has no first-party domain: 1 cookie loses Firefox's first-party isolation.",
      'cookies.txt has no cookie stores: 4 cookies from 2 stores (0, firefox-container-1) will all import into one store.',
      'cookies.txt keeps whole seconds: 1 expiry time rounded.',
    ]);
  });

  it('leaves out, and names, a cookie whose name would break the line', () => {
    const { text, notes } = toNetscape([cookie({ name: 'bad\nname', sameSite: 'unspecified' })]);
    expect(text).not.toContain('bad');
    expect(english(notes[0])).toMatch(/1 cookie left out \(bad\nname\)/);
  });
});
