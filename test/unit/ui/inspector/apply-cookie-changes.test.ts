// The inspector's table follows the cookie log: the changes the worker pairs, applied to the read.
import { describe, expect, it } from 'vitest';
import { ChangePairer, type CookieChange, type RawChange } from '../../../../src/core/cookies/cookie-log-pairing.ts';
import type { CookieRecord } from '../../../../src/core/cookies/cookie-record.ts';
import type { SiteCookies } from '../../../../src/shared/messages/cookies-messages.ts';
import {
  applyChangesToSite,
  applyCookieChanges,
  changesInUnlistedStore,
} from '../../../../src/ui/inspector/apply-cookie-changes.ts';
import { cookie } from '../../support/make-cookie.ts';

const HOST = 'app.example.test';

/** The changes the worker sends for these browser events, paired as it pairs them. */
function logged(...raw: RawChange[]): CookieChange[] {
  const p = new ChangePairer();
  return [...raw.flatMap((r, i) => p.push(r, i)), ...p.flush()];
}
const added = (c: CookieRecord): RawChange => ({ removed: false, cause: 'explicit', cookie: c });
const removed = (c: CookieRecord, cause = 'explicit'): RawChange => ({ removed: true, cause, cookie: c });

const names = (cs: readonly CookieRecord[]) => cs.map((c) => `${c.name}=${c.value}`);

describe('applyCookieChanges', () => {
  const a = cookie({ name: 'a', value: '1' });
  const b = cookie({ name: 'b', value: '1' });
  const c = cookie({ name: 'c', value: '1' });

  it('appends a cookie set since the read', () => {
    const late = cookie({ name: 'late', value: 'arrived' });
    expect(names(applyCookieChanges([a, b], logged(added(late)), HOST))).toEqual(['a=1', 'b=1', 'late=arrived']);
  });

  it('an overwrite and its insert make one update, in the cookie’s place', () => {
    const changes = logged(removed(b, 'overwrite'), added({ ...b, value: '2' }));
    expect(changes.map((x) => x.kind)).toEqual(['updated']);
    expect(names(applyCookieChanges([a, b, c], changes, HOST))).toEqual(['a=1', 'b=2', 'c=1']);
  });

  it('an overwrite whose insert never came removes the cookie', () => {
    expect(names(applyCookieChanges([a, b, c], logged(removed(b, 'overwrite')), HOST))).toEqual(['a=1', 'c=1']);
  });

  it('removes a deleted cookie, and one that expired or was evicted', () => {
    expect(names(applyCookieChanges([a, b, c], logged(removed(b)), HOST))).toEqual(['a=1', 'c=1']);
    const gone = logged(removed(a, 'expired'), removed(b, 'expired_overwrite'), removed(c, 'evicted'));
    expect(applyCookieChanges([a, b, c], gone, HOST)).toEqual([]);
  });

  it('tells cookies apart by their whole identity: path, store and partition', () => {
    const deep = cookie({ name: 'a', value: 'deep', path: '/account' });
    const incognito = cookie({ name: 'a', value: 'private', storeId: '1' });
    const chip = cookie({ name: 'a', value: 'chip', partitionKey: { topLevelSite: 'https://top.test' } });
    const all = applyCookieChanges([a], logged(added(deep), added(incognito), added(chip)), HOST);
    expect(names(all)).toEqual(['a=1', 'a=deep', 'a=private', 'a=chip']);
    expect(names(applyCookieChanges(all, logged(removed(deep)), HOST))).toEqual(['a=1', 'a=private', 'a=chip']);
  });

  it('applies a burst in order: a cookie added then removed is not there', () => {
    const temp = cookie({ name: 'temp' });
    expect(names(applyCookieChanges([a], logged(added(temp), removed(temp)), HOST))).toEqual(['a=1']);
  });

  it('ignores a change for a cookie another site receives', () => {
    const list = [a];
    const others = logged(
      added(cookie({ name: 'sibling', domain: 'shop.example.test' })),
      added(cookie({ name: 'other', domain: '.other.test', hostOnly: false })),
      added(cookie({ name: 'chip', domain: 'other.test', partitionKey: { topLevelSite: 'https://third.test' } })),
      removed(cookie({ name: 'never-listed' })),
    );
    // Nothing changed: the same list, so nothing derived from it is rebuilt.
    expect(applyCookieChanges(list, others, HOST)).toBe(list);
    expect(applyCookieChanges(list, [], HOST)).toBe(list);
  });

  it('keeps a parent domain’s cookie and a cookie partitioned under the site', () => {
    const parent = cookie({ name: 'parent', domain: '.example.test', hostOnly: false });
    const embedded = cookie({
      name: 'embedded',
      value: 'chips',
      domain: 'other.test',
      sameSite: 'no_restriction',
      partitionKey: { topLevelSite: 'https://example.test' },
    });
    expect(names(applyCookieChanges([a], logged(added(parent), added(embedded)), HOST))).toEqual([
      'a=1',
      'parent=dark',
      'embedded=chips',
    ]);
  });
});

describe('applyChangesToSite', () => {
  const site = (cookies: CookieRecord[]): SiteCookies => ({
    url: `https://${HOST}/`,
    host: HOST,
    cookies,
    stores: [
      { id: '0', incognito: false, count: cookies.filter((c) => c.storeId === '0').length },
      { id: '1', incognito: true, count: cookies.filter((c) => c.storeId === '1').length },
    ],
    browser: 'chrome',
  });

  it('keeps each store’s count true', () => {
    const a = cookie({ name: 'a' });
    const p = cookie({ name: 'p', storeId: '1' });
    const next = applyChangesToSite(site([a, p]), logged(removed(a), added(cookie({ name: 'q', storeId: '1' }))));
    expect(names(next.cookies)).toEqual(['p=dark', 'q=dark']);
    expect(next.stores).toEqual([
      { id: '0', incognito: false, count: 0 },
      { id: '1', incognito: true, count: 2 },
    ]);
  });

  it('returns the same read when nothing concerns it', () => {
    const s = site([cookie({ name: 'a' })]);
    expect(applyChangesToSite(s, logged(added(cookie({ domain: 'other.test' }))))).toBe(s);
  });

  it('says when a change lands in a store the read did not list, which only a new read can name', () => {
    const s = site([]);
    expect(changesInUnlistedStore(s, logged(added(cookie({ storeId: '1' }))))).toBe(false);
    expect(changesInUnlistedStore(s, logged(added(cookie({ storeId: 'firefox-container-2' }))))).toBe(true);
    expect(changesInUnlistedStore(s, logged(removed(cookie({ storeId: 'firefox-container-2' }))))).toBe(false);
    expect(
      changesInUnlistedStore(s, logged(added(cookie({ domain: 'other.test', storeId: 'firefox-container-2' })))),
    ).toBe(false);
  });
});
