// The live state of the running browser in the `live` store: one record per window (`w:`), tab
// (`t:`) and group (`g:`). Cookie entries (`c:`) live in the same store but belong to
// live-cookies-repo.ts and are never touched here.
import type { JournalRecord } from '../core/journal/journal-format.ts';
import type { LiveChanges } from '../core/live-state.ts';
import type { DB } from './db.ts';
import { putJournalIn } from './journal-repo.ts';
import type { LiveEntry } from './schema.ts';
import { commit, run, writeTx } from './tx.ts';

const STATE_PREFIXES = ['w:', 't:', 'g:'];

function stateRanges(): IDBKeyRange[] {
  // 'w:' … 'w;' covers every key that starts with 'w:' (';' follows ':' in code-unit order).
  return STATE_PREFIXES.map((p) => IDBKeyRange.bound(p, `${p.slice(0, -1)};`, false, true));
}

export function readLiveState(db: DB): Promise<LiveEntry[]> {
  return run(async () => {
    const tx = db.transaction('live');
    const parts = await Promise.all(stateRanges().map((r) => tx.store.getAll(r)));
    return parts.flat();
  });
}

/** The live changes and the journal records that tell them (time travel), in one transaction. */
export function applyLiveChanges(db: DB, changes: LiveChanges, journal: readonly JournalRecord[] = []): Promise<void> {
  if (changes.put.length === 0 && changes.del.length === 0 && journal.length === 0) return Promise.resolve();
  return run(async () => {
    const tx = writeTx(db, journal.length ? ['live', 'journal'] : ['live']);
    const store = tx.objectStore('live');
    const journaled = journal.length ? putJournalIn(tx.objectStore('journal'), journal) : [];
    await commit(tx, [
      ...changes.put.map((r) => store.put(r)),
      ...changes.del.map((k) => store.delete(k)),
      ...journaled,
    ]);
  });
}

/** Removes every window, tab and group record (the previous run's), leaving cookie entries. */
export function clearLiveStateIn(store: { delete(r: IDBKeyRange): Promise<unknown> }): Promise<unknown>[] {
  return stateRanges().map((r) => store.delete(r));
}
