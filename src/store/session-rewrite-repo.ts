// Changes that span several sessions at once (the manager moving or deleting checked tabs): every
// session read, rewritten and written back in one transaction, with an optional `meta` entry (the
// Undo record) in the same one, so a failed write leaves every session as it was.
import { countTabs, type Session, type SessionWithBody } from '../core/model.ts';
import type { DB } from './db.ts';
import { StoreError } from './errors.ts';
import { putSession } from './sessions-repo.ts';
import { commit, run, writeTx } from './tx.ts';

export interface Rewrite {
  /** Sessions to write (changed or new); their counts are recomputed from their windows. */
  put: SessionWithBody[];
  /** `meta` entries written in the same transaction (undefined deletes one). */
  meta?: Record<string, unknown>;
}

/**
 * Reads the sessions `ids` (all must exist) and the `meta` value `metaKey`, lets `edit` decide
 * what to write, and writes it, all in one strict transaction. `edit` must not await. Answers
 * its result and the sessions as written (counts recomputed, `updatedAt` now).
 */
export function rewriteSessions<T>(
  db: DB,
  ids: readonly string[],
  metaKey: string | undefined,
  edit: (found: Map<string, SessionWithBody>, metaValue: unknown) => Rewrite & { result: T },
  now: number,
): Promise<{ result: T; written: Session[] }> {
  return run(async () => {
    const tx = writeTx(db, ['sessions', 'bodies', 'search', 'meta']);
    const [read, metaRecord] = await Promise.all([
      Promise.all(ids.map((id) => Promise.all([tx.objectStore('sessions').get(id), tx.objectStore('bodies').get(id)]))),
      metaKey ? tx.objectStore('meta').get(metaKey) : Promise.resolve(undefined),
    ]);
    const found = new Map<string, SessionWithBody>();
    for (const [session, body] of read) {
      if (!session || !body) {
        tx.abort();
        throw new StoreError('not-found', { key: 'errSessionGone' });
      }
      found.set(session.id, { session, body });
    }
    let plan: Rewrite & { result: T };
    try {
      plan = edit(found, metaRecord?.value);
    } catch (e) {
      tx.abort();
      throw e;
    }
    const written = plan.put.map(({ session, body }) => ({
      session: { ...session, counts: countTabs(body.windows), updatedAt: now },
      body: { ...body, id: session.id },
    }));
    const requests = written.flatMap(({ session, body }) => putSession(tx, session, body));
    const metaStore = tx.objectStore('meta');
    for (const [key, value] of Object.entries(plan.meta ?? {})) {
      requests.push(value === undefined ? metaStore.delete(key) : metaStore.put({ key, value }));
    }
    await commit(tx, requests);
    return { result: plan.result, written: written.map((w) => w.session) };
  });
}
