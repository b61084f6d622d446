// The IndexedDB schema and its versioned migrations. Each migration upgrades from version i to
// i + 1 and must be safe to run on a database that already has its stores (re-running the whole
// list against a fresh database gives the same result as upgrading step by step).
import type { DBSchema, IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { Session, SessionBody } from '../core/model.ts';
import type { JournalRecord } from '../core/journal/journal-format.ts';
import type { StoredCheckpoint } from './checkpoint-zip.ts';
import { buildSearchRecord, type SearchRecord } from '../core/search.ts';
import type { SyncRecord } from '../core/sync/sync-model.ts';

export const DB_NAME = 'tabularium';

/**
 * meta key of what migrations skipped: a `DamagedReport[]`. A damaged record is skipped and
 * listed here, and the migration finishes the rest (the search service rebuilds what is missing).
 */
export const DAMAGED_KEY = 'migration:damaged';

export interface DamagedReport {
  version: number;
  store: StoreNames<TabulariumDB>;
  ids: string[];
}

export interface TrashEntry {
  id: string;
  deletedAt: number;
  session: Session;
  body: SessionBody;
}

export interface MetaEntry {
  key: string;
  value: unknown;
}

/** One record of the live state: a window, a tab or a group of the current browser run. */
export interface LiveEntry {
  /** `w:<windowId>`, `t:<tabId>` or `g:<groupId>`. */
  key: string;
  value: unknown;
}

/** A stored cookie jar; values are encrypted (see crypto.ts and cookie-jars-repo.ts). */
export interface CookieJarEntry {
  id: string;
  createdAt: number;
  /** Encrypted CookieRecord[] (AES-GCM), with its IV. */
  iv?: Uint8Array;
  data?: ArrayBuffer;
  /**
   * Instead of iv/data: the previous run's `live` cookie records, moved as they were sealed (the
   * vault was locked at recovery, so they could not be opened); each record's key is its context.
   */
  records?: { key: string; value: unknown }[];
  count: number;
}

/** The default cookie key (crypto.ts), stored as a non-extractable CryptoKey. */
export interface KeyEntry {
  id: string;
  key: CryptoKey;
}

/**
 * The cookie vault lock (cookie-vault.ts): the vault secret wrapped by a key derived from the
 * person's passphrase. Present exactly when the lock is on; then no KeyEntry is stored.
 */
export interface VaultEntry {
  id: 'vault';
  version: 1;
  kdf: { name: 'PBKDF2'; hash: 'SHA-256'; iterations: number; salt: Uint8Array };
  /** AES-GCM of the 32-byte vault secret under the passphrase key. */
  iv: Uint8Array;
  wrapped: ArrayBuffer;
  /** HMAC of a fixed text under the secret's name key: tells a stale unlocked secret from this one. */
  check: ArrayBuffer;
}

/**
 * Sync (src/background/sync/): `config` (server, user, device id, options, the sealed secret),
 * `state` (last sync, problem, backoff) and one `r:<session id>` record per synced session.
 */
export type SyncEntry = { id: `r:${string}`; record: SyncRecord } | { id: 'config' | 'state'; value: unknown };

export interface TabulariumDB extends DBSchema {
  sessions: { key: string; value: Session; indexes: { createdAt: number; kind: string } };
  bodies: { key: string; value: SessionBody };
  trash: { key: string; value: TrashEntry };
  meta: { key: string; value: MetaEntry };
  live: { key: string; value: LiveEntry };
  cookieJars: { key: string; value: CookieJarEntry };
  keys: { key: string; value: KeyEntry | VaultEntry };
  search: { key: string; value: SearchRecord };
  /**
   * Time travel: entries and checkpoints by [kind, time], strings by [kind, number] (core/journal/).
   * Checkpoints are stored deflated (`{k, z}`, checkpoint-zip.ts); the first ones were packed JSON
   * (`{k, r}`) and read as they are, so this needed no migration.
   */
  journal: { key: [number, number]; value: JournalRecord | StoredCheckpoint };
  sync: { key: string; value: SyncEntry };
}

type UpgradeTx = IDBPTransaction<TabulariumDB, ArrayLike<StoreNames<TabulariumDB>>, 'versionchange'>;
type Migration = (db: IDBPDatabase<TabulariumDB>, tx: UpgradeTx) => void;

export const MIGRATIONS: readonly Migration[] = [
  // v1: sessions as a small summary plus a body, a trash for undo, and a key-value meta store.
  (db, tx) => {
    const sessions = db.objectStoreNames.contains('sessions')
      ? tx.objectStore('sessions')
      : db.createObjectStore('sessions', { keyPath: 'id' });
    if (!sessions.indexNames.contains('createdAt')) sessions.createIndex('createdAt', 'createdAt');
    if (!sessions.indexNames.contains('kind')) sessions.createIndex('kind', 'kind');
    if (!db.objectStoreNames.contains('bodies')) db.createObjectStore('bodies', { keyPath: 'id' });
    if (!db.objectStoreNames.contains('trash')) db.createObjectStore('trash', { keyPath: 'id' });
    if (!db.objectStoreNames.contains('meta')) db.createObjectStore('meta', { keyPath: 'key' });
  },
  // v2: the live state of the running browser (one record per window, tab and group, so a tab
  // event writes one small record), encrypted cookie jars and the key that encrypts them.
  (db) => {
    if (!db.objectStoreNames.contains('live')) db.createObjectStore('live', { keyPath: 'key' });
    if (!db.objectStoreNames.contains('cookieJars')) db.createObjectStore('cookieJars', { keyPath: 'id' });
    if (!db.objectStoreNames.contains('keys')) db.createObjectStore('keys', { keyPath: 'id' });
  },
  // v3: a compact search text per session (name, tags, tab titles and URLs), filled from the
  // existing sessions, so search never has to read every body. A damaged body (no window list, a
  // tab that is not an object) is skipped and reported: it once ended the fill, and every session
  // after it stayed out of search for good.
  (db, tx) => {
    if (db.objectStoreNames.contains('search')) return;
    const search = db.createObjectStore('search', { keyPath: 'id' });
    const sessions = tx.objectStore('sessions');
    const damaged: string[] = [];
    void (async () => {
      for (let cursor = await tx.objectStore('bodies').openCursor(); cursor; cursor = await cursor.continue()) {
        const body = cursor.value;
        const session = await sessions.get(cursor.primaryKey);
        if (!session) continue;
        let record: SearchRecord;
        try {
          record = buildSearchRecord(session, body);
        } catch {
          damaged.push(cursor.primaryKey);
          continue;
        }
        await search.put(record);
      }
      if (damaged.length) await reportDamaged(tx, { version: 3, store: 'bodies', ids: damaged });
    })().catch((e: unknown) => console.error('[tabularium] filling the search index failed', e));
  },
  // The journal (time travel): appended with each live write, so it starts empty. Idempotent, so
  // it may run after another migration appended beside it at merge.
  (db) => {
    if (!db.objectStoreNames.contains('journal')) db.createObjectStore('journal', { keyPath: 'k' });
  },
  // sync: what this device synced (per-session records with the server's ETags), its settings
  // and state. Only creates the store, so it is idempotent.
  (db) => {
    if (!db.objectStoreNames.contains('sync')) db.createObjectStore('sync', { keyPath: 'id' });
  },
];

export const DB_VERSION = MIGRATIONS.length;

/** Adds a report to what earlier migrations skipped, in the upgrade's own transaction. */
async function reportDamaged(tx: UpgradeTx, report: DamagedReport): Promise<void> {
  console.warn(`[tabularium] migration to v${report.version} skipped damaged ${report.store}:`, report.ids);
  const meta = tx.objectStore('meta');
  const prev = (await meta.get(DAMAGED_KEY))?.value;
  await meta.put({ key: DAMAGED_KEY, value: [...(Array.isArray(prev) ? prev : []), report] });
}
