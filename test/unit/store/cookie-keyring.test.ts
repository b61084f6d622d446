// The vault lock's switches over a real (fake-indexeddb) store: turning it on re-encrypts what is
// kept and leaves no name, domain or value readable; locked refuses every read and write; the
// unlocked secret survives a worker restart only through storage.session; a wrong passphrase
// changes nothing; change, off and forget do what they say.
import { afterEach, describe, expect, it } from 'vitest';
import type { Session } from '../../../src/core/model.ts';
import type { SecretHolder } from '../../../src/store/cookie-keyring.ts';
import { COOKIE_KEY_ID } from '../../../src/store/crypto.ts';
import { openDatabase, type DB } from '../../../src/store/db.ts';
import { StoreError } from '../../../src/store/errors.ts';
import { createStore, type Store } from '../../../src/store/store.ts';
import { cookie, dumpDatabase, needles } from '../support/cookie-helpers.ts';
import { english } from '../support/english.ts';

const PASS = 'correct horse battery staple';
const VALUE = 'vault-secret-session-value-7f3a9c';
const JAR_VALUE = 'jar-secret-session-value-2b8d41';
const NAME = 'bank_session_name';
const DOMAIN = 'bank-of-examples.test';

const live = cookie({ name: NAME, value: VALUE, domain: DOMAIN });
const other = cookie({ name: 'pref_cookie_name', value: 'another-value-1234', domain: 'mail-examples.test' });
const jarCookie = cookie({ name: 'jar_cookie_name', value: JAR_VALUE, domain: 'shop-examples.test' });

/** storage.session: one Map per browser run. */
function holder(area = new Map<string, string | undefined>()): SecretHolder & { area: typeof area } {
  return {
    area,
    get: async () => area.get('s'),
    set: async (v) => void area.set('s', v),
  };
}

interface World {
  store: Store;
  db: DB;
  name: string;
}
const opened: DB[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

async function world(h: SecretHolder = holder(), name = `vault-${Math.random()}`): Promise<World> {
  const dbp = openDatabase(name);
  const db = await dbp;
  opened.push(db);
  const store = createStore(name, () => dbp);
  store.vault.attach(h);
  return { store, db, name };
}

/** The same database seen by a new worker (a new store object) with the given storage.session. */
async function restarted(w: World, h: SecretHolder): Promise<World> {
  return world(h, w.name);
}

const session: Session = {
  id: 's1',
  name: 'Bank',
  kind: 'manual',
  createdAt: 1,
  updatedAt: 1,
  tags: [],
  counts: { windows: 1, tabs: 1 },
  cookieJarId: 'jar1',
};

async function seed(w: World): Promise<void> {
  await w.store.sessions.save(session, {
    id: 's1',
    windows: [
      {
        type: 'normal',
        state: 'normal',
        incognito: false,
        focused: true,
        groups: [],
        tabs: [{ url: 'https://example.test/', title: 'Example' }],
      },
    ],
  });
  await w.store.liveCookies.apply([live, other], []);
  await w.store.jars.save('jar1', [jarCookie], 1);
}

async function failure(p: Promise<unknown>): Promise<StoreError> {
  const e: unknown = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(StoreError);
  return e as StoreError;
}

const sortedNames = (cs: readonly { name: string }[]) => cs.map((c) => c.name).sort();

function expectNothingReadable(dump: string): void {
  for (const secret of [
    VALUE,
    JAR_VALUE,
    'another-value-1234',
    NAME,
    DOMAIN,
    'jar_cookie_name',
    'mail-examples.test',
  ]) {
    for (const n of needles(secret)) expect(dump, secret).not.toContain(n);
  }
}

describe('cookie vault lock in the store', () => {
  it('turning it on seals everything kept again: readable with the keys, nothing named in the database', async () => {
    const w = await world();
    await seed(w);
    // Before: the default record keys name the cookie and the site.
    expect(await dumpDatabase(w.db)).toContain(NAME);

    await w.store.vault.turnOn(PASS);
    expect(await w.store.vault.info()).toEqual({ state: 'unlocked', iterations: 600_000 });
    expect(sortedNames(await w.store.liveCookies.read())).toEqual([NAME, 'pref_cookie_name']);
    expect(await w.store.jars.get('jar1')).toEqual([jarCookie]);
    // The default key is gone, the vault's wrapped secret is there.
    expect(await w.db.get('keys', COOKIE_KEY_ID)).toBeUndefined();
    expect(await w.db.getAllKeys('keys')).toEqual(['vault']);
    const keys = (await w.db.getAllKeys('live')).map(String).filter((k) => k.startsWith('c:'));
    expect(keys).toHaveLength(2);
    for (const k of keys) expect(k).toMatch(/^c:[A-Za-z0-9_-]{43}$/);
    expectNothingReadable(await dumpDatabase(w.db));
    // Sessions are untouched.
    expect((await w.store.sessions.get('s1'))?.session).toEqual(session);
  });

  it('keeps new writes hashed and sealed, and updates and deletes find their record', async () => {
    const w = await world();
    await w.store.vault.turnOn(PASS);
    await w.store.liveCookies.apply([live, other], []);
    await w.store.liveCookies.apply(
      [{ ...live, value: 'changed-value-0000' }],
      [`${other.storeId}\u0000${other.domain}\u0000${other.path}\u0000${other.name}\u0000\u0000\u0000`],
    );
    expect(await w.store.liveCookies.read()).toEqual([{ ...live, value: 'changed-value-0000' }]);
    expect(await w.store.liveCookies.count()).toBe(1);
    expectNothingReadable(await dumpDatabase(w.db));
  });

  it('locked (a new browser run: storage.session empty): every read and write is refused, nothing changes', async () => {
    const w = await world();
    await seed(w);
    await w.store.vault.turnOn(PASS);
    const r = await restarted(w, holder());
    expect((await r.store.vault.info()).state).toBe('locked');
    const before = await dumpDatabase(r.db);
    for (const p of [
      () => r.store.liveCookies.read(),
      () => r.store.liveCookies.apply([live], []),
      () => r.store.jars.get('jar1'),
      () => r.store.jars.save('jar2', [live], 2),
    ]) {
      const e = await failure(p());
      expect(e.code).toBe('locked');
      expect(english(e.userMessage)).toMatch(/Cookies are locked/);
    }
    // What needs no key still works: counting, a jar that does not exist, clearing.
    expect(await r.store.liveCookies.count()).toBe(2);
    expect(await r.store.jars.get('nope')).toBeUndefined();
    expect(await dumpDatabase(r.db)).toBe(before);
  });

  it('a worker restart in the same browser run stays unlocked through storage.session; a new run does not', async () => {
    const w = await world();
    const run1 = holder();
    w.store.vault.attach(run1);
    await seed(w);
    await w.store.vault.turnOn(PASS);
    expect(run1.area.get('s')).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const sameRun = await restarted(w, holder(run1.area));
    expect((await sameRun.store.vault.info()).state).toBe('unlocked');
    expect(sortedNames(await sameRun.store.liveCookies.read())).toEqual([NAME, 'pref_cookie_name']);

    const nextRun = await restarted(w, holder());
    expect((await nextRun.store.vault.info()).state).toBe('locked');
  });

  it('a wrong passphrase is refused in clear words and changes nothing; the right one unlocks', async () => {
    const w = await world();
    await seed(w);
    await w.store.vault.turnOn(PASS);
    const h = holder();
    const r = await restarted(w, h);
    const before = await dumpDatabase(r.db);
    for (const p of [
      () => r.store.vault.unlock('wrong passphrase!'),
      () => r.store.vault.turnOff('wrong passphrase!'),
      () => r.store.vault.changePassphrase('wrong passphrase!', 'a new passphrase'),
    ]) {
      const e = await failure(p());
      expect(e.code).toBe('refused');
      expect(english(e.userMessage)).toBe('That is not the passphrase that locks the cookies. Nothing was changed.');
    }
    expect(await dumpDatabase(r.db)).toBe(before);
    expect((await r.store.vault.info()).state).toBe('locked');
    expect(h.area.get('s')).toBeUndefined();

    await r.store.vault.unlock(PASS);
    expect((await r.store.vault.info()).state).toBe('unlocked');
    expect(h.area.get('s')).toBeTruthy();
    expect(await r.store.jars.get('jar1')).toEqual([jarCookie]);
  });

  it('lock now: forgets the keys here and in storage.session', async () => {
    const w = await world();
    const h = holder();
    w.store.vault.attach(h);
    await w.store.vault.turnOn(PASS);
    await w.store.vault.lock();
    expect((await w.store.vault.info()).state).toBe('locked');
    expect(h.area.get('s')).toBeUndefined();
    expect((await failure(w.store.liveCookies.read())).code).toBe('locked');
  });

  it('change passphrase: rewraps only; the old one is refused, the new one opens the same cookies', async () => {
    const w = await world();
    await seed(w);
    await w.store.vault.turnOn(PASS);
    const sealedBefore = await w.db.get('cookieJars', 'jar1');
    await w.store.vault.changePassphrase(PASS, 'a brand new passphrase');
    // Nothing re-encrypted.
    expect(await w.db.get('cookieJars', 'jar1')).toEqual(sealedBefore);
    const r = await restarted(w, holder());
    expect((await failure(r.store.vault.unlock(PASS))).code).toBe('refused');
    await r.store.vault.unlock('a brand new passphrase');
    expect(await r.store.jars.get('jar1')).toEqual([jarCookie]);
    expect(sortedNames(await r.store.liveCookies.read())).toEqual([NAME, 'pref_cookie_name']);
  });

  it('turning it off (with the passphrase) seals everything under a new default key', async () => {
    const w = await world();
    await seed(w);
    await w.store.vault.turnOn(PASS);
    await w.store.vault.turnOff(PASS);
    expect(await w.store.vault.info()).toEqual({ state: 'off' });
    expect(await w.db.getAllKeys('keys')).toEqual([COOKIE_KEY_ID]);
    expect(sortedNames(await w.store.liveCookies.read())).toEqual([NAME, 'pref_cookie_name']);
    expect(await w.store.jars.get('jar1')).toEqual([jarCookie]);
    // A new worker reads them with the stored default key.
    const r = await restarted(w, holder());
    expect(await r.store.jars.get('jar1')).toEqual([jarCookie]);
  });

  it('forget: every jar and live cookie deleted, the vault gone, sessions kept; the lock is off', async () => {
    const w = await world();
    await seed(w);
    await w.store.vault.turnOn(PASS);
    const r = await restarted(w, holder());
    await r.store.vault.forget();
    expect(await r.store.vault.info()).toEqual({ state: 'off' });
    expect(await r.db.count('cookieJars')).toBe(0);
    expect(await r.store.liveCookies.count()).toBe(0);
    expect(await r.db.count('keys')).toBe(0);
    expect((await r.store.sessions.get('s1'))?.session).toEqual(session);
    expect(await r.store.jars.get('jar1')).toBeUndefined();
    // Keeping goes on, unlocked, under a new default key.
    await r.store.liveCookies.apply([live], []);
    expect(await r.store.liveCookies.read()).toEqual([live]);
  });

  it('at a fresh run while locked, the live records move into the jar unopened, and open after unlocking', async () => {
    const w = await world();
    await w.store.vault.turnOn(PASS);
    await w.store.liveCookies.apply([live, other], []);
    const r = await restarted(w, holder());
    expect(await r.store.recovery.liveCookiesToJar('recovered', 5)).toBe(true);
    const entry = await r.db.get('cookieJars', 'recovered');
    expect(entry?.count).toBe(2);
    expect(entry?.records?.map((x) => x.key).every((k) => /^c:[A-Za-z0-9_-]{43}$/.test(k))).toBe(true);
    expectNothingReadable(await dumpDatabase(r.db));
    expect((await failure(r.store.jars.get('recovered'))).code).toBe('locked');
    await r.store.vault.unlock(PASS);
    expect(sortedNames((await r.store.jars.get('recovered')) ?? [])).toEqual([NAME, 'pref_cookie_name']);
  });

  it('a switch waits for cookie writes under way, and writes wait for the switch: none is lost or unreadable', async () => {
    const w = await world();
    const writes = Array.from({ length: 20 }, (_, i) =>
      w.store.liveCookies.apply([cookie({ name: `n${i}`, value: `value-${i}`, domain: DOMAIN })], []),
    );
    const on = w.store.vault.turnOn(PASS);
    const more = Array.from({ length: 20 }, (_, i) =>
      w.store.liveCookies.apply([cookie({ name: `m${i}`, value: `value-m${i}`, domain: DOMAIN })], []),
    );
    await Promise.all([...writes, on, ...more]);
    expect(await w.store.liveCookies.read()).toHaveLength(40);
    expect(await w.store.liveCookies.count()).toBe(40);
    expect((await dumpDatabase(w.db)).includes(DOMAIN)).toBe(false);
  });

  it('refuses turning it on twice, and the switches that need it on while it is off', async () => {
    const w = await world();
    await w.store.vault.turnOn(PASS);
    expect((await failure(w.store.vault.turnOn(PASS))).code).toBe('invalid');
    await w.store.vault.turnOff(PASS);
    for (const p of [
      () => w.store.vault.unlock(PASS),
      () => w.store.vault.turnOff(PASS),
      () => w.store.vault.changePassphrase(PASS, PASS),
    ]) {
      expect(english((await failure(p())).userMessage)).toBe('The cookie lock is not on.');
    }
  });
});
