import { afterEach, describe, expect, it, vi } from 'vitest';
import { COOKIE_KEY_ID, getCipher } from '../../../src/store/crypto.ts';
import { openDatabase, type DB } from '../../../src/store/db.ts';
import { StoreError } from '../../../src/store/errors.ts';
import type { KeyEntry } from '../../../src/store/schema.ts';
import { english } from '../support/english.ts';

const opened: DB[] = [];
async function open(): Promise<DB> {
  const db = await openDatabase();
  opened.push(db);
  return db;
}

afterEach(() => {
  for (const db of opened.splice(0)) db.close();
  vi.restoreAllMocks();
});

const bytes = (s: string) => new TextEncoder().encode(s);
const text = (b: Uint8Array) => new TextDecoder().decode(b);

async function expectCorrupt(p: Promise<unknown>): Promise<void> {
  const e: unknown = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(StoreError);
  expect((e as StoreError).code).toBe('corrupt');
  expect(english((e as StoreError).userMessage)).toMatch(/could not be unlocked/);
}

describe('cipher', () => {
  it('round-trips bytes and JSON', async () => {
    const cipher = await getCipher(await open());
    const sealed = await cipher.encrypt(bytes('hello'));
    expect(sealed.iv).toBeInstanceOf(Uint8Array);
    expect(sealed.iv.byteLength).toBe(12);
    expect(sealed.data.byteLength).toBe(5 + 16); // ciphertext plus the 128-bit tag
    expect(text(await cipher.decrypt(sealed.iv, sealed.data))).toBe('hello');

    const value = { a: [1, 'x', null], b: 'ünïcödé ✓' };
    const j = await cipher.encryptJson(value, 'ctx');
    expect(await cipher.decryptJson(j.iv, j.data, 'ctx')).toEqual(value);
    // A Uint8Array view of the data works as well as the ArrayBuffer.
    expect(await cipher.decryptJson(j.iv, new Uint8Array(j.data), 'ctx')).toEqual(value);
  });

  it('round-trips an empty message', async () => {
    const cipher = await getCipher(await open());
    const s = await cipher.encrypt(new Uint8Array(0));
    expect((await cipher.decrypt(s.iv, s.data)).byteLength).toBe(0);
  });

  it('keeps the key non-extractable: exportKey fails', async () => {
    const db = await open();
    await getCipher(db);
    const entry = await db.get('keys', COOKIE_KEY_ID);
    expect(entry).toBeDefined();
    const key = (entry as KeyEntry).key;
    expect(key.extractable).toBe(false);
    expect(key.algorithm).toMatchObject({ name: 'AES-GCM', length: 256 });
    expect([...key.usages].sort()).toEqual(['decrypt', 'encrypt']);
    await expect(crypto.subtle.exportKey('raw', key)).rejects.toThrow();
    await expect(crypto.subtle.exportKey('jwk', key)).rejects.toThrow();
  });

  it('detects a flipped byte in the data, in the IV and in the tag', async () => {
    const cipher = await getCipher(await open());
    const { iv, data } = await cipher.encrypt(bytes('a secret worth protecting'));

    const badData = new Uint8Array(data.slice(0));
    badData[3]! ^= 0x01;
    await expectCorrupt(cipher.decrypt(iv, badData.buffer));

    const badTag = new Uint8Array(data.slice(0));
    badTag[badTag.length - 1]! ^= 0x80;
    await expectCorrupt(cipher.decrypt(iv, badTag.buffer));

    const badIv = iv.slice();
    badIv[0]! ^= 0x01;
    await expectCorrupt(cipher.decrypt(badIv, data));

    // The untouched pair still decrypts: the checks above failed for the right reason.
    expect(text(await cipher.decrypt(iv, data))).toBe('a secret worth protecting');
  });

  it('rejects a wrong context, a truncated record and a malformed IV as corrupt', async () => {
    const cipher = await getCipher(await open());
    const { iv, data } = await cipher.encryptJson({ x: 1 }, 'cookieJar:a');
    await expectCorrupt(cipher.decryptJson(iv, data, 'cookieJar:b'));
    await expectCorrupt(cipher.decryptJson(iv, data));
    await expectCorrupt(cipher.decrypt(iv, data.slice(0, 10)));
    await expectCorrupt(cipher.decrypt(iv.slice(0, 8), data));
    await expectCorrupt(cipher.decrypt(undefined as unknown as Uint8Array, data));
  });

  it('never reuses an IV over 10,000 encryptions', async () => {
    const cipher = await getCipher(await open());
    const seen = new Set<string>();
    const msg = bytes('same plaintext every time');
    const ciphertexts = new Set<string>();
    for (let i = 0; i < 10_000; i++) {
      const { iv, data } = await cipher.encrypt(msg);
      seen.add(Buffer.from(iv).toString('hex'));
      if (i < 100) ciphertexts.add(Buffer.from(data).toString('hex'));
    }
    expect(seen.size).toBe(10_000);
    // Same plaintext, different ciphertext: nothing about equal values leaks.
    expect(ciphertexts.size).toBe(100);
  }, 30_000);

  it('caches one cipher per connection', async () => {
    const db = await open();
    const gen = vi.spyOn(crypto.subtle, 'generateKey');
    const [a, b] = await Promise.all([getCipher(db), getCipher(db)]);
    expect(a).toBe(b);
    expect(await getCipher(db)).toBe(a);
    expect(gen).toHaveBeenCalledTimes(1);
  });

  it('makes one key when connections race on first use', async () => {
    const dbs = [await open(), await open(), await open()];
    const gen = vi.spyOn(crypto.subtle, 'generateKey');
    const ciphers = await Promise.all(dbs.map((db) => getCipher(db)));
    // Every connection found no key and generated one: the race really happened...
    expect(gen).toHaveBeenCalledTimes(3);
    // ...yet one key was stored and every connection uses it.
    expect(await dbs[0]!.count('keys')).toBe(1);
    for (const enc of ciphers) {
      const s = await enc.encrypt(bytes('shared'));
      for (const dec of ciphers) expect(text(await dec.decrypt(s.iv, s.data))).toBe('shared');
    }
  });

  it('reads the key back after the database is closed and reopened (a worker restart)', async () => {
    const first = await open();
    const sealed = await (await getCipher(first)).encryptJson({ session: 'kept' }, 'ctx');
    first.close();

    const gen = vi.spyOn(crypto.subtle, 'generateKey');
    const second = await open();
    const cipher = await getCipher(second);
    expect(await cipher.decryptJson(sealed.iv, sealed.data, 'ctx')).toEqual({ session: 'kept' });
    expect(gen).not.toHaveBeenCalled();
  });

  it('reports a damaged key record instead of replacing it', async () => {
    const db = await open();
    await db.put('keys', { id: COOKIE_KEY_ID, key: { not: 'a key' } as unknown as CryptoKey });
    const e: unknown = await getCipher(db).catch((err: unknown) => err);
    expect(e).toBeInstanceOf(StoreError);
    expect((e as StoreError).code).toBe('corrupt');
    expect(english((e as StoreError).userMessage)).toMatch(/key that protects saved cookie values is damaged/);
    // The failure is not cached: once the record is fixed, the next call works.
    await db.delete('keys', COOKIE_KEY_ID);
    await expect(getCipher(db)).resolves.toBeDefined();
  });

  it('a different key cannot decrypt: data from a lost key is reported, not garbage', async () => {
    const first = await open();
    const sealed = await (await getCipher(first)).encrypt(bytes('old'));
    await first.clear('keys');
    first.close();
    const cipher = await getCipher(await open());
    await expectCorrupt(cipher.decrypt(sealed.iv, sealed.data));
  });
});
