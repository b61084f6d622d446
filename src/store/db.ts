// Opens the database. A page that still holds an older version would block an upgrade, so a
// connection closes itself when asked (`blocking`); the store that owns it then reopens on the
// next call (see store.ts).
import { openDB, type IDBPDatabase } from 'idb';
import { DB_NAME, DB_VERSION, MIGRATIONS, type TabulariumDB } from './schema.ts';

export type DB = IDBPDatabase<TabulariumDB>;

/** `onClosed` hears that this connection is no longer usable (closed for an upgrade, or lost). */
export function openDatabase(name = DB_NAME, onClosed?: () => void): Promise<DB> {
  return openDB<TabulariumDB>(name, DB_VERSION, {
    upgrade(db, oldVersion, _newVersion, tx) {
      for (let v = oldVersion; v < DB_VERSION; v++) MIGRATIONS[v]!(db, tx);
    },
    blocking(_current, _blocked, event) {
      (event.target as IDBDatabase).close();
      onClosed?.();
    },
    terminated() {
      onClosed?.();
    },
  });
}
