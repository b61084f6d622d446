// Turns the tracker's writes into journal records. It keeps the journal's last state (coded) and
// the string table numbers of the strings in use, and prepares, for one tracker write, the entry
// (only what changed), the strings first seen, and — when the last one is 15 minutes of activity
// old — a checkpoint. Nothing changes here until the write that carries them is committed: a
// failed write leaves the writer as it was, and its changes come back merged into the next one.
import type { LiveRecord } from '../live-state.ts';
import {
  applyEntry,
  checkpointOf,
  codeValue,
  diffOp,
  ENTRY,
  STRING,
  STRING_CODES,
  type CodedState,
  type JournalCheckpoint,
  type JournalEntry,
  type JournalRecord,
  type JournalString,
  type PutOp,
} from './journal-format.ts';

/** A checkpoint at least this often while things change: a moment is never more than this to replay. */
export const CHECKPOINT_EVERY_MS = 15 * 60_000;

/**
 * And sooner when this many changes (per record in the state, at least `MIN_REPLAY_OPS`) piled up
 * since the last one: a burst (1,000 tabs loading) would otherwise leave thousands of changes to
 * replay for a moment. A week of steady use never reaches it; a burst pays one extra checkpoint.
 */
export const REPLAY_OPS_PER_RECORD = 2;
export const MIN_REPLAY_OPS = 500;

export interface JournalChanges {
  put: readonly LiveRecord[];
  del: readonly string[];
}

export interface PreparedJournal {
  /** Everything to put in the journal store, in the tracker's transaction. */
  records: JournalRecord[];
  entry: JournalEntry;
  checkpoint?: JournalCheckpoint;
  /** Call once the transaction committed. */
  commit(): void;
}

/** Where the writer starts: the journal's last state, its string table, its times. */
export interface WriterStart {
  state: CodedState;
  /** The strings of `state` (number → text). */
  strings: Map<number, string>;
  nextString: number;
  lastTime: number;
  lastCheckpoint: number | undefined;
  /** Changes (puts and removals) written since that checkpoint. */
  opsSinceCheckpoint?: number;
}

export class JournalWriter {
  private state: CodedState;
  private ids = new Map<string, number>();
  /** The same strings by number: a moment near now reads none of them from the disk. */
  private texts = new Map<number, string>();
  private nextString: number;
  private lastTime: number;
  private lastCheckpoint: number | undefined;
  private opsSinceCheckpoint: number;

  constructor(start?: WriterStart) {
    this.state = start?.state ?? new Map();
    for (const [n, s] of start?.strings ?? []) {
      this.ids.set(s, n);
      this.texts.set(n, s);
    }
    this.nextString = start?.nextString ?? 1;
    this.lastTime = start?.lastTime ?? 0;
    this.lastCheckpoint = start?.lastCheckpoint;
    this.opsSinceCheckpoint = start?.opsSinceCheckpoint ?? 0;
  }

  /** The string numbers the writer may still use (a fold keeps them). */
  liveStringIds(): Set<number> {
    return new Set(this.ids.values());
  }

  /** The strings the writer holds (those of the state and of its recent changes), by number. */
  knownStrings(): ReadonlyMap<number, string> {
    return this.texts;
  }

  /** The time of the last write committed (0 before any). */
  lastWrittenAt(): number {
    return this.lastTime;
  }

  /** The journal's state after that write; read only (a moment there is decoded from it). */
  codedState(): CodedState {
    return this.state;
  }

  hasKey(key: string): boolean {
    return this.state.has(key);
  }

  keys(): IterableIterator<string> {
    return this.state.keys();
  }

  /**
   * The records for one tracker write. `full` (every record that may be journaled) replaces the
   * state: keys it lacks are removed (a worker start, or a previous run's records).
   */
  prepare(changes: JournalChanges, now: number, full?: readonly LiveRecord[]): PreparedJournal | undefined {
    const fresh = new Map<string, number>();
    const strings: JournalString[] = [];
    let next = this.nextString;
    const intern = (s: string): number => {
      let n = this.ids.get(s) ?? fresh.get(s);
      if (n === undefined) {
        fresh.set(s, (n = next++));
        strings.push({ k: [STRING, n], v: s });
      }
      return n;
    };
    const p: PutOp[] = [];
    const d: string[] = [];
    const seen = new Set<string>();
    for (const r of full ?? changes.put) {
      seen.add(r.key);
      const op = diffOp(r.key, this.state.get(r.key), codeValue(r.value, intern));
      if (op) p.push(op);
    }
    if (full) {
      for (const k of this.state.keys()) if (!seen.has(k)) d.push(k);
    } else {
      for (const k of changes.del) if (this.state.has(k) && !seen.has(k)) d.push(k);
    }
    if (p.length === 0 && d.length === 0) return undefined;
    const t = Math.max(Math.floor(now), this.lastTime + 1);
    const entry: JournalEntry = { k: [ENTRY, t] };
    if (p.length) entry.p = p;
    if (d.length) entry.d = d;
    const ops = this.opsSinceCheckpoint + p.length + d.length;
    const dueCheckpoint =
      this.lastCheckpoint === undefined ||
      t - this.lastCheckpoint >= CHECKPOINT_EVERY_MS ||
      ops >= Math.max(MIN_REPLAY_OPS, REPLAY_OPS_PER_RECORD * this.state.size);
    let nextState: CodedState | undefined;
    let checkpoint: JournalCheckpoint | undefined;
    if (dueCheckpoint) {
      nextState = new Map(this.state);
      applyEntry(nextState, entry);
      checkpoint = checkpointOf(nextState, t);
    }
    const records: JournalRecord[] = [...strings, entry, ...(checkpoint ? [checkpoint] : [])];
    return {
      records,
      entry,
      ...(checkpoint ? { checkpoint } : {}),
      commit: () => {
        if (nextState) this.state = nextState;
        else applyEntry(this.state, entry);
        for (const [s, n] of fresh) {
          this.ids.set(s, n);
          this.texts.set(n, s);
        }
        this.nextString = Math.max(this.nextString, next);
        this.lastTime = t;
        this.opsSinceCheckpoint = checkpoint ? 0 : ops;
        if (checkpoint) {
          this.lastCheckpoint = t;
          this.pruneStrings();
        }
      },
    };
  }

  /** Keeps only the numbers of strings in use, so memory stays the size of the open tabs. */
  private pruneStrings(): void {
    const used = new Set<number>();
    for (const v of this.state.values()) {
      for (const c of STRING_CODES) {
        const n = v[c];
        if (typeof n === 'number') used.add(n);
      }
    }
    for (const [s, n] of this.ids) {
      if (used.has(n)) continue;
      this.ids.delete(s);
      this.texts.delete(n);
    }
  }
}
