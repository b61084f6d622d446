// Any moment of the journal: the nearest checkpoint before it, plus the entries after it up to
// that moment, replayed in coded form and decoded once at the end.
import { parseLiveRecords, snapshotFromRecords, type LiveRecord } from '../live-state.ts';
import type { WindowRecord } from '../model.ts';
import {
  applyEntry,
  decodeValue,
  stateOfCheckpoint,
  timeOf,
  type CodedState,
  type JournalCheckpoint,
  type JournalEntry,
} from './journal-format.ts';

/** What a moment needs: the checkpoint at or before it, the entries after it, their strings. */
export interface JournalSlice {
  checkpoint?: JournalCheckpoint;
  /** In time order. */
  entries: readonly JournalEntry[];
  strings: ReadonlyMap<number, string>;
}

/** The coded state at `moment`: everything written at or before it. */
export function codedStateAt(slice: JournalSlice, moment: number): CodedState {
  const state = slice.checkpoint ? stateOfCheckpoint(slice.checkpoint) : new Map();
  const from = slice.checkpoint ? timeOf(slice.checkpoint) : -Infinity;
  for (const e of slice.entries) {
    const t = timeOf(e);
    if (t > moment) break;
    if (t > from) applyEntry(state, e);
  }
  return state;
}

export function decodeState(state: CodedState, strings: ReadonlyMap<number, string>): LiveRecord[] {
  const text = (n: number) => strings.get(n) ?? '';
  return [...state].map(([key, coded]) => decodeValue(key, coded, text));
}

/** The live records at `moment`, as the tracker had written them. */
export function recordsAt(slice: JournalSlice, moment: number): LiveRecord[] {
  return decodeState(codedStateAt(slice, moment), slice.strings);
}

/** The windows of a set of live records, as a session holds them. */
export function windowsOfRecords(records: readonly LiveRecord[], extensionBase: string): WindowRecord[] {
  const parsed = parseLiveRecords(records);
  return snapshotFromRecords(parsed.windows, parsed.tabs, parsed.groups, extensionBase);
}

/**
 * A stretch of the journal held in memory (the History view's day): seeking to any moment replays
 * at most `every` entries from the nearest kept copy of the state, so a slider step is cheap.
 */
export class JournalTimeline {
  private readonly marks: { index: number; state: CodedState }[] = [];
  readonly times: number[];

  constructor(
    start: CodedState,
    private readonly entries: readonly JournalEntry[],
    private readonly strings: ReadonlyMap<number, string>,
    every = 64,
  ) {
    this.times = entries.map(timeOf);
    let state = new Map(start);
    this.marks.push({ index: 0, state: new Map(state) });
    entries.forEach((e, i) => {
      applyEntry(state, e);
      if ((i + 1) % every === 0) {
        this.marks.push({ index: i + 1, state });
        state = new Map(state);
      }
    });
  }

  /** How many entries are at or before `moment`. */
  countAt(moment: number): number {
    let lo = 0;
    let hi = this.times.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.times[mid]! <= moment) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  codedAt(moment: number): CodedState {
    const n = this.countAt(moment);
    let mark = this.marks[0]!;
    for (const m of this.marks) if (m.index <= n) mark = m;
    const state = new Map(mark.state);
    for (let i = mark.index; i < n; i++) applyEntry(state, this.entries[i]!);
    return state;
  }

  recordsAt(moment: number): LiveRecord[] {
    return decodeState(this.codedAt(moment), this.strings);
  }

  /** Tabs open after each entry (the timeline's activity), starting with the start state. */
  activity(startTime: number): { t: number; tabs: number }[] {
    const out: { t: number; tabs: number }[] = [];
    const tabs = new Set<string>();
    for (const k of this.marks[0]!.state.keys()) if (k.startsWith('t:')) tabs.add(k);
    out.push({ t: startTime, tabs: tabs.size });
    this.entries.forEach((e, i) => {
      for (const k of e.d ?? []) tabs.delete(k);
      for (const op of e.p ?? []) if (op[0].startsWith('t:')) tabs.add(op[0]);
      out.push({ t: this.times[i]!, tabs: tabs.size });
    });
    return out;
  }
}
