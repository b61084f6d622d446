import { describe, expect, it } from 'vitest';
import { cookieUrl } from '../../../../src/core/cookies/cookie-url.ts';
import { toSetDetails } from '../../../../src/core/cookies/set-details.ts';
import { english } from '../../support/english.ts';
import { DAY_S, NOW, NOW_S, cookie } from '../../support/make-cookie.ts';

const chrome = { browser: 'chrome', now: NOW } as const;
const firefox = { browser: 'firefox', now: NOW } as const;

describe('cookieUrl', () => {
  it.each([
    [{ secure: true, domain: 'app.example.test', path: '/' }, 'https://app.example.test/'],
    [{ secure: false, domain: 'app.example.test', path: '/' }, 'http://app.example.test/'],
    [{ secure: true, domain: '.example.test', path: '/' }, 'https://example.test/'],
    [{ secure: false, domain: '.Example.TEST', path: '/cart' }, 'http://example.test/cart'],
    [{ secure: true, domain: 'shop.example.test', path: '/a/b/' }, 'https://shop.example.test/a/b/'],
    [{ secure: false, domain: '127.0.0.1', path: '/' }, 'http://127.0.0.1/'],
    [{ secure: false, domain: '::1', path: '/' }, 'http://[::1]/'],
    [{ secure: true, domain: 'localhost', path: 'x' }, 'https://localhost/x'],
  ])('%o → %s', (c, url) => {
    expect(cookieUrl(c)).toBe(url);
  });
});

describe('toSetDetails', () => {
  it('passes every field a session host-only cookie needs, and no domain or expiry', () => {
    const r = toSetDetails(cookie({ name: 'sid', value: 'v', sameSite: 'strict' }), chrome);
    expect(r).toEqual({
      ok: true,
      details: {
        url: 'https://app.example.test/',
        name: 'sid',
        value: 'v',
        path: '/',
        secure: true,
        httpOnly: true,
        sameSite: 'strict',
        storeId: '0',
      },
    });
  });

  it('gives a domain cookie its domain and a persistent cookie its expiry', () => {
    const exp = NOW_S + 10 * DAY_S;
    const r = toSetDetails(
      cookie({ domain: '.example.test', hostOnly: false, session: false, expirationDate: exp, path: '/cart' }),
      chrome,
    );
    expect(r.ok && r.details).toMatchObject({
      url: 'https://example.test/cart',
      domain: '.example.test',
      expirationDate: exp,
      path: '/cart',
    });
  });

  it('keeps a session cookie a session cookie even if an expiry lingers', () => {
    const r = toSetDetails(cookie({ session: true, expirationDate: NOW_S + DAY_S }), chrome);
    expect(r.ok && 'expirationDate' in r.details).toBe(false);
  });

  it('omits the storeId when the record has none (imports go to the current store)', () => {
    const r = toSetDetails(cookie({ storeId: '' }), chrome);
    expect(r.ok && 'storeId' in r.details).toBe(false);
  });

  it('sends sameSite unspecified to Chrome but leaves it out on Firefox', () => {
    const c = cookie({ sameSite: 'unspecified' });
    const onChrome = toSetDetails(c, chrome);
    const onFirefox = toSetDetails(c, firefox);
    expect(onChrome.ok && onChrome.details.sameSite).toBe('unspecified');
    expect(onFirefox.ok && 'sameSite' in onFirefox.details).toBe(false);
    const lax = toSetDetails(cookie({ sameSite: 'lax' }), firefox);
    expect(lax.ok && lax.details.sameSite).toBe('lax');
  });

  it('passes firstPartyDomain to Firefox only', () => {
    const c = cookie({ firstPartyDomain: 'example.test' });
    const onChrome = toSetDetails(c, chrome);
    const onFirefox = toSetDetails(c, firefox);
    expect(onChrome.ok && 'firstPartyDomain' in onChrome.details).toBe(false);
    expect(onFirefox.ok && onFirefox.details.firstPartyDomain).toBe('example.test');
    const plain = toSetDetails(cookie(), firefox);
    expect(plain.ok && plain.details.firstPartyDomain).toBe('');
  });

  it('passes the partition key back (Firefox gets topLevelSite only)', () => {
    const c = cookie({ partitionKey: { topLevelSite: 'https://top.test', hasCrossSiteAncestor: true } });
    const onChrome = toSetDetails(c, chrome);
    const onFirefox = toSetDetails(c, firefox);
    expect(onChrome.ok && onChrome.details.partitionKey).toEqual({
      topLevelSite: 'https://top.test',
      hasCrossSiteAncestor: true,
    });
    expect(onFirefox.ok && onFirefox.details.partitionKey).toEqual({ topLevelSite: 'https://top.test' });
    expect('partitionKey' in (toSetDetails(cookie(), chrome) as { details: object }).details).toBe(false);
  });

  it.each([
    ['expired', cookie({ session: false, expirationDate: NOW_S - 1 }), /expired/],
    ['expiring exactly now', cookie({ session: false, expirationDate: NOW_S }), /expired/],
    ['__Host- not Secure', cookie({ name: '__Host-id', secure: false, sameSite: 'lax' }), /__Host-.*not Secure/],
    [
      '__Host- with a Domain',
      cookie({ name: '__Host-id', hostOnly: false, domain: '.example.test' }),
      /Domain attribute/,
    ],
    ['__Host- on a sub-path', cookie({ name: '__Host-id', path: '/app' }), /path is "\/app"/],
    ['__host- in lower case', cookie({ name: '__host-id', path: '/app' }), /__Host-/],
    ['__Secure- not Secure', cookie({ name: '__Secure-id', secure: false }), /__Secure-.*not/],
    [
      'SameSite=None without Secure',
      cookie({ sameSite: 'no_restriction', secure: false }),
      /SameSite=None without Secure/,
    ],
    ['name+value over 4096 bytes', cookie({ name: 'big', value: 'x'.repeat(4094) }), /4097 bytes/],
    ['multi-byte value over 4096 bytes', cookie({ name: 'n', value: 'é'.repeat(2048) }), /4097 bytes/],
    ['empty domain', cookie({ domain: '' }), /no domain/],
    ['only a dot as domain', cookie({ domain: '.', hostOnly: false }), /no domain/],
    ['a public suffix as domain', cookie({ domain: '.co.uk', hostOnly: false }), /public suffix/],
    ['no name and no value', cookie({ name: '', value: '' }), /neither a name nor a value/],
    ['";" in the value', cookie({ value: 'a;b' }), /";"/],
    ['a control character', cookie({ value: 'a\nb' }), /control characters/],
  ])('refuses %s', (_label, c, reason) => {
    const r = toSetDetails(c, chrome);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(english(r.reason)).toMatch(reason);
    // A restore skips an expired cookie but reports the others as failures: the code tells them apart.
    expect(r.code).toBe(reason.source === 'expired' ? 'expired' : 'not-settable');
  });

  it.each([
    ['__Host- Secure, host-only, path /', cookie({ name: '__Host-id' })],
    [
      '__Secure- Secure with a Domain',
      cookie({ name: '__Secure-id', hostOnly: false, domain: '.example.test', path: '/x' }),
    ],
    ['SameSite=None with Secure', cookie({ sameSite: 'no_restriction' })],
    ['exactly 4096 bytes', cookie({ name: 'big', value: 'x'.repeat(4093) })],
    ['expiring in a second', cookie({ session: false, expirationDate: NOW_S + 1 })],
    ['a TAB inside the value', cookie({ value: 'a\tb' })],
    ['a domain cookie on an unlisted .test site', cookie({ domain: '.example.test', hostOnly: false })],
  ])('accepts %s', (_label, c) => {
    expect(toSetDetails(c, chrome).ok).toBe(true);
  });

  it('refuses a partitioned cookie without Secure on Chrome only', () => {
    const c = cookie({ secure: false, partitionKey: { topLevelSite: 'https://top.test' } });
    expect(toSetDetails(c, chrome).ok).toBe(false);
    expect(toSetDetails(c, firefox).ok).toBe(true);
  });
});
