import { describe, expect, it } from 'vitest';
import { siteGuess, startEarlyRead } from '../../../../src/ui/inspector/early-read.ts';
import { readSite } from '../../../../src/ui/inspector/site-read.ts';
import { FakeCookies } from '../../fakes/fake-cookies.ts';
import { cookie } from '../../support/make-cookie.ts';

class CountingCookies extends FakeCookies {
  reads: string[] = [];
  override async getAllForDomain(domain: string, storeId: string) {
    this.reads.push(`${storeId}:${domain}`);
    return super.getAllForDomain(domain, storeId);
  }
}

const names = (cs: { name: string }[]) => cs.map((c) => c.name).sort();

describe('the early cookie read', () => {
  it('guesses the site as the last two labels: the site itself or wider, never narrower', () => {
    expect(siteGuess('app.example.test')).toBe('example.test');
    expect(siteGuess('example.test')).toBe('example.test');
    expect(siteGuess('www.shop.example.co.uk')).toBe('co.uk');
    expect(siteGuess('localhost')).toBe('localhost');
    expect(siteGuess('127.0.0.1')).toBe('127.0.0.1');
    expect(siteGuess('::1')).toBe('::1');
  });

  it('reads once: the full read takes the early answer and lists the same cookies as without it', async () => {
    const api = new CountingCookies();
    api.add(cookie({ name: 'own', domain: 'app.example.test' }));
    api.add(cookie({ name: 'parent', domain: '.example.test', hostOnly: false }));
    api.add(cookie({ name: 'sibling', domain: 'other.example.test' }));
    const url = 'https://app.example.test/';
    const plain = await readSite(url, api).all;
    const reads = api.reads.length;

    const primed = startEarlyRead(url, api)!;
    const early = await readSite(url, primed).all;
    expect(api.reads.length - reads).toBe(1);
    expect(names(early.cookies)).toEqual(names(plain.cookies));
    // Handed over once: a later load reads afresh.
    await readSite(url, primed).first;
    expect(api.reads.length - reads).toBe(2);
  });

  it('keeps only what concerns the page when the guess was wider than the site', async () => {
    const api = new CountingCookies();
    api.add(cookie({ name: 'mine', domain: 'shop.example.co.uk' }));
    api.add(cookie({ name: 'theirs', domain: 'other.co.uk' }));
    const primed = startEarlyRead('https://shop.example.co.uk/', api)!;
    const site = await readSite('https://shop.example.co.uk/', primed).all;
    expect(names(site.cookies)).toEqual(['mine']);
    expect(api.reads).toEqual(['0:co.uk']);
  });

  it('reads nothing early without cookie access or a web address', () => {
    const api = new CountingCookies();
    api.enabled = false;
    expect(startEarlyRead('https://app.example.test/', api)).toBeUndefined();
    api.enabled = true;
    expect(startEarlyRead('chrome://settings/', api)).toBeUndefined();
    expect(startEarlyRead('not a url', api)).toBeUndefined();
    expect(api.reads).toEqual([]);
  });
});
