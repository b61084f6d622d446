// Saved sessions: a summary (read by the popup list) and a body (read for detail and restore),
// always written and deleted together in one transaction.
import type { Session, SessionBody, SessionWithBody } from '../core/model.ts';
import type { DB } from './db.ts';
import { StoreError } from './errors.ts';
import { commit, run, writeTx } from './tx.ts';

export function saveSession(db: DB, session: Session, body: SessionBody): Promise<void> {
  if (session.id !== body.id) throw new Error('session and body ids differ');
  return run(async () => {
    const tx = writeTx(db, ['sessions', 'bodies']);
    await commit(tx, [tx.objectStore('sessions').put(session), tx.objectStore('bodies').put(body)]);
  });
}

/** Several sessions in one transaction: an import stores all or nothing. */
export function saveSessions(db: DB, items: readonly SessionWithBody[]): Promise<void> {
  return run(async () => {
    const tx = writeTx(db, ['sessions', 'bodies']);
    const s = tx.objectStore('sessions');
    const b = tx.objectStore('bodies');
    await commit(tx, items.flatMap(({ session, body }) => [s.put(session), b.put(body)]));
  });
}

/** Newest first. */
export function listSessions(db: DB): Promise<Session[]> {
  return run(async () => (await db.getAllFromIndex('sessions', 'createdAt')).reverse());
}

export function getSession(db: DB, id: string): Promise<SessionWithBody | undefined> {
  return run(async () => {
    const tx = db.transaction(['sessions', 'bodies']);
    const [session, body] = await Promise.all([tx.objectStore('sessions').get(id), tx.objectStore('bodies').get(id)]);
    if (!session) return undefined;
    if (!body) throw new StoreError('corrupt', `Session "${session.name}" has lost its tabs.`);
    return { session, body };
  });
}

export function updateSession(db: DB, id: string, patch: (s: Session) => Session): Promise<Session> {
  return run(async () => {
    const tx = writeTx(db, ['sessions']);
    const store = tx.objectStore('sessions');
    const cur = await store.get(id);
    if (!cur) throw new StoreError('not-found', 'That session no longer exists.');
    const next = { ...patch(cur), id, updatedAt: Date.now() };
    await commit(tx, [store.put(next)]);
    return next;
  });
}

/** Moves summary and body to the trash in one transaction, so an undo can bring both back. */
export function deleteSession(db: DB, id: string, now = Date.now()): Promise<void> {
  return run(async () => {
    const tx = writeTx(db, ['sessions', 'bodies', 'trash']);
    const [session, body] = await Promise.all([tx.objectStore('sessions').get(id), tx.objectStore('bodies').get(id)]);
    if (!session) return commit(tx, []);
    await commit(tx, [
      tx.objectStore('trash').put({ id, deletedAt: now, session, body: body ?? { id, windows: [] } }),
      tx.objectStore('sessions').delete(id),
      tx.objectStore('bodies').delete(id),
    ]);
  });
}

export function undoDelete(db: DB, id: string): Promise<Session> {
  return run(async () => {
    const tx = writeTx(db, ['sessions', 'bodies', 'trash']);
    const entry = await tx.objectStore('trash').get(id);
    if (!entry) throw new StoreError('not-found', 'That session can no longer be brought back.');
    await commit(tx, [
      tx.objectStore('sessions').put(entry.session),
      tx.objectStore('bodies').put(entry.body),
      tx.objectStore('trash').delete(id),
    ]);
    return entry.session;
  });
}

/** Removes a session for good (retention of automatic snapshots), with no trip to the trash. */
export function removeSession(db: DB, id: string): Promise<void> {
  return run(async () => {
    const tx = writeTx(db, ['sessions', 'bodies']);
    await commit(tx, [tx.objectStore('sessions').delete(id), tx.objectStore('bodies').delete(id)]);
  });
}

/** Drops trash older than `maxAgeMs`; returns how many entries went. */
export function purgeTrash(db: DB, maxAgeMs: number, now = Date.now()): Promise<number> {
  return run(async () => {
    const tx = writeTx(db, ['trash']);
    const deletes: Promise<unknown>[] = [];
    for (let c = await tx.objectStore('trash').openCursor(); c; c = await c.continue()) {
      if (now - c.value.deletedAt > maxAgeMs) deletes.push(c.delete());
    }
    await commit(tx, deletes);
    return deletes.length;
  });
}
