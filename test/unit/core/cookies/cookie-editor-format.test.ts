import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { CookieRecord } from '../../../../src/core/cookies/cookie-record.ts';
import { parseCookieEditorJson, toCookieEditorJson } from '../../../../src/core/cookies/cookie-editor-format.ts';
import { CookieFormatError } from '../../../../src/core/cookies/cookie-format-error.ts';
import { english } from '../../support/english.ts';
import { cookie } from '../../support/make-cookie.ts';

const fixture = readFileSync(new URL('../../../fixtures/cookie-editor.json', import.meta.url), 'utf8');

function errorOf(text: string): CookieFormatError {
  try {
    parseCookieEditorJson(text);
  } catch (e) {
    if (e instanceof CookieFormatError) return e;
    throw e;
  }
  throw new Error('no error');
}

describe('parseCookieEditorJson', () => {
  it('reads the fixture into concrete cookies', () => {
    const { cookies, warnings } = parseCookieEditorJson(fixture);
    expect(warnings).toEqual([]);
    expect(cookies).toEqual<CookieRecord[]>([
      {
        name: '__Host-session',
        value: '2c26b46b68ffc68ff99b453c1d304134',
        domain: 'app.example.test',
        hostOnly: true,
        path: '/',
        secure: true,
        httpOnly: true,
        sameSite: 'lax',
        session: true,
        storeId: '',
      },
      {
        name: 'prefs',
        value: 'lang%3Den',
        domain: '.example.test',
        hostOnly: false,
        path: '/',
        secure: true,
        httpOnly: false,
        sameSite: 'unspecified',
        session: false,
        expirationDate: 2000000000,
        storeId: '',
      },
      {
        name: 'PHPSESSID',
        value: 'abc123',
        domain: 'legacy.example.test',
        hostOnly: true,
        path: '/',
        secure: false,
        httpOnly: false,
        sameSite: 'no_restriction',
        session: true,
        storeId: '',
      },
    ]);
  });

  it('keeps Firefox firstPartyDomain, a store, and a partition key', () => {
    const [c] = parseCookieEditorJson(
      JSON.stringify([
        {
          name: 'a',
          value: 'b',
          domain: 'x.test',
          hostOnly: true,
          path: '/',
          secure: true,
          httpOnly: false,
          sameSite: 'strict',
          session: true,
          storeId: 'firefox-container-2',
          firstPartyDomain: 'x.test',
          partitionKey: { topLevelSite: 'https://top.test', hasCrossSiteAncestor: false },
        },
      ]),
    ).cookies;
    expect(c).toMatchObject({
      storeId: 'firefox-container-2',
      firstPartyDomain: 'x.test',
      partitionKey: { topLevelSite: 'https://top.test', hasCrossSiteAncestor: false },
    });
  });

  it('fills in what look-alike exports leave out', () => {
    const { cookies } = parseCookieEditorJson(
      JSON.stringify({
        cookies: [
          { name: 'a', value: 'b', domain: '.x.test', sameSite: 'Lax', expires: 2000000000 },
          { name: 'c', value: 'd', domain: 'x.test', sameSite: 'None', secure: true, expires: -1 },
        ],
      }),
    );
    expect(cookies.map((c) => [c.domain, c.hostOnly, c.path, c.sameSite, c.session, c.expirationDate])).toEqual([
      ['.x.test', false, '/', 'lax', false, 2000000000],
      ['x.test', true, '/', 'no_restriction', true, undefined],
    ]);
  });

  it('keeps an expiry rather than making the cookie a session cookie, and says so', () => {
    const r = parseCookieEditorJson(
      '[{"name":"a","value":"b","domain":"x.test","session":true,"expirationDate":2000000000}]',
    );
    expect(r.cookies[0]).toMatchObject({ session: false, expirationDate: 2000000000 });
    expect(r.warnings.map(english)).toEqual([
      '$[0]: "session" is true but an expiry is given; kept it as a persistent cookie.',
    ]);
  });

  it('points at the line of a JSON syntax error', () => {
    const e = errorOf('[\n  {"name": "a",\n   "value": }\n]');
    expect(e.line).toBe(3);
    expect(english(e.userMessage)).toBe('Line 3, column 13: not valid JSON: unexpected character "}".');
  });

  it('reports a truncated file', () => {
    expect(english(errorOf('[{"name": "a"').userMessage)).toBe(
      'Line 1, column 14: not valid JSON: the file ends too early (is it cut off?).',
    );
  });

  it.each([
    ['{"a": 1}', '$'],
    ['[1]', '$[0]'],
    ['[{"value": "v", "domain": "x.test"}]', '$[0].name'],
    ['[{"name": "n", "domain": "x.test"}]', '$[0].value'],
    ['[{"name": "n", "value": "v"}]', '$[0].domain'],
    ['[{"name": "n", "value": "v", "domain": "x.test", "secure": "yes"}]', '$[0].secure'],
    [
      '[{"name": "n", "value": "v", "domain": "x.test"}, {"name": "n", "value": "v", "domain": "x.test", "expirationDate": "soon"}]',
      '$[1].expirationDate',
    ],
  ])('%s fails at %s', (text, path) => {
    const e = errorOf(text);
    expect(e.path).toBe(path);
    expect(english(e.userMessage).startsWith(`${path}: `)).toBe(true);
  });
});

describe('toCookieEditorJson', () => {
  it('writes browser Cookie objects: sameSite null for unspecified, storeId null, expiry only when persistent', () => {
    const { text } = toCookieEditorJson([
      cookie({ name: 'a', sameSite: 'unspecified' }),
      cookie({
        name: 'b',
        domain: '.example.test',
        hostOnly: false,
        session: false,
        expirationDate: 2000000000,
        firstPartyDomain: '',
      }),
    ]);
    const out = JSON.parse(text) as Record<string, unknown>[];
    expect(out[0]).toEqual({
      domain: 'app.example.test',
      hostOnly: true,
      httpOnly: true,
      name: 'a',
      path: '/',
      sameSite: null,
      secure: true,
      session: true,
      storeId: null,
      value: 'dark',
    });
    expect(Object.keys(out[1] ?? {})).toEqual([
      'domain',
      'expirationDate',
      'hostOnly',
      'httpOnly',
      'name',
      'path',
      'sameSite',
      'secure',
      'session',
      'storeId',
      'value',
      'firstPartyDomain',
    ]);
    expect(out[1]).toMatchObject({ expirationDate: 2000000000, sameSite: 'lax', session: false, firstPartyDomain: '' });
  });

  it('round-trips the fixture to the same JSON', () => {
    const parsed = parseCookieEditorJson(fixture).cookies;
    expect(JSON.parse(toCookieEditorJson(parsed).text)).toEqual(JSON.parse(fixture));
  });

  it('round-trips every sameSite, session and domain shape', () => {
    const cookies: CookieRecord[] = (['no_restriction', 'lax', 'strict', 'unspecified'] as const).flatMap(
      (sameSite, i) => [
        cookie({ name: `h${i}`, sameSite, storeId: '' }),
        cookie({
          name: `d${i}`,
          sameSite,
          storeId: '',
          domain: '.example.test',
          hostOnly: false,
          session: false,
          expirationDate: 1900000000 + i,
          partitionKey: { topLevelSite: 'https://top.test' },
        }),
      ],
    );
    expect(parseCookieEditorJson(toCookieEditorJson(cookies).text).cookies).toEqual(cookies);
  });

  it('says what it cannot carry', () => {
    const { notes } = toCookieEditorJson([
      cookie({ storeId: 'firefox-private' }),
      cookie({ name: 'p', partitionKey: { topLevelSite: 'https://t.test' } }),
    ]);
    expect(notes.map(english)).toEqual([
      'Cookie-Editor JSON (storeId is always null) has no cookie stores: 2 cookies from 2 stores (firefox-private, 0) will all import into one store.',
      '1 partitioned cookie keeps its partitionKey, but Cookie-Editor itself ignores it and would import it unpartitioned.',
    ]);
    expect(toCookieEditorJson([cookie()]).notes).toEqual([]);
  });
});
