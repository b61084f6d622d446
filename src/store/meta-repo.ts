// Small named values in the `meta` store: recovery copies, the pending recovery, the crash streak.
import type { DB } from './db.ts';
import { commit, run, writeTx } from './tx.ts';

export function getMeta<T>(db: DB, key: string): Promise<T | undefined> {
  return run(async () => (await db.get('meta', key))?.value as T | undefined);
}

export function setMeta(db: DB, entries: Record<string, unknown>): Promise<void> {
  return run(async () => {
    const tx = writeTx(db, ['meta']);
    const store = tx.objectStore('meta');
    await commit(
      tx,
      Object.entries(entries).map(([key, value]) =>
        value === undefined ? store.delete(key) : store.put({ key, value }),
      ),
    );
  });
}
