import { describe, expect, it } from 'vitest';
import type { Session, SessionBody } from '../../../src/core/model.ts';
import { openDatabase } from '../../../src/store/db.ts';
import { DB_VERSION, MIGRATIONS } from '../../../src/store/schema.ts';
import * as repo from '../../../src/store/sessions-repo.ts';
import { rejectionText } from '../support/english.ts';

const session = (id: string, createdAt: number): Session => ({
  id,
  name: `S ${id}`,
  kind: 'manual',
  createdAt,
  updatedAt: createdAt,
  tags: [],
  counts: { windows: 1, tabs: 1 },
});
const body = (id: string): SessionBody => ({
  id,
  windows: [
    {
      type: 'normal',
      state: 'normal',
      incognito: false,
      focused: true,
      tabs: [{ url: 'https://a.test/', title: 'A' }],
      groups: [],
    },
  ],
});

describe('sessions store', () => {
  it('creates every store from an empty database at the latest version', async () => {
    const db = await openDatabase('t-empty');
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual([
      'bodies',
      'cookieJars',
      'journal',
      'keys',
      'live',
      'meta',
      'search',
      'sessions',
      'sync',
      'trash',
    ]);
    db.close();
  });

  it('gives the same database when the migrations run again over an upgraded one', async () => {
    const db = await openDatabase('t-twice');
    const stores = [...db.objectStoreNames].sort();
    const tx = db.transaction('sessions');
    const indexes = [...tx.store.indexNames].sort();
    db.close();
    // Re-run every migration inside a fresh upgrade: each must be a no-op on an existing schema.
    const { openDB } = await import('idb');
    const again = await openDB('t-twice', DB_VERSION + 1, {
      upgrade(d, _o, _n, t) {
        for (const m of MIGRATIONS) m(d as never, t as never);
      },
    });
    expect([...again.objectStoreNames].sort()).toEqual(stores);
    expect([...again.transaction('sessions').store.indexNames].sort()).toEqual(indexes);
    again.close();
  });

  it('saves, lists newest first, and reads a session with its body', async () => {
    const db = await openDatabase('t-save');
    await repo.saveSession(db, session('a', 1), body('a'));
    await repo.saveSession(db, session('b', 2), body('b'));
    expect((await repo.listSessions(db)).map((s) => s.id)).toEqual(['b', 'a']);
    const got = await repo.getSession(db, 'a');
    expect(got?.body.windows[0]!.tabs[0]!.url).toBe('https://a.test/');
    db.close();
  });

  it('deletes summary and body in one transaction, and Undo brings both back', async () => {
    const db = await openDatabase('t-del');
    await repo.saveSession(db, session('a', 1), body('a'));
    await repo.deleteSession(db, 'a', 1);
    expect(await db.get('sessions', 'a')).toBeUndefined();
    expect(await db.get('bodies', 'a')).toBeUndefined();
    expect(await repo.listSessions(db)).toEqual([]);
    await repo.undoDelete(db, 'a');
    expect((await repo.getSession(db, 'a'))?.session.name).toBe('S a');
    db.close();
  });

  it('writes the delete of summary and body in a single strict transaction', async () => {
    const db = await openDatabase('t-atomic');
    await repo.saveSession(db, session('a', 1), body('a'));
    const real = db.transaction.bind(db);
    const seen: { stores: string[]; mode?: string; durability?: string }[] = [];
    (db as { transaction: unknown }).transaction = (
      stores: string | string[],
      mode?: string,
      opts?: { durability?: string },
    ) => {
      seen.push({
        stores: [stores].flat(),
        ...(mode ? { mode } : {}),
        ...(opts?.durability ? { durability: opts.durability } : {}),
      });
      return (real as (...a: unknown[]) => unknown)(stores, mode, opts);
    };
    await repo.deleteSession(db, 'a', 1);
    (db as { transaction: unknown }).transaction = real;
    expect(seen).toEqual([
      { stores: ['sessions', 'bodies', 'trash', 'search'], mode: 'readwrite', durability: 'strict' },
    ]);
    db.close();
  });

  it('fills the search store from sessions saved before it existed (v2 → v3)', async () => {
    const { openDB } = await import('idb');
    const old = await openDB('t-v2', 2, {
      upgrade(d, _o, _n, t) {
        for (const m of MIGRATIONS.slice(0, 2)) m(d as never, t as never);
      },
    });
    await old.put('sessions', session('a', 1));
    await old.put('bodies', body('a'));
    old.close();
    const db = await openDatabase('t-v2');
    expect((await db.get('search', 'a'))?.text).toBe('S a\nA\thttps://a.test/');
    db.close();
  });

  it('purges only trash older than the limit', async () => {
    const db = await openDatabase('t-purge');
    await repo.saveSession(db, session('a', 1), body('a'));
    await repo.saveSession(db, session('b', 2), body('b'));
    await repo.deleteSession(db, 'a', 1000);
    await repo.deleteSession(db, 'b', 5000);
    expect(await repo.purgeTrash(db, 2000, 6000)).toBe(1);
    expect(await rejectionText(repo.undoDelete(db, 'a'))).toMatch(/no longer/);
    await repo.undoDelete(db, 'b');
    db.close();
  });
});
