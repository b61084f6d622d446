import { describe, expect, it } from 'vitest';
import { frameworkOf, sessionLikeReason } from '../../../../src/core/cookies/session-like.ts';
import { english } from '../../support/english.ts';
import { STRONG_TOKEN } from '../../support/make-cookie.ts';

const looks = (name: string, value = 'x') => {
  const why = sessionLikeReason({ name, value });
  return why && english(why);
};

describe('sessionLikeReason', () => {
  it.each([
    'JSESSIONID',
    'PHPSESSID',
    'ASP.NET_SessionId',
    'CFID',
    'CFTOKEN',
    'connect.sid',
    'CGISESSID',
    'laravel_session',
    '_session_id',
    'sessionid',
    'ASPSESSIONIDQQGGQRBS',
    'SESS0123456789abcdef0123456789abcdef',
  ])('knows the framework name %s', (name) => {
    expect(frameworkOf(name)).toBeDefined();
    expect(looks(name)).toMatch(/default session cookie name/);
  });

  it.each([
    'sid',
    'SID',
    'user_sid',
    'SSID',
    'APISID',
    '__Secure-3PSID',
    'mySession',
    'app_sess',
    'sess',
    '__Host-session',
    'auth_token',
    'accessToken',
    'refresh-token',
    'jwt',
    'auth',
    'AuthCookie',
    'oauth_state',
  ])('flags the name %s', (name) => {
    expect(looks(name)).toBeDefined();
  });

  it.each([
    'sidebar',
    'inside',
    'consider',
    'sidebar_open',
    'assessment',
    'possession',
    'author',
    'author_name',
    'theme',
    'lang',
    'cart',
    'prefs',
    'csrftoken',
    'XSRF-TOKEN',
    '_csrf',
    '_ga',
    '_gid',
    '_uetsid',
    '_pin_unauth',
  ])('does not flag the name %s with a plain value', (name) => {
    expect(looks(name)).toBeUndefined();
  });

  it('flags an opaque high-entropy value whatever the name', () => {
    expect(looks('x', STRONG_TOKEN)).toMatch(/random token \(about 128 bits\)/);
    expect(looks('x', 'kJ3nQ8zR_x2-LmP0aVt7Yw')).toMatch(/random token/);
    expect(looks('x', 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl')).toMatch(/JWT/);
  });

  it('does not flag structured, short, numeric or repetitive values', () => {
    expect(looks('x', '9f86d081884c7d6')).toBeUndefined(); // 15 characters
    expect(looks('x', 'GA1.2.1234567890.1700000000')).toBeUndefined();
    expect(looks('x', '17000000000001234')).toBeUndefined();
    expect(looks('x', 'a'.repeat(40))).toBeUndefined();
    expect(looks('x', 'Wed%2C%2001%20Jan%202025')).toBeUndefined();
    expect(looks('x', 'aGVsbG8gd29ybGQgaG93IGFyZSB5b3U')).toBeUndefined(); // base64 of plain text
  });

  it('never treats analytics or CSRF cookies as sessions, even with random values', () => {
    expect(looks('_ga', STRONG_TOKEN)).toBeUndefined();
    expect(looks('csrftoken', STRONG_TOKEN)).toBeUndefined();
  });
});
