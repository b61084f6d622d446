// Retention: entries older than the cutoff fold into one checkpoint at the cutoff and go, with the
// strings nothing kept refers to. The cutoff is the retention's (7 days by default) or later, when
// the journal is over its size cap. Every moment after the cutoff reconstructs as before.
import {
  checkpointOf,
  isCheckpoint,
  refsOf,
  storedBytes,
  timeOf,
  type JournalCheckpoint,
  type JournalEntry,
  type JournalString,
} from './journal-format.ts';
import { codedStateAt } from './reconstruct.ts';

export const DAY_MS = 24 * 60 * 60_000;
export const DEFAULT_JOURNAL_CAP_BYTES = 100 * 1024 * 1024;

export interface FoldInput {
  /** Entries and checkpoints, in time order. */
  timed: readonly (JournalEntry | JournalCheckpoint)[];
  strings: readonly JournalString[];
  /** Drop what is older than this. */
  cutoff: number;
  capBytes: number;
  /** String numbers still in use by the writer (never dropped). */
  keepStrings: ReadonlySet<number>;
}

export interface FoldPlan {
  cutoff: number;
  /** The state at the cutoff, replacing what is dropped. */
  checkpoint?: JournalCheckpoint;
  /** Keys of the entries, checkpoints and strings to delete. */
  drop: (JournalEntry | JournalCheckpoint | JournalString)['k'][];
  bytesBefore: number;
  bytesAfter: number;
}

/** The cutoff that brings the journal under the cap (oldest records go first). */
function capCutoff(input: FoldInput, total: number): number {
  let over = total - input.capBytes;
  if (over <= 0) return -Infinity;
  // The checkpoint written at the new cutoff costs about as much as the newest one.
  const last = [...input.timed].reverse().find(isCheckpoint);
  over += last ? storedBytes(last) : 0;
  for (const r of input.timed) {
    over -= storedBytes(r);
    if (over <= 0) return timeOf(r);
  }
  return timeOf(input.timed[input.timed.length - 1]!);
}

export function planFold(input: FoldInput): FoldPlan {
  const bytesBefore =
    input.timed.reduce((n, r) => n + storedBytes(r), 0) + input.strings.reduce((n, r) => n + storedBytes(r), 0);
  const cutoff = Math.max(input.cutoff, capCutoff(input, bytesBefore));
  const older = input.timed.filter((r) => timeOf(r) <= cutoff);
  const kept = input.timed.filter((r) => timeOf(r) > cutoff);
  const atCutoff = older.filter(isCheckpoint).pop();
  if (older.length === 0 || (older.length === 1 && atCutoff && timeOf(atCutoff) === cutoff)) {
    return { cutoff, drop: [], bytesBefore, bytesAfter: bytesBefore };
  }
  const strings = new Map(input.strings.map((s) => [s.k[1], s.v]));
  const entries = older.filter((r): r is JournalEntry => !isCheckpoint(r));
  const state = codedStateAt({ ...(atCutoff ? { checkpoint: atCutoff } : {}), entries, strings }, cutoff);
  const checkpoint = checkpointOf(state, cutoff);
  const refs = refsOf([checkpoint, ...kept]);
  const drop: FoldPlan['drop'] = older.map((r) => r.k);
  const droppedStrings = input.strings.filter((s) => !refs.has(s.k[1]) && !input.keepStrings.has(s.k[1]));
  for (const s of droppedStrings) drop.push(s.k);
  const bytesAfter =
    bytesBefore -
    older.reduce((n, r) => n + storedBytes(r), 0) -
    droppedStrings.reduce((n, r) => n + storedBytes(r), 0) +
    storedBytes(checkpoint);
  return { cutoff, checkpoint, drop, bytesBefore, bytesAfter };
}
