// Opens the database lazily and keeps one connection. A page that still holds an older version
// would block an upgrade, so a connection closes itself when asked (`blocking`) and the next
// call reopens it.
import { openDB, type IDBPDatabase } from 'idb';
import { DB_NAME, DB_VERSION, MIGRATIONS, type TabulariumDB } from './schema.ts';
import { toStoreError } from './errors.ts';

export type DB = IDBPDatabase<TabulariumDB>;

let pending: Promise<DB> | undefined;

export function openDatabase(name = DB_NAME): Promise<DB> {
  return openDB<TabulariumDB>(name, DB_VERSION, {
    upgrade(db, oldVersion, _newVersion, tx) {
      for (let v = oldVersion; v < DB_VERSION; v++) MIGRATIONS[v]!(db, tx);
    },
    blocking(_current, _blocked, event) {
      (event.target as IDBDatabase).close();
      pending = undefined;
    },
    terminated() {
      pending = undefined;
    },
  });
}

export function getDb(): Promise<DB> {
  pending ??= openDatabase().catch((e: unknown) => {
    pending = undefined;
    throw toStoreError(e);
  });
  return pending;
}

/** For tests: forget the shared connection. */
export async function closeDb(): Promise<void> {
  const p = pending;
  pending = undefined;
  if (p) (await p.catch(() => undefined))?.close();
}
