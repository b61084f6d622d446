// Crash recovery. A fresh browser run is told from a worker restart by a marker in
// storage.session (gone when the browser restarts; runtime.onStartup is not reliable after a
// kill). On a fresh run the previous run's last state becomes a `recovered` session, in the same
// transaction that clears the old live records, so a state is recovered exactly once.
import { countTabs, type Session, type WindowRecord } from '../core/model.ts';
import { parseLiveRecords, snapshotFromRecords } from '../core/live-state.ts';
import { alreadyOpen, chooseRecoverySource, makeCopy, verifyCopy, type Candidate } from '../core/recovery.ts';
import { buildSearchRecord } from '../core/search.ts';
import { defaultSessionName } from '../core/session-name.ts';
import { emitSessionsChanged } from '../store/changes.ts';
import type { DB } from '../store/db.ts';
import { clearLiveCookies, liveCookieRange } from '../store/live-cookies-repo.ts';
import { clearLiveStateIn, readLiveState } from '../store/live-repo.ts';
import { getMeta, setMeta } from '../store/meta-repo.ts';
import { commit, run, writeTx } from '../store/tx.ts';
import type { Deps } from './deps.ts';
import { jarFromLiveCookies } from './recovery-cookies.ts';

const RUN_MARKER = 'tabularium.run';

export interface PendingRecovery {
  sessionId: string;
  windows: number;
  tabs: number;
  at: number;
}

/** What is kept when no copy of the last state could be read. */
export interface UnreadableState {
  at: number;
  records: unknown[];
  copies: Record<string, unknown>;
}

export interface RunStart {
  fresh: boolean;
  recovered?: Session;
  streak: number;
}

async function readCandidates(
  db: DB,
  extensionBase: string,
): Promise<{ candidates: Candidate[]; liveRecords: number }> {
  const records = await readLiveState(db);
  const parsed = parseLiveRecords(records);
  const live = snapshotFromRecords(parsed.windows, parsed.tabs, parsed.groups, extensionBase);
  const copies = await Promise.all(['copy:recovery', 'copy:backup', 'copy:previous'].map((k) => getMeta(db, k)));
  const [recovery, backup, previous] = copies.map(verifyCopy);
  const c = (name: Candidate['name'], v: ReturnType<typeof verifyCopy> | undefined): Candidate =>
    v?.ok ? { name, windows: v.copy.windows, savedAt: v.copy.savedAt } : { name, windows: undefined };
  return {
    liveRecords: records.length,
    candidates: [
      { name: 'live', windows: live },
      c('recovery', recovery),
      c('backup', backup),
      c('previous', previous),
    ],
  };
}

/** Stores the recovered session and clears the previous run's records, atomically. */
async function storeRecovered(
  db: DB,
  session: Session,
  windows: WindowRecord[],
  streak: number,
  now: number,
): Promise<void> {
  await run(async () => {
    const tx = writeTx(db, ['sessions', 'bodies', 'search', 'live', 'meta']);
    const meta = tx.objectStore('meta');
    const pending: PendingRecovery = {
      sessionId: session.id,
      windows: session.counts.windows,
      tabs: session.counts.tabs,
      at: now,
    };
    await commit(tx, [
      tx.objectStore('sessions').put(session),
      tx.objectStore('bodies').put({ id: session.id, windows }),
      tx.objectStore('search').put(buildSearchRecord(session, { id: session.id, windows })),
      ...clearLiveStateIn(tx.objectStore('live')),
      // The previous run's cookies are in the recovered session's jar now.
      tx.objectStore('live').delete(liveCookieRange()),
      meta.put({ key: 'copy:previous', value: makeCopy(windows, now) }),
      meta.delete('copy:recovery'),
      meta.delete('copy:backup'),
      meta.put({ key: 'recovery:pending', value: pending }),
      meta.put({ key: 'crash:streak', value: streak }),
    ]);
  });
  emitSessionsChanged([session.id]);
}

/**
 * Called before the tracker rebuilds its mirror. On a fresh run, turns the previous run's last
 * state into a recovered session. If nothing is readable, the raw records are kept for export.
 */
export async function beginRun(deps: Deps): Promise<RunStart> {
  const marker = await deps.platform.sessionArea.get<string>(RUN_MARKER);
  const db = await deps.db();
  const streak = (await getMeta<number>(db, 'crash:streak')) ?? 0;
  if (marker) return { fresh: false, streak };
  const now = deps.now();
  const { candidates, liveRecords } = await readCandidates(db, deps.platform.extensionBase);
  const chosen = chooseRecoverySource(candidates);
  let recovered: Session | undefined;
  // The previous run ended with windows open: it did not close cleanly (a crash, a kill, a power cut).
  const unclean = (candidates[0]?.windows?.length ?? 0) > 0;
  const nextStreak = unclean ? streak + 1 : 0;
  if (chosen?.windows && chosen.name !== 'previous') {
    const id = deps.newId();
    recovered = {
      id,
      name: `Previous session · ${defaultSessionName(chosen.windows, new Date(chosen.savedAt ?? now))}`,
      kind: 'recovered',
      createdAt: now,
      updatedAt: now,
      tags: [],
      counts: countTabs(chosen.windows),
    };
    // The logins of the previous run go with its tabs: its live cookies become the session's jar.
    const cookieJarId = await jarFromLiveCookies(deps, db);
    if (cookieJarId) recovered.cookieJarId = cookieJarId;
    await storeRecovered(db, recovered, chosen.windows, nextStreak, now);
  } else {
    if (!chosen && liveRecords > 0) {
      const copies = Object.fromEntries(
        await Promise.all(
          ['copy:recovery', 'copy:backup', 'copy:previous'].map(async (k) => [k, await getMeta(db, k)]),
        ),
      );
      await setMeta(db, {
        'recovery:unreadable': { at: now, records: await readLiveState(db), copies } satisfies UnreadableState,
      });
    }
    await setMeta(db, { 'crash:streak': nextStreak });
    // Nothing to recover them with: the new run's cookies are caught up from the browser.
    await clearLiveCookies(db).catch(() => undefined);
  }
  await deps.platform.sessionArea.set(RUN_MARKER, `${now}`);
  return { fresh: true, ...(recovered ? { recovered } : {}), streak: nextStreak };
}

/** The banner's question: is there something to recover that is not open already? */
export async function pendingRecovery(deps: Deps, openUrls: ReadonlySet<string>): Promise<PendingRecovery | undefined> {
  const db = await deps.db();
  const pending = await getMeta<PendingRecovery>(db, 'recovery:pending');
  if (!pending) return undefined;
  const body = await db.get('bodies', pending.sessionId);
  if (!body || alreadyOpen(body.windows, openUrls)) return undefined;
  return pending;
}

export async function clearPending(deps: Deps): Promise<void> {
  await setMeta(await deps.db(), { 'recovery:pending': undefined });
}

export async function resetCrashStreak(deps: Deps): Promise<void> {
  await setMeta(await deps.db(), { 'crash:streak': 0 });
}
