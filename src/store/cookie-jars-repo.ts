// Saved sessions' cookie jars. A jar is written once and read whole on restore, so it is sealed as
// one JSON blob with one fresh IV; only its id, time and cookie count stay readable.
import type { CookieRecord } from '../core/cookies/cookie-record.ts';
import { getCipher } from './crypto.ts';
import type { DB } from './db.ts';
import { StoreError } from './errors.ts';
import { STRICT, run } from './tx.ts';
import { isCookieRecord, liveCookieRange } from './live-cookies-repo.ts';

// Bound into the ciphertext, so a jar copied under another session's id does not decrypt.
const context = (id: string): string => `cookieJar:${id}`;

export function saveCookieJar(db: DB, id: string, cookies: readonly CookieRecord[], now: number): Promise<void> {
  return run(async () => {
    // Encrypt before the transaction opens: awaiting WebCrypto inside it would end it.
    const cipher = await getCipher(db);
    const { iv, data } = await cipher.encryptJson(cookies, context(id));
    const tx = db.transaction('cookieJars', 'readwrite', STRICT);
    void tx.store.put({ id, createdAt: now, iv, data, count: cookies.length });
    await tx.done;
  });
}

/** The jar's cookies, or undefined if there is none; a damaged jar is a 'corrupt' StoreError. */
export function getCookieJar(db: DB, id: string): Promise<CookieRecord[] | undefined> {
  return run(async () => {
    const entry = await db.get('cookieJars', id);
    if (!entry) return undefined;
    const cipher = await getCipher(db);
    let cookies: unknown;
    try {
      cookies = await cipher.decryptJson(entry.iv, entry.data, context(id));
    } catch (e) {
      throw new StoreError('corrupt', { key: 'errJarDamaged' }, { cause: e });
    }
    if (!Array.isArray(cookies) || !cookies.every(isCookieRecord)) {
      throw new StoreError('corrupt', { key: 'errJarFormat' });
    }
    return cookies;
  });
}

export function deleteCookieJar(db: DB, id: string): Promise<void> {
  return run(async () => {
    const tx = db.transaction('cookieJars', 'readwrite', STRICT);
    void tx.store.delete(id);
    await tx.done;
  });
}

/**
 * The "clear all stored cookie values" setting: every jar and every live cookie, in one
 * transaction so it never half-happens. Sessions, tabs and the live windows/tabs/groups stay;
 * the key stays too (another connection may hold it cached, and new saves must stay readable).
 */
export function clearAllCookieValues(db: DB): Promise<void> {
  return run(async () => {
    const tx = db.transaction(['cookieJars', 'live'], 'readwrite', STRICT);
    void tx.objectStore('cookieJars').clear();
    void tx.objectStore('live').delete(liveCookieRange());
    await tx.done;
  });
}
