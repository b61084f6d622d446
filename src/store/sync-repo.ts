// Sync's own records (the `sync` store): what this device synced of each session, its settings
// and state. A version that lost a sync conflict goes to the trash here, so nothing is lost.
import type { Session, SessionBody } from '../core/model.ts';
import type { SyncRecord } from '../core/sync/sync-model.ts';
import type { DB } from './db.ts';
import type { SyncEntry } from './schema.ts';
import { commit, run, writeTx } from './tx.ts';

const RECORD = 'r:';
const range = () => IDBKeyRange.bound(RECORD, `${RECORD}\uffff`);

export function getSyncRecords(db: DB): Promise<SyncRecord[]> {
  return run(async () => (await db.getAll('sync', range())).flatMap((e) => ('record' in e ? [e.record] : [])));
}

/** Puts and deletes (by session id) in one transaction. */
export function applySyncRecords(db: DB, put: readonly SyncRecord[], del: readonly string[]): Promise<void> {
  if (put.length === 0 && del.length === 0) return Promise.resolve();
  return run(async () => {
    const tx = writeTx(db, ['sync']);
    const store = tx.objectStore('sync');
    await commit(tx, [
      ...put.map((record) => store.put({ id: `${RECORD}${record.id}`, record } as SyncEntry)),
      ...del.map((id) => store.delete(`${RECORD}${id}`)),
    ]);
  });
}

export function getSyncValue<T>(db: DB, id: 'config' | 'state'): Promise<T | undefined> {
  return run(async () => {
    const e = await db.get('sync', id);
    return e && 'value' in e ? (e.value as T) : undefined;
  });
}

export function setSyncValue(db: DB, id: 'config' | 'state', value: unknown): Promise<void> {
  return run(async () => {
    const tx = writeTx(db, ['sync']);
    const store = tx.objectStore('sync');
    await commit(tx, [value === undefined ? store.delete(id) : store.put({ id, value })]);
  });
}

/** Everything sync keeps here (turning sync off); the sessions stay. */
export function clearSync(db: DB): Promise<void> {
  return run(async () => {
    const tx = writeTx(db, ['sync']);
    await commit(tx, [tx.objectStore('sync').clear()]);
  });
}

/** A version that lost a conflict, kept in the trash under its own id (the winner keeps the session's). */
export function putTrashVersion(
  db: DB,
  session: Session,
  body: SessionBody,
  now: number,
  trashId: string,
): Promise<void> {
  return run(async () => {
    const tx = writeTx(db, ['trash']);
    const { cookieJarId: _jar, ...rest } = session;
    await commit(tx, [
      tx.objectStore('trash').put({
        id: trashId,
        deletedAt: now,
        session: { ...rest, id: trashId },
        body: { id: trashId, windows: body.windows },
      }),
    ]);
  });
}
