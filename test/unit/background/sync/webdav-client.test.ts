// The WebDAV client over an injected fetch: the requests it makes (methods, Depth, conditional
// headers, Basic auth, no cookies), and the problem each failure becomes.
import { describe, expect, it } from 'vitest';
import { folderUrl, strongEtag, WebDavClient } from '../../../../src/background/sync/webdav-client.ts';
import { SyncProblem } from '../../../../src/core/sync/sync-problem.ts';
import { DAV_BASE, FakeDav, type Failure } from '../../support/fake-dav.ts';

const client = (dav: FakeDav, timeoutMs = 1_000) =>
  new WebDavClient({ base: dav.base, user: dav.user, password: dav.password, fetch: dav.fetch, timeoutMs });

async function problemOf(work: Promise<unknown>): Promise<string | undefined> {
  try {
    await work;
    return undefined;
  } catch (e) {
    return e instanceof SyncProblem ? e.problem : `not a SyncProblem: ${String(e)}`;
  }
}

describe('WebDavClient', () => {
  it('lists the folder with one PROPFIND Depth 1, with Basic auth and no cookies', async () => {
    const dav = new FakeDav();
    const seen: RequestInit[] = [];
    const c = new WebDavClient({
      base: dav.base,
      user: dav.user,
      password: dav.password,
      fetch: (u, init) => (seen.push(init), dav.fetch(u, init)),
    });
    await c.put('s-1', new Uint8Array([1, 2, 3]), undefined);
    const files = await c.list();
    expect([...files.keys()]).toEqual(['s-1']);
    const propfind = seen[1]!;
    expect(propfind.method).toBe('PROPFIND');
    expect((propfind.headers as Record<string, string>).Depth).toBe('1');
    expect((propfind.headers as Record<string, string>).Authorization).toBe(`Basic ${btoa('me:app-password')}`);
    expect(propfind.credentials).toBe('omit');
  });

  it('writes with If-None-Match: * when new and If-Match when replacing; a stale ETag is a 412', async () => {
    const dav = new FakeDav();
    const c = client(dav);
    await c.put('s-1', new Uint8Array([1]), undefined);
    expect(dav.requests.at(-1)!.headers['if-none-match']).toBe('*');
    expect(await problemOf(c.put('s-1', new Uint8Array([2]), undefined))).toBe('precondition');
    const etag = (await c.list()).get('s-1')!;
    await c.put('s-1', new Uint8Array([3]), etag);
    expect(dav.requests.at(-1)!.headers['if-match']).toBe(etag);
    expect(await problemOf(c.put('s-1', new Uint8Array([4]), etag))).toBe('precondition');
    expect([...dav.files.get('s-1')!.bytes]).toEqual([3]);
    await c.delete('s-1', (await c.list()).get('s-1'));
    expect(dav.files.size).toBe(0);
    // Gone already counts as done.
    await c.delete('s-1', undefined);
  });

  it('answers undefined for a missing file, makes a missing folder, and tells whether one exists', async () => {
    const dav = new FakeDav();
    dav.folder = false;
    const c = client(dav);
    expect(await c.exists()).toBe(false);
    await c.makeFolder();
    expect(await c.exists()).toBe(true);
    await c.makeFolder();
    expect(await c.get('nothing')).toBeUndefined();
  });

  const cases: [string, Failure, string][] = [
    ['offline', 'offline', 'offline'],
    ['401', 401, 'auth'],
    ['403', 403, 'forbidden'],
    ['404', 404, 'not-found'],
    ['409', 409, 'conflict'],
    ['412', 412, 'precondition'],
    ['423', 423, 'locked'],
    ['507', 507, 'full'],
    ['502', 502, 'server'],
    ['a hang', 'hang', 'timeout'],
    ['an HTML page', 'garbage', 'garbage'],
  ];
  for (const [what, failure, code] of cases) {
    it(`turns ${what} into the problem “${code}” for listing and writing`, async () => {
      const dav = new FakeDav();
      dav.fail = () => failure;
      const c = client(dav, 30);
      expect(await problemOf(c.list())).toBe(code);
      if (failure !== 'garbage') expect(await problemOf(c.put('s-1', new Uint8Array([1]), undefined))).toBe(code);
    });
  }

  it('refuses a wrong password with “auth”', async () => {
    const dav = new FakeDav();
    const c = new WebDavClient({ base: dav.base, user: 'me', password: 'wrong', fetch: dav.fetch });
    expect(await problemOf(c.list())).toBe('auth');
  });

  it('takes only http(s) folder addresses without credentials, and ends them with a slash', () => {
    expect(folderUrl(' https://cloud.example/dav/Tabs ')).toBe('https://cloud.example/dav/Tabs/');
    expect(folderUrl(DAV_BASE)).toBe(DAV_BASE);
    expect(() => folderUrl('ftp://x/')).toThrow();
    expect(() => folderUrl('https://me:pw@x/')).toThrow();
    expect(() => folderUrl('not a url')).toThrow();
  });

  it('uses the strong form of a weak ETag (Apache marks one weak in the second after a write)', () => {
    expect(strongEtag('W/"166-661907c1a8b3b"')).toBe('"166-661907c1a8b3b"');
    expect(strongEtag('"abc"')).toBe('"abc"');
  });
});
