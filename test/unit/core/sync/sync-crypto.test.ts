// The encryption of sync: a round trip, a wrong passphrase refused, files bound to their names,
// names that give nothing away, and a key file from a hostile server refused.
import { describe, expect, it } from 'vitest';
import {
  fileName,
  keysFromBits,
  keysFit,
  newKeyFile,
  openFile,
  openKeyFile,
  parseKeyFile,
  sealFile,
} from '../../../../src/core/sync/sync-crypto.ts';

const FAST = 100_000;

describe('sync encryption', () => {
  it('opens what it sealed, under the same name and passphrase', async () => {
    const { file, bits } = await newKeyFile('a long sync passphrase', FAST);
    const keys = await keysFromBits(bits);
    const value = { name: 'Holiday in Lisbon', url: 'https://lisbon.example/?q=☃' };
    const sealed = await sealFile(keys, 's-abc', value);
    expect(new TextDecoder().decode(sealed)).not.toContain('Lisbon');
    expect(await openFile(keys, 's-abc', sealed)).toEqual(value);

    // A second device derives the same keys from the key file and the passphrase.
    const other = await keysFromBits(await openKeyFile(parseKeyFile(JSON.stringify(file))!, 'a long sync passphrase'));
    expect(await openFile(other, 's-abc', sealed)).toEqual(value);
  });

  it('refuses a wrong passphrase', async () => {
    const { file } = await newKeyFile('a long sync passphrase', FAST);
    await expect(openKeyFile(file, 'a long sync passphrasE')).rejects.toMatchObject({
      code: 'refused',
      userMessage: { key: 'syncErrPassphrase' },
    });
  });

  it('does not open a file copied under another name, altered, or sealed with other keys', async () => {
    const keys = await keysFromBits((await newKeyFile('passphrase one', FAST)).bits);
    const others = await keysFromBits((await newKeyFile('passphrase two', FAST)).bits);
    const sealed = await sealFile(keys, 's-one', { n: 1 });
    await expect(openFile(keys, 's-two', sealed)).rejects.toThrow();
    await expect(openFile(others, 's-one', sealed)).rejects.toThrow();
    const altered = new Uint8Array(sealed);
    altered[altered.length - 1]! ^= 1;
    await expect(openFile(keys, 's-one', altered)).rejects.toThrow();
    await expect(openFile(keys, 's-one', new TextEncoder().encode('{"n":1}'))).rejects.toThrow();
  });

  it('names files by a keyed hash of the id: the same on every device, nothing of the id in it', async () => {
    const { file, bits } = await newKeyFile('a long sync passphrase', FAST);
    const keys = await keysFromBits(bits);
    const again = await keysFromBits(await openKeyFile(file, 'a long sync passphrase'));
    const name = await fileName(keys, 's-', 'session-42');
    expect(name).toMatch(/^s-[0-9a-f]{32}$/);
    expect(await fileName(again, 's-', 'session-42')).toBe(name);
    expect(await fileName(keys, 's-', 'session-43')).not.toBe(name);
    const otherKeys = await keysFromBits((await newKeyFile('another passphrase', FAST)).bits);
    expect(await fileName(otherKeys, 's-', 'session-42')).not.toBe(name);
    expect(await keysFit(file, otherKeys)).toBe(false);
    expect(await keysFit(file, keys)).toBe(true);
  });

  it('refuses a key file that is not one, or whose cost would stall the worker', async () => {
    const { file } = await newKeyFile('a long sync passphrase', FAST);
    expect(parseKeyFile(JSON.stringify(file))).toEqual(file);
    expect(parseKeyFile('<html>')).toBeUndefined();
    expect(parseKeyFile(JSON.stringify({ ...file, kdf: { ...file.kdf, iterations: 1e12 } }))).toBeUndefined();
    expect(parseKeyFile(JSON.stringify({ ...file, kdf: { ...file.kdf, iterations: 10 } }))).toBeUndefined();
    expect(parseKeyFile(JSON.stringify({ ...file, check: { iv: '!!', data: file.check.data } }))).toBeUndefined();
    expect(parseKeyFile(JSON.stringify({ ...file, format: 'other' }))).toBeUndefined();
  });
});
