// Fault injection over fake-indexeddb, for tests that prove nothing is lost when a write fails.
// A FaultyDatabase names one database; its `open` goes to createStore(name, open). Then a test can
// make the Nth request from now (or every request matching a store and a mode) fail with a
// QuotaExceededError, AbortError or UnknownError, make `open` fail, or block an upgrade the way an
// old page that keeps its connection does.
//
// A failing request fails the way a real one does: its operation throws, the request gets the
// error, and the transaction aborts with that error (so `tx.done` rejects with it too).
import { openDB } from 'idb';
import { IDBIndex, IDBObjectStore, IDBTransaction } from 'fake-indexeddb';
import { openDatabase } from '../../../src/store/db.ts';
import { MIGRATIONS, type TabulariumDB } from '../../../src/store/schema.ts';
import { createStore, type Store } from '../../../src/store/store.ts';

export type FaultName = 'QuotaExceededError' | 'AbortError' | 'UnknownError';

/** Which requests a fault applies to; a field left out matches any. */
export interface RequestMatch {
  /** The object store the request reads or writes. */
  store?: string;
  mode?: IDBTransactionMode;
}

interface Rule {
  error: FaultName;
  match: RequestMatch;
  /** Matching requests still to let through before the one that fails; undefined: every one fails. */
  skip?: number;
}

/** What the patched transaction asks about each request. */
interface Seen {
  db: string;
  store: string | undefined;
  mode: IDBTransactionMode;
}

type Judge = (r: Seen) => FaultName | undefined;

// The rules of every FaultyDatabase, by database name: the patch below is installed once, and a
// test's faults reach only its own database.
const judges = new Map<string, Judge>();
const PATCHED = Symbol.for('tabularium.faulty-idb');

interface RequestSpec {
  operation: () => unknown;
  source?: unknown;
}

interface FakeTx {
  mode: IDBTransactionMode;
  error: DOMException | null;
  db: { name: string };
  _execRequestAsync(spec: RequestSpec): unknown;
}

function storeOf(source: unknown): string | undefined {
  if (source instanceof IDBObjectStore) return source.name;
  if (source instanceof IDBIndex) return source.objectStore.name;
  // A cursor: its source is a store or an index.
  const inner = (source as { source?: unknown } | undefined)?.source;
  return inner ? storeOf(inner) : undefined;
}

function installPatch(): void {
  const proto = IDBTransaction.prototype as unknown as FakeTx & { [PATCHED]?: true };
  if (proto[PATCHED]) return;
  proto[PATCHED] = true;
  const exec = proto._execRequestAsync;
  proto._execRequestAsync = function (this: FakeTx, spec: RequestSpec) {
    // Requests without a source are fake-indexeddb's own bookkeeping (index building), not the code's.
    const fault = spec.source
      ? judges.get(this.db.name)?.({ db: this.db.name, store: storeOf(spec.source), mode: this.mode })
      : undefined;
    if (!fault) return exec.call(this, spec);
    return exec.call(this, {
      ...spec,
      operation: () => {
        const error = new DOMException(`injected ${fault}`, fault);
        // Set before the error event reaches the transaction, so `tx.done` rejects with it, as
        // when a browser aborts a transaction for want of room, not with a bare AbortError.
        this.error = error;
        throw error;
      },
    });
  };
}

const matches = (m: RequestMatch, r: Seen) =>
  (m.store === undefined || m.store === r.store) && (m.mode === undefined || m.mode === r.mode);

export class FaultyDatabase {
  /** Requests that reached this database, and those that were made to fail. */
  readonly seen = { requests: 0, failed: 0 };
  private rules: Rule[] = [];
  private openFaults: FaultName[] = [];

  constructor(readonly name = `faulty-${Math.random()}`) {
    installPatch();
    judges.set(name, (r) => this.judge(r));
  }

  /** For createStore(name, open): fails while `failOpen` asks it to, else opens for real. */
  readonly open: typeof openDatabase = (name, onClosed) => {
    const fault = this.openFaults.shift();
    if (fault) return Promise.reject(new DOMException(`injected ${fault} at open`, fault));
    return openDatabase(name, onClosed);
  };

  /** A Store over this database, as the worker's. */
  store(): Store {
    return createStore(this.name, this.open);
  }

  /** The `n`th matching request from now (1: the next one) fails; the others go through. */
  failNth(n: number, error: FaultName, match: RequestMatch = {}): this {
    this.rules.push({ error, match, skip: n - 1 });
    return this;
  }

  /** Every matching request fails until `heal()`. */
  failEvery(error: FaultName, match: RequestMatch = {}): this {
    this.rules.push({ error, match });
    return this;
  }

  /** The next `times` opens fail (a database that will not open, or no room to create it). */
  failOpen(error: FaultName, times = 1): this {
    for (let i = 0; i < times; i++) this.openFaults.push(error);
    return this;
  }

  /**
   * Creates the database at version 1 and keeps that connection open without ever closing it for
   * a newer version, like an old page: until the returned function runs, an upgrade waits.
   */
  async blockUpgrade(): Promise<() => void> {
    const old = await openDB<TabulariumDB>(this.name, 1, {
      upgrade: (db, _old, _new, tx) => MIGRATIONS[0]!(db, tx),
    });
    return () => old.close();
  }

  /** Every fault is lifted (an open blocked by `blockUpgrade` stays blocked until released). */
  heal(): this {
    this.rules = [];
    this.openFaults = [];
    return this;
  }

  private judge(r: Seen): FaultName | undefined {
    this.seen.requests++;
    for (const rule of this.rules) {
      if (!matches(rule.match, r)) continue;
      if (rule.skip === undefined) return this.fail(rule.error);
      if (rule.skip-- === 0) {
        this.rules.splice(this.rules.indexOf(rule), 1);
        return this.fail(rule.error);
      }
    }
    return undefined;
  }

  private fail(error: FaultName): FaultName {
    this.seen.failed++;
    return error;
  }
}
