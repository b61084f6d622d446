// The few rules every write follows: strict durability (a committed snapshot survives a power
// cut), failures turned into StoreErrors a person can read, and no unhandled rejections when a
// transaction aborts.
import type { StoreNames } from 'idb';
import type { DB } from './db.ts';
import { toStoreError } from './errors.ts';
import type { TabulariumDB } from './schema.ts';

/**
 * Every write, the live mirror's too: a 'relaxed' commit survives a killed browser but not a power
 * cut or a crash of the system, which is an unclean end too. Strict ones took 15–200 ms each
 * beside a disk kept busy with flushed writes; the tracker's 150 ms batches absorb that.
 */
export const STRICT = { durability: 'strict' } as const;

/** A strict write transaction whose `done` never goes unhandled; await it through commit(). */
export function writeTx<S extends StoreNames<TabulariumDB>>(db: DB, stores: S[]) {
  const tx = db.transaction(stores, 'readwrite', STRICT);
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
