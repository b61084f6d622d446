// Saved sessions' cookie jars. A jar is written once and read whole on restore, so it is sealed as
// one JSON blob with one fresh IV; only its id, time and cookie count stay readable. One other
// shape exists: when the vault lock is on but locked at a fresh run, the previous run's `live`
// cookie records move into the recovered session's jar as they are (sealed, keyed by hashes), to be
// opened once the person unlocks (recovery-repo.ts).
import type { CookieRecord } from '../core/cookies/cookie-record.ts';
import { getCipher, type Cipher } from './crypto.ts';
import type { DB } from './db.ts';
import { StoreError } from './errors.ts';
import { STRICT, run, settle } from './tx.ts';
import { isCookieRecord, liveCookieRange, openLiveCookies } from './live-cookies-repo.ts';
import type { CookieJarEntry } from './schema.ts';

// Bound into the ciphertext, so a jar copied under another session's id does not decrypt.
const context = (id: string): string => `cookieJar:${id}`;

/** The jar entry of cookies, sealed (before any transaction: awaiting WebCrypto in one ends it). */
export async function sealJar(
  cipher: Cipher,
  id: string,
  cookies: readonly CookieRecord[],
  createdAt: number,
): Promise<CookieJarEntry> {
  const { iv, data } = await cipher.encryptJson(cookies, context(id));
  return { id, createdAt, iv, data, count: cookies.length };
}

/** A jar entry's cookies; a damaged jar is a 'corrupt' StoreError. */
export async function openJar(cipher: Cipher, entry: CookieJarEntry): Promise<CookieRecord[]> {
  if (entry.records) {
    // Moved `live` records: each one is sealed alone; a damaged one is skipped like at recovery.
    return openLiveCookies(cipher, entry.records);
  }
  let cookies: unknown;
  try {
    cookies = await cipher.decryptJson(entry.iv!, entry.data!, context(entry.id));
  } catch (e) {
    throw new StoreError('corrupt', { key: 'errJarDamaged' }, { cause: e });
  }
  if (!Array.isArray(cookies) || !cookies.every(isCookieRecord)) {
    throw new StoreError('corrupt', { key: 'errJarFormat' });
  }
  return cookies;
}

/** `cipher` defaults to the default key (tests); the store always passes the keys in force. */
export function saveCookieJar(
  db: DB,
  id: string,
  cookies: readonly CookieRecord[],
  now: number,
  cipher?: Cipher,
): Promise<void> {
  return run(async () => {
    const entry = await sealJar(cipher ?? (await getCipher(db)), id, cookies, now);
    const tx = db.transaction('cookieJars', 'readwrite', STRICT);
    settle(tx.store.put(entry));
    await tx.done;
  });
}

/** The jar's cookies, or undefined if there is none; a damaged jar is a 'corrupt' StoreError. */
export function getCookieJar(db: DB, id: string, cipher?: Cipher): Promise<CookieRecord[] | undefined> {
  return run(async () => {
    const entry = await db.get('cookieJars', id);
    if (!entry) return undefined;
    return openJar(cipher ?? (await getCipher(db)), entry);
  });
}

export function deleteCookieJar(db: DB, id: string): Promise<void> {
  return run(async () => {
    const tx = db.transaction('cookieJars', 'readwrite', STRICT);
    settle(tx.store.delete(id));
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
    settle(tx.objectStore('cookieJars').clear());
    settle(tx.objectStore('live').delete(liveCookieRange()));
    await tx.done;
  });
}
