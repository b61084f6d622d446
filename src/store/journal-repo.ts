// The journal (time travel, core/journal/): entries and checkpoints keyed [kind, time], strings
// keyed [kind, number], sealed blocks of entries keyed [kind, time of the checkpoint before them].
// Entries are written in the live write's own transaction (live-repo.ts); a fold seals them later.
// Everything else here reads, folds or clears; readers see entries, never blocks.
import {
  BLOCK,
  CHECKPOINT,
  ENTRY,
  refsOf,
  storedBytes,
  STRING,
  type BlockSpan,
  type JournalCheckpoint,
  type JournalEntry,
  type JournalRecord,
  type JournalString,
} from '../core/journal/journal-format.ts';
import type { FoldPlan } from '../core/journal/fold.ts';
import type { JournalSlice } from '../core/journal/reconstruct.ts';
import {
  blockEntries,
  blockToStored,
  fromStored,
  toStored,
  type StoredBlock,
  type StoredCheckpoint,
} from './checkpoint-zip.ts';
import type { DB } from './db.ts';
import { commit, run, writeTx } from './tx.ts';

const kindRange = (kind: number, from = -Infinity, to = Infinity, openFrom = false) =>
  IDBKeyRange.bound([kind, from], [kind, to], openFrom, false);

type Cursor = { value: JournalRecord & StoredBlock; continue(): Promise<Cursor | null> };
type ReadStore = {
  get(k: [number, number]): Promise<JournalRecord | undefined>;
  getAll(r: IDBKeyRange): Promise<JournalRecord[]>;
  openCursor(r: IDBKeyRange, d: IDBCursorDirection): Promise<Cursor | null>;
};

/** The entries in (from, to], single or sealed, in time order. */
async function entriesIn(store: ReadStore, from: number, to: number): Promise<JournalEntry[]> {
  if (!(to > from)) return [];
  // A block is keyed by the checkpoint it follows, so one keyed before `from` ends before it.
  const [single, blocks] = await Promise.all([
    store.getAll(kindRange(ENTRY, from, to, true)) as Promise<JournalEntry[]>,
    store.getAll(kindRange(BLOCK, from, to)) as unknown as Promise<StoredBlock[]>,
  ]);
  if (blocks.length === 0) return single;
  const sealed = blocks.flatMap((b) => blockEntries(b)).filter((e) => e.k[1] > from && e.k[1] <= to);
  return [...sealed, ...single].sort((a, b) => a.k[1] - b.k[1]);
}

async function lastIn(store: ReadStore, range: IDBKeyRange): Promise<JournalRecord | undefined> {
  return (await store.openCursor(range, 'prev'))?.value;
}

/**
 * The last checkpoint read, inflated, per database: moments near one another share it. Compared
 * by its bytes (microseconds), not its time, so a cleared journal's new one is never mistaken.
 */
const lastInflated = new WeakMap<DB, { z: Uint8Array; checkpoint: JournalCheckpoint }>();

function inflated(db: DB, stored: JournalCheckpoint | StoredCheckpoint): JournalCheckpoint {
  if (!('z' in stored)) return stored;
  const last = lastInflated.get(db);
  if (last && sameBytes(last.z, stored.z)) return { ...last.checkpoint, k: stored.k };
  const checkpoint = fromStored<JournalCheckpoint>(stored);
  lastInflated.set(db, { z: stored.z, checkpoint });
  return checkpoint;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.byteLength !== b.byteLength) return false;
  for (let i = 0; i < a.byteLength; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Strings numbered close together are read as one range: a checkpoint needs ~2 per tab. */
const RANGE_GAP = 32;

/** `known`: strings the caller holds in memory, not read again. */
async function stringsFor(
  store: ReadStore,
  ids: Iterable<number>,
  known?: ReadonlyMap<number, string>,
): Promise<Map<number, string>> {
  const out = new Map<number, string>();
  const missing: number[] = [];
  for (const n of ids) {
    const s = known?.get(n);
    if (s === undefined) missing.push(n);
    else out.set(n, s);
  }
  const sorted = missing.sort((a, b) => a - b);
  const ranges: [number, number][] = [];
  for (const n of sorted) {
    const last = ranges[ranges.length - 1];
    if (last && n - last[1] <= RANGE_GAP) last[1] = n;
    else ranges.push([n, n]);
  }
  const want = new Set(sorted);
  const parts = await Promise.all(
    ranges.map(([from, to]) =>
      from === to
        ? store.get([STRING, from]).then((r) => (r ? [r] : []))
        : store.getAll(IDBKeyRange.bound([STRING, from], [STRING, to])),
    ),
  );
  for (const part of parts) {
    for (const r of part) if ('v' in r && want.has(r.k[1])) out.set(r.k[1], r.v);
  }
  return out;
}

/**
 * What `moment` needs (see core/journal/reconstruct.ts), and, with `to`, the entries up to `to`.
 * `known`: strings the caller already has (the worker's writer holds those of the open tabs).
 */
export function readJournalSlice(
  db: DB,
  moment: number,
  to = moment,
  known?: ReadonlyMap<number, string>,
): Promise<JournalSlice> {
  return run(async () => {
    const store = db.transaction('journal').store as unknown as ReadStore;
    const last = await lastIn(store, kindRange(CHECKPOINT, -Infinity, moment));
    const checkpoint = last && inflated(db, last as JournalCheckpoint | StoredCheckpoint);
    const from = checkpoint?.k[1] ?? -Infinity;
    const entries = await entriesIn(store, from, to);
    const strings = await stringsFor(store, refsOf([...(checkpoint ? [checkpoint] : []), ...entries]), known);
    return { ...(checkpoint ? { checkpoint } : {}), entries, strings };
  });
}

/**
 * Everything, for a fold or the history index: the entries of sealed blocks among the others, each
 * with its share of its block's bytes; where the blocks stand; the bytes on disk by key kind.
 */
export function readJournalAll(db: DB): Promise<{
  timed: (JournalEntry | JournalCheckpoint)[];
  strings: JournalString[];
  nextString: number;
  blocks: BlockSpan[];
  bytes: Record<'entries' | 'checkpoints' | 'strings', number>;
}> {
  return run(async () => {
    const store = db.transaction('journal').store as unknown as ReadStore;
    const [entries, checkpoints, strings, stored] = await Promise.all([
      store.getAll(kindRange(ENTRY)) as Promise<JournalEntry[]>,
      store.getAll(kindRange(CHECKPOINT)),
      store.getAll(kindRange(STRING)) as Promise<JournalString[]>,
      store.getAll(kindRange(BLOCK)) as unknown as Promise<StoredBlock[]>,
    ]);
    const sealed = stored.flatMap((b) => blockEntries(b, true));
    // A checkpoint sorts after the entry of the same time (it is the state after it).
    const timed = [...entries, ...sealed, ...(checkpoints as JournalCheckpoint[]).map(fromStored)].sort(
      (a, b) => a.k[1] - b.k[1] || a.k[0] - b.k[0],
    );
    const sum = (rs: readonly JournalRecord[]) => rs.reduce((n, r) => n + storedBytes(r), 0);
    return {
      timed,
      strings,
      nextString: (strings[strings.length - 1]?.k[1] ?? 0) + 1,
      blocks: stored.map((b) => ({ from: b.k[1], to: b.to })),
      bytes: {
        entries: sum(entries) + sum(sealed),
        checkpoints: sum(timed.filter((r) => r.k[0] === CHECKPOINT)),
        strings: sum(strings),
      },
    };
  });
}

/** Where the writer of a new worker life starts: the last state, its strings, the last times. */
export function readJournalEnd(db: DB): Promise<{
  slice: JournalSlice;
  lastTime: number;
  lastCheckpoint: number | undefined;
  nextString: number;
}> {
  return run(async () => {
    const store = db.transaction('journal').store as unknown as ReadStore;
    const [lastEntry, lastString, lastBlock] = await Promise.all([
      lastIn(store, kindRange(ENTRY)),
      lastIn(store, kindRange(STRING)),
      lastIn(store, kindRange(BLOCK)) as Promise<StoredBlock | undefined>,
    ]);
    // The last entry may be sealed: a block ends with the entry its checkpoint was written with.
    const lastTime = Math.max(lastEntry?.k[1] ?? 0, lastBlock?.to ?? 0);
    const slice = await readJournalSlice(db, Infinity);
    return {
      slice,
      lastTime,
      lastCheckpoint: slice.checkpoint?.k[1],
      nextString: (lastString?.k[1] ?? 0) + 1,
    };
  });
}

/** Puts the prepared journal records in the caller's write transaction. */
export function putJournalIn(
  store: { put(r: JournalRecord | StoredCheckpoint): Promise<unknown> },
  records: readonly JournalRecord[],
): Promise<unknown>[] {
  return records.map((r) => store.put(toStored(r)));
}

/** One transaction: what goes is deleted before what replaces it (it may have the same key). */
export function applyJournalFold(db: DB, plan: FoldPlan): Promise<void> {
  if (plan.drop.length === 0 && !plan.checkpoint && plan.seal.length === 0) return Promise.resolve();
  const blocks = plan.seal.map(blockToStored);
  return run(async () => {
    const tx = writeTx(db, ['journal']);
    const store = tx.objectStore('journal');
    await commit(tx, [
      ...plan.drop.map((k) => store.delete(k)),
      ...(plan.checkpoint ? [store.put(toStored(plan.checkpoint))] : []),
      ...blocks.map((b) => store.put(b as never)),
    ]);
  });
}

export function clearJournal(db: DB): Promise<void> {
  return run(async () => {
    const tx = writeTx(db, ['journal']);
    await commit(tx, [tx.objectStore('journal').clear()]);
  });
}

/** The oldest moment the journal holds: its first checkpoint (every fold leaves one first). */
export function readJournalOldest(db: DB): Promise<number | undefined> {
  return run(async () => {
    const store = db.transaction('journal').store as unknown as {
      openCursor(r: IDBKeyRange): Promise<{ value: JournalRecord } | null>;
    };
    return (await store.openCursor(kindRange(CHECKPOINT)))?.value.k[1];
  });
}

/** The time of the last entry before `t` (the end of the previous browser run, given its start). */
export function readLastEntryBefore(db: DB, t: number): Promise<number | undefined> {
  return run(async () => {
    const store = db.transaction('journal').store as unknown as ReadStore;
    const single = (await lastIn(store, IDBKeyRange.bound([ENTRY, -Infinity], [ENTRY, t], false, true)))?.k[1];
    // The blocks that start before `t`, newest first, until one holds an entry before it.
    let sealed: number | undefined;
    let cursor = await store.openCursor(IDBKeyRange.bound([BLOCK, -Infinity], [BLOCK, t], false, true), 'prev');
    while (cursor && sealed === undefined) {
      sealed = blockEntries(cursor.value)
        .map((e) => e.k[1])
        .filter((time) => time < t)
        .pop();
      if (sealed === undefined) cursor = await cursor.continue();
    }
    if (single === undefined || sealed === undefined) return single ?? sealed;
    return Math.max(single, sealed);
  });
}
