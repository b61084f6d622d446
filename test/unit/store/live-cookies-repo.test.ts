import { afterEach, describe, expect, it } from 'vitest';
import { cookieKey, type CookieRecord } from '../../../src/core/cookies/cookie-record.ts';
import { getCipher, type Cipher } from '../../../src/store/crypto.ts';
import { openDatabase, type DB } from '../../../src/store/db.ts';
import {
  clearLiveCookies,
  liveCookieKey,
  putLiveCookies,
  readLiveCookies,
  removeLiveCookies,
  type SkippedLiveCookie,
} from '../../../src/store/live-cookies-repo.ts';
import { cookie } from '../support/cookie-helpers.ts';
import { english } from '../support/english.ts';

const opened: DB[] = [];
async function setup(): Promise<{ db: DB; cipher: Cipher }> {
  const db = await openDatabase();
  opened.push(db);
  return { db, cipher: await getCipher(db) };
}
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

const byKey = (a: CookieRecord, b: CookieRecord) => (cookieKey(a) < cookieKey(b) ? -1 : 1);
const sorted = (cs: CookieRecord[]) => [...cs].sort(byKey);

describe('live cookies', () => {
  const a = cookie({ name: 'a', value: '1' });
  const b = cookie({ name: 'b', value: '2', domain: 'other.test' });
  const partitioned = cookie({ name: 'a', value: '3', partitionKey: { topLevelSite: 'https://top.test' } });

  it('puts, reads, replaces and removes cookies, one record each', async () => {
    const { db, cipher } = await setup();
    await putLiveCookies(db, cipher, [a, b, partitioned]);
    expect(sorted(await readLiveCookies(db, cipher))).toEqual(sorted([a, b, partitioned]));
    expect(await db.count('live')).toBe(3);
    expect(await db.get('live', liveCookieKey(a))).toBeDefined();

    // An update rewrites only that cookie's record.
    const a2 = { ...a, value: '1b' };
    await putLiveCookies(db, cipher, [a2]);
    expect(await db.count('live')).toBe(3);
    expect(sorted(await readLiveCookies(db, cipher))).toEqual(sorted([a2, b, partitioned]));

    await removeLiveCookies(db, [cookieKey(a), cookieKey({ ...b, name: 'never-stored' })]);
    expect(sorted(await readLiveCookies(db, cipher))).toEqual(sorted([b, partitioned]));
  });

  it('keeps the last of two changes to one cookie in one batch', async () => {
    const { db, cipher } = await setup();
    await putLiveCookies(db, cipher, [a, { ...a, value: 'later' }]);
    expect(await readLiveCookies(db, cipher)).toEqual([{ ...a, value: 'later' }]);
  });

  it('does nothing for empty batches', async () => {
    const { db, cipher } = await setup();
    await putLiveCookies(db, cipher, []);
    await removeLiveCookies(db, []);
    expect(await readLiveCookies(db, cipher)).toEqual([]);
  });

  it('touches only `c:` keys', async () => {
    const { db, cipher } = await setup();
    const others = ['w:1', 't:2', 'g:3', 'c', 'c;x', 'b:', 'd:'];
    for (const key of others) await db.put('live', { key, value: { tab: key } });
    await putLiveCookies(db, cipher, [a, b]);
    // Other entries are not mistaken for cookies (they would fail to decrypt and be reported).
    const skipped: SkippedLiveCookie[] = [];
    expect(sorted(await readLiveCookies(db, cipher, (s) => skipped.push(s)))).toEqual(sorted([a, b]));
    expect(skipped).toEqual([]);

    await clearLiveCookies(db);
    expect(await readLiveCookies(db, cipher)).toEqual([]);
    expect((await db.getAllKeys('live')).sort()).toEqual([...others].sort());
    expect(await db.get('live', 'w:1')).toEqual({ key: 'w:1', value: { tab: 'w:1' } });
  });

  it('skips and reports damaged records instead of failing them all', async () => {
    const { db, cipher } = await setup();
    await putLiveCookies(db, cipher, [a, b, partitioned]);

    // One record with a flipped byte, one copied under another cookie's key, one not sealed at all.
    const ka = liveCookieKey(a);
    const rec = (await db.get('live', ka))!.value as { iv: Uint8Array; data: ArrayBuffer };
    const flipped = new Uint8Array(rec.data.slice(0));
    flipped[0]! ^= 1;
    await db.put('live', { key: ka, value: { iv: rec.iv, data: flipped.buffer } });
    const moved = (await db.get('live', liveCookieKey(b)))!.value;
    const kc = liveCookieKey(cookie({ name: 'c' }));
    await db.put('live', { key: kc, value: moved });
    const kd = liveCookieKey(cookie({ name: 'd' }));
    await db.put('live', { key: kd, value: 'plain text' });

    const skipped: SkippedLiveCookie[] = [];
    const got = await readLiveCookies(db, cipher, (s) => skipped.push(s));
    expect(sorted(got)).toEqual(sorted([b, partitioned]));
    expect(skipped.map((s) => s.key).sort()).toEqual([ka, kc, kd].sort());
    for (const s of skipped) {
      expect(s.error.code).toBe('corrupt');
      expect(english(s.error.userMessage)).toMatch(/could not be unlocked|could not be read/);
    }
  });

  it('reads what an earlier connection wrote (crash recovery after a restart)', async () => {
    const first = await setup();
    await putLiveCookies(first.db, first.cipher, [a, b]);
    first.db.close();
    const second = await setup();
    expect(sorted(await readLiveCookies(second.db, second.cipher))).toEqual(sorted([a, b]));
  });
});
