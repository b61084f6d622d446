// What a failed write leaves behind, and when to try it again. A write takes the changes queued
// since the last one; when it fails they go back, and the changes made meanwhile are merged over
// them: per record, the newer change wins, whatever it is (a put after a delete is a put, a delete
// after a put stays a delete), and a record the newer changes do not touch keeps its failed change.
// Writes are whole (one transaction), so nothing of a failed one reached the disk.

/** Records to put (each with its key) and keys to delete, each key at most once. */
export interface Changes<R> {
  put: R[];
  del: string[];
}

export function noChanges<R>(): Changes<R> {
  return { put: [], del: [] };
}

export function isEmpty(c: Changes<unknown>): boolean {
  return c.put.length === 0 && c.del.length === 0;
}

/** `older` (a failed write) under `newer` (what changed since): the newer change to a record wins. */
export function mergeChanges<R>(older: Changes<R>, newer: Changes<R>, keyOf: (r: R) => string): Changes<R> {
  if (isEmpty(older)) return newer;
  const touched = new Set([...newer.put.map(keyOf), ...newer.del]);
  return {
    put: [...older.put.filter((r) => !touched.has(keyOf(r))), ...newer.put],
    del: [...older.del.filter((k) => !touched.has(k)), ...newer.del],
  };
}

/** The first retry comes soon (a transient abort); then twice as long each time, up to this. */
export const RETRY_FIRST_MS = 500;
export const RETRY_MAX_MS = 30_000;

/** How long to wait after `failures` failed writes in a row (1 or more) before trying again. */
export function retryDelay(failures: number): number {
  const n = Math.max(1, Math.floor(failures));
  return Math.min(RETRY_MAX_MS, RETRY_FIRST_MS * 2 ** Math.min(n - 1, 16));
}
