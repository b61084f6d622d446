// The cookie platform's dialects: Firefox's firstPartyDomain, container stores and sameSite
// values against Chrome's, which rejects keys it does not know.
import { describe, expect, it } from 'vitest';
import { toSetDetails } from '../../../src/core/cookies/set-details.ts';
import {
  makeCookiesApi,
  toCookieRecord,
  type BrowserCookie,
  type CookiesNamespace,
} from '../../../src/platform/cookies.ts';
import { cookie, NOW } from '../support/make-cookie.ts';
import { english } from '../support/english.ts';

const CHROME_SET_KEYS = new Set([
  'url',
  'name',
  'value',
  'domain',
  'path',
  'secure',
  'httpOnly',
  'sameSite',
  'expirationDate',
  'storeId',
  'partitionKey',
]);
const CHROME_SAME_SITE = new Set(['no_restriction', 'lax', 'strict', 'unspecified']);
const FIREFOX_SAME_SITE = new Set(['no_restriction', 'lax', 'strict']);

function fakeCookies(kind: 'chrome' | 'firefox') {
  const calls: { method: string; details: Record<string, unknown> }[] = [];
  const stored = (d: Record<string, unknown>): BrowserCookie => ({
    name: String(d.name),
    value: String(d.value),
    domain: 'a.test',
    hostOnly: true,
    path: '/',
    secure: !!d.secure,
    httpOnly: !!d.httpOnly,
    session: true,
    storeId: String(d.storeId ?? (kind === 'firefox' ? 'firefox-default' : '0')),
    ...(d.sameSite ? { sameSite: String(d.sameSite) } : {}),
    ...(kind === 'firefox' ? { firstPartyDomain: String(d.firstPartyDomain ?? ''), partitionKey: {} } : {}),
  });
  const ns: CookiesNamespace = {
    async getAll(d) {
      calls.push({ method: 'getAll', details: d });
      if (kind === 'chrome' && 'firstPartyDomain' in d) throw new Error("Unexpected property: 'firstPartyDomain'.");
      return [];
    },
    async getAllCookieStores() {
      return kind === 'firefox'
        ? [
            { id: 'firefox-default', tabIds: [1] },
            { id: 'firefox-private', tabIds: [] },
            { id: 'firefox-container-2', tabIds: [3] },
          ]
        : [
            { id: '0', tabIds: [1] },
            { id: '1', tabIds: [] },
          ];
    },
    async set(d) {
      calls.push({ method: 'set', details: d });
      if (kind === 'chrome') {
        for (const k of Object.keys(d)) if (!CHROME_SET_KEYS.has(k)) throw new Error(`Unexpected property: '${k}'.`);
        if (d.sameSite !== undefined && !CHROME_SAME_SITE.has(String(d.sameSite))) throw new Error('Invalid sameSite');
      } else {
        if (d.sameSite !== undefined && !FIREFOX_SAME_SITE.has(String(d.sameSite)))
          throw new Error(`Invalid enumeration value "${String(d.sameSite)}"`);
        const pk = d.partitionKey as Record<string, unknown> | undefined;
        if (pk && Object.keys(pk).some((k) => k !== 'topLevelSite'))
          throw new Error('Unexpected property in partitionKey');
      }
      return stored(d);
    },
    async remove(d) {
      calls.push({ method: 'remove', details: d });
      if (kind === 'chrome' && 'firstPartyDomain' in d) throw new Error("Unexpected property: 'firstPartyDomain'.");
      return {};
    },
    onChanged: { addListener: () => undefined, removeListener: () => undefined },
  };
  return { ns, calls, api: makeCookiesApi(() => ns, kind) };
}

describe('Firefox cookies', () => {
  it('reads every first-party jar and partition (firstPartyDomain: null, partitionKey: {})', async () => {
    const { api, calls } = fakeCookies('firefox');
    await api.getAllForDomain('a.test', 'firefox-container-2');
    await api.getAllInPartition('https://a.test', 'firefox-default');
    expect(calls.map((c) => c.details)).toEqual([
      { domain: 'a.test', storeId: 'firefox-container-2', firstPartyDomain: null, partitionKey: {} },
      { storeId: 'firefox-default', partitionKey: { topLevelSite: 'https://a.test' }, firstPartyDomain: null },
    ]);
  });

  it('lists container and private stores', async () => {
    const { api } = fakeCookies('firefox');
    expect(await api.getAllCookieStores()).toEqual([
      { id: 'firefox-default', tabIds: [1], incognito: false },
      { id: 'firefox-private', tabIds: [], incognito: true },
      { id: 'firefox-container-2', tabIds: [3], incognito: false },
    ]);
  });

  it('sets a cookie the way Firefox takes it: firstPartyDomain always, no "unspecified", no hasCrossSiteAncestor', async () => {
    const { api, calls } = fakeCookies('firefox');
    expect(api.browser).toBe('firefox');
    const c = cookie({
      sameSite: 'unspecified',
      storeId: 'firefox-container-2',
      partitionKey: { topLevelSite: 'https://a.test', hasCrossSiteAncestor: false },
    });
    const r = toSetDetails(c, { browser: api.browser, now: NOW });
    if (!r.ok) throw new Error(english(r.reason));
    await api.set(r.details);
    // Also when a caller hands in Chrome's form: the platform still speaks Firefox's dialect.
    const chromeForm = toSetDetails(c, { browser: 'chrome', now: NOW });
    if (!chromeForm.ok) throw new Error(english(chromeForm.reason));
    await api.set(chromeForm.details);
    for (const { details } of calls) {
      expect(details).not.toHaveProperty('sameSite');
      expect(details.firstPartyDomain).toBe('');
      expect(details.partitionKey).toEqual({ topLevelSite: 'https://a.test' });
      expect(details.storeId).toBe('firefox-container-2');
    }
  });

  it('keeps a first-party-isolated cookie in its jar, on set and on remove', async () => {
    const { api, calls } = fakeCookies('firefox');
    const r = toSetDetails(cookie({ firstPartyDomain: 'example.test', sameSite: 'strict' }), {
      browser: 'firefox',
      now: NOW,
    });
    if (!r.ok) throw new Error(english(r.reason));
    const set = await api.set(r.details);
    expect(set.firstPartyDomain).toBe('example.test');
    expect(calls[0]!.details).toMatchObject({ firstPartyDomain: 'example.test', sameSite: 'strict' });
    await api.remove({ url: 'https://a.test/', name: 'theme', storeId: 'firefox-default' });
    await api.remove({
      url: 'https://a.test/',
      name: 'theme',
      storeId: 'firefox-default',
      firstPartyDomain: 'example.test',
    });
    expect(calls.slice(1).map((c) => c.details.firstPartyDomain)).toEqual(['', 'example.test']);
  });

  it("reads Firefox's cookie objects: missing sameSite is the browser default, `partitionKey: {}` is none", () => {
    const r = toCookieRecord({
      name: 'a',
      value: 'b',
      domain: 'a.test',
      hostOnly: true,
      path: '/',
      secure: false,
      httpOnly: false,
      session: true,
      storeId: 'firefox-container-2',
      firstPartyDomain: 'a.test',
      partitionKey: {},
    });
    expect(r.sameSite).toBe('unspecified');
    expect(r.partitionKey).toBeUndefined();
    expect(r.firstPartyDomain).toBe('a.test');
    expect(r.storeId).toBe('firefox-container-2');
  });
});

describe('Chrome cookies', () => {
  it('never sends firstPartyDomain (Chrome rejects it) and keeps "unspecified" and the full partition key', async () => {
    const { api, calls } = fakeCookies('chrome');
    expect(api.browser).toBe('chrome');
    await api.getAllForDomain('a.test', '0');
    const c = cookie({
      sameSite: 'unspecified',
      firstPartyDomain: 'x.test',
      partitionKey: { topLevelSite: 'https://a.test', hasCrossSiteAncestor: false },
    });
    const r = toSetDetails(c, { browser: api.browser, now: NOW });
    if (!r.ok) throw new Error(english(r.reason));
    await api.set({ ...r.details, firstPartyDomain: 'x.test' });
    await api.remove({ url: 'https://a.test/', name: 'theme', storeId: '0', firstPartyDomain: 'x.test' });
    expect(calls.every((x) => !('firstPartyDomain' in x.details))).toBe(true);
    expect(calls[1]!.details).toMatchObject({
      sameSite: 'unspecified',
      partitionKey: { topLevelSite: 'https://a.test', hasCrossSiteAncestor: false },
    });
    expect((await api.getAllCookieStores()).map((s) => s.incognito)).toEqual([false, true]);
  });
});
