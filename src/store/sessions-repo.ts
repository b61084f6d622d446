// Saved sessions: a summary (read by the popup list) and a body (read for detail and restore),
// always written and deleted together in one transaction.
import { countTabs, type Session, type SessionBody, type SessionWithBody } from '../core/model.ts';
import { buildSearchRecord, type SearchRecord } from '../core/search.ts';
import type { DB } from './db.ts';
import { StoreError } from './errors.ts';
import type { IDBPTransaction, StoreNames } from 'idb';
import type { TabulariumDB } from './schema.ts';
import { commit, run, writeTx } from './tx.ts';

type SessionStores = 'sessions' | 'bodies' | 'search';

/**
 * The one writer of a session: its summary, its body and its search text, always together, in the
 * caller's transaction (so a session is never listed without its tabs, or found by stale words).
 */
export function putSession(
  tx: IDBPTransaction<TabulariumDB, SessionStores[] | (SessionStores | StoreNames<TabulariumDB>)[], 'readwrite'>,
  session: Session,
  body: SessionBody,
): Promise<unknown>[] {
  if (session.id !== body.id) throw new Error('session and body ids differ');
  return [
    tx.objectStore('sessions').put(session),
    tx.objectStore('bodies').put(body),
    tx.objectStore('search').put(buildSearchRecord(session, body)),
  ];
}

export function saveSession(db: DB, session: Session, body: SessionBody): Promise<void> {
  return saveSessions(db, [{ session, body }]);
}

/** Several sessions in one transaction: an import stores all or nothing. */
export function saveSessions(db: DB, items: readonly SessionWithBody[]): Promise<void> {
  return run(async () => {
    const tx = writeTx(db, ['sessions', 'bodies', 'search']);
    await commit(
      tx,
      items.flatMap(({ session, body }) => putSession(tx, session, body)),
    );
  });
}

/** A stored session an import replaced: its old version is in the trash under `trashId`. */
export interface ReplacedSession {
  id: string;
  trashId: string;
  name: string;
}

/**
 * An import's sessions, all or nothing, in one transaction. One that has the id of a stored
 * session replaces it, and the stored version goes to the trash under a fresh id (`trashId()`):
 * Undo then brings it back beside the new one, so neither version is lost.
 */
export function importSessions(
  db: DB,
  items: readonly SessionWithBody[],
  now: number,
  trashId: () => string,
): Promise<ReplacedSession[]> {
  return run(async () => {
    const tx = writeTx(db, ['sessions', 'bodies', 'search', 'trash']);
    const stored = await Promise.all(
      items.map(({ session }) =>
        Promise.all([tx.objectStore('sessions').get(session.id), tx.objectStore('bodies').get(session.id)]),
      ),
    );
    const replaced: ReplacedSession[] = [];
    const requests: Promise<unknown>[] = [];
    items.forEach(({ session, body }, i) => {
      const [old, oldBody] = stored[i]!;
      if (old) {
        const id = trashId();
        const { cookieJarId, ...rest } = old;
        // Purging the trash deletes a trashed session's jar: one the new version still names stays
        // with the new version only.
        const keepsJar = cookieJarId !== undefined && cookieJarId !== session.cookieJarId;
        const trashed: Session = { ...rest, id, ...(keepsJar ? { cookieJarId } : {}) };
        requests.push(
          tx
            .objectStore('trash')
            .put({ id, deletedAt: now, session: trashed, body: { id, windows: oldBody?.windows ?? [] } }),
        );
        replaced.push({ id: old.id, trashId: id, name: old.name });
      }
      requests.push(...putSession(tx, session, body));
    });
    await commit(tx, requests);
    return replaced;
  });
}

/** Newest first. */
export function listSessions(db: DB): Promise<Session[]> {
  return run(async () => (await db.getAllFromIndex('sessions', 'createdAt')).reverse());
}

/** Several sessions with their bodies in one transaction, in order (undefined for one that is gone). */
export function getSessions(db: DB, ids: readonly string[]): Promise<(SessionWithBody | undefined)[]> {
  return run(async () => {
    const tx = db.transaction(['sessions', 'bodies']);
    return Promise.all(
      ids.map(async (id) => {
        const [session, body] = await Promise.all([
          tx.objectStore('sessions').get(id),
          tx.objectStore('bodies').get(id),
        ]);
        if (!session) return undefined;
        if (!body) throw new StoreError('corrupt', { key: 'errSessionLostTabs', substitutions: [session.name] });
        return { session, body };
      }),
    );
  });
}

export function getSession(db: DB, id: string): Promise<SessionWithBody | undefined> {
  return run(async () => {
    const tx = db.transaction(['sessions', 'bodies']);
    const [session, body] = await Promise.all([tx.objectStore('sessions').get(id), tx.objectStore('bodies').get(id)]);
    if (!session) return undefined;
    if (!body) throw new StoreError('corrupt', { key: 'errSessionLostTabs', substitutions: [session.name] });
    return { session, body };
  });
}

export function updateSession(db: DB, id: string, patch: (s: Session) => Session, now: number): Promise<Session> {
  return run(async () => {
    const tx = writeTx(db, ['sessions', 'search']);
    const store = tx.objectStore('sessions');
    const [cur, found] = await Promise.all([store.get(id), tx.objectStore('search').get(id)]);
    if (!cur) throw new StoreError('not-found', { key: 'errSessionGone' });
    const next = { ...patch(cur), id, updatedAt: now };
    const requests: Promise<unknown>[] = [store.put(next)];
    if (found) {
      // Only the first line (name and tags) depends on the summary.
      const rest = found.text.indexOf('\n');
      const line0 = buildSearchRecord(next, { id, windows: [] }).text;
      requests.push(
        tx.objectStore('search').put({ ...found, text: rest < 0 ? line0 : line0 + found.text.slice(rest) }),
      );
    }
    await commit(tx, requests);
    return next;
  });
}

/** Moves summary and body to the trash in one transaction, so an undo can bring both back. */
export function deleteSession(db: DB, id: string, now: number): Promise<void> {
  return run(async () => {
    const tx = writeTx(db, ['sessions', 'bodies', 'trash', 'search']);
    const [session, body] = await Promise.all([tx.objectStore('sessions').get(id), tx.objectStore('bodies').get(id)]);
    if (!session) return commit(tx, []);
    await commit(tx, [
      tx.objectStore('trash').put({ id, deletedAt: now, session, body: body ?? { id, windows: [] } }),
      tx.objectStore('sessions').delete(id),
      tx.objectStore('bodies').delete(id),
      tx.objectStore('search').delete(id),
    ]);
  });
}

export function undoDelete(db: DB, id: string): Promise<Session> {
  return run(async () => {
    const tx = writeTx(db, ['sessions', 'bodies', 'trash', 'search']);
    const entry = await tx.objectStore('trash').get(id);
    if (!entry) throw new StoreError('not-found', { key: 'errSessionCannotReturn' });
    await commit(tx, [...putSession(tx, entry.session, entry.body), tx.objectStore('trash').delete(id)]);
    return entry.session;
  });
}

/**
 * Removes a session for good (retention of automatic snapshots), with no trip to the trash; its
 * cookie jar goes with it.
 */
export function removeSession(db: DB, id: string): Promise<void> {
  return run(async () => {
    const tx = writeTx(db, ['sessions', 'bodies', 'search', 'cookieJars']);
    const jarId = (await tx.objectStore('sessions').get(id))?.cookieJarId;
    await commit(tx, [
      tx.objectStore('sessions').delete(id),
      tx.objectStore('bodies').delete(id),
      tx.objectStore('search').delete(id),
      ...(jarId ? [tx.objectStore('cookieJars').delete(jarId)] : []),
    ]);
  });
}

/** Rewrites a session's windows (tabs removed from it), keeping counts and search in step. */
export function updateBody(db: DB, id: string, patch: (b: SessionBody) => SessionBody, now: number): Promise<Session> {
  return run(async () => {
    const tx = writeTx(db, ['sessions', 'bodies', 'search']);
    const [session, body] = await Promise.all([tx.objectStore('sessions').get(id), tx.objectStore('bodies').get(id)]);
    if (!session || !body) throw new StoreError('not-found', { key: 'errSessionGone' });
    const nextBody = { ...patch(body), id };
    const next: Session = { ...session, counts: countTabs(nextBody.windows), updatedAt: now };
    await commit(tx, putSession(tx, next, nextBody));
    return next;
  });
}

/** The summaries of these sessions, in order (undefined for one that is gone). */
export function getSummaries(db: DB, ids: readonly string[]): Promise<(Session | undefined)[]> {
  return run(async () => {
    const tx = db.transaction('sessions');
    return Promise.all(ids.map((id) => tx.store.get(id)));
  });
}

export function getBody(db: DB, id: string): Promise<SessionBody | undefined> {
  return run(() => db.get('bodies', id));
}

/** Every session's search text, and the ids of sessions that have none (see rebuildSearchRecords). */
export function allSearchRecords(db: DB): Promise<{ records: SearchRecordWithDate[]; missing: string[] }> {
  return run(async () => {
    const tx = db.transaction(['search', 'sessions']);
    const [recs, sessions] = await Promise.all([
      tx.objectStore('search').getAll(),
      tx.objectStore('sessions').getAll(),
    ]);
    const created = new Map(sessions.map((s) => [s.id, s.createdAt]));
    const indexed = new Set(recs.map((r) => r.id));
    return {
      records: recs.filter((r) => created.has(r.id)).map((rec) => ({ rec, createdAt: created.get(rec.id)! })),
      missing: sessions.filter((s) => !indexed.has(s.id)).map((s) => s.id),
    };
  });
}

/**
 * Writes the search text of these sessions again from their summary and body. A session whose
 * body is damaged (the text cannot be built) is skipped and returned in `damaged`, not the end of
 * the rest.
 */
export function rebuildSearchRecords(
  db: DB,
  ids: readonly string[],
): Promise<{ rebuilt: SearchRecordWithDate[]; damaged: string[] }> {
  return run(async () => {
    const tx = writeTx(db, ['sessions', 'bodies', 'search']);
    const found = await Promise.all(
      ids.map((id) => Promise.all([tx.objectStore('sessions').get(id), tx.objectStore('bodies').get(id)])),
    );
    const rebuilt: SearchRecordWithDate[] = [];
    const damaged: string[] = [];
    const puts: Promise<unknown>[] = [];
    found.forEach(([session, body], i) => {
      const id = ids[i]!;
      // Deleted meanwhile.
      if (!session) return;
      let rec: SearchRecord;
      try {
        // A session without a body is still found by its name.
        rec = buildSearchRecord(session, body ?? { id, windows: [] });
      } catch {
        damaged.push(id);
        return;
      }
      puts.push(tx.objectStore('search').put(rec));
      rebuilt.push({ rec, createdAt: session.createdAt });
    });
    await commit(tx, puts);
    return { rebuilt, damaged };
  });
}

export function searchRecords(db: DB, ids: readonly string[]): Promise<(SearchRecordWithDate | undefined)[]> {
  return run(async () => {
    const tx = db.transaction(['search', 'sessions']);
    return Promise.all(
      ids.map(async (id) => {
        const [rec, s] = await Promise.all([tx.objectStore('search').get(id), tx.objectStore('sessions').get(id)]);
        return rec && s ? { rec, createdAt: s.createdAt } : undefined;
      }),
    );
  });
}

export interface SearchRecordWithDate {
  rec: SearchRecord;
  createdAt: number;
}

/**
 * Drops trash older than `maxAgeMs`, with the deleted sessions' cookie jars (kept until now for
 * Undo); returns how many entries went.
 */
export function purgeTrash(db: DB, maxAgeMs: number, now: number): Promise<number> {
  return run(async () => {
    const tx = writeTx(db, ['trash', 'cookieJars']);
    const deletes: Promise<unknown>[] = [];
    let purged = 0;
    for (let c = await tx.objectStore('trash').openCursor(); c; c = await c.continue()) {
      if (now - c.value.deletedAt <= maxAgeMs) continue;
      purged++;
      deletes.push(c.delete());
      const jarId = c.value.session.cookieJarId;
      if (jarId) deletes.push(tx.objectStore('cookieJars').delete(jarId));
    }
    await commit(tx, deletes);
    return purged;
  });
}
