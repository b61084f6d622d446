// Encryption at rest for cookie values: AES-GCM-256 with a key that never leaves WebCrypto. The key
// is created non-extractable on first use and kept in IndexedDB as a structured clone of the
// CryptoKey, so no script (ours included) can read its bytes, yet it survives worker and browser
// restarts. This protects values from anything that reads the profile's files or an export of the
// database; it cannot protect from code running inside the extension itself.
import type { DB } from './db.ts';
import { StoreError, toStoreError } from './errors.ts';
import { STRICT } from './tx.ts';

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
    if (found) return checkKey(found.key);
    // Generate outside any transaction: awaiting WebCrypto inside one would end it.
    const fresh = await crypto.subtle.generateKey({ name: ALGORITHM, length: 256 }, false, ['encrypt', 'decrypt']);
    // Add-if-absent in one readwrite transaction (these are serialised per store), so when two
    // connections race on first use both end up with whichever key was stored first.
    const tx = db.transaction('keys', 'readwrite', STRICT);
    const existing = await tx.store.get(COOKIE_KEY_ID);
    if (!existing) void tx.store.add({ id: COOKIE_KEY_ID, key: fresh });
    await tx.done;
    return existing ? checkKey(existing.key) : fresh;
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

function cipherFor(key: CryptoKey): Cipher {
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
function own(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  return bytes.buffer instanceof ArrayBuffer ? (bytes as Uint8Array<ArrayBuffer>) : new Uint8Array(bytes);
}

function damaged(cause?: unknown): StoreError {
  return new StoreError('corrupt', { key: 'errCookieValuesLocked' }, { cause });
}
