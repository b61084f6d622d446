// End-to-end encryption of sync, all through WebCrypto (the same in Chrome, Firefox and Node):
// PBKDF2-HMAC-SHA256 (600,000 iterations, as OWASP names for PBKDF2) turns the sync passphrase
// and the server's salt into 64 bytes: an AES-GCM-256 key for file contents and an HMAC-SHA256
// key for file names. The server sees random-looking names, sizes and times, nothing else.
//
// The key-check file (`tabularium-sync.json`, the only cleartext file) holds the salt, the KDF
// parameters and a check value encrypted under the key: a wrong passphrase fails to open it, so
// it is refused before anything is read or written.
import { base64ToBytes, bytesToBase64, isBase64 } from '../formats/base64.ts';
import { msg, UserError } from '../user-error.ts';
import { KEY_FILE } from './sync-model.ts';

export const SYNC_KDF_ITERATIONS = 600_000;
// The server chooses what the key file says: bounds keep a hostile one from stalling the worker.
const MIN_ITERATIONS = 100_000;
const MAX_ITERATIONS = 10_000_000;
const CHECK_TEXT = 'tabularium-sync-check-v1';
/** "TBS1": a Tabularium sync file, version 1; then one flag byte (1 = gzip), the IV, the ciphertext. */
const MAGIC = [0x54, 0x42, 0x53, 0x31];
const GZIP = 1;
const IV_BYTES = 12;
const utf8 = new TextEncoder();
const utf8Strict = new TextDecoder('utf-8', { fatal: true });

export interface KeyFile {
  format: 'tabularium-sync';
  version: 1;
  kdf: { name: 'PBKDF2'; hash: 'SHA-256'; iterations: number; salt: string };
  check: { iv: string; data: string };
}

export interface SyncKeys {
  enc: CryptoKey;
  names: CryptoKey;
}

const own = (b: Uint8Array): Uint8Array<ArrayBuffer> => new Uint8Array(b);

async function deriveBits(passphrase: string, salt: Uint8Array, iterations: number): Promise<Uint8Array> {
  const base = await crypto.subtle.importKey('raw', utf8.encode(passphrase.normalize('NFC')), 'PBKDF2', false, [
    'deriveBits',
  ]);
  return new Uint8Array(
    await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt: own(salt), iterations }, base, 512),
  );
}

/** The keys from the 64 derived bytes (what a device stores, sealed, instead of the passphrase). */
export async function keysFromBits(bits: Uint8Array): Promise<SyncKeys> {
  if (bits.length !== 64) throw new Error('sync key bits must be 64 bytes');
  const [enc, names] = await Promise.all([
    crypto.subtle.importKey('raw', own(bits.subarray(0, 32)), 'AES-GCM', false, ['encrypt', 'decrypt']),
    crypto.subtle.importKey('raw', own(bits.subarray(32)), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']),
  ]);
  return { enc, names };
}

/** A new key-check file for a folder that has none, and the key bits it was made with. */
export async function newKeyFile(
  passphrase: string,
  iterations = SYNC_KDF_ITERATIONS,
): Promise<{ file: KeyFile; bits: Uint8Array }> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const bits = await deriveBits(passphrase, salt, iterations);
  const keys = await keysFromBits(bits);
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const data = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: utf8.encode(KEY_FILE) },
    keys.enc,
    utf8.encode(CHECK_TEXT),
  );
  return {
    file: {
      format: 'tabularium-sync',
      version: 1,
      kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations, salt: bytesToBase64(salt) },
      check: { iv: bytesToBase64(iv), data: bytesToBase64(new Uint8Array(data)) },
    },
    bits,
  };
}

function wrongPassphrase(): UserError {
  return new UserError('refused', msg('syncErrPassphrase'));
}

/** Whether these keys open the file's check value (the folder's passphrase is still ours). */
export async function keysFit(file: KeyFile, keys: SyncKeys): Promise<boolean> {
  try {
    const plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: own(base64ToBytes(file.check.iv)), additionalData: utf8.encode(KEY_FILE) },
      keys.enc,
      own(base64ToBytes(file.check.data)),
    );
    return utf8Strict.decode(plain) === CHECK_TEXT;
  } catch {
    return false;
  }
}

/** The key bits of this folder, or a 'refused' UserError for a passphrase that is not its. */
export async function openKeyFile(file: KeyFile, passphrase: string): Promise<Uint8Array> {
  const bits = await deriveBits(passphrase, base64ToBytes(file.kdf.salt), file.kdf.iterations);
  if (!(await keysFit(file, await keysFromBits(bits)))) throw wrongPassphrase();
  return bits;
}

/** The key file's JSON, checked; undefined for anything else (the page says what). */
export function parseKeyFile(text: string): KeyFile | undefined {
  let x: unknown;
  try {
    x = JSON.parse(text);
  } catch {
    return undefined;
  }
  const f = x as Partial<KeyFile> | null;
  const k = f?.kdf;
  const c = f?.check;
  const b64 = (s: unknown): s is string => typeof s === 'string' && s.length > 0 && s.length < 4096 && isBase64(s);
  if (!f || f.format !== 'tabularium-sync' || f.version !== 1 || !k || !c) return undefined;
  if (k.name !== 'PBKDF2' || k.hash !== 'SHA-256' || !b64(k.salt) || !b64(c.iv) || !b64(c.data)) return undefined;
  if (!Number.isInteger(k.iterations) || k.iterations < MIN_ITERATIONS || k.iterations > MAX_ITERATIONS)
    return undefined;
  return {
    format: f.format,
    version: 1,
    kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations: k.iterations, salt: k.salt },
    check: { iv: c.iv, data: c.data },
  };
}

/** A file's name on the server: `prefix` and 32 hex digits of HMAC(id) — the same on every device. */
export async function fileName(keys: SyncKeys, prefix: string, id: string): Promise<string> {
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', keys.names, utf8.encode(id)));
  let hex = '';
  for (const b of mac.subarray(0, 16)) hex += b.toString(16).padStart(2, '0');
  return prefix + hex;
}

async function pipeThrough(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const out = new Blob([own(bytes)]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(out).arrayBuffer());
}

/**
 * A value as a sync file: JSON, gzip, AES-GCM with the file's name as additional data (a file
 * copied under another name does not open).
 */
export async function sealFile(keys: SyncKeys, name: string, value: unknown): Promise<Uint8Array<ArrayBuffer>> {
  const packed = await pipeThrough(utf8.encode(JSON.stringify(value)), new CompressionStream('gzip'));
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const data = new Uint8Array(
    await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: utf8.encode(name) }, keys.enc, own(packed)),
  );
  const out = new Uint8Array(MAGIC.length + 1 + IV_BYTES + data.length);
  out.set(MAGIC, 0);
  out[MAGIC.length] = GZIP;
  out.set(iv, MAGIC.length + 1);
  out.set(data, MAGIC.length + 1 + IV_BYTES);
  return out;
}

/** The value of a sync file; throws when it is not one, or not ours (wrong key, wrong name, altered). */
export async function openFile<T>(keys: SyncKeys, name: string, bytes: Uint8Array): Promise<T> {
  const head = MAGIC.length + 1 + IV_BYTES;
  if (bytes.length < head + 16 || MAGIC.some((b, i) => bytes[i] !== b) || bytes[MAGIC.length] !== GZIP) {
    throw new Error('not a Tabularium sync file');
  }
  const plain = await crypto.subtle.decrypt(
    { name: 'AES-GCM', iv: own(bytes.subarray(MAGIC.length + 1, head)), additionalData: utf8.encode(name) },
    keys.enc,
    own(bytes.subarray(head)),
  );
  const text = utf8Strict.decode(await pipeThrough(new Uint8Array(plain), new DecompressionStream('gzip')));
  return JSON.parse(text) as T;
}
