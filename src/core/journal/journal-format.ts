// The journal's stored shapes. Records are kept in "coded" form: short field names, and the long
// strings (addresses, titles, favicons) replaced by numbers of a string table stored beside them,
// so a tab that is activated costs ~20 bytes and an address seen a hundred times is stored once.
// An entry holds only the fields that changed since the record's previous value; a new record is
// written as its difference from a template of the usual values (not pinned, not active, …).
import type { LiveRecord } from '../live-state.ts';
import { packState, unpackState, type PackedState } from './checkpoint-pack.ts';

/** A record's value in coded form: short field names, string-table numbers for long strings. */
export type Coded = Record<string, unknown>;

/** A changed record: its live key (`t:12`), the fields set, and the fields it no longer has. */
export type PutOp = [key: string, set: Coded] | [key: string, set: Coded, unset: string[]];

/**
 * Key kinds: entries and checkpoints by time, strings by number, and sealed blocks by the time of
 * the checkpoint they follow (a fold seals the entries between two checkpoints into one block).
 */
export const ENTRY = 0;
export const CHECKPOINT = 1;
export const STRING = 2;
export const BLOCK = 3;

/** One tracker write: the records it changed and the keys it removed, at time `k[1]`. */
export interface JournalEntry {
  k: [typeof ENTRY, number];
  p?: PutOp[];
  d?: string[];
  /** Its share of its sealed block's bytes on disk, when read from one (what the size cap counts). */
  b?: number;
}

/** The entries after the checkpoint at `k[1]` up to the next one at `to`, stored as one record. */
export interface SealedBlock {
  k: [typeof BLOCK, number];
  to: number;
  entries: JournalEntry[];
}

/** Where a sealed block stands: it holds the entries in (from, to]. */
export interface BlockSpan {
  from: number;
  to: number;
}

/** The whole state after everything up to time `k[1]`, by columns (checkpoint-pack.ts). */
export interface JournalCheckpoint {
  k: [typeof CHECKPOINT, number];
  r: PackedState;
  /** Bytes on disk with its key, when read from the store (which keeps checkpoints deflated). */
  b?: number;
}

export interface JournalString {
  k: [typeof STRING, number];
  v: string;
}

export type JournalRecord = JournalEntry | JournalCheckpoint | JournalString;

/** Coded state: live key → coded value. */
export type CodedState = Map<string, Coded>;

const FIELD_CODES: Record<string, string> = {
  url: 'u',
  pendingUrl: 'q',
  title: 'T',
  favIconUrl: 'F',
  pinned: 'n',
  active: 'a',
  groupId: 'g',
  mutedInfo: 'm',
  cookieStoreId: 'c',
  incognito: 'I',
  pos: 'x',
  windowId: 'w',
  type: 'y',
  state: 's',
  left: 'L',
  top: 'O',
  width: 'W',
  height: 'H',
  focused: 'f',
  color: 'C',
  collapsed: 'z',
};
const FIELD_NAMES = Object.fromEntries(Object.entries(FIELD_CODES).map(([k, v]) => [v, k]));

/** Coded fields whose values are string-table numbers. */
export const STRING_CODES = new Set(['u', 'q', 'T', 'F']);

/** The usual values: a new record stores only how it differs from these. */
export const TEMPLATES: Record<string, Coded> = {
  t: { n: false, a: false, g: -1, I: false },
  w: { I: false, f: false, y: 'normal', s: 'normal' },
  g: { z: false },
};
const EMPTY: Coded = {};

export function templateOf(key: string): Coded {
  return TEMPLATES[key.charAt(0)] ?? EMPTY;
}

/** `id` comes from the key; `index` is only a hint the tracker does not keep current. */
const DROPPED = new Set(['id', 'index']);

/** A live record's value in coded form; `intern` gives a string its table number. */
export function codeValue(value: object, intern: (s: string) => number): Coded {
  const out: Coded = {};
  for (const [name, v] of Object.entries(value)) {
    if (DROPPED.has(name) || v === undefined) continue;
    const code = FIELD_CODES[name] ?? name;
    out[code] = STRING_CODES.has(code) && typeof v === 'string' ? intern(v) : v;
  }
  return out;
}

/** Back to the live record; `text` reads a string-table number. */
export function decodeValue(key: string, coded: Coded, text: (n: number) => string): LiveRecord {
  const value: Record<string, unknown> = { id: Number(key.slice(2)) };
  if (key.startsWith('t:')) value.index = 0;
  for (const [code, v] of Object.entries(coded)) {
    if (v === undefined) continue;
    value[FIELD_NAMES[code] ?? code] = STRING_CODES.has(code) && typeof v === 'number' ? text(v) : v;
  }
  return { key, value } as unknown as LiveRecord;
}

function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The op that turns `prev` (or the key's template) into `next`; undefined when nothing changed. */
export function diffOp(key: string, prev: Coded | undefined, next: Coded): PutOp | undefined {
  const base = prev ?? templateOf(key);
  const set: Coded = {};
  let changed = prev === undefined;
  for (const [c, v] of Object.entries(next)) {
    if (!same(base[c], v)) {
      set[c] = v;
      changed = true;
    }
  }
  const unset: string[] = [];
  for (const [c, v] of Object.entries(base)) if (v !== undefined && !(c in next)) unset.push(c);
  if (unset.length) changed = true;
  if (!changed) return undefined;
  return unset.length ? [key, set, unset] : [key, set];
}

/** Applies an op to the state it was made against. */
export function applyOp(state: CodedState, op: PutOp): void {
  const [key, set, unset] = op;
  const base = state.get(key) ?? templateOf(key);
  const next: Coded = {};
  for (const [c, v] of Object.entries(base)) if (v !== undefined) next[c] = v;
  Object.assign(next, set);
  if (unset) for (const c of unset) delete next[c];
  state.set(key, next);
}

export function applyEntry(state: CodedState, e: JournalEntry): void {
  if (e.d) for (const k of e.d) state.delete(k);
  if (e.p) for (const op of e.p) applyOp(state, op);
}

/** Unpacked checkpoints: a moment reads its checkpoint's refs, then its state, often again. */
const unpacked = new WeakMap<PackedState, CodedState>();

/** The checkpoint's state, the caller's to change (values are replaced, never changed in place). */
export function stateOfCheckpoint(c: JournalCheckpoint): CodedState {
  let state = unpacked.get(c.r);
  if (!state) unpacked.set(c.r, (state = unpackState(c.r)));
  return new Map(state);
}

/** A checkpoint of a coded state (each record against its template). */
export function checkpointOf(state: CodedState, t: number): JournalCheckpoint {
  return { k: [CHECKPOINT, t], r: packState(state) };
}

/** The string-table numbers a coded record uses. */
export function stringRefs(set: Coded, out: Set<number>): void {
  for (const c of STRING_CODES) {
    const v = set[c];
    if (typeof v === 'number') out.add(v);
  }
}

export function refsOf(records: readonly (JournalEntry | JournalCheckpoint)[]): Set<number> {
  const out = new Set<number>();
  for (const r of records) {
    if (isCheckpoint(r)) for (const v of stateOfCheckpoint(r).values()) stringRefs(v, out);
    else for (const op of r.p ?? []) stringRefs(op[1], out);
  }
  return out;
}

/** What a record costs on disk, as the bench and the size cap count it. */
export function storedBytes(r: JournalRecord): number {
  if ('b' in r && r.b !== undefined) return r.b;
  return JSON.stringify(r).length;
}

/** A record's key and its framing, as `storedBytes` counts them beside deflated bytes. */
export const KEY_BYTES = 24;

export function isCheckpoint(r: JournalEntry | JournalCheckpoint): r is JournalCheckpoint {
  return r.k[0] === CHECKPOINT;
}

export function timeOf(r: JournalEntry | JournalCheckpoint): number {
  return r.k[1];
}
