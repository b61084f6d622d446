import { describe, expect, it } from 'vitest';
import {
  decryptCookieJars,
  DecryptError,
  decryptWithPassphrase,
  DEFAULT_KDF_ITERATIONS,
  encryptCookieJars,
  encryptWithPassphrase,
  exportSessions,
  parseImport,
  type EncryptedBlob,
} from '../../../../src/core/formats/index.ts';
import { base64ToBytes, bytesToBase64 } from '../../../../src/core/formats/base64.ts';
import type { CookieRecord } from '../../../../src/core/cookies/cookie-record.ts';
import { english } from '../../support/english.ts';
import { idOptions, NOW, session, window } from '../../support/format-helpers.ts';

const FAST = { iterations: 1_000 };
const text = (s: string) => new TextEncoder().encode(s);

async function rejection(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error('expected a rejection');
}

describe('passphrase encryption', () => {
  it('round-trips, with a header that says how it was made', async () => {
    const blob = await encryptWithPassphrase(text('sid=abc; token=xyz'), 'correct horse', FAST);
    expect(blob).toMatchObject({ v: 1, kdf: 'PBKDF2-HMAC-SHA256', iterations: 1_000, cipher: 'AES-GCM-256' });
    expect(base64ToBytes(blob.salt)).toHaveLength(16);
    expect(base64ToBytes(blob.iv)).toHaveLength(12);
    // JSON-serialisable as is.
    const back = JSON.parse(JSON.stringify(blob)) as EncryptedBlob;
    expect(new TextDecoder().decode(await decryptWithPassphrase(back, 'correct horse'))).toBe('sid=abc; token=xyz');
  });

  it('uses 600,000 iterations by default', async () => {
    expect(DEFAULT_KDF_ITERATIONS).toBe(600_000);
    const blob = await encryptWithPassphrase(text('x'), 'pw');
    expect(blob.iterations).toBe(600_000);
    expect(new TextDecoder().decode(await decryptWithPassphrase(blob, 'pw'))).toBe('x');
  }, 30_000);

  it('uses a fresh salt and IV every time', async () => {
    const a = await encryptWithPassphrase(text('same'), 'pw', FAST);
    const b = await encryptWithPassphrase(text('same'), 'pw', FAST);
    expect(a.salt).not.toBe(b.salt);
    expect(a.iv).not.toBe(b.iv);
    expect(a.data).not.toBe(b.data);
  });

  it('a wrong passphrase is a DecryptError', async () => {
    const blob = await encryptWithPassphrase(text('secret'), 'right', FAST);
    const e = await rejection(decryptWithPassphrase(blob, 'wrong'));
    expect(e).toBeInstanceOf(DecryptError);
    expect(english((e as DecryptError).userMessage)).toBe('Wrong passphrase or damaged file.');
  });

  it('one flipped byte in the data, the IV or the salt is a DecryptError', async () => {
    const blob = await encryptWithPassphrase(text('secret value'), 'pw', FAST);
    for (const field of ['data', 'iv', 'salt'] as const) {
      const bytes = base64ToBytes(blob[field]);
      bytes[0] = (bytes[0] ?? 0) ^ 0x01;
      const e = await rejection(decryptWithPassphrase({ ...blob, [field]: bytesToBase64(bytes) }, 'pw'));
      expect(e).toBeInstanceOf(DecryptError);
    }
  });

  it('a changed header (iterations) is a DecryptError too', async () => {
    const blob = await encryptWithPassphrase(text('secret'), 'pw', FAST);
    expect(await rejection(decryptWithPassphrase({ ...blob, iterations: 1_001 }, 'pw'))).toBeInstanceOf(DecryptError);
  });

  it('garbage instead of a blob is a DecryptError, and an absurd iteration count is refused before hashing', async () => {
    for (const bad of [
      null,
      'x',
      {},
      { v: 2 },
      { v: 1, kdf: 'PBKDF2-HMAC-SHA256', iterations: 1e12, salt: '', cipher: 'AES-GCM-256', iv: '', data: '' },
    ]) {
      expect(await rejection(decryptWithPassphrase(bad, 'pw'))).toBeInstanceOf(DecryptError);
    }
  });

  it('handles a multi-megabyte payload (base64 in chunks)', async () => {
    const big = new Uint8Array(3 * 1024 * 1024 + 7);
    for (let i = 0; i < big.length; i++) big[i] = (i * 31) & 0xff;
    const blob = await encryptWithPassphrase(big, 'pw', FAST);
    // Compared as a Buffer: a deep equal over 3 million elements takes seconds.
    expect(Buffer.from(await decryptWithPassphrase(blob, 'pw')).equals(big)).toBe(true);
  });

  it('base64 matches the platform encoding', () => {
    const bytes = Uint8Array.from({ length: 100_000 }, (_, i) => (i * 7) & 0xff);
    expect(bytesToBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
    expect(Buffer.from(base64ToBytes(Buffer.from(bytes).toString('base64'))).equals(bytes)).toBe(true);
  });
});

describe('encrypted cookies in a Tabularium export', () => {
  const cookie: CookieRecord = {
    name: 'sid',
    value: 's3cr3t',
    domain: 'example.test',
    hostOnly: true,
    path: '/',
    secure: true,
    httpOnly: true,
    sameSite: 'lax',
    session: true,
    storeId: '0',
    partitionKey: { topLevelSite: 'https://example.test' },
  };
  const items = [session('s-1', 'With cookies', [window([{ url: 'https://example.test/', title: 'E' }])])];

  it('travel as one blob that parseImport reports, and decrypt to the same jars', async () => {
    const blob = await encryptCookieJars({ 's-1': [cookie] }, 'pw', FAST);
    const text = exportSessions(items, 'tabularium', { now: NOW, cookieJars: blob });
    expect(text).not.toContain('s3cr3t');
    const p = parseImport([{ name: 'backup.json', text }], idOptions());
    expect(p.sessions).toEqual(items);
    expect(p.encryptedCookies).toEqual(blob);
    const jars = await decryptCookieJars(p.encryptedCookies as EncryptedBlob, 'pw');
    expect(jars).toEqual({ 's-1': [cookie] });
  });

  it('a blob that decrypts to something else is a DecryptError', async () => {
    const blob = await encryptWithPassphrase(text('[1,2,3]'), 'pw', FAST);
    expect(await rejection(decryptCookieJars(blob, 'pw'))).toBeInstanceOf(DecryptError);
  });
});
