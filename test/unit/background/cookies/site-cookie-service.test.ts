import { describe, expect, it } from 'vitest';
import { cookie, NOW } from '../../support/make-cookie.ts';
import { english, rejectionText } from '../../support/english.ts';
import { FakeCookies } from '../../fakes/fake-cookies.ts';
import { fakeWorker } from '../../fakes/fake-worker.ts';
const URL_ = 'https://app.example.test/account';

function setup() {
  const api = new FakeCookies();
  api.add(cookie({ name: 'own', domain: 'app.example.test' }));
  api.add(cookie({ name: 'parent', domain: '.example.test', hostOnly: false }));
  api.add(cookie({ name: 'deep', domain: 'app.example.test', path: '/account/settings' }));
  api.add(cookie({ name: 'sibling', domain: 'www.example.test' }));
  api.add(
    cookie({
      name: 'embedded',
      domain: 'other.test',
      sameSite: 'no_restriction',
      partitionKey: { topLevelSite: 'https://example.test' },
    }),
  );
  api.add(
    cookie({
      name: 'elsewhere',
      domain: 'other.test',
      sameSite: 'no_restriction',
      partitionKey: { topLevelSite: 'https://third.test' },
    }),
  );
  const { fake, handlers } = fakeWorker({ now: NOW });
  fake.cookies = api;
  return { api, h: handlers };
}

describe('cookie worker handlers', () => {
  it('lists own, parent-domain, every-path and partitioned-under-this-site cookies, not siblings', async () => {
    const { h } = setup();
    const r = await h['cookies.forUrl']({ url: URL_ });
    expect(r.cookies.map((c) => c.name).sort()).toEqual(['deep', 'embedded', 'own', 'parent']);
    expect(r.stores).toEqual([{ id: '0', incognito: false, count: 4 }]);
  });

  it('refuses a cookie the browser would refuse, with the reason, and passes on the browser refusal', async () => {
    const { api, h } = setup();
    const refused = h['cookies.set']({ cookie: cookie({ name: '__Host-x', path: '/a' }) });
    await expect(refused).rejects.toMatchObject({ code: 'refused' });
    expect(await rejectionText(refused)).toBe(
      'Cookie "__Host-x": A "__Host-" cookie must be Secure, host-only and have path "/", but its path is "/a" instead of "/".',
    );
    api.refuse = () => 'Failed to parse or set cookie named "bad".';
    await expect(h['cookies.set']({ cookie: cookie({ name: 'bad' }) })).rejects.toThrow(
      'Failed to parse or set cookie named "bad".',
    );
  });

  it('an edit that renames a cookie removes the old one; deleting passes the partition key', async () => {
    const { api, h } = setup();
    const own = (await h['cookies.forUrl']({ url: URL_ })).cookies.find((c) => c.name === 'own')!;
    await h['cookies.set']({ cookie: { ...own, name: 'renamed' }, replaces: own });
    const names = (await h['cookies.forUrl']({ url: URL_ })).cookies.map((c) => c.name);
    expect(names).toContain('renamed');
    expect(names).not.toContain('own');
    const embedded = (await h['cookies.forUrl']({ url: URL_ })).cookies.find((c) => c.name === 'embedded')!;
    await h['cookies.remove']({ cookie: embedded });
    expect(api.calls).toContain('remove embedded in https://example.test');
  });

  it('deletes all for the site and imports with per-cookie failures', async () => {
    const { h } = setup();
    const all = await h['cookies.removeAll']({ url: URL_ });
    expect(all).toEqual({ done: 4, failed: [] });
    expect((await h['cookies.forUrl']({ url: URL_ })).cookies).toEqual([]);
    const imp = await h['cookies.import']({
      cookies: [cookie({ name: 'a' }), cookie({ name: 'b', sameSite: 'no_restriction', secure: false })],
    });
    expect(imp.done).toBe(1);
    expect(imp.failed.map((f) => [f.name, english(f.reason)])).toEqual([
      ['b', 'Cookie "b" is SameSite=None without Secure; browsers refuse that combination.'],
    ]);
  });
});
