// What crash recovery reads and writes: the previous run's live records and its copies, and the
// one transaction that turns them into a recovered session (so a state is recovered exactly once).
import type { Session, WindowRecord } from '../core/model.ts';
import type { SnapshotCopy } from '../core/recovery-rules.ts';
import { saveCookieJar } from './cookie-jars-repo.ts';
import type { CookieKeys } from './cookie-vault.ts';
import type { DB } from './db.ts';
import { liveCookieRange, readLiveCookies } from './live-cookies-repo.ts';
import { clearLiveStateIn, readLiveState } from './live-repo.ts';
import type { LiveEntry } from './schema.ts';
import { putSession } from './sessions-repo.ts';
import { STRICT, commit, run, writeTx, settle } from './tx.ts';

export const COPY_KEYS = ['copy:recovery', 'copy:backup', 'copy:previous'] as const;
export type CopyKey = (typeof COPY_KEYS)[number];

/** The recovered session that waits for the person's Recover (the banner). */
export interface PendingRecovery {
  sessionId: string;
  windows: number;
  tabs: number;
  at: number;
  /** An older copy that looked fuller, kept as a session of its own and offered beside it. */
  earlier?: { sessionId: string; windows: number; tabs: number; at: number };
}

/** What is kept when no copy of the last state could be read. */
export interface UnreadableState {
  at: number;
  records: unknown[];
  copies: Record<string, unknown>;
}

export interface PreviousRun {
  records: LiveEntry[];
  /** The stored copies as they are (verified by core/recovery.ts). */
  copies: Record<CopyKey, unknown>;
}

export function readPreviousRun(db: DB): Promise<PreviousRun> {
  return run(async () => {
    const records = await readLiveState(db);
    const tx = db.transaction('meta');
    const values = await Promise.all(COPY_KEYS.map((k) => tx.store.get(k)));
    const copies = Object.fromEntries(COPY_KEYS.map((k, i) => [k, values[i]?.value])) as Record<CopyKey, unknown>;
    return { records, copies };
  });
}

export interface RecoveredState {
  session: Session;
  windows: WindowRecord[];
  /** The fuller older copy offered beside it, stored in the same transaction. */
  earlier?: { session: Session; windows: WindowRecord[] };
  previous: SnapshotCopy;
  pending: PendingRecovery;
  streak: number;
}

/**
 * Stores the recovered session (and the fuller older copy beside it) and clears the previous run's
 * records (windows, tabs, groups and cookies, now in the session's jar) and copies, in one
 * transaction.
 */
export function storeRecovered(db: DB, r: RecoveredState): Promise<void> {
  return run(async () => {
    const tx = writeTx(db, ['sessions', 'bodies', 'search', 'live', 'meta']);
    const meta = tx.objectStore('meta');
    await commit(tx, [
      ...putSession(tx, r.session, { id: r.session.id, windows: r.windows }),
      ...(r.earlier ? putSession(tx, r.earlier.session, { id: r.earlier.session.id, windows: r.earlier.windows }) : []),
      ...clearLiveStateIn(tx.objectStore('live')),
      tx.objectStore('live').delete(liveCookieRange()),
      meta.put({ key: 'copy:previous', value: r.previous }),
      meta.delete('copy:recovery'),
      meta.delete('copy:backup'),
      meta.put({ key: 'recovery:pending', value: r.pending }),
      meta.put({ key: 'crash:streak', value: r.streak }),
    ]);
  });
}

/**
 * The previous run's live cookies become a jar (before storeRecovered clears them); false when
 * there were none. Counted first: no key is created for a profile that never kept a cookie.
 * `keys` is undefined while the vault lock is locked: the records then move as they are sealed,
 * unopened, and are opened when the person unlocks and puts the session's cookies back.
 */
export function liveCookiesToJar(
  db: DB,
  jarId: string,
  now: number,
  keys: () => Promise<CookieKeys | undefined>,
): Promise<boolean> {
  return run(async () => {
    if ((await db.count('live', liveCookieRange())) === 0) return false;
    const k = await keys();
    if (!k) {
      const records = await db.getAll('live', liveCookieRange());
      const tx = db.transaction('cookieJars', 'readwrite', STRICT);
      settle(tx.store.put({ id: jarId, createdAt: now, records, count: records.length }));
      await tx.done;
      return true;
    }
    const cookies = await readLiveCookies(db, k);
    if (cookies.length === 0) return false;
    await saveCookieJar(db, jarId, cookies, now, k.cipher);
    return true;
  });
}
