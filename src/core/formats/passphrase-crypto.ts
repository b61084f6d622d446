// Passphrase encryption for what leaves the machine in an export (session cookies are as good as
// a password). PBKDF2-HMAC-SHA256 → AES-GCM-256, the choices OWASP's password-storage guidance
// names for PBKDF2 (600,000 iterations), all through WebCrypto so the same code runs in the
// extension and in Node tests.
import * as v from 'valibot';
import { base64ByteLength, base64ToBytes, bytesToBase64, isBase64 } from './base64.ts';
import { issueProblem, schemaMessage } from './import-error.ts';
import { MAX_ENCRYPTED_CHARS, MAX_KDF_ITERATIONS } from './limits.ts';
import { EXPECTED } from './schema-messages.ts';
import { bytesText, msg, UserError, type UserMessage } from '../user-error.ts';

export const DEFAULT_KDF_ITERATIONS = 600_000;

/** A self-describing, JSON-serialisable ciphertext: everything but the passphrase. */
export interface EncryptedBlob {
  v: 1;
  kdf: 'PBKDF2-HMAC-SHA256';
  iterations: number;
  /** 16 random bytes, base64. */
  salt: string;
  cipher: 'AES-GCM-256';
  /** 12 random bytes, base64. */
  iv: string;
  /** Ciphertext with the 16-byte GCM tag at the end, base64. */
  data: string;
}

const b64 = (bytes: number | undefined) =>
  v.pipe(
    v.string(schemaMessage(msg('schemaBase64'))),
    v.maxLength(MAX_ENCRYPTED_CHARS, schemaMessage(msg('schemaTooLarge'))),
    v.check(isBase64, schemaMessage(msg('schemaNotBase64'))),
    v.check(
      (s) => bytes === undefined || base64ByteLength(s) === bytes,
      schemaMessage(msg('schemaByteLength', bytesText(bytes ?? 0))),
    ),
  );

export const EncryptedBlobSchema = v.object(
  {
    v: v.literal(1, schemaMessage(msg('schemaUnknownVersion'))),
    kdf: v.literal('PBKDF2-HMAC-SHA256', schemaMessage(msg('schemaUnknownKdf'))),
    iterations: v.pipe(
      v.number(EXPECTED.number),
      v.integer(EXPECTED.wholeNumber),
      v.minValue(1, schemaMessage(msg('schemaAtLeast', 1))),
      v.maxValue(MAX_KDF_ITERATIONS, schemaMessage(msg('schemaAtMost', MAX_KDF_ITERATIONS))),
    ),
    salt: b64(16),
    cipher: v.literal('AES-GCM-256', schemaMessage(msg('schemaUnknownCipher'))),
    iv: b64(12),
    // At least the 16-byte tag.
    data: v.pipe(b64(undefined), v.minLength(24, schemaMessage(msg('schemaTooShort')))),
  },
  schemaMessage(msg('schemaEncrypted')),
);

/** Decryption failed: wrong passphrase, a damaged file, or not our format. Nothing else is thrown. */
export class DecryptError extends UserError {
  override readonly name = 'DecryptError';

  constructor(message: UserMessage) {
    super('invalid', message);
  }
}

// The header is authenticated too, so a changed iteration count or cipher name cannot slip by.
function additionalData(b: Pick<EncryptedBlob, 'v' | 'kdf' | 'iterations' | 'cipher'>): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(`tabularium-encrypted/${b.v}/${b.kdf}/${b.iterations}/${b.cipher}`);
}

async function deriveKey(
  passphrase: string,
  salt: Uint8Array<ArrayBuffer>,
  iterations: number,
  usage: KeyUsage,
): Promise<CryptoKey> {
  // NFC: the same passphrase typed on another system (composed vs decomposed accents) must match.
  const material = await crypto.subtle.importKey(
    'raw',
    new TextEncoder().encode(passphrase.normalize('NFC')),
    'PBKDF2',
    false,
    ['deriveKey'],
  );
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    [usage],
  );
}

export async function encryptWithPassphrase(
  plain: Uint8Array,
  passphrase: string,
  opts: { iterations?: number } = {},
): Promise<EncryptedBlob> {
  if (passphrase === '') throw new RangeError('A passphrase is needed to encrypt');
  const iterations = opts.iterations ?? DEFAULT_KDF_ITERATIONS;
  if (!Number.isInteger(iterations) || iterations < 1 || iterations > MAX_KDF_ITERATIONS) {
    throw new RangeError(`iterations must be a whole number from 1 to ${MAX_KDF_ITERATIONS}`);
  }
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const head = { v: 1, kdf: 'PBKDF2-HMAC-SHA256', iterations, cipher: 'AES-GCM-256' } as const;
  const key = await deriveKey(passphrase, salt, iterations, 'encrypt');
  const data = new Uint8Array(
    await crypto.subtle.encrypt(
      { name: 'AES-GCM', iv, additionalData: additionalData(head) },
      key,
      new Uint8Array(plain),
    ),
  );
  return {
    v: 1,
    kdf: head.kdf,
    iterations,
    salt: bytesToBase64(salt),
    cipher: head.cipher,
    iv: bytesToBase64(iv),
    data: bytesToBase64(data),
  };
}

/** Throws DecryptError, and only DecryptError, when the blob cannot be opened with this passphrase. */
export async function decryptWithPassphrase(blob: unknown, passphrase: string): Promise<Uint8Array> {
  const parsed = v.safeParse(EncryptedBlobSchema, blob);
  if (!parsed.success) throw new DecryptError(msg('decryptNotPayload', issueProblem(parsed.issues[0])));
  const b = parsed.output;
  try {
    const key = await deriveKey(passphrase, new Uint8Array(base64ToBytes(b.salt)), b.iterations, 'decrypt');
    const plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: new Uint8Array(base64ToBytes(b.iv)), additionalData: additionalData(b) },
      key,
      new Uint8Array(base64ToBytes(b.data)),
    );
    return new Uint8Array(plain);
  } catch {
    // GCM cannot tell a wrong key from a changed byte; neither can we, honestly.
    throw new DecryptError(msg('decryptWrongPassphrase'));
  }
}
