// The inspector shows the bulk of a site's cookies before the rest: the first step must already
// hold every cookie of the site itself, the second adds embedded sites' and other stores' cookies.
import { describe, expect, it } from 'vitest';
import { readSiteCookiesInSteps } from '../../../src/shared/site-cookies.ts';
import { cookie } from '../support/make-cookie.ts';
import { FakeCookies } from '../fakes/fake-cookies.ts';

class TwoStores extends FakeCookies {
  override async getAllCookieStores() {
    return [
      { id: '0', tabIds: [], incognito: false },
      { id: '1', tabIds: [], incognito: true },
    ];
  }
}

describe('reading a site in two steps', () => {
  it('first has the site’s own cookies; all adds cookies embedded under the site and the incognito store', async () => {
    const api = new TwoStores();
    api.add(cookie({ name: 'own', domain: 'app.example.test' }));
    api.add(cookie({ name: 'parent', domain: '.example.test', hostOnly: false }));
    api.add(
      cookie({
        name: 'chip',
        domain: 'app.example.test',
        sameSite: 'no_restriction',
        partitionKey: { topLevelSite: 'https://t1.test' },
      }),
    );
    api.add(
      cookie({
        name: 'embedded',
        domain: 'other.test',
        sameSite: 'no_restriction',
        partitionKey: { topLevelSite: 'https://example.test' },
      }),
    );
    api.add(cookie({ name: 'private', domain: 'app.example.test', storeId: '1' }));
    const read = readSiteCookiesInSteps(api, 'https://app.example.test/');
    const first = await read.first;
    expect(first.cookies.map((c) => c.name).sort()).toEqual(['chip', 'own', 'parent']);
    expect(first.stores).toEqual([{ id: '0', incognito: false, count: 3 }]);
    const all = await read.all;
    expect(all.cookies.map((c) => c.name).sort()).toEqual(['chip', 'embedded', 'own', 'parent', 'private']);
    expect(all.stores).toEqual([
      { id: '0', incognito: false, count: 4 },
      { id: '1', incognito: true, count: 1 },
    ]);
  });

  it('keeps what the live log keeps: a sibling’s cookie partitioned under the site, once, in both steps', async () => {
    const api = new FakeCookies();
    api.add(cookie({ name: 'own', domain: 'app.example.test' }));
    api.add(cookie({ name: 'sibling', domain: 'shop.example.test' }));
    api.add(
      cookie({
        name: 'siblingChip',
        domain: 'shop.example.test',
        sameSite: 'no_restriction',
        partitionKey: { topLevelSite: 'https://example.test' },
      }),
    );
    const read = readSiteCookiesInSteps(api, 'https://app.example.test/');
    expect((await read.first).cookies.map((c) => c.name).sort()).toEqual(['own', 'siblingChip']);
    // The partition read returns siblingChip again: it is listed once.
    expect((await read.all).cookies.map((c) => c.name).sort()).toEqual(['own', 'siblingChip']);
  });

  it('without the cookies permission both steps say so with the no-permission code', async () => {
    const api = new FakeCookies();
    api.enabled = false;
    const read = readSiteCookiesInSteps(api, 'https://app.example.test/');
    await expect(read.first).rejects.toMatchObject({ code: 'no-permission' });
    await expect(read.all).rejects.toMatchObject({ code: 'no-permission' });
  });
});
