// The vault's keys: a secret wrapped by a passphrase key (PBKDF2-SHA256 600,000), opened only with
// that passphrase, rewrapped without changing, and the value and name keys derived from it.
import { describe, expect, it } from 'vitest';
import {
  MIN_PASSPHRASE_CHARS,
  VAULT_ITERATIONS,
  newVault,
  openVault,
  plainKeys,
  secretFromText,
  secretToText,
  vaultKeys,
  wrapSecret,
} from '../../../src/store/cookie-vault.ts';
import { StoreError } from '../../../src/store/errors.ts';
import { english } from '../support/english.ts';

const PASS = 'correct horse battery staple';

async function failure(p: Promise<unknown>): Promise<StoreError> {
  const e: unknown = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(StoreError);
  return e as StoreError;
}

describe('cookie vault keys', () => {
  it('wraps a random secret under the passphrase with PBKDF2-SHA256 600,000 and opens it again', async () => {
    const { entry, secret } = await newVault(PASS);
    expect(entry.kdf).toMatchObject({ name: 'PBKDF2', hash: 'SHA-256', iterations: VAULT_ITERATIONS });
    expect(VAULT_ITERATIONS).toBe(600_000);
    expect(entry.kdf.salt.byteLength).toBe(16);
    expect(secret.byteLength).toBe(32);
    // The stored record holds the secret only wrapped (32 bytes + the 16-byte GCM tag).
    expect(entry.wrapped.byteLength).toBe(48);
    expect(Buffer.from(entry.wrapped).includes(Buffer.from(secret))).toBe(false);
    expect([...(await openVault(entry, PASS))]).toEqual([...secret]);
  });

  it('refuses a wrong passphrase with a clear message', async () => {
    const { entry } = await newVault(PASS);
    const e = await failure(openVault(entry, 'correct horse battery stapler'));
    expect(e.code).toBe('refused');
    expect(english(e.userMessage)).toMatch(/not the passphrase.*Nothing was changed/);
  });

  it('refuses a passphrase shorter than the minimum when one is set, not when one is tried', async () => {
    const short = 'x'.repeat(MIN_PASSPHRASE_CHARS - 1);
    const e = await failure(newVault(short));
    expect(e.code).toBe('invalid');
    expect(english(e.userMessage)).toMatch(new RegExp(`at least ${MIN_PASSPHRASE_CHARS} characters`));
    const { entry } = await newVault(PASS);
    expect((await failure(openVault(entry, short))).code).toBe('refused');
  });

  it('rewraps the same secret under a new passphrase with a fresh salt; the old one no longer opens it', async () => {
    const { entry, secret } = await newVault(PASS);
    const next = await wrapSecret(secret, 'another long passphrase');
    expect(Buffer.from(next.kdf.salt).equals(Buffer.from(entry.kdf.salt))).toBe(false);
    expect([...(await openVault(next, 'another long passphrase'))]).toEqual([...secret]);
    expect((await failure(openVault(next, PASS))).code).toBe('refused');
    // The derived keys are the same: nothing sealed before needs sealing again.
    const before = await vaultKeys(secret, entry);
    const after = await vaultKeys(secret, next);
    const sealed = await before.cipher.encryptJson({ v: 1 }, 'ctx');
    expect(await after.cipher.decryptJson(sealed.iv, sealed.data, 'ctx')).toEqual({ v: 1 });
    expect(await after.recordKey('0\u0000example.test\u0000/\u0000sid')).toBe(
      await before.recordKey('0\u0000example.test\u0000/\u0000sid'),
    );
  });

  it('names records by a keyed hash: stable, different per cookie and per vault, naming nothing', async () => {
    const a = await newVault(PASS);
    const b = await newVault(PASS);
    const ka = await vaultKeys(a.secret, a.entry);
    const kb = await vaultKeys(b.secret, b.entry);
    const id = '0\u0000127.0.0.1\u0000/\u0000sid\u0000\u0000\u0000';
    const name = await ka.recordKey(id);
    expect(name).toMatch(/^c:[A-Za-z0-9_-]{43}$/);
    expect(await ka.recordKey(id)).toBe(name);
    expect(await ka.recordKey(id.replace('sid', 'sie'))).not.toBe(name);
    expect(await kb.recordKey(id)).not.toBe(name);
    expect(await plainKeys(ka.cipher).recordKey(id)).toBe(`c:${id}`);
  });

  it('refuses a secret that is not this vault’s (a stale one in storage.session)', async () => {
    const a = await newVault(PASS);
    const b = await newVault(PASS);
    expect((await failure(vaultKeys(b.secret, a.entry))).code).toBe('refused');
  });

  it('keeps the secret as text for storage.session and reads only a whole one back', async () => {
    const { secret } = await newVault(PASS);
    const text = secretToText(secret);
    expect(typeof text).toBe('string');
    expect([...secretFromText(text)!]).toEqual([...secret]);
    expect(secretFromText(text.slice(0, 20))).toBeUndefined();
    expect(secretFromText('not base64 !!')).toBeUndefined();
  });
});
