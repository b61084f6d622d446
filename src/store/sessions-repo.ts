// Saved sessions: a summary (read by the popup list) and a body (read for detail and restore),
// always written and deleted together in one transaction.
import type { Session, SessionBody, SessionWithBody } from '../core/model.ts';
import type { DB } from './db.ts';
import { StoreError, toStoreError } from './errors.ts';

const STRICT = { durability: 'strict' } as const;

async function run<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    throw toStoreError(e);
  }
}

export function saveSession(db: DB, session: Session, body: SessionBody): Promise<void> {
  if (session.id !== body.id) throw new Error('session and body ids differ');
  return run(async () => {
    const tx = db.transaction(['sessions', 'bodies'], 'readwrite', STRICT);
    void tx.objectStore('sessions').put(session);
    void tx.objectStore('bodies').put(body);
    await tx.done;
  });
}

/** Several sessions in one transaction: an import stores all or nothing. */
export function saveSessions(db: DB, items: readonly SessionWithBody[]): Promise<void> {
  return run(async () => {
    const tx = db.transaction(['sessions', 'bodies'], 'readwrite', STRICT);
    const s = tx.objectStore('sessions');
    const b = tx.objectStore('bodies');
    for (const { session, body } of items) {
      void s.put(session);
      void b.put(body);
    }
    await tx.done;
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
    const tx = db.transaction('sessions', 'readwrite', STRICT);
    const cur = await tx.store.get(id);
    if (!cur) throw new StoreError('not-found', 'That session no longer exists.');
    const next = { ...patch(cur), id, updatedAt: Date.now() };
    await tx.store.put(next);
    await tx.done;
    return next;
  });
}

/** Moves summary and body to the trash in one transaction, so an undo can bring both back. */
export function deleteSession(db: DB, id: string, now = Date.now()): Promise<void> {
  return run(async () => {
    const tx = db.transaction(['sessions', 'bodies', 'trash'], 'readwrite', STRICT);
    const [session, body] = await Promise.all([tx.objectStore('sessions').get(id), tx.objectStore('bodies').get(id)]);
    if (session) {
      void tx.objectStore('trash').put({ id, deletedAt: now, session, body: body ?? { id, windows: [] } });
      void tx.objectStore('sessions').delete(id);
      void tx.objectStore('bodies').delete(id);
    }
    await tx.done;
  });
}

export function undoDelete(db: DB, id: string): Promise<Session> {
  return run(async () => {
    const tx = db.transaction(['sessions', 'bodies', 'trash'], 'readwrite', STRICT);
    const entry = await tx.objectStore('trash').get(id);
    if (!entry) throw new StoreError('not-found', 'That session can no longer be brought back.');
    void tx.objectStore('sessions').put(entry.session);
    void tx.objectStore('bodies').put(entry.body);
    void tx.objectStore('trash').delete(id);
    await tx.done;
    return entry.session;
  });
}

/** Drops trash older than `maxAgeMs`; returns how many entries went. */
export function purgeTrash(db: DB, maxAgeMs: number, now = Date.now()): Promise<number> {
  return run(async () => {
    const tx = db.transaction('trash', 'readwrite');
    let n = 0;
    for (let c = await tx.store.openCursor(); c; c = await c.continue()) {
      if (now - c.value.deletedAt > maxAgeMs) {
        void c.delete();
        n++;
      }
    }
    await tx.done;
    return n;
  });
}
