// The IndexedDB schema and its versioned migrations. Each migration upgrades from version i to
// i + 1 and must be safe to run on a database that already has its stores (re-running the whole
// list against a fresh database gives the same result as upgrading step by step).
import type { DBSchema, IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { Session, SessionBody } from '../core/model.ts';

export const DB_NAME = 'tabularium';

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

export interface TabulariumDB extends DBSchema {
  sessions: { key: string; value: Session; indexes: { createdAt: number; kind: string } };
  bodies: { key: string; value: SessionBody };
  trash: { key: string; value: TrashEntry };
  meta: { key: string; value: MetaEntry };
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
];

export const DB_VERSION = MIGRATIONS.length;
