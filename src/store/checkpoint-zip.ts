// A checkpoint holds every open record (1,000 tabs: ~64 KB of packed JSON) and is written at
// least every 15 minutes of activity, so over a week checkpoints would outweigh everything else in
// the journal. They are stored deflated (fflate: small, synchronous, so the write stays inside the
// tracker's transaction); core and the UI only ever see the packed form. Checkpoints stored by
// version 3 (packed, not deflated) read as they are.
import { deflateSync, inflateSync, strFromU8, strToU8 } from 'fflate';
import { CHECKPOINT, type JournalCheckpoint, type JournalRecord } from '../core/journal/journal-format.ts';
import type { PackedState } from '../core/journal/checkpoint-pack.ts';

/** A checkpoint as the journal store holds it. */
export interface StoredCheckpoint {
  k: JournalCheckpoint['k'];
  z: Uint8Array;
}

export function toStored(r: JournalRecord): JournalRecord | StoredCheckpoint {
  if (r.k[0] !== CHECKPOINT || !('r' in r)) return r;
  return { k: r.k, z: deflateSync(strToU8(JSON.stringify(r.r)), { level: 6 }) };
}

export function fromStored<T extends JournalRecord>(r: T | StoredCheckpoint): T {
  if (!('z' in r)) return r;
  const packed = JSON.parse(strFromU8(inflateSync(r.z))) as PackedState;
  return { k: r.k, r: packed, b: r.z.byteLength } as JournalCheckpoint as T;
}
