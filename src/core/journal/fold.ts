// Retention: entries older than the cutoff fold into one checkpoint at the cutoff and go, with the
// strings nothing kept refers to. The cutoff is the retention's (7 days by default) or later, when
// the journal is over its size cap. Every moment after the cutoff reconstructs as before.
//
// A fold also compacts what it keeps, without changing any moment:
// - checkpoints older than a day are thinned to about one an hour (a moment then replays at most
//   an hour of changes, and never more than a few times the writer's own bound);
// - the entries between two checkpoints are sealed into one block, which the store deflates.
// Together they take a week of heavy use from ~180 to ~80 bytes per tab event (`npm run bench`).
import {
  BLOCK,
  checkpointOf,
  isCheckpoint,
  refsOf,
  storedBytes,
  timeOf,
  type BlockSpan,
  type JournalCheckpoint,
  type JournalEntry,
  type JournalString,
  type SealedBlock,
} from './journal-format.ts';
import { MIN_REPLAY_OPS, REPLAY_OPS_PER_RECORD } from './journal-writer.ts';
import { codedStateAt } from './reconstruct.ts';

export const DAY_MS = 24 * 60 * 60_000;
export const DEFAULT_JOURNAL_CAP_BYTES = 100 * 1024 * 1024;
/** Checkpoints older than this are thinned… */
export const THIN_AFTER_MS = DAY_MS;
/** …to one per this much time. */
export const THIN_TO_MS = 60 * 60_000;
/** A thinned moment replays at most this many times what the writer lets pile up. */
const THIN_OPS_FACTOR = 4;

export interface FoldInput {
  /** Entries and checkpoints, in time order (the entries of sealed blocks among them). */
  timed: readonly (JournalEntry | JournalCheckpoint)[];
  strings: readonly JournalString[];
  /** Drop what is older than this. */
  cutoff: number;
  capBytes: number;
  /** String numbers still in use by the writer (never dropped). */
  keepStrings: ReadonlySet<number>;
  /** The sealed blocks the store holds. */
  blocks?: readonly BlockSpan[];
  /** Now, for thinning; without it no checkpoint is thinned. */
  now?: number;
}

type Key = (JournalEntry | JournalCheckpoint | JournalString | SealedBlock)['k'];

export interface FoldPlan {
  cutoff: number;
  /** The state at the cutoff, replacing what is dropped. */
  checkpoint?: JournalCheckpoint;
  /** Keys of the records to delete: entries, checkpoints, strings, blocks. */
  drop: Key[];
  /** Blocks to write (each replaces the single entries and the blocks it covers, all in `drop`). */
  seal: SealedBlock[];
  bytesBefore: number;
  /** At most this after the fold (sealing is counted as saving nothing). */
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

function opsOf(e: JournalEntry): number {
  return (e.p?.length ?? 0) + (e.d?.length ?? 0);
}

function rowsOf(c: JournalCheckpoint): number {
  return Object.values(c.r.kinds).reduce((n, k) => n + k.ids.length, 0);
}

/**
 * The checkpoints to drop: going from the oldest, one older than a day goes when it is less than an
 * hour after the last one kept and the replay from that one to the next checkpoint stays bounded.
 * The newest checkpoint always stays (the writer and the worker's tail start from it).
 */
function thinned(cps: readonly JournalCheckpoint[], opsAt: readonly number[], now: number): Set<JournalCheckpoint> {
  const out = new Set<JournalCheckpoint>();
  let kept = 0;
  for (let i = 1; i < cps.length - 1; i++) {
    const c = cps[i]!;
    if (timeOf(c) >= now - THIN_AFTER_MS) break;
    const bound = THIN_OPS_FACTOR * Math.max(MIN_REPLAY_OPS, REPLAY_OPS_PER_RECORD * rowsOf(c));
    const replay = opsAt[i + 1]! - opsAt[kept]!;
    if (timeOf(c) - timeOf(cps[kept]!) < THIN_TO_MS && replay <= bound) out.add(c);
    else kept = i;
  }
  return out;
}

/** The block holding time `t`, if any (blocks sorted, never overlapping). */
function blockAt(blocks: readonly BlockSpan[], t: number): BlockSpan | undefined {
  let lo = 0;
  let hi = blocks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (blocks[mid]!.from < t) lo = mid + 1;
    else hi = mid;
  }
  const b = blocks[lo - 1];
  return b && t <= b.to ? b : undefined;
}

export function planFold(input: FoldInput): FoldPlan {
  const bytesBefore =
    input.timed.reduce((n, r) => n + storedBytes(r), 0) + input.strings.reduce((n, r) => n + storedBytes(r), 0);
  const cutoff = Math.max(input.cutoff, capCutoff(input, bytesBefore));
  const older = input.timed.filter((r) => timeOf(r) <= cutoff);
  const kept = input.timed.filter((r) => timeOf(r) > cutoff);
  const atCutoff = older.filter(isCheckpoint).pop();
  const folds = older.length > 0 && !(older.length === 1 && atCutoff && timeOf(atCutoff) === cutoff);
  const blocks = [...(input.blocks ?? [])].sort((a, b) => a.from - b.from);
  const sealed = (t: number) => blockAt(blocks, t) !== undefined;
  const drop: Key[] = [];
  let bytesAfter = bytesBefore;
  let checkpoint: JournalCheckpoint | undefined;
  if (folds) {
    const strings = new Map(input.strings.map((s) => [s.k[1], s.v]));
    const entries = older.filter((r): r is JournalEntry => !isCheckpoint(r));
    const state = codedStateAt({ ...(atCutoff ? { checkpoint: atCutoff } : {}), entries, strings }, cutoff);
    checkpoint = checkpointOf(state, cutoff);
    const refs = refsOf([checkpoint, ...kept]);
    // Entries of a sealed block go with the block (below): it is no longer wanted as it stands.
    for (const r of older) if (isCheckpoint(r) || !sealed(timeOf(r))) drop.push(r.k);
    const droppedStrings = input.strings.filter((s) => !refs.has(s.k[1]) && !input.keepStrings.has(s.k[1]));
    for (const s of droppedStrings) drop.push(s.k);
    bytesAfter +=
      storedBytes(checkpoint) -
      older.reduce((n, r) => n + storedBytes(r), 0) -
      droppedStrings.reduce((n, r) => n + storedBytes(r), 0);
  }
  // Without a fold, `older` is empty or only the checkpoint at the cutoff.
  const first = checkpoint ?? atCutoff;

  // Thinning: the kept checkpoints, with the changes written up to each one.
  const cps: JournalCheckpoint[] = first ? [first] : [];
  const opsAt: number[] = first ? [0] : [];
  let ops = 0;
  for (const r of kept) {
    if (isCheckpoint(r)) {
      cps.push(r);
      opsAt.push(ops);
    } else ops += opsOf(r);
  }
  const gone = input.now === undefined ? new Set<JournalCheckpoint>() : thinned(cps, opsAt, input.now);
  for (const c of gone) {
    drop.push(c.k);
    bytesAfter -= storedBytes(c);
  }

  // Sealing: the kept entries between two kept checkpoints, one block each.
  const bounds = cps.filter((c) => !gone.has(c)).map(timeOf);
  const wanted = new Map<number, SealedBlock>();
  let at = 0;
  for (const r of kept) {
    if (isCheckpoint(r)) continue;
    const t = timeOf(r);
    while (at < bounds.length && bounds[at]! < t) at++;
    if (at === 0 || at === bounds.length) continue;
    const from = bounds[at - 1]!;
    let block = wanted.get(from);
    if (!block) wanted.set(from, (block = { k: [BLOCK, from], to: bounds[at]!, entries: [] }));
    block.entries.push(r);
  }
  const seal: SealedBlock[] = [];
  for (const block of wanted.values()) {
    const same = blocks.find((b) => b.from === block.k[1] && b.to === block.to);
    // A block already stored as wanted stays, unless single entries lie in its span too.
    if (same && block.entries.every((e) => sealed(timeOf(e)))) continue;
    seal.push(block);
    for (const e of block.entries) if (!sealed(timeOf(e))) drop.push(e.k);
  }
  for (const b of blocks) {
    const block = wanted.get(b.from);
    if (!block || block.to !== b.to || seal.includes(block)) drop.push([BLOCK, b.from]);
  }
  return { cutoff, ...(checkpoint ? { checkpoint } : {}), drop, seal, bytesBefore, bytesAfter };
}
