// The few rules every write follows: strict durability (a committed snapshot survives a power
// cut) except for the live mirror, failures turned into StoreErrors a person can read, and no
// unhandled rejections when a transaction aborts.
import type { StoreNames } from 'idb';
import type { DB } from './db.ts';
import { toStoreError } from './errors.ts';
import type { TabulariumDB } from './schema.ts';

export const STRICT = { durability: 'strict' } as const;
/**
 * For the live mirror alone, written every ~0.2 s while tabs change: committed to the OS (so a
 * killed or crashed browser keeps it) without waiting for the disk to flush, which under disk
 * load took long enough to leave the mirror over a second behind a burst of tabs. A power cut can
 * lose its last seconds (and the journal's with it); the recovery copy (strict, every 15 s) stands.
 */
export const RELAXED = { durability: 'relaxed' } as const;

/** A write transaction (strict unless told) whose `done` never goes unhandled; await it through commit(). */
export function writeTx<S extends StoreNames<TabulariumDB>>(
  db: DB,
  stores: S[],
  durability: typeof STRICT | typeof RELAXED = STRICT,
) {
  const tx = db.transaction(stores, 'readwrite', durability);
  tx.done.catch(() => undefined);
  return tx;
}

/** Awaits every request with the commit, so an aborted transaction rejects once. */
export async function commit(tx: { done: Promise<void> }, requests: Promise<unknown>[]): Promise<void> {
  await Promise.all([...requests, tx.done]);
}

export async function run<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    throw toStoreError(e);
  }
}

/**
 * A request whose failure the transaction reports (through `tx.done`): its own promise must not
 * reject unhandled when the transaction aborts (a full disk, a failed write).
 */
export function settle(request: Promise<unknown>): void {
  request.catch(() => undefined);
}
