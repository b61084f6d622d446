// A checkpoint holds every open record (1,000 tabs: ~64 KB of packed JSON) and is written at
// least every 15 minutes of activity, so over a week checkpoints would outweigh everything else in
// the journal. They are stored deflated (fflate: small, synchronous, so the write stays inside the
// tracker's transaction); core and the UI only ever see the packed form. Checkpoints stored by
// version 3 (packed, not deflated) read as they are. A fold seals the entries between two
// checkpoints into one deflated block: one entry alone is too short to deflate, ~150 of them
// shrink about four times.
import { deflateSync, inflateSync, strFromU8, strToU8 } from 'fflate';
import {
  BLOCK,
  CHECKPOINT,
  KEY_BYTES,
  type JournalCheckpoint,
  type JournalEntry,
  type JournalRecord,
  type SealedBlock,
} from '../core/journal/journal-format.ts';
import type { PackedState } from '../core/journal/checkpoint-pack.ts';

/** A checkpoint as the journal store holds it. */
export interface StoredCheckpoint {
  k: JournalCheckpoint['k'];
  z: Uint8Array;
}

/** A sealed block as the journal store holds it: its entries' JSON, deflated. */
export interface StoredBlock {
  k: SealedBlock['k'];
  to: number;
  z: Uint8Array;
}

export function toStored(r: JournalRecord): JournalRecord | StoredCheckpoint {
  if (r.k[0] !== CHECKPOINT || !('r' in r)) return r;
  return { k: r.k, z: deflateSync(strToU8(JSON.stringify(r.r)), { level: 6 }) };
}

export function fromStored<T extends JournalRecord>(r: T | StoredCheckpoint): T {
  if (!('z' in r)) return r;
  const packed = JSON.parse(strFromU8(inflateSync(r.z))) as PackedState;
  return { k: r.k, r: packed, b: KEY_BYTES + r.z.byteLength } as JournalCheckpoint as T;
}

export function blockToStored(block: SealedBlock): StoredBlock {
  // An entry read from a block carries its share of the bytes (`b`): not part of what is stored.
  const entries = block.entries.map(({ b: _share, ...e }) => e);
  return { k: [BLOCK, block.k[1]], to: block.to, z: deflateSync(strToU8(JSON.stringify(entries)), { level: 6 }) };
}

/** The block's entries; with `shares`, each carries an equal part of the block's bytes on disk. */
export function blockEntries(stored: StoredBlock, shares = false): JournalEntry[] {
  const entries = JSON.parse(strFromU8(inflateSync(stored.z))) as JournalEntry[];
  if (shares) for (const e of entries) e.b = (KEY_BYTES + stored.z.byteLength) / entries.length;
  return entries;
}
