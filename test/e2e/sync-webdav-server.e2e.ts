// The sync tests' WebDAV server is a real one: Apache httpd with mod_dav_fs and Basic auth, as
// test/e2e/support/webdav-server.ts starts it. Checked here without a browser, so a sync test that
// fails is not the harness failing: PUT/GET/PROPFIND/MKCOL/DELETE, ETags and If-Match (412), 401
// without or with a wrong password, the refusing modes (403, 507), a stop (connection refused) and a
// restart on the same port that still has the files, and the access log that counts requests.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebDav, type WebDavServer } from './support/webdav-server.ts';

let dav: WebDavServer;

beforeAll(async () => {
  dav = await startWebDav();
});

afterAll(async () => {
  await dav?.close();
});

const auth = (pw = dav.password) => `Basic ${Buffer.from(`${dav.user}:${pw}`).toString('base64')}`;

function req(path: string, init: RequestInit & { pw?: string } = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  headers.set('authorization', auth(init.pw));
  return fetch(`${dav.url}${path}`, { ...init, headers });
}

describe('the WebDAV test server (Apache httpd, mod_dav_fs)', () => {
  it('stores, lists and deletes files, with ETags that If-Match checks', async () => {
    expect((await req('dir/', { method: 'MKCOL' })).status).toBe(201);
    const put = await req('dir/a.bin', { method: 'PUT', body: 'first' });
    expect(put.status).toBe(201);
    // Apache's ETag is weak (W/) within the second a file changed, and If-Match never matches a weak
    // one: a sync engine meets this on a real server. A strong one comes a second later.
    const got = await req('dir/a.bin');
    expect(await got.text()).toBe('first');
    let etag = got.headers.get('etag');
    expect(etag).toBeTruthy();
    const deadline = Date.now() + 5000;
    while (etag?.startsWith('W/') && Date.now() < deadline) etag = (await req('dir/a.bin')).headers.get('etag');
    expect(etag).toMatch(/^"/);

    const stale = await req('dir/a.bin', { method: 'PUT', body: 'other', headers: { 'if-match': '"nope"' } });
    expect(stale.status).toBe(412);
    const ok = await req('dir/a.bin', { method: 'PUT', body: 'second', headers: { 'if-match': etag! } });
    expect(ok.status).toBe(204);
    const created = await req('dir/a.bin', { method: 'PUT', body: 'x', headers: { 'if-none-match': '*' } });
    expect(created.status).toBe(412);

    const list = await req('dir/', { method: 'PROPFIND', headers: { depth: '1' } });
    expect(list.status).toBe(207);
    expect(await list.text()).toContain('/dav/dir/a.bin');
    expect(dav.files()).toEqual(['dir/a.bin']);
    expect(dav.grep('second')).toEqual(['dir/a.bin']);

    expect((await req('dir/a.bin', { method: 'DELETE' })).status).toBe(204);
    expect((await req('dir/a.bin')).status).toBe(404);
    expect(dav.files()).toEqual([]);

    // Apache logs a request just after answering it.
    const puts = () => dav.requests().filter((r) => r.method === 'PUT');
    await expect.poll(() => puts().map((r) => r.status)).toEqual([201, 412, 204, 412]);
    expect(puts().find((r) => r.status === 412 && r.ifMatch)?.ifMatch).toBe('"nope"');
    dav.clearLog();
    expect(dav.requests()).toEqual([]);
  });

  it('refuses a missing or wrong password with 401, and a changed password', async () => {
    expect((await fetch(`${dav.url}`, { method: 'PROPFIND', headers: { depth: '0' } })).status).toBe(401);
    expect((await req('', { method: 'PROPFIND', headers: { depth: '0' }, pw: 'wrong' })).status).toBe(401);
    const old = dav.password;
    dav.setPassword('app-password-2');
    expect((await req('', { method: 'PROPFIND', headers: { depth: '0' }, pw: old })).status).toBe(401);
    expect((await req('', { method: 'PROPFIND', headers: { depth: '0' } })).status).toBe(207);
    dav.setPassword(old);
  });

  it('answers 403 or 507 on demand, then normally again', async () => {
    await dav.setMode('forbidden');
    expect((await req('x.bin', { method: 'PUT', body: 'x' })).status).toBe(403);
    await dav.setMode('full');
    expect((await req('x.bin', { method: 'PUT', body: 'x' })).status).toBe(507);
    await dav.setMode('normal');
    expect((await req('x.bin', { method: 'PUT', body: 'x' })).status).toBe(201);
  });

  it('stops (connections refused) and restarts on the same port with the same files', async () => {
    await dav.stop();
    expect(dav.running).toBe(false);
    await expect(req('x.bin')).rejects.toThrow();
    await dav.start();
    expect(await (await req('x.bin')).text()).toBe('x');
  });
});
