// The cookie vault lock's keys. Without the lock, the cookie key sits in IndexedDB beside the
// ciphertext (crypto.ts). With it, nothing stored on disk decrypts anything without the passphrase:
//
//   passphrase ─PBKDF2-SHA256, 600,000 iterations, random 16-byte salt─▶ passphrase key (AES-GCM-256,
//     never stored)
//   passphrase key ─AES-GCM─▶ the vault secret (32 random bytes), stored wrapped in `keys` as 'vault'
//   vault secret ─HKDF-SHA256 "values"─▶ value key (AES-GCM-256): cookie records and jars
//   vault secret ─HKDF-SHA256 "names"─▶ name key (HMAC-SHA256): a `live` cookie record is keyed by
//     the HMAC of its cookieKey(), so no record key names a cookie, a domain or a cookie store
//
// Unlocked, the secret lives in the worker's memory and in storage.session (memory only, gone when
// the browser restarts), so a worker restart does not ask again; the derived keys are
// non-extractable. Changing the passphrase rewraps the secret and re-encrypts nothing.
//
// PBKDF2 rather than Argon2id: WebCrypto has it natively in the worker and pages (Chrome and
// Firefox), with no dependency in the key path and no `wasm-unsafe-eval` in the extension's CSP;
// 600,000 iterations is OWASP's figure for PBKDF2-HMAC-SHA256 and costs ~100 ms here. The KDF and
// its parameters are stored with the wrapped secret, so a stronger one later is a rewrap.
import { counted, msg } from '../core/user-error.ts';
import { cipherFor, own, type Cipher } from './crypto.ts';
import { StoreError } from './errors.ts';
import type { VaultEntry } from './schema.ts';

export const VAULT_ID = 'vault';
export const VAULT_ITERATIONS = 600_000;
/** Passphrases shorter than this are refused (the page also shows a strength meter). */
export const MIN_PASSPHRASE_CHARS = 8;

const SECRET_BYTES = 32;
const SALT_BYTES = 16;
const IV_BYTES = 12;
const utf8 = new TextEncoder();
/** Bound to the wrapped secret as AES-GCM additional data. */
const WRAP_CONTEXT = utf8.encode('tabularium cookie vault v1');
const CHECK_TEXT = utf8.encode('tabularium cookie vault check');

/** What cookie records are sealed and named with: the default key, or the unlocked vault's keys. */
export interface CookieKeys {
  cipher: Cipher;
  /** The `live` store key of a cookie, from its cookieKey(). */
  recordKey(cookieKey: string): Promise<string>;
}

export const LIVE_COOKIE_PREFIX = 'c:';

/** The default: a record key names its cookie (`c:` + cookieKey()). */
export function plainKeys(cipher: Cipher): CookieKeys {
  return { cipher, recordKey: async (k) => LIVE_COOKIE_PREFIX + k };
}

export function vaultLocked(): StoreError {
  return new StoreError('locked', msg('errCookiesLocked'));
}

function wrongPassphrase(cause?: unknown): StoreError {
  return new StoreError('refused', msg('errVaultWrongPassphrase'), { cause });
}

export function checkPassphrase(passphrase: string): void {
  if ([...passphrase].length < MIN_PASSPHRASE_CHARS) {
    throw new StoreError(
      'invalid',
      counted(MIN_PASSPHRASE_CHARS, 'errVaultPassphraseShortOne', 'errVaultPassphraseShortOther'),
    );
  }
}

async function passphraseKey(passphrase: string, kdf: VaultEntry['kdf']): Promise<CryptoKey> {
  const base = await crypto.subtle.importKey('raw', utf8.encode(passphrase), 'PBKDF2', false, ['deriveKey']);
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: kdf.hash, iterations: kdf.iterations, salt: own(kdf.salt) },
    base,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

/** The secret wrapped under a passphrase, with a fresh salt and IV. */
export async function wrapSecret(
  secret: Uint8Array,
  passphrase: string,
  iterations = VAULT_ITERATIONS,
): Promise<VaultEntry> {
  checkPassphrase(passphrase);
  const kdf: VaultEntry['kdf'] = {
    name: 'PBKDF2',
    hash: 'SHA-256',
    iterations,
    salt: crypto.getRandomValues(new Uint8Array(SALT_BYTES)),
  };
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const key = await passphraseKey(passphrase, kdf);
  const wrapped = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: WRAP_CONTEXT }, key, own(secret));
  const { check } = await deriveKeys(secret);
  return { id: VAULT_ID, version: 1, kdf, iv, wrapped, check };
}

/** A new vault: a random secret, wrapped under the passphrase. */
export async function newVault(passphrase: string): Promise<{ entry: VaultEntry; secret: Uint8Array<ArrayBuffer> }> {
  const secret = crypto.getRandomValues(new Uint8Array(SECRET_BYTES));
  return { entry: await wrapSecret(secret, passphrase), secret };
}

/** The secret, with the passphrase; a wrong one is refused ('refused', nothing else happens). */
export async function openVault(entry: VaultEntry, passphrase: string): Promise<Uint8Array<ArrayBuffer>> {
  checkEntry(entry);
  const key = await passphraseKey(passphrase, entry.kdf);
  try {
    const secret = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: own(entry.iv), additionalData: WRAP_CONTEXT },
      key,
      entry.wrapped,
    );
    return new Uint8Array(secret);
  } catch (e) {
    // GCM cannot tell a wrong passphrase from a damaged record; the passphrase is far likelier.
    throw wrongPassphrase(e);
  }
}

/** The value and name keys of an unwrapped secret; a secret that is not this vault's is refused. */
export async function vaultKeys(secret: Uint8Array, entry: VaultEntry): Promise<CookieKeys> {
  const { valueKey, nameKey, check } = await deriveKeys(secret);
  if (!sameBytes(new Uint8Array(check), new Uint8Array(entry.check))) throw wrongPassphrase();
  return {
    cipher: cipherFor(valueKey),
    async recordKey(cookieKey: string): Promise<string> {
      const mac = await crypto.subtle.sign('HMAC', nameKey, utf8.encode(cookieKey));
      return LIVE_COOKIE_PREFIX + base64url(new Uint8Array(mac));
    },
  };
}

async function deriveKeys(
  secret: Uint8Array,
): Promise<{ valueKey: CryptoKey; nameKey: CryptoKey; check: ArrayBuffer }> {
  const base = await crypto.subtle.importKey('raw', own(secret), 'HKDF', false, ['deriveKey']);
  const hkdf = (info: string): HkdfParams => ({
    name: 'HKDF',
    hash: 'SHA-256',
    salt: new Uint8Array(0),
    info: utf8.encode(`tabularium cookie vault ${info}`),
  });
  const valueKey = await crypto.subtle.deriveKey(hkdf('values'), base, { name: 'AES-GCM', length: 256 }, false, [
    'encrypt',
    'decrypt',
  ]);
  const nameKey = await crypto.subtle.deriveKey(hkdf('names'), base, { name: 'HMAC', hash: 'SHA-256' }, false, [
    'sign',
  ]);
  const check = await crypto.subtle.sign('HMAC', nameKey, CHECK_TEXT);
  return { valueKey, nameKey, check };
}

function checkEntry(entry: VaultEntry): void {
  const ok =
    entry.version === 1 &&
    entry.kdf?.name === 'PBKDF2' &&
    entry.kdf.hash === 'SHA-256' &&
    Number.isSafeInteger(entry.kdf.iterations) &&
    entry.kdf.iterations > 0 &&
    entry.kdf.salt instanceof Uint8Array &&
    entry.iv instanceof Uint8Array &&
    entry.wrapped instanceof ArrayBuffer;
  if (!ok) throw new StoreError('corrupt', msg('errCookieKeyDamaged'));
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.byteLength !== b.byteLength) return false;
  let diff = 0;
  for (let i = 0; i < a.byteLength; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}

/** The secret as storage.session keeps it (JSON-safe text). */
export function secretToText(secret: Uint8Array): string {
  return base64url(secret);
}

export function secretFromText(text: string): Uint8Array<ArrayBuffer> | undefined {
  try {
    const bin = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
    const out = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
    return out.byteLength === SECRET_BYTES ? out : undefined;
  } catch {
    return undefined;
  }
}

function base64url(bytes: Uint8Array): string {
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
