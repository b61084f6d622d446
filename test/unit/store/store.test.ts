// The store's face to the worker: a database that would not open is tried again at the next call,
// failures become StoreErrors a person can read, and an upgrade blocked by an old page goes on
// once that page lets go.
import { describe, expect, it } from 'vitest';
import { StoreError } from '../../../src/store/errors.ts';
import { FaultyDatabase } from '../support/faulty-idb.ts';

const entries = { 'crash:streak': 3 };

describe('the store', () => {
  it('tries a failed open again at the next call', async () => {
    const db = new FaultyDatabase().failOpen('UnknownError');
    const store = db.store();
    const first = await store.meta.get('crash:streak').catch((e: unknown) => e);
    expect(first).toBeInstanceOf(StoreError);
    expect(first).toMatchObject({ code: 'unavailable' });
    await store.meta.set(entries);
    expect(await store.meta.get('crash:streak')).toBe(3);
  });

  it('turns a failed write into a StoreError by its kind, changes nothing, and works again after', async () => {
    const db = new FaultyDatabase();
    const store = db.store();
    await store.meta.set(entries);
    db.failNth(1, 'QuotaExceededError', { mode: 'readwrite' });
    await expect(store.meta.set({ 'crash:streak': 4 })).rejects.toMatchObject({ code: 'quota' });
    expect(await store.meta.get('crash:streak')).toBe(3);
    db.failEvery('AbortError', { store: 'meta', mode: 'readwrite' });
    await expect(store.meta.set({ 'crash:streak': 5 })).rejects.toMatchObject({ code: 'unavailable' });
    // Reads of the same store, and writes of another, still go through.
    expect(await store.meta.get('crash:streak')).toBe(3);
    await store.live.apply({ put: [{ key: 'w:1', value: { id: 1, incognito: false, focused: false } }], del: [] });
    db.heal();
    await store.meta.set({ 'crash:streak': 6 });
    expect(await store.meta.get('crash:streak')).toBe(6);
    expect(db.seen.failed).toBe(2);
  });

  it('waits for an upgrade an old page blocks, and goes on once it is released', async () => {
    const db = new FaultyDatabase();
    const release = await db.blockUpgrade();
    const store = db.store();
    let done = false;
    const write = store.meta.set(entries).then(() => (done = true));
    await new Promise((r) => setTimeout(r, 50));
    expect(done).toBe(false);
    release();
    await write;
    expect(await store.meta.get('crash:streak')).toBe(3);
  });
});
