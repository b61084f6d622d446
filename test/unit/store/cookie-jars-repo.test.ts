import { afterEach, describe, expect, it } from 'vitest';
import type { Session, SessionBody } from '../../../src/core/model.ts';
import {
  clearAllCookieValues,
  deleteCookieJar,
  getCookieJar,
  saveCookieJar,
} from '../../../src/store/cookie-jars-repo.ts';
import { getCipher } from '../../../src/store/crypto.ts';
import { openDatabase, type DB } from '../../../src/store/db.ts';
import { StoreError } from '../../../src/store/errors.ts';
import { putLiveCookies, readLiveCookies } from '../../../src/store/live-cookies-repo.ts';
import { saveSession, listSessions } from '../../../src/store/sessions-repo.ts';
import { cookie, dumpDatabase, needles } from '../support/cookie-helpers.ts';
import { english } from '../support/english.ts';

const opened: DB[] = [];
async function open(): Promise<DB> {
  const db = await openDatabase();
  opened.push(db);
  return db;
}
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

const jar = [
  cookie({ name: 'sid', value: 'abc123', domain: 'example.test' }),
  cookie({
    name: 'pref',
    value: 'dark',
    domain: '.example.test',
    hostOnly: false,
    session: false,
    expirationDate: 2_000_000_000,
    sameSite: 'no_restriction',
    partitionKey: { topLevelSite: 'https://top.test', hasCrossSiteAncestor: true },
  }),
  cookie({ name: 'ff', value: 'x=y; z', storeId: 'firefox-container-1', firstPartyDomain: 'example.test' }),
];

function session(id: string): { session: Session; body: SessionBody } {
  return {
    session: {
      id,
      name: `S ${id}`,
      kind: 'manual',
      createdAt: 1,
      updatedAt: 1,
      tags: [],
      counts: { windows: 0, tabs: 0 },
      cookieJarId: id,
    },
    body: { id, windows: [] },
  };
}

async function codeOf(p: Promise<unknown>): Promise<string | undefined> {
  const e: unknown = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  return e instanceof StoreError ? e.code : `not a StoreError: ${String(e)}`;
}

describe('cookie jars', () => {
  it('saves, reads and deletes a jar', async () => {
    const db = await open();
    await saveCookieJar(db, 'j1', jar, 1234);
    expect(await getCookieJar(db, 'j1')).toEqual(jar);

    const entry = await db.get('cookieJars', 'j1');
    expect(entry).toMatchObject({ id: 'j1', createdAt: 1234, count: 3 });
    expect(entry!.iv!.byteLength).toBe(12);

    await deleteCookieJar(db, 'j1');
    expect(await getCookieJar(db, 'j1')).toBeUndefined();
    await deleteCookieJar(db, 'j1'); // deleting again is harmless
  });

  it('returns undefined for a jar that never existed, and saves an empty jar', async () => {
    const db = await open();
    expect(await getCookieJar(db, 'nope')).toBeUndefined();
    await saveCookieJar(db, 'empty', [], 1);
    expect(await getCookieJar(db, 'empty')).toEqual([]);
  });

  it('replaces a jar with a fresh IV on every save', async () => {
    const db = await open();
    await saveCookieJar(db, 'j', jar, 1);
    const a = await db.get('cookieJars', 'j');
    await saveCookieJar(db, 'j', jar.slice(0, 1), 1);
    const b = await db.get('cookieJars', 'j');
    expect(Buffer.from(a!.iv!).equals(Buffer.from(b!.iv!))).toBe(false);
    expect(await getCookieJar(db, 'j')).toEqual(jar.slice(0, 1));
    expect(b!.count).toBe(1);
  });

  it('reads a jar after the database is reopened', async () => {
    const first = await open();
    await saveCookieJar(first, 'j', jar, 1);
    first.close();
    expect(await getCookieJar(await open(), 'j')).toEqual(jar);
  });

  it('reports a tampered jar as corrupt, in words about the session', async () => {
    const db = await open();
    await saveCookieJar(db, 'j', jar, 1);
    const entry = (await db.get('cookieJars', 'j'))!;
    const data = new Uint8Array(entry.data!.slice(0));
    data[10]! ^= 0xff;
    await db.put('cookieJars', { ...entry, data: data.buffer });
    const e: unknown = await getCookieJar(db, 'j').catch((err: unknown) => err);
    expect(e).toBeInstanceOf(StoreError);
    expect((e as StoreError).code).toBe('corrupt');
    expect(english((e as StoreError).userMessage)).toMatch(/saved cookies are damaged.*tabs are not affected/);
  });

  it('refuses a jar moved under another id', async () => {
    const db = await open();
    await saveCookieJar(db, 'a', jar, 1);
    const entry = (await db.get('cookieJars', 'a'))!;
    await db.put('cookieJars', { ...entry, id: 'b' });
    expect(await codeOf(getCookieJar(db, 'b'))).toBe('corrupt');
  });

  it('maps a quota error to a StoreError the person can act on', async () => {
    const db = await open();
    await getCipher(db);
    // A connection whose write transaction fails the way a full disk does.
    const full = new Proxy(db, {
      get(target, prop, receiver) {
        if (prop === 'transaction') {
          return () => {
            throw new DOMException('full', 'QuotaExceededError');
          };
        }
        const v: unknown = Reflect.get(target, prop, receiver);
        return typeof v === 'function' ? v.bind(target) : v;
      },
    });
    expect(await codeOf(saveCookieJar(full, 'j', jar, 1))).toBe('quota');
    expect(await codeOf(clearAllCookieValues(full))).toBe('quota');
  });

  it('clearAllCookieValues removes every jar and live cookie, and nothing else', async () => {
    const db = await open();
    const s = session('s1');
    await saveSession(db, s.session, s.body);
    await saveCookieJar(db, 's1', jar, 1);
    await saveCookieJar(db, 's2', jar, 1);
    const cipher = await getCipher(db);
    await putLiveCookies(db, cipher, jar);
    // The live tracker's entries, including keys that sort right around the `c:` range.
    const others = ['w:1', 't:7', 'g:3', 'c', 'b:z', 'c;', 'd:1'];
    for (const key of others) await db.put('live', { key, value: { keep: key } });

    await clearAllCookieValues(db);

    expect(await db.count('cookieJars')).toBe(0);
    expect(await getCookieJar(db, 's1')).toBeUndefined();
    expect(await readLiveCookies(db, cipher)).toEqual([]);
    expect((await db.getAllKeys('live')).sort()).toEqual([...others].sort());
    expect(await listSessions(db)).toEqual([s.session]);
    // The key stays, so saving again works at once and stays readable.
    expect(await db.count('keys')).toBe(1);
    await saveCookieJar(db, 's1', jar, 1);
    expect(await getCookieJar(db, 's1')).toEqual(jar);
  });
});

describe('raw dump', () => {
  const SECRETS = ['SECRET-VALUE-1234567890', 'SECRET-LIVE-0987654321', 'SECRET-ÜNÏCÖDÉ-☃-42'];

  it('finds a planted secret in every encoding (the dump itself works)', async () => {
    const db = await open();
    const s = 'PLANTED-SECRET-555666777';
    await db.put('meta', { key: 'a', value: new TextEncoder().encode(`xx${s}yy`).buffer });
    await db.put('meta', { key: 'b', value: Buffer.from(`z${s}`, 'utf16le') });
    await db.put('meta', { key: 'c', value: Buffer.from(`q${s}`).toString('base64') });
    await db.put('meta', { key: 'd', value: Buffer.from(`${s}`).toString('base64url') });
    const dump = await dumpDatabase(db);
    for (const key of ['a', 'b', 'c', 'd']) {
      const line = dump.split('\n').find((l) => l.startsWith(`[meta] "${key}"`))!;
      expect(
        needles(s).some((n) => line.includes(n)),
        `record ${key}`,
      ).toBe(true);
    }
  });

  it('stores no cookie value in readable form anywhere in the database', async () => {
    const db = await open();
    const s = session('s1');
    await saveSession(db, s.session, s.body);
    await saveCookieJar(
      db,
      's1',
      [
        cookie({ name: 'session_token', value: SECRETS[0]!, domain: 'bank.test' }),
        cookie({ name: 'unicode', value: SECRETS[2]!, domain: 'bank.test' }),
      ],
      1,
    );
    await putLiveCookies(db, await getCipher(db), [
      cookie({ name: 'live_token', value: SECRETS[1]!, domain: 'mail.test' }),
      cookie({ name: 'session_token', value: SECRETS[0]!, domain: 'bank.test' }),
    ]);

    const dump = await dumpDatabase(db);
    // Names and domains may show (the live keys name their cookie); this proves the dump saw the records.
    expect(dump).toContain('live_token');
    expect(dump).toContain('mail.test');
    expect(dump).toContain('[cookieJars]');
    expect(dump).toContain('[keys]');
    for (const secret of SECRETS) {
      for (const n of needles(secret)) expect(dump, `${secret} as ${JSON.stringify(n)}`).not.toContain(n);
    }
    // Also no distinctive fragment of it (e.g. only the digits).
    expect(dump).not.toContain('1234567890');
    expect(dump).not.toContain('0987654321');
  });
});
