import { describe, expect, it } from 'vitest';
import { exportCookies, importText } from '../../../../src/ui/inspector/transfer.ts';
import { cookieFromDraft, draftFromCookie, draftProblem, newDraft } from '../../../../src/ui/inspector/cookie-draft.ts';
import type { UserMessage } from '../../../../src/core/user-error.ts';
import { cookie, DAY_S, NOW, NOW_S } from '../../support/make-cookie.ts';
import { english } from '../../support/english.ts';

const words = (ms: readonly UserMessage[]) => ms.map(english).join('\n');
const problem = (...args: Parameters<typeof draftProblem>) => {
  const m = draftProblem(...args);
  return m && english(m);
};

const site = [
  cookie({ name: 'sid', value: 'v1', sameSite: 'strict' }),
  cookie({
    name: 'keep',
    value: 'v2',
    session: false,
    expirationDate: NOW_S + 10 * DAY_S,
    partitionKey: { topLevelSite: 'https://example.test' },
  }),
];

describe('inspector export and import', () => {
  it('Netscape export names what the format loses and where session cookies went', () => {
    const r = exportCookies(site, 'netscape', 'app.example.test');
    expect(r.filename).toBe('app.example.test-cookies.txt');
    expect(r.text).toContain('# Netscape HTTP Cookie File');
    expect(words(r.notes)).toMatch(/SameSite/);
    expect(words(r.notes)).toMatch(/partition/);
    expect(words(r.notes)).toMatch(
      /1 session cookie is written with expiry 0: it stays a session cookie on import, not turned into a dated one\./,
    );
  });

  it('JSON and header exports carry their own notes', () => {
    expect(words(exportCookies(site, 'json', 'x').notes)).toMatch(
      /1 session cookie is written with "session": true and no expirationDate/,
    );
    const h = exportCookies(site, 'header', 'x');
    expect(h.text).toBe('sid=v1; keep=v2');
    expect(words(h.notes)).toMatch(/only names and values/);
  });

  it('an exported file reads back with sameSite, HttpOnly and expiry kept (JSON)', () => {
    const back = importText(exportCookies(site, 'json', 'x').text, 'https://app.example.test/');
    expect(back.format).toBe('json');
    expect(back.cookies[0]).toMatchObject({ name: 'sid', sameSite: 'strict', httpOnly: true, session: true });
    expect(back.cookies[1]).toMatchObject({ name: 'keep', session: false, expirationDate: NOW_S + 10 * DAY_S });
  });

  it('a header string imports for the inspected page', () => {
    const r = importText('a=1; b=2', 'https://app.example.test/');
    expect(r.cookies.map((c) => c.domain)).toEqual(['app.example.test', 'app.example.test']);
  });
});

describe('cookie editor drafts', () => {
  it('round-trips a cookie and refuses what the browser would', () => {
    const c = site[1]!;
    const back = cookieFromDraft(draftFromCookie(c, NOW), c);
    expect(back).toMatchObject({
      name: 'keep',
      partitionKey: { topLevelSite: 'https://example.test' },
      session: false,
    });
    expect(Math.abs(back.expirationDate! - c.expirationDate!)).toBeLessThan(60);
    const d = newDraft('https://app.example.test/x', '0', NOW);
    expect(problem(d, 'chrome', NOW)).toBe('A cookie needs a name.');
    expect(problem({ ...d, name: '__Host-x', path: '/sub' }, 'chrome', NOW)).toBe(
      'Cookie "__Host-x": A "__Host-" cookie must be Secure, host-only and have path "/", but its path is "/sub" instead of "/".',
    );
    expect(problem({ ...d, name: 'ok', sameSite: 'no_restriction', secure: false }, 'chrome', NOW)).toMatch(
      /SameSite=None/,
    );
    expect(problem({ ...d, name: 'ok', partitioned: true, topLevelSite: '' }, 'chrome', NOW)).toMatch(/top-level site/);
    expect(problem({ ...d, name: 'ok', value: 'fine' }, 'chrome', NOW)).toBeUndefined();
  });
});
