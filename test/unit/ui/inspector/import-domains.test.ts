import { describe, expect, it } from 'vitest';
import { chosenCookies, defaultChoice, groupByDomain } from '../../../../src/ui/inspector/import-domains.ts';
import { cookie } from '../../support/make-cookie.ts';

const PAGE = 'https://app.example.test/account';
const file = [
  cookie({ name: 'bank_sid', domain: '.bank.test', hostOnly: false }),
  cookie({ name: 'sid', domain: 'app.example.test' }),
  cookie({ name: 'pref', domain: '.example.test', hostOnly: false }),
  cookie({ name: 'other', domain: 'www.mail.test' }),
  cookie({ name: 'cdn', domain: 'static.example.test' }),
  cookie({ name: 'mail2', domain: 'mail.test' }),
];

const names = (cs: readonly { name: string }[]) => cs.map((c) => c.name);

describe('cookie import preview', () => {
  it('groups by registrable domain, this site first, the others by name', () => {
    const groups = groupByDomain(file, PAGE);
    expect(groups.map((g) => [g.domain, g.thisSite, names(g.cookies)])).toEqual([
      ['example.test', true, ['sid', 'pref', 'cdn']],
      ['bank.test', false, ['bank_sid']],
      ['mail.test', false, ['other', 'mail2']],
    ]);
  });

  it("ticks only this site's cookies at first, and sends only what is ticked", () => {
    const groups = groupByDomain(file, PAGE);
    const chosen = defaultChoice(groups);
    expect([...chosen]).toEqual(['example.test']);
    expect(names(chosenCookies(groups, chosen))).toEqual(['sid', 'pref', 'cdn']);
    expect(names(chosenCookies(groups, new Set([...chosen, 'mail.test'])))).toEqual([
      'sid',
      'pref',
      'cdn',
      'other',
      'mail2',
    ]);
    expect(chosenCookies(groups, new Set())).toEqual([]);
  });

  it('ticks nothing when the file holds no cookie of this site', () => {
    const groups = groupByDomain([cookie({ name: 'x', domain: 'evil.test' })], PAGE);
    expect(groups.map((g) => g.thisSite)).toEqual([false]);
    expect(defaultChoice(groups).size).toBe(0);
  });

  it('treats an IP page and localhost as their own sites', () => {
    const groups = groupByDomain(
      [cookie({ name: 'a', domain: '127.0.0.1' }), cookie({ name: 'b', domain: 'localhost' })],
      'http://127.0.0.1:8080/',
    );
    expect(groups.map((g) => [g.domain, g.thisSite])).toEqual([
      ['127.0.0.1', true],
      ['localhost', false],
    ]);
  });

  it('treats a public suffix as a domain of its own, never as this site', () => {
    const groups = groupByDomain([cookie({ name: 'wide', domain: '.test', hostOnly: false })], PAGE);
    expect(groups.map((g) => [g.domain, g.thisSite])).toEqual([['test', false]]);
  });

  it('chooses nothing for a page without an address', () => {
    expect(defaultChoice(groupByDomain(file, '')).size).toBe(0);
  });
});
