// Encryption at rest for cookie values: AES-GCM-256. Without the cookie vault lock (the default),
// the key is created non-extractable on first use and kept in IndexedDB as a structured clone of
// the CryptoKey: no script (ours included) can read it back through WebCrypto, and it survives
// worker and browser restarts. But the browser writes that clone, key bytes included, into the
// same IndexedDB files as the ciphertext. So the default protects cookie values from other
// extensions and web pages, from the extension's exports and from backups of the sessions (none
// of them carries the key); it does NOT protect from anyone who copies the profile folder (or only
// its IndexedDB folder): the copy decrypts. Nor can it protect from code running inside the
// extension. The optional lock (cookie-vault.ts) wraps the key with the person's passphrase.
import type { DB } from './db.ts';
import { StoreError, toStoreError } from './errors.ts';
import type { KeyEntry } from './schema.ts';
import { STRICT, settle } from './tx.ts';

/** One ciphertext with the IV it was made with (stored side by side). */
export interface Sealed {
  iv: Uint8Array<ArrayBuffer>;
  data: ArrayBuffer;
}

/**
 * `context` is bound to the ciphertext as AES-GCM additional data: decrypting with another context
 * fails like tampering does, so a record cannot be copied under another id or key unnoticed.
 */
export interface Cipher {
  encrypt(bytes: Uint8Array, context?: string): Promise<Sealed>;
  decrypt(iv: Uint8Array, data: ArrayBuffer | Uint8Array, context?: string): Promise<Uint8Array<ArrayBuffer>>;
  encryptJson(value: unknown, context?: string): Promise<Sealed>;
  decryptJson<T = unknown>(iv: Uint8Array, data: ArrayBuffer | Uint8Array, context?: string): Promise<T>;
}

export const COOKIE_KEY_ID = 'cookie-values';
const ALGORITHM = 'AES-GCM';
const IV_BYTES = 12;
const TAG_BYTES = 16;
const utf8 = new TextEncoder();
const utf8Strict = new TextDecoder('utf-8', { fatal: true });

// One cipher per connection: a worker restart or a reopened database starts without a cache and
// reads the key back from IndexedDB. A WeakMap lets a closed connection's entry go with it.
const ciphers = new WeakMap<DB, Promise<Cipher>>();

export function getCipher(db: DB): Promise<Cipher> {
  let p = ciphers.get(db);
  if (!p) {
    p = loadOrCreateKey(db).then(cipherFor);
    // A failure (database closing, quota) must not stick: the next call tries again.
    p.catch(() => ciphers.delete(db));
    ciphers.set(db, p);
  }
  return p;
}

async function loadOrCreateKey(db: DB): Promise<CryptoKey> {
  try {
    const found = await db.get('keys', COOKIE_KEY_ID);
    if (found) return checkKey((found as Partial<KeyEntry>).key);
    // Generate outside any transaction: awaiting WebCrypto inside one would end it.
    const fresh = await newDefaultKey();
    // Add-if-absent in one readwrite transaction (these are serialised per store), so when two
    // connections race on first use both end up with whichever key was stored first.
    const tx = db.transaction('keys', 'readwrite', STRICT);
    const existing = await tx.store.get(COOKIE_KEY_ID);
    if (!existing) settle(tx.store.add({ id: COOKIE_KEY_ID, key: fresh }));
    await tx.done;
    return existing ? checkKey((existing as Partial<KeyEntry>).key) : fresh;
  } catch (e) {
    throw toStoreError(e);
  }
}

function checkKey(key: unknown): CryptoKey {
  const k = key as Partial<CryptoKey> | null;
  const ok =
    typeof k === 'object' &&
    k !== null &&
    k.type === 'secret' &&
    k.algorithm?.name === ALGORITHM &&
    !!k.usages?.includes('encrypt') &&
    !!k.usages.includes('decrypt');
  if (!ok) {
    throw new StoreError('corrupt', { key: 'errCookieKeyDamaged' });
  }
  return key as CryptoKey;
}

/**
 * Forgets the cached cipher of a connection: the default key was deleted or replaced (the vault
 * lock turned on or off), so the next getCipher reads or creates it again.
 */
export function resetCipher(db: DB): void {
  ciphers.delete(db);
}

/** A new default key, not stored (the caller stores it in its own transaction). */
export function newDefaultKey(): Promise<CryptoKey> {
  return crypto.subtle.generateKey({ name: ALGORITHM, length: 256 }, false, ['encrypt', 'decrypt']);
}

/** The cipher of an AES-GCM key (the default key, or the vault's value key). */
export function cipherFor(key: CryptoKey): Cipher {
  const encrypt = async (bytes: Uint8Array, context?: string): Promise<Sealed> => {
    // A fresh random IV every time: reusing one under the same key breaks AES-GCM entirely.
    const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
    const data = await crypto.subtle.encrypt(params(iv, context), key, own(bytes));
    return { iv, data };
  };
  const decrypt = async (
    iv: Uint8Array,
    data: ArrayBuffer | Uint8Array,
    context?: string,
  ): Promise<Uint8Array<ArrayBuffer>> => {
    const ivOk = iv instanceof Uint8Array && iv.byteLength === IV_BYTES;
    const dataOk = (data instanceof ArrayBuffer || data instanceof Uint8Array) && data.byteLength >= TAG_BYTES;
    if (!ivOk || !dataOk) throw damaged();
    try {
      const body = data instanceof ArrayBuffer ? data : own(data);
      return new Uint8Array(await crypto.subtle.decrypt(params(own(iv), context), key, body));
    } catch (e) {
      // GCM's tag check fails the same way for a flipped bit, a wrong IV, a wrong context or a
      // different key: all mean the stored value cannot be trusted.
      throw damaged(e);
    }
  };
  return {
    encrypt,
    decrypt,
    encryptJson: (value, context) => encrypt(utf8.encode(JSON.stringify(value)), context),
    async decryptJson<T>(iv: Uint8Array, data: ArrayBuffer | Uint8Array, context?: string): Promise<T> {
      const bytes = await decrypt(iv, data, context);
      try {
        return JSON.parse(utf8Strict.decode(bytes)) as T;
      } catch (e) {
        throw damaged(e);
      }
    },
  };
}

function params(iv: Uint8Array<ArrayBuffer>, context: string | undefined): AesGcmParams {
  return context === undefined
    ? { name: ALGORITHM, iv, tagLength: TAG_BYTES * 8 }
    : { name: ALGORITHM, iv, tagLength: TAG_BYTES * 8, additionalData: utf8.encode(context) };
}

/** WebCrypto wants bytes over a plain ArrayBuffer; copy only when they are not. */
export function own(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  return bytes.buffer instanceof ArrayBuffer ? (bytes as Uint8Array<ArrayBuffer>) : new Uint8Array(bytes);
}

function damaged(cause?: unknown): StoreError {
  return new StoreError('corrupt', { key: 'errCookieValuesLocked' }, { cause });
}
