import { describe, expect, it } from 'vitest';
import { accessProblems, checkAccess, originsFor, requestAccess } from '../../../src/shared/cookie-access.ts';
import { FakeCookies, FakePermissions } from '../fakes/fake-cookies.ts';
import { fakeWorker } from '../fakes/fake-worker.ts';

const URL_ = 'https://app.example.test:8443/login';

describe('cookie permission gating', () => {
  it('asks for the whole site, so parent-domain cookies are readable too', () => {
    expect(originsFor(URL_)).toEqual(['*://*.example.test/*']);
    expect(originsFor('http://127.0.0.1:3000/')).toEqual(['*://127.0.0.1/*']);
    expect(originsFor('about:blank')).toEqual([]);
  });

  it('says what is off: the cookies permission, the site access, or both', async () => {
    const p = new FakePermissions();
    let a = await checkAccess(p, URL_);
    expect(a).toEqual({ cookies: false, host: false, origins: ['*://*.example.test/*'] });
    expect(accessProblems(a)).toEqual(['cookies', 'host']);
    p.granted.add('cookies');
    a = await checkAccess(p, URL_);
    expect(accessProblems(a)).toEqual(['host']);
    p.granted.add('*://*.example.test/*');
    expect(accessProblems(await checkAccess(p, URL_))).toEqual([]);
  });

  it('requests only what is missing, and reports a refusal', async () => {
    const p = new FakePermissions();
    p.granted.add('cookies');
    p.answer = false;
    expect(await requestAccess(p, await checkAccess(p, URL_))).toBe(false);
    expect(p.requests).toEqual([{ origins: ['*://*.example.test/*'] }]);
    p.answer = true;
    expect(await requestAccess(p, await checkAccess(p, URL_))).toBe(true);
    expect(accessProblems(await checkAccess(p, URL_))).toEqual([]);
    // Nothing missing: no prompt at all.
    expect(await requestAccess(p, await checkAccess(p, URL_))).toBe(true);
    expect(p.requests).toHaveLength(2);
  });

  it('the worker answers cookies.access from the permissions API and refuses reads without the permission', async () => {
    const perms = new FakePermissions();
    const api = new FakeCookies();
    api.enabled = false;
    const { fake, handlers: h } = fakeWorker();
    fake.cookies = api;
    fake.permissions = perms;
    expect(await h['cookies.access']({ url: URL_ })).toMatchObject({ cookies: false, host: false });
    await expect(h['cookies.forUrl']({ url: URL_ })).rejects.toMatchObject({ code: 'no-permission' });
    perms.granted.add('cookies');
    perms.granted.add('*://*.example.test/*');
    api.enabled = true;
    expect(await h['cookies.access']({ url: URL_ })).toMatchObject({ cookies: true, host: true });
    expect((await h['cookies.forUrl']({ url: URL_ })).cookies).toEqual([]);
  });
});
