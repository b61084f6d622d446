import { describe, expect, it } from 'vitest';
import type { CookieRecord } from '../../../../src/core/cookies/cookie-record.ts';
import { cookieKey } from '../../../../src/core/cookies/cookie-record.ts';
import { auditCookie } from '../../../../src/core/cookies/audit-cookie.ts';
import { auditSite } from '../../../../src/core/cookies/audit-site.ts';
import { english } from '../../support/english.ts';
import { DAY_S, NOW, NOW_S, STRONG_TOKEN, cookie, goodSession } from '../../support/make-cookie.ts';

const b64url = (s: string) => Buffer.from(s).toString('base64url');
const jwt = (claims: object) =>
  `${b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }))}.${b64url(JSON.stringify(claims))}.c2lnbmF0dXJlLWJ5dGVz`;

function ids(c: CookieRecord): string[] {
  return auditCookie(c, NOW).map((f) => `${f.rule}:${f.severity}:${f.id}`);
}

describe('auditCookie', () => {
  it('finds nothing wrong with a well-made session cookie or a plain preference cookie', () => {
    expect(auditCookie(goodSession(), NOW)).toEqual([]);
    expect(
      auditCookie(
        cookie({
          name: 'theme',
          value: 'dark',
          secure: false,
          httpOnly: false,
          sameSite: 'unspecified',
          hostOnly: false,
          domain: '.example.test',
          session: false,
          expirationDate: NOW_S + 900 * DAY_S,
        }),
        NOW,
      ),
    ).toEqual([]);
  });

  // [rule, failing cookie, expected "rule:severity:id", passing cookie]
  const cases: [number, CookieRecord, string, CookieRecord][] = [
    [1, goodSession({ secure: false, name: 'id' }), '1:High:session-without-secure', goodSession()],
    [2, goodSession({ httpOnly: false }), '2:High:session-without-httponly', goodSession()],
    [
      3,
      cookie({ sameSite: 'no_restriction', secure: false }),
      '3:High:samesite-none-without-secure',
      cookie({ sameSite: 'no_restriction', secure: true }),
    ],
    [4, goodSession({ sameSite: 'unspecified' }), '4:Medium:session-weak-samesite', goodSession({ sameSite: 'lax' })],
    [
      4,
      goodSession({ sameSite: 'no_restriction' }),
      '4:Medium:session-weak-samesite',
      goodSession({ sameSite: 'strict' }),
    ],
    [5, cookie({ name: '__Host-x', path: '/app' }), '5:High:host-prefix-violated', cookie({ name: '__Host-x' })],
    [
      5,
      cookie({ name: '__Host-x', hostOnly: false, domain: '.example.test' }),
      '5:High:host-prefix-violated',
      cookie({ name: '__Host-x' }),
    ],
    [
      5,
      cookie({ name: '__Host-x', secure: false }),
      '5:High:host-prefix-violated',
      cookie({ name: '__Host-x', secure: true }),
    ],
    [5, cookie({ name: '__Secure-x', secure: false }), '5:High:secure-prefix-violated', cookie({ name: '__Secure-x' })],
    [6, goodSession({ name: 'sid' }), '6:Low:session-without-host-prefix', goodSession({ name: '__Host-sid' })],
    [
      7,
      goodSession({ name: 'sid', hostOnly: false, domain: '.example.test' }),
      '7:Medium:session-domain-attribute',
      goodSession({ name: 'sid' }),
    ],
    [
      8,
      goodSession({ session: false, expirationDate: NOW_S + 30 * DAY_S }),
      '8:Medium:session-persistent',
      goodSession(),
    ],
    [
      8,
      goodSession({ session: false, expirationDate: NOW_S + 500 * DAY_S }),
      '8:Low:session-lifetime-over-cap',
      goodSession(),
    ],
    [
      9,
      goodSession({ name: '__Host-sid', value: 'abc123' }),
      '9:High:low-entropy',
      goodSession({ name: '__Host-sid', value: STRONG_TOKEN }),
    ],
    [
      9,
      goodSession({ name: '__Host-sid', value: '9f86d081884c7d6' }),
      '9:High:low-entropy',
      goodSession({ name: '__Host-sid', value: '9f86d081884c7d65' }),
    ],
    [10, goodSession({ name: 'PHPSESSID' }), '10:Info:default-session-name', goodSession({ name: '__Host-app_sid' })],
    [
      11,
      cookie({ value: encodeURIComponent('{"user":"alice","role":"admin"}') }),
      '11:Medium:readable-value',
      cookie({ value: STRONG_TOKEN }),
    ],
    [11, cookie({ value: b64url('{"uid":42}') }), '11:Medium:readable-value', cookie({ value: b64url('hello') })],
    [11, cookie({ value: 'alice%40example.com' }), '11:Medium:readable-value', cookie({ value: 'alice%2Fexample' })],
    [
      11,
      cookie({ name: '__Host-at', value: jwt({ sub: '42', email: 'a@example.com' }) }),
      '11:Medium:readable-value',
      cookie({ value: '123' }),
    ],
    [12, cookie({ value: 'x'.repeat(4100) }), '12:High:oversized', cookie({ value: 'x'.repeat(3000) })],
    [12, cookie({ value: 'x'.repeat(3600) }), '12:Medium:near-size-limit', cookie({ value: 'x'.repeat(3495) })],
  ];

  it.each(cases)('rule %i fires on the bad cookie and not on the good one', (rule, bad, expected, good) => {
    expect(ids(bad)).toContain(expected);
    expect(ids(good).filter((id) => id.startsWith(`${rule}:`))).toEqual([]);
  });

  it.each(cases)('rule %i: title, reason and fix read in English, every substitution given', (_rule, bad) => {
    for (const f of auditCookie(bad, NOW)) {
      for (const m of [f.title, f.reason, f.fix]) expect(english(m)).not.toMatch(/\$|undefined|\[object/);
    }
  });

  it('lists findings worst first', () => {
    const severities = auditCookie(
      cookie({ name: 'PHPSESSID', value: 'abc123', secure: false, httpOnly: false, sameSite: 'no_restriction' }),
      NOW,
    ).map((f) => f.severity);
    expect(severities).toEqual(
      [...severities].sort(
        (a, b) => ['High', 'Medium', 'Low', 'Info'].indexOf(a) - ['High', 'Medium', 'Low', 'Info'].indexOf(b),
      ),
    );
    expect(severities[0]).toBe('High');
  });

  it('names what a JWT reveals', () => {
    const f = auditCookie(cookie({ name: '__Host-at', value: jwt({ sub: '42', email: 'a@example.com' }) }), NOW).find(
      (x) => x.rule === 11,
    );
    expect(english(f?.reason)).toBe(
      'The value (as stored) is a JWT whose claims anyone can read: sub, email, including the e-mail address a@example.com. ' +
        'Identifiers should be meaningless: anyone who sees the cookie (logs, proxies, scripts) learns this, and unsigned data can be edited.',
    );
  });

  it('does not apply session rules to a CSRF cookie that scripts must read', () => {
    expect(
      auditCookie(cookie({ name: 'XSRF-TOKEN', value: STRONG_TOKEN, httpOnly: false, sameSite: 'unspecified' }), NOW),
    ).toEqual([]);
  });

  it('gives every finding a title, a reason and a fix', () => {
    for (const f of auditCookie(
      cookie({
        name: 'PHPSESSID',
        value: 'abc123',
        secure: false,
        httpOnly: false,
        sameSite: 'no_restriction',
        hostOnly: false,
        domain: '.example.test',
        session: false,
        expirationDate: NOW_S + DAY_S,
      }),
      NOW,
    )) {
      expect(english(f.title).length).toBeGreaterThan(5);
      expect(english(f.reason).length).toBeGreaterThan(20);
      expect(english(f.fix).length).toBeGreaterThan(5);
    }
  });

  it('starts the reason of a session rule with why the cookie looks like a session token', () => {
    const [noSecure] = auditCookie(goodSession({ name: 'sid', secure: false }), NOW);
    expect(english(noSecure?.reason)).toBe(
      'It looks like a session token (its name "sid" is a usual session-ID name). Without Secure it is also sent ' +
        'over plain HTTP, where anyone on the network can copy it and take over the session.',
    );
  });

  it('counts days in the right form', () => {
    const reason = (days: number) =>
      english(
        auditCookie(goodSession({ session: false, expirationDate: NOW_S + days * DAY_S }), NOW).find(
          (f) => f.rule === 8,
        )?.reason,
      );
    expect(reason(1)).toMatch(/It lasts 1 more day instead/);
    expect(reason(30)).toMatch(/It lasts 30 more days instead/);
    expect(
      english(
        auditCookie(goodSession({ session: false, expirationDate: NOW_S + 500 * DAY_S }), NOW).find((f) => f.rule === 8)
          ?.title,
      ),
    ).toBe('Session cookie claims to last 500 days');
  });

  it('names every missing part of a "__Host-" prefix', () => {
    const f = auditCookie(
      cookie({ name: '__Host-x', secure: false, hostOnly: false, domain: '.example.test', path: '/a' }),
      NOW,
    ).find((x) => x.rule === 5);
    expect(english(f?.reason)).toBe(
      'A "__Host-" cookie must be Secure, host-only and have path "/", but it is not Secure, it has a Domain attribute ' +
        '(not host-only), its path is "/a" instead of "/". Browsers refuse such a cookie (RFC 6265bis).',
    );
  });
});

describe('auditSite', () => {
  const many = (n: number, over: Partial<CookieRecord> = {}) =>
    Array.from({ length: n }, (_, i) => cookie({ name: `c${i}`, ...over }));

  it('rule 13: Info past 50 cookies on one registrable domain, Medium past 180', () => {
    expect(auditSite(many(50), NOW).site).toEqual([]);
    const info = auditSite(many(51), NOW).site;
    expect(info.map((f) => `${f.rule}:${f.severity}:${f.id}`)).toEqual(['13:Info:many-cookies']);
    expect(english(info[0]?.title)).toBe('51 cookies on example.test');
    expect(english(info[0]?.reason)).toBe(
      'example.test has 51 cookies; every request carries them, and Chrome starts evicting at 180.',
    );
    expect(auditSite(many(180), NOW).site.map((f) => f.severity)).toEqual(['Info']);
    expect(auditSite(many(181), NOW).site.map((f) => `${f.rule}:${f.severity}`)).toEqual(['13:Medium']);
  });

  it('rule 13 past 180 cookies, and under an unnamed top-level site', () => {
    const [f] = auditSite(many(181, { partitionKey: {} }), NOW).site;
    expect(english(f?.reason)).toBe(
      'example.test (partitioned under a top-level site) has 181 cookies; Chrome keeps at most 180 per domain and ' +
        'evicts the oldest, which can log people out at random.',
    );
    expect(english(f?.fix)).toBe('Remove cookies the site no longer uses, or merge them.');
  });

  it('rule 13 counts subdomains together and partitions apart', () => {
    const split = [...many(30, { domain: 'a.example.test' }), ...many(30, { domain: 'b.example.test' })].map(
      (c, i) => ({ ...c, name: `n${i}` }),
    );
    expect(auditSite(split, NOW).site.map((f) => f.rule)).toEqual([13]);
    const partitioned = [...many(30), ...many(30, { partitionKey: { topLevelSite: 'https://top.test' } })];
    expect(auditSite(partitioned, NOW).site).toEqual([]);
  });

  it('rule 13 falls back to the host for IPs and localhost', () => {
    expect(english(auditSite(many(51, { domain: '127.0.0.1' }), NOW).site[0]?.title)).toMatch(/127\.0\.0\.1/);
    expect(english(auditSite(many(51, { domain: 'localhost' }), NOW).site[0]?.title)).toMatch(/localhost/);
  });

  it('rule 13 says under which top-level site partitioned cookies are counted', () => {
    const site = auditSite(many(51, { partitionKey: { topLevelSite: 'https://top.test' } }), NOW).site;
    expect(english(site[0]?.reason)).toMatch(
      /^example\.test \(partitioned under https:\/\/top\.test\) has 51 cookies;/,
    );
  });

  it('rule 14: one name at a parent domain and at the host is Low', () => {
    const a = cookie({ name: 'sid', value: STRONG_TOKEN });
    const b = cookie({ name: 'sid', value: STRONG_TOKEN, domain: '.example.test', hostOnly: false });
    const r = auditSite([a, b], NOW);
    expect(r.site.map((f) => `${f.rule}:${f.severity}:${f.id}`)).toEqual(['14:Low:same-name-several-scopes']);
    expect(r.site[0]?.cookies).toEqual([cookieKey(a), cookieKey(b)]);
    expect(english(r.site[0]?.title)).toBe('"sid" exists at 2 scopes');
    expect(english(r.site[0]?.reason)).toMatch(
      /^The cookie "sid" is set at app\.example\.test \(path \/\), \.example\.test \(path \/\)\. Requests carry all of them/,
    );
  });

  it('rule 14: one name on two paths that overlap is Low; unrelated scopes are not', () => {
    expect(
      auditSite([cookie({ name: 'x' }), cookie({ name: 'x', path: '/app' })], NOW).site.map((f) => f.rule),
    ).toEqual([14]);
    expect(auditSite([cookie({ name: 'x', path: '/a' }), cookie({ name: 'x', path: '/b' })], NOW).site).toEqual([]);
    expect(
      auditSite([cookie({ name: 'x', domain: 'a.example.test' }), cookie({ name: 'x', domain: 'b.example.test' })], NOW)
        .site,
    ).toEqual([]);
    expect(auditSite([cookie({ name: 'x' }), cookie({ name: 'x', storeId: '1' })], NOW).site).toEqual([]);
    expect(auditSite([cookie({ name: 'x' }), cookie({ name: 'y', path: '/app' })], NOW).site).toEqual([]);
  });

  it('keys per-cookie findings by cookieKey and sums every severity', () => {
    const bad = cookie({
      name: 'PHPSESSID',
      value: 'abc123',
      secure: false,
      httpOnly: false,
      sameSite: 'no_restriction',
    });
    const good = goodSession();
    const r = auditSite(
      [
        bad,
        good,
        cookie({
          name: 'PHPSESSID',
          value: 'abc123',
          domain: '.example.test',
          hostOnly: false,
          secure: false,
          httpOnly: false,
          sameSite: 'no_restriction',
        }),
      ],
      NOW,
    );
    expect(r.perCookie.get(cookieKey(good))).toEqual([]);
    expect(r.perCookie.get(cookieKey(bad))?.map((f) => f.rule)).toEqual([1, 2, 3, 9, 4, 6, 10]);
    const all = [...[...r.perCookie.values()].flat(), ...r.site];
    expect(r.summary).toEqual({
      high: all.filter((f) => f.severity === 'High').length,
      medium: all.filter((f) => f.severity === 'Medium').length,
      low: all.filter((f) => f.severity === 'Low').length,
      info: all.filter((f) => f.severity === 'Info').length,
    });
    expect(r.summary.low).toBeGreaterThanOrEqual(3); // two rule-6 findings and rule 14
  });
});
