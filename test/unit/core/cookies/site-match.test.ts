import { describe, expect, it } from 'vitest';
import { cookieConcernsHost, cookiesForSite, domainMatches } from '../../../../src/core/cookies/site-match.ts';
import { registrableDomain } from '../../../../src/core/cookies/cookie-domain.ts';
import { cookie } from '../../support/make-cookie.ts';

describe('domainMatches', () => {
  it.each([
    ['example.test', 'example.test', true],
    ['.example.test', 'app.example.test', true],
    ['example.test', 'a.b.example.test', true],
    ['.EXAMPLE.test', 'App.Example.Test', true],
    ['app.example.test', 'example.test', false],
    ['ample.test', 'example.test', false],
    ['example.test', 'badexample.test', false],
    ['0.0.1', '127.0.0.1', false],
    ['127.0.0.1', '127.0.0.1', true],
    ['', 'example.test', false],
  ])('%s vs %s → %s', (d, h, ok) => {
    expect(domainMatches(d, h)).toBe(ok);
  });
});

describe('cookiesForSite', () => {
  const all = [
    cookie({ name: 'host', domain: 'app.example.test' }),
    cookie({ name: 'parent', domain: '.example.test', hostOnly: false, path: '/deep' }),
    cookie({ name: 'parentHostOnly', domain: 'example.test' }),
    cookie({ name: 'sibling', domain: 'shop.example.test' }),
    cookie({ name: 'child', domain: '.sub.app.example.test', hostOnly: false }),
    cookie({ name: 'other', domain: '.other.test', hostOnly: false }),
    cookie({ name: 'container', domain: 'app.example.test', storeId: 'firefox-container-1' }),
    cookie({ name: 'partitioned', domain: 'app.example.test', partitionKey: { topLevelSite: 'https://top.test' } }),
  ];

  it('takes the host, its parent domains, all paths, stores and partitions', () => {
    expect(cookiesForSite(all, 'https://app.example.test/some/page?q=1').map((c) => c.name)).toEqual([
      'host',
      'parent',
      'container',
      'partitioned',
    ]);
  });

  it('takes a parent domain’s host-only cookies only on that exact host', () => {
    expect(cookiesForSite(all, 'http://example.test/').map((c) => c.name)).toEqual(['parent', 'parentHostOnly']);
  });

  it('returns nothing for addresses without a host', () => {
    expect(cookiesForSite(all, 'about:blank')).toEqual([]);
    expect(cookiesForSite(all, 'not a url')).toEqual([]);
  });

  it('matches IP hosts exactly', () => {
    const ip = [cookie({ name: 'ip', domain: '127.0.0.1' })];
    expect(cookiesForSite(ip, 'http://127.0.0.1:8080/').map((c) => c.name)).toEqual(['ip']);
  });
});

describe('cookieConcernsHost', () => {
  const HOST = 'app.example.test';
  const chips = (domain: string, topLevelSite: string) =>
    cookie({ name: 'chip', domain, sameSite: 'no_restriction', partitionKey: { topLevelSite } });

  it('takes the host’s own cookies and its parent domains’, on any path and in any store', () => {
    expect(cookieConcernsHost(cookie({ domain: HOST }), HOST)).toBe(true);
    expect(cookieConcernsHost(cookie({ domain: '.example.test', hostOnly: false, path: '/deep' }), HOST)).toBe(true);
    expect(cookieConcernsHost(cookie({ domain: HOST, storeId: 'firefox-container-1' }), HOST)).toBe(true);
  });

  it('leaves out siblings, children, a parent’s host-only cookies and other sites', () => {
    expect(cookieConcernsHost(cookie({ domain: 'shop.example.test' }), HOST)).toBe(false);
    expect(cookieConcernsHost(cookie({ domain: '.sub.app.example.test', hostOnly: false }), HOST)).toBe(false);
    expect(cookieConcernsHost(cookie({ domain: 'example.test' }), HOST)).toBe(false);
    expect(cookieConcernsHost(cookie({ domain: '.other.test', hostOnly: false }), HOST)).toBe(false);
  });

  it('takes cookies partitioned under the host’s site, whoever set them', () => {
    expect(cookieConcernsHost(chips('other.test', 'https://example.test'), HOST)).toBe(true);
    // A sibling's CHIPS cookie set while it was the top-level page is kept under the same site.
    expect(cookieConcernsHost(chips('shop.example.test', 'https://example.test'), HOST)).toBe(true);
    expect(cookieConcernsHost(chips('other.test', 'http://EXAMPLE.test'), HOST)).toBe(true);
  });

  it('takes the host’s own partitioned cookies under any site, but not another domain’s under another site', () => {
    expect(cookieConcernsHost(chips(HOST, 'https://top.test'), HOST)).toBe(true);
    expect(cookieConcernsHost(chips('other.test', 'https://top.test'), HOST)).toBe(false);
    expect(cookieConcernsHost(chips('other.test', 'https://app.example.test.evil.test'), HOST)).toBe(false);
  });

  it('compares the partition with the registrable domain, public suffixes and IP hosts included', () => {
    expect(cookieConcernsHost(chips('other.test', 'https://example.co.uk'), 'shop.example.co.uk')).toBe(true);
    expect(cookieConcernsHost(chips('other.test', 'https://co.uk'), 'shop.example.co.uk')).toBe(false);
    expect(cookieConcernsHost(chips('other.test', 'https://github.io'), 'alice.github.io')).toBe(false);
    expect(cookieConcernsHost(chips('other.test', 'http://127.0.0.1'), '127.0.0.1')).toBe(true);
  });

  it('ignores a partition key it cannot read, and a host that is empty', () => {
    expect(cookieConcernsHost(chips('other.test', 'not a site'), HOST)).toBe(false);
    expect(cookieConcernsHost(chips('other.test', ''), HOST)).toBe(false);
    expect(cookieConcernsHost(chips('other.test', 'file:///'), '')).toBe(false);
  });
});

describe('registrableDomain', () => {
  it.each([
    ['app.example.test', 'example.test'],
    ['.shop.example.co.uk', 'example.co.uk'],
    ['alice.github.io', 'alice.github.io'],
    ['localhost', 'localhost'],
    ['127.0.0.1', '127.0.0.1'],
    ['[::1]', '::1'],
  ])('%s → %s', (host, site) => {
    expect(registrableDomain(host)).toBe(site);
  });
});
