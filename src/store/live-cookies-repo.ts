// The running browser's session cookies, kept for crash recovery. One `live` record per cookie
// (key `c:` + cookieKey()), so one cookie change writes one small record, however many cookies
// there are. Each record holds the whole CookieRecord encrypted; the key itself names the cookie
// (store, domain, path, name), never its value. The `live` store also holds windows, tabs and
// groups (`w:`, `t:`, `g:`) owned by the live tracker: everything here touches `c:` keys only.
import { cookieKey, type CookieRecord } from '../core/cookies/cookie-record.ts';
import type { Cipher } from './crypto.ts';
import type { DB } from './db.ts';
import { StoreError } from './errors.ts';
import { STRICT, run } from './tx.ts';

const PREFIX = 'c:';

/** The stored value of a `c:` record. */
export interface SealedCookie {
  iv: Uint8Array;
  data: ArrayBuffer;
}

export interface SkippedLiveCookie {
  key: string;
  error: StoreError;
}

/** The `live` store key of a cookie. */
export function liveCookieKey(c: CookieRecord): string {
  return PREFIX + cookieKey(c);
}

/** Every key that starts with `c:` and nothing else (';' is the code unit after ':'). */
export function liveCookieRange(): IDBKeyRange {
  return IDBKeyRange.bound(PREFIX, 'c;', false, true);
}

/** Adds or replaces cookies, all in one transaction. */
export function putLiveCookies(db: DB, cipher: Cipher, cookies: readonly CookieRecord[]): Promise<void> {
  return applyLiveCookies(db, cipher, cookies, []);
}

/**
 * Adds or replaces `put` and removes `del` (cookieKey()s) in one transaction, so the live copy
 * never holds half of a change. Encrypts first: an await on WebCrypto would end the transaction.
 */
export function applyLiveCookies(
  db: DB,
  cipher: Cipher,
  put: readonly CookieRecord[],
  del: readonly string[],
): Promise<void> {
  return run(async () => {
    if (put.length === 0 && del.length === 0) return;
    const entries = await Promise.all(
      put.map(async (c) => {
        const key = liveCookieKey(c);
        // The key is the context: a record copied under another cookie's key fails to decrypt.
        const value: SealedCookie = await cipher.encryptJson(c, key);
        return { key, value };
      }),
    );
    const tx = db.transaction('live', 'readwrite', STRICT);
    for (const e of entries) void tx.store.put(e);
    for (const k of del) void tx.store.delete(PREFIX + k);
    await tx.done;
  });
}

/** Removes cookies by their cookieKey() (the identity from core, without the `c:` prefix). */
export function removeLiveCookies(db: DB, keys: readonly string[]): Promise<void> {
  return run(async () => {
    if (keys.length === 0) return;
    const tx = db.transaction('live', 'readwrite', STRICT);
    for (const k of keys) void tx.store.delete(PREFIX + k);
    await tx.done;
  });
}

/**
 * All stored live cookies. A record that cannot be decrypted (damaged, or from a lost key) is
 * skipped and handed to `onSkip`, so one bad record does not cost the person every other cookie.
 */
export function readLiveCookies(
  db: DB,
  cipher: Cipher,
  onSkip: (skipped: SkippedLiveCookie) => void = warnSkipped,
): Promise<CookieRecord[]> {
  return run(async () => {
    // Read everything first, then decrypt: the transaction is over by then, as it must be.
    const entries = await db.getAll('live', liveCookieRange());
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
  });
}

/** Deletes every live cookie; windows, tabs and groups stay. */
export function clearLiveCookies(db: DB): Promise<void> {
  return run(async () => {
    const tx = db.transaction('live', 'readwrite', STRICT);
    void tx.store.delete(liveCookieRange());
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
