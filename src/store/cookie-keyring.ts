// Which keys seal the cookies of one store, and the switches of the vault lock. Every cookie read
// or write asks here for the keys in force: the default key (crypto.ts), or the vault's keys while
// unlocked (cookie-vault.ts); while locked it gets a 'locked' StoreError. Turning the lock on or
// off re-encrypts every kept cookie (live records and jars) under the new keys in one transaction,
// while no other cookie read or write runs (a reader-writer gate), so nothing is ever sealed under
// a key that is being replaced.
import { msg } from '../core/user-error.ts';
import { openJar, sealJar } from './cookie-jars-repo.ts';
import {
  newVault,
  openVault,
  plainKeys,
  secretFromText,
  secretToText,
  vaultKeys,
  vaultLocked,
  wrapSecret,
  VAULT_ID,
  type CookieKeys,
} from './cookie-vault.ts';
import { COOKIE_KEY_ID, cipherFor, getCipher, newDefaultKey, resetCipher } from './crypto.ts';
import type { DB } from './db.ts';
import { StoreError } from './errors.ts';
import { liveCookieRange, openLiveCookies, sealLiveCookies } from './live-cookies-repo.ts';
import type { CookieJarEntry, VaultEntry } from './schema.ts';
import { run, STRICT, settle } from './tx.ts';
import type { CookieRecord } from '../core/cookies/cookie-record.ts';

/**
 * Where the unlocked vault secret waits between worker lives: storage.session (memory only,
 * emptied when the browser restarts). The worker hands it over; without one, unlocking lasts as
 * long as this store object.
 */
export interface SecretHolder {
  get(): Promise<string | undefined>;
  set(value: string | undefined): Promise<void>;
}

export type VaultState = 'off' | 'locked' | 'unlocked';

export interface VaultInfo {
  state: VaultState;
  /** The passphrase KDF's iterations, when the lock is on. */
  iterations?: number;
}

/** Many cookie reads and writes at once, or one switch of keys alone. */
class Gate {
  private active = 0;
  private switching: Promise<void> | undefined;
  private drained: (() => void) | undefined;

  async shared<T>(work: () => Promise<T>): Promise<T> {
    while (this.switching) await this.switching;
    this.active++;
    try {
      return await work();
    } finally {
      if (--this.active === 0) this.drained?.();
    }
  }

  async alone<T>(work: () => Promise<T>): Promise<T> {
    while (this.switching) await this.switching;
    let done!: () => void;
    this.switching = new Promise((r) => (done = r));
    try {
      if (this.active > 0) await new Promise<void>((r) => (this.drained = r));
      this.drained = undefined;
      return await work();
    } finally {
      this.switching = undefined;
      done();
    }
  }
}

interface Unlocked {
  secret: Uint8Array;
  keys: CookieKeys;
}

/** Every kept cookie, opened: what a switch of keys seals again. */
interface Opened {
  live: CookieRecord[];
  jars: { entry: CookieJarEntry; cookies: CookieRecord[] | undefined }[];
}

export function createKeyring(db: () => Promise<DB>) {
  const gate = new Gate();
  let holder: SecretHolder | undefined;
  let unlocked: Unlocked | undefined;

  const readVault = async (d: DB): Promise<VaultEntry | undefined> => {
    const e = await d.get('keys', VAULT_ID);
    return e && 'kdf' in e ? e : undefined;
  };

  /** The secret a previous worker life left in storage.session, if it is this vault's. */
  const fromHolder = async (vault: VaultEntry): Promise<Unlocked | undefined> => {
    const text = await holder?.get().catch(() => undefined);
    const secret = text ? secretFromText(text) : undefined;
    if (!secret) return undefined;
    try {
      return { secret, keys: await vaultKeys(secret, vault) };
    } catch {
      // Another vault's secret (forgotten and set up again meanwhile): it unlocks nothing.
      await holder?.set(undefined).catch(() => undefined);
      return undefined;
    }
  };

  /** The keys in force, or undefined while the vault is locked. */
  const keysIn = async (d: DB): Promise<CookieKeys | undefined> => {
    const vault = await readVault(d);
    if (!vault) return plainKeys(await getCipher(d));
    unlocked ??= await fromHolder(vault);
    return unlocked?.keys;
  };

  const remember = async (u: Unlocked | undefined): Promise<void> => {
    unlocked = u;
    await holder?.set(u ? secretToText(u.secret) : undefined);
  };

  /** Every kept cookie opened with `keys`; what cannot be opened is dropped (no key opens it). */
  const openAll = async (d: DB, keys: CookieKeys): Promise<Opened> => {
    const [liveEntries, jarEntries] = await Promise.all([d.getAll('live', liveCookieRange()), d.getAll('cookieJars')]);
    const live = await openLiveCookies(keys.cipher, liveEntries, () => undefined);
    const jars = await Promise.all(
      jarEntries.map(async (entry) => ({
        entry,
        cookies: await openJar(keys.cipher, entry).catch(() => undefined),
      })),
    );
    return { live, jars };
  };

  /** Seals `opened` under `keys` and writes it in one transaction with the key change `keyWrites`. */
  const sealAll = async (
    d: DB,
    keys: CookieKeys,
    opened: Opened,
    keyWrites: (store: {
      put(v: VaultEntry | { id: string; key: CryptoKey }): unknown;
      delete(k: string): unknown;
    }) => void,
  ): Promise<void> => {
    const live = await sealLiveCookies(keys, opened.live);
    const jars = await Promise.all(
      opened.jars.map(({ entry, cookies }) =>
        cookies ? sealJar(keys.cipher, entry.id, cookies, entry.createdAt) : undefined,
      ),
    );
    const tx = d.transaction(['keys', 'live', 'cookieJars'], 'readwrite', STRICT);
    keyWrites(tx.objectStore('keys'));
    const liveStore = tx.objectStore('live');
    void liveStore.delete(liveCookieRange());
    for (const e of live) void liveStore.put(e);
    const jarStore = tx.objectStore('cookieJars');
    opened.jars.forEach(({ entry }, i) => {
      const sealed = jars[i];
      void (sealed ? jarStore.put(sealed) : jarStore.delete(entry.id));
    });
    await tx.done;
  };

  const vaultOrFail = async (d: DB): Promise<VaultEntry> => {
    const vault = await readVault(d);
    if (!vault) throw new StoreError('invalid', msg('errVaultNotOn'));
    return vault;
  };

  return {
    /** A new worker life: forgets the unlocked keys it had and reads them back from `h`. */
    attach(h: SecretHolder | undefined): void {
      holder = h;
      unlocked = undefined;
    },

    /** Runs a cookie read or write with the keys in force; refused ('locked') while locked. */
    use<T>(work: (d: DB, keys: CookieKeys) => Promise<T>): Promise<T> {
      return gate.shared(() =>
        run(async () => {
          const d = await db();
          const keys = await keysIn(d);
          if (!keys) throw vaultLocked();
          return work(d, keys);
        }),
      );
    },

    /** Like use, with the keys asked for only when needed, and undefined while locked. */
    useMaybe<T>(work: (d: DB, keys: () => Promise<CookieKeys | undefined>) => Promise<T>): Promise<T> {
      return gate.shared(async () => {
        const d = await run(db);
        return work(d, () => keysIn(d));
      });
    },

    async info(): Promise<VaultInfo> {
      return run(async () => {
        const d = await db();
        const vault = await readVault(d);
        if (!vault) return { state: 'off' };
        unlocked ??= await fromHolder(vault);
        return { state: unlocked ? 'unlocked' : 'locked', iterations: vault.kdf.iterations };
      });
    },

    /** Turns the lock on: every kept cookie is sealed again under the vault's keys; unlocked after. */
    turnOn(passphrase: string): Promise<void> {
      return gate.alone(() =>
        run(async () => {
          const d = await db();
          if (await readVault(d)) throw new StoreError('invalid', msg('errVaultAlreadyOn'));
          const hadKey = !!(await d.get('keys', COOKIE_KEY_ID));
          const opened = hadKey ? await openAll(d, plainKeys(await getCipher(d))) : { live: [], jars: [] };
          const { entry, secret } = await newVault(passphrase);
          const keys = await vaultKeys(secret, entry);
          await sealAll(d, keys, opened, (store) => {
            store.put(entry);
            // The default key goes: what it sealed is sealed again under the vault's keys.
            store.delete(COOKIE_KEY_ID);
          });
          resetCipher(d);
          await remember({ secret, keys });
        }),
      );
    },

    /** Opens the vault with the passphrase; a wrong one changes nothing ('refused'). */
    unlock(passphrase: string): Promise<void> {
      return gate.alone(() =>
        run(async () => {
          const vault = await vaultOrFail(await db());
          const secret = await openVault(vault, passphrase);
          await remember({ secret, keys: await vaultKeys(secret, vault) });
        }),
      );
    },

    /** Forgets the unlocked keys here and in storage.session. */
    lock(): Promise<void> {
      return gate.alone(() => remember(undefined));
    },

    /** Wraps the same secret under a new passphrase: nothing else is re-encrypted. */
    changePassphrase(current: string, next: string): Promise<void> {
      return gate.alone(() =>
        run(async () => {
          const d = await db();
          const vault = await vaultOrFail(d);
          const secret = await openVault(vault, current);
          const entry = await wrapSecret(secret, next);
          const tx = d.transaction('keys', 'readwrite', STRICT);
          settle(tx.store.put(entry));
          await tx.done;
          await remember({ secret, keys: await vaultKeys(secret, entry) });
        }),
      );
    },

    /** Turns the lock off (with the passphrase): every kept cookie is sealed again under a new default key. */
    turnOff(passphrase: string): Promise<void> {
      return gate.alone(() =>
        run(async () => {
          const d = await db();
          const vault = await vaultOrFail(d);
          const secret = await openVault(vault, passphrase);
          const opened = await openAll(d, await vaultKeys(secret, vault));
          const key = await newDefaultKey();
          await sealAll(d, plainKeys(cipherFor(key)), opened, (store) => {
            store.delete(VAULT_ID);
            store.put({ id: COOKIE_KEY_ID, key });
          });
          resetCipher(d);
          await remember(undefined);
        }),
      );
    },

    /**
     * The passphrase is forgotten: every kept cookie (jars and live records) is deleted with the
     * vault, in one transaction; sessions stay. The lock is off afterwards.
     */
    forget(): Promise<void> {
      return gate.alone(() =>
        run(async () => {
          const d = await db();
          const tx = d.transaction(['keys', 'live', 'cookieJars'], 'readwrite', STRICT);
          settle(tx.objectStore('keys').delete(VAULT_ID));
          settle(tx.objectStore('keys').delete(COOKIE_KEY_ID));
          settle(tx.objectStore('live').delete(liveCookieRange()));
          settle(tx.objectStore('cookieJars').clear());
          await tx.done;
          resetCipher(d);
          await remember(undefined);
        }),
      );
    },
  };
}

export type Keyring = ReturnType<typeof createKeyring>;
