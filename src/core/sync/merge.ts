// The merge rules of sync, per session: what changed here (against what was last synced), what
// changed on the server (its ETag), and when both did, which version wins. Last writer wins by
// (updatedAt, device id), the same answer on every device; the losing version goes to the trash,
// so nothing is lost. A file the server lost is never read as a deletion.
import type { SyncRecord, Version } from './sync-model.ts';

/** This device's side of one session: absent when it is not here (deleted, or never was). */
export interface LocalSide {
  updatedAt: number;
}

/** True when `a` wins over `b`: the later updatedAt, then the greater device id. */
export function wins(a: Version, b: Version): boolean {
  if (a.updatedAt !== b.updatedAt) return a.updatedAt > b.updatedAt;
  return a.device > b.device;
}

export function sameVersion(a: Version, b: Version): boolean {
  return a.updatedAt === b.updatedAt && a.device === b.device && a.deleted === b.deleted;
}

/** Whether the session changed here since it was last synced (a deletion is a change). */
export function changedHere(local: LocalSide | undefined, record: SyncRecord | undefined): boolean {
  if (!local) return !!record && !record.deleted && !record.skipped;
  return !record || record.deleted || record.updatedAt !== local.updatedAt;
}

/**
 * The first step for one session, from what is known before reading any file:
 * - `nothing`: no change on either side;
 * - `push`: changed here only (PUT with If-Match of the synced ETag, or If-None-Match: *);
 * - `fetch`: the file changed there (or is new): read it, then `resolve`;
 * - `lost`: this device synced it and the file is gone, with no tombstone: the server lost it;
 * - `forget`: a tombstone this device knew expired and was removed: drop the record.
 */
export type FirstStep = 'nothing' | 'push' | 'fetch' | 'lost' | 'forget';

export function firstStep(
  local: LocalSide | undefined,
  record: SyncRecord | undefined,
  remoteEtag: string | undefined,
): FirstStep {
  const here = changedHere(local, record);
  if (remoteEtag === undefined) {
    if (!record) return here ? 'push' : 'nothing';
    if (record.deleted || record.skipped) return 'forget';
    return 'lost';
  }
  // A record whose ETag is unknown (a PUT answered without one) is read to learn it.
  if (!record || record.etag !== remoteEtag) return 'fetch';
  return here ? 'push' : 'nothing';
}

/**
 * After reading a changed file: what to do with it and this device's version.
 * - `record`: the same version on both sides (this device's own write, or a save that got
 *   through before its record did): only remember the ETag;
 * - `take`: apply the server's version here (a save, or for a tombstone a delete to the trash);
 *   `trashLocal` when this device's own change lost, so its version goes to the trash first;
 * - `push`: this device's version wins a conflict and overwrites the file (If-Match of the read
 *   ETag); `trashRemote` when the server's losing version is a session, kept in the trash.
 */
export type Resolution =
  { kind: 'record' } | { kind: 'take'; trashLocal: boolean } | { kind: 'push'; trashRemote: boolean };

export function resolve(
  local: LocalSide | undefined,
  record: SyncRecord | undefined,
  remote: Version,
  device: string,
  now: number,
): Resolution {
  const here = changedHere(local, record);
  if (local && !remote.deleted && local.updatedAt === remote.updatedAt) return { kind: 'record' };
  if (!local && remote.deleted) return { kind: 'record' };
  if (!here) {
    // Nothing here to lose: the server's version is newer news. (No local session and no record:
    // a session this device never had; a tombstone of one is only remembered, above.)
    return { kind: 'take', trashLocal: false };
  }
  const mine: Version = local
    ? { updatedAt: local.updatedAt, device, deleted: false }
    : { updatedAt: now, device, deleted: true };
  if (wins(mine, remote)) return { kind: 'push', trashRemote: !remote.deleted };
  return { kind: 'take', trashLocal: !!local };
}
