// The running browser's session cookies, kept for crash recovery. One `live` record per cookie
// (key `c:` + cookieKey()), so one cookie change writes one small record, however many cookies
// there are. Each record holds the whole CookieRecord encrypted. Without the vault lock the key
// names the cookie (store, domain, path, name), never its value; with the lock it is `c:` + a
// keyed hash of cookieKey() (cookie-vault.ts), so it names nothing. The `live` store also holds
// windows, tabs and groups (`w:`, `t:`, `g:`) owned by the live tracker: everything here touches
// `c:` keys only.
import { cookieKey, type CookieRecord } from '../core/cookies/cookie-record.ts';
import { LIVE_COOKIE_PREFIX, plainKeys, type CookieKeys } from './cookie-vault.ts';
import type { Cipher } from './crypto.ts';
import type { DB } from './db.ts';
import { StoreError } from './errors.ts';
import { STRICT, run, settle } from './tx.ts';

const PREFIX = LIVE_COOKIE_PREFIX;

/** The stored value of a `c:` record. */
export interface SealedCookie {
  iv: Uint8Array;
  data: ArrayBuffer;
}

export interface SkippedLiveCookie {
  key: string;
  error: StoreError;
}

/** The default key's record keys, or the vault's: tests and callers may pass a bare cipher. */
function keysOf(k: Cipher | CookieKeys): CookieKeys {
  return 'recordKey' in k ? k : plainKeys(k);
}

/** The `live` store key of a cookie without the vault lock. */
export function liveCookieKey(c: CookieRecord): string {
  return PREFIX + cookieKey(c);
}

/** Every key that starts with `c:` and nothing else (';' is the code unit after ':'). */
export function liveCookieRange(): IDBKeyRange {
  return IDBKeyRange.bound(PREFIX, 'c;', false, true);
}

/** Adds or replaces cookies, all in one transaction. */
export function putLiveCookies(db: DB, keys: Cipher | CookieKeys, cookies: readonly CookieRecord[]): Promise<void> {
  return applyLiveCookies(db, keys, cookies, []);
}

/** Cookies as `live` records: named by `keys`, each sealed with its record key as the context. */
export function sealLiveCookies(keys: CookieKeys, cookies: readonly CookieRecord[]): Promise<LiveCookieEntry[]> {
  return Promise.all(
    cookies.map(async (c) => {
      const key = await keys.recordKey(cookieKey(c));
      // The key is the context: a record copied under another cookie's key fails to decrypt.
      const value: SealedCookie = await keys.cipher.encryptJson(c, key);
      return { key, value };
    }),
  );
}

export interface LiveCookieEntry {
  key: string;
  value: SealedCookie;
}

/**
 * Adds or replaces `put` and removes `del` (cookieKey()s) in one transaction, so the live copy
 * never holds half of a change. Encrypts first: an await on WebCrypto would end the transaction.
 */
export function applyLiveCookies(
  db: DB,
  keys: Cipher | CookieKeys,
  put: readonly CookieRecord[],
  del: readonly string[],
): Promise<void> {
  return run(async () => {
    if (put.length === 0 && del.length === 0) return;
    const k = keysOf(keys);
    const entries = await sealLiveCookies(k, put);
    const gone = await Promise.all(del.map((d) => k.recordKey(d)));
    const tx = db.transaction('live', 'readwrite', STRICT);
    for (const e of entries) settle(tx.store.put(e));
    for (const g of gone) settle(tx.store.delete(g));
    await tx.done;
  });
}

/** Removes cookies (without the vault lock) by their cookieKey(), without the `c:` prefix. */
export function removeLiveCookies(db: DB, keys: readonly string[]): Promise<void> {
  return run(async () => {
    if (keys.length === 0) return;
    const tx = db.transaction('live', 'readwrite', STRICT);
    for (const k of keys) settle(tx.store.delete(PREFIX + k));
    await tx.done;
  });
}

/**
 * All stored live cookies. A record that cannot be decrypted (damaged, or from a lost key) is
 * skipped and handed to `onSkip`, so one bad record does not cost the person every other cookie.
 */
export function readLiveCookies(
  db: DB,
  keys: Cipher | CookieKeys,
  onSkip: (skipped: SkippedLiveCookie) => void = warnSkipped,
): Promise<CookieRecord[]> {
  return run(async () => {
    // Read everything first, then decrypt: the transaction is over by then, as it must be.
    const entries = await db.getAll('live', liveCookieRange());
    return openLiveCookies(keysOf(keys).cipher, entries, onSkip);
  });
}

/**
 * Decrypts sealed `live` records (their key is their context); one that cannot be decrypted is
 * skipped and handed to `onSkip`.
 */
export async function openLiveCookies(
  cipher: Cipher,
  entries: readonly { key: string; value: unknown }[],
  onSkip: (skipped: SkippedLiveCookie) => void = warnSkipped,
): Promise<CookieRecord[]> {
  const results = await Promise.all(
    entries.map(async ({ key, value }) => {
      try {
        const v = value as Partial<SealedCookie> | undefined;
        const c = await cipher.decryptJson<unknown>(v?.iv as Uint8Array, v?.data as ArrayBuffer, key);
        if (!isCookieRecord(c)) throw new StoreError('corrupt', { key: 'errSavedCookieShape' });
        return c;
      } catch (e) {
        const error =
          e instanceof StoreError ? e : new StoreError('corrupt', { key: 'errSavedCookieUnreadable' }, { cause: e });
        onSkip({ key, error });
        return undefined;
      }
    }),
  );
  return results.filter((c): c is CookieRecord => c !== undefined);
}

/** Deletes every live cookie; windows, tabs and groups stay. */
export function clearLiveCookies(db: DB): Promise<void> {
  return run(async () => {
    const tx = db.transaction('live', 'readwrite', STRICT);
    settle(tx.store.delete(liveCookieRange()));
    await tx.done;
  });
}

function warnSkipped({ error }: SkippedLiveCookie): void {
  console.warn(`Tabularium: skipped a saved session cookie: ${error.message}`);
}

/** Enough to hand the record to cookies.set; the data was authenticated, so this guards against format drift only. */
export function isCookieRecord(x: unknown): x is CookieRecord {
  if (typeof x !== 'object' || x === null) return false;
  const c = x as Record<string, unknown>;
  return (
    typeof c.name === 'string' &&
    typeof c.value === 'string' &&
    typeof c.domain === 'string' &&
    typeof c.path === 'string' &&
    typeof c.storeId === 'string' &&
    typeof c.secure === 'boolean' &&
    typeof c.httpOnly === 'boolean' &&
    typeof c.hostOnly === 'boolean' &&
    typeof c.session === 'boolean' &&
    typeof c.sameSite === 'string'
  );
}
