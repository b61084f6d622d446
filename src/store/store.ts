// The store's one face to the worker: every IndexedDB read and write the extension makes goes
// through here (lint keeps `idb`, the DB handle and IndexedDB globals inside src/store/). It owns
// the connection (opened lazily, reopened after a `blocking` close or a failure) and tells
// in-memory views which sessions changed.
import type { CookieRecord } from '../core/cookies/cookie-record.ts';
import type { FoldPlan } from '../core/journal/fold.ts';
import type { JournalRecord } from '../core/journal/journal-format.ts';
import type { LiveChanges } from '../core/live-state.ts';
import type { Session, SessionBody, SessionWithBody } from '../core/model.ts';
import * as jars from './cookie-jars-repo.ts';
import { createKeyring, type SecretHolder } from './cookie-keyring.ts';
import { openDatabase, type DB } from './db.ts';
import { toStoreError } from './errors.ts';
import * as journal from './journal-repo.ts';
import * as liveCookies from './live-cookies-repo.ts';
import * as live from './live-repo.ts';
import * as meta from './meta-repo.ts';
import * as recovery from './recovery-repo.ts';
import { DB_NAME } from './schema.ts';
import * as sessions from './sessions-repo.ts';
import { rewriteSessions, type Rewrite } from './session-rewrite-repo.ts';
import * as sync from './sync-repo.ts';
import type { SyncRecord } from '../core/sync/sync-model.ts';

export type { PendingRecovery, PreviousRun, RecoveredState, UnreadableState } from './recovery-repo.ts';
export type { SecretHolder, VaultInfo, VaultState } from './cookie-keyring.ts';
export { MIN_PASSPHRASE_CHARS } from './cookie-vault.ts';
export type { ReplacedSession, SearchRecordWithDate } from './sessions-repo.ts';
export type { Rewrite } from './session-rewrite-repo.ts';

type Listener = (ids: readonly string[]) => void;

/** The additional data of sync's sealed secret. */
const SYNC_SECRET = 'sync-secret';

interface Sealed {
  iv: Uint8Array;
  data: ArrayBuffer;
}

/** `open` is for tests that need the same connection (to look at or break it). */
export function createStore(name = DB_NAME, open: typeof openDatabase = openDatabase) {
  let connection: Promise<DB> | undefined;
  const listeners = new Set<Listener>();
  const db = (): Promise<DB> =>
    (connection ??= open(name, () => (connection = undefined)).catch((e: unknown) => {
      // A start that failed (quota, a database that would not open) is tried again next time.
      connection = undefined;
      throw toStoreError(e);
    }));
  const keyring = createKeyring(db);
  const changed = (ids: readonly string[]) => {
    for (const l of listeners) l(ids);
  };
  /** Runs a session write, then tells the listeners which sessions it touched. */
  const touching = async <T>(ids: readonly string[], write: Promise<T>): Promise<T> => {
    const out = await write;
    changed(ids);
    return out;
  };

  /**
   * Runs a switch of the cookie keys and seals sync's secret again under the new ones (it was
   * sealed under the old). A secret that cannot be opened first (the vault locked) is left as it
   * is: sync then asks to be turned on again.
   */
  const keepingSyncSecret = async <T>(work: () => Promise<T>): Promise<T> => {
    const config = await sync.getSyncValue<{ secret?: Sealed }>(await db(), 'config').catch(() => undefined);
    const sealed = config?.secret;
    const plain = sealed
      ? await keyring
          .use((_d, keys) => keys.cipher.decryptJson(sealed.iv, sealed.data, SYNC_SECRET))
          .catch(() => undefined)
      : undefined;
    const out = await work();
    if (plain !== undefined) {
      const secret = await keyring.use((_d, keys) => keys.cipher.encryptJson(plain, SYNC_SECRET));
      const d = await db();
      const now = await sync.getSyncValue<Record<string, unknown>>(d, 'config');
      if (now) await sync.setSyncValue(d, 'config', { ...now, secret });
    }
    return out;
  };

  return {
    /** Hears the ids of sessions saved, changed or deleted (the worker's search index). */
    onSessionsChanged(l: Listener): () => void {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    sessions: {
      list: async () => sessions.listSessions(await db()),
      get: async (id: string) => sessions.getSession(await db(), id),
      getMany: async (ids: readonly string[]) => sessions.getSessions(await db(), ids),
      summaries: async (ids: readonly string[]) => sessions.getSummaries(await db(), ids),
      body: async (id: string) => sessions.getBody(await db(), id),
      save: async (session: Session, body: SessionBody) =>
        touching([session.id], sessions.saveSession(await db(), session, body)),
      /** An import, all or nothing; a stored session it replaces goes to the trash (see importSessions). */
      importAll: async (items: readonly SessionWithBody[], now: number, trashId: () => string) =>
        touching(
          items.map((i) => i.session.id),
          sessions.importSessions(await db(), items, now, trashId),
        ),
      update: async (id: string, patch: (s: Session) => Session, now: number) =>
        touching([id], sessions.updateSession(await db(), id, patch, now)),
      updateBody: async (id: string, patch: (b: SessionBody) => SessionBody, now: number) =>
        touching([id], sessions.updateBody(await db(), id, patch, now)),
      /** To the trash, for Undo. */
      delete: async (id: string, now: number) => touching([id], sessions.deleteSession(await db(), id, now)),
      undoDelete: async (id: string) => touching([id], sessions.undoDelete(await db(), id)),
      /** For good, with its cookie jar (retention of automatic snapshots). */
      remove: async (id: string) => touching([id], sessions.removeSession(await db(), id)),
      purgeTrash: async (maxAgeMs: number, now: number) => sessions.purgeTrash(await db(), maxAgeMs, now),
      searchRecords: async (ids: readonly string[]) => sessions.searchRecords(await db(), ids),
      allSearchRecords: async () => sessions.allSearchRecords(await db()),
      rebuildSearch: async (ids: readonly string[]) => sessions.rebuildSearchRecords(await db(), ids),
      /**
       * Several sessions (and one `meta` entry) read, changed and written in one transaction: the
       * manager's moves and deletes of checked tabs (see session-rewrite-repo.ts).
       */
      rewrite: async <T>(
        ids: readonly string[],
        metaKey: string | undefined,
        edit: (found: Map<string, SessionWithBody>, metaValue: unknown) => Rewrite & { result: T },
        now: number,
      ) => {
        const out = await rewriteSessions(await db(), ids, metaKey, edit, now);
        changed(out.written.map((s) => s.id));
        return out;
      },
    },
    live: {
      read: async () => live.readLiveState(await db()),
      /** With the journal records that tell these changes (time travel), in the same transaction. */
      apply: async (changes: LiveChanges, journalRecords?: readonly JournalRecord[]) =>
        live.applyLiveChanges(await db(), changes, journalRecords),
    },
    /** Time travel (core/journal/): its entries are written by live.apply. */
    journal: {
      slice: async (moment: number, to?: number, known?: ReadonlyMap<number, string>) =>
        journal.readJournalSlice(await db(), moment, to, known),
      all: async () => journal.readJournalAll(await db()),
      end: async () => journal.readJournalEnd(await db()),
      oldest: async () => journal.readJournalOldest(await db()),
      lastEntryBefore: async (t: number) => journal.readLastEntryBefore(await db(), t),
      fold: async (plan: FoldPlan) => journal.applyJournalFold(await db(), plan),
      clear: async () => journal.clearJournal(await db()),
    },
    /** Reads and writes of cookie values are refused ('locked' StoreError) while the vault is locked. */
    liveCookies: {
      read: () => keyring.use((d, keys) => liveCookies.readLiveCookies(d, keys)),
      /** Puts and removes (cookieKey()s) in one transaction. */
      apply: async (put: readonly CookieRecord[], del: readonly string[]) => {
        if (put.length === 0 && del.length === 0) return;
        await keyring.use((d, keys) => liveCookies.applyLiveCookies(d, keys, put, del));
      },
      count: async () => (await db()).count('live', liveCookies.liveCookieRange()),
      clear: async () => liveCookies.clearLiveCookies(await db()),
    },
    jars: {
      save: (id: string, cookies: readonly CookieRecord[], now: number) =>
        keyring.use((d, keys) => jars.saveCookieJar(d, id, cookies, now, keys.cipher)),
      /** Undefined when there is no such jar (even while locked). */
      get: async (id: string) =>
        (await (await db()).count('cookieJars', id))
          ? keyring.use((d, keys) => jars.getCookieJar(d, id, keys.cipher))
          : undefined,
      delete: async (id: string) => jars.deleteCookieJar(await db(), id),
      /** Every jar and every live cookie, in one transaction. */
      clearAllValues: async () => jars.clearAllCookieValues(await db()),
    },
    meta: {
      get: async <T>(key: string) => meta.getMeta<T>(await db(), key),
      set: async (entries: Record<string, unknown>) => meta.setMeta(await db(), entries),
    },
    recovery: {
      readPreviousRun: async () => recovery.readPreviousRun(await db()),
      storeRecovered: async (r: recovery.RecoveredState) =>
        touching([r.session.id, ...(r.earlier ? [r.earlier.session.id] : [])], recovery.storeRecovered(await db(), r)),
      liveCookiesToJar: (jarId: string, now: number) =>
        keyring.useMaybe((d, keys) => recovery.liveCookiesToJar(d, jarId, now, keys)),
    },
    /**
     * The cookie vault lock (cookie-vault.ts, cookie-keyring.ts). `attach` hands over where the
     * unlocked secret waits between worker lives (storage.session); each worker life calls it once.
     */
    vault: {
      attach: (holder: SecretHolder | undefined) => keyring.attach(holder),
      info: () => keyring.info(),
      turnOn: (passphrase: string) => keepingSyncSecret(() => keyring.turnOn(passphrase)),
      unlock: (passphrase: string) => keyring.unlock(passphrase),
      lock: () => keyring.lock(),
      changePassphrase: (current: string, next: string) =>
        keepingSyncSecret(() => keyring.changePassphrase(current, next)),
      turnOff: (passphrase: string) => keepingSyncSecret(() => keyring.turnOff(passphrase)),
      forget: () => keyring.forget(),
    },
    /**
     * Sync's records, settings and state (sync-repo.ts). The secret (the server password and the
     * keys derived from the sync passphrase) is sealed with the cookie keys in force, so with the
     * vault lock on it opens only while the vault is unlocked ('locked' StoreError otherwise).
     */
    sync: {
      records: async () => sync.getSyncRecords(await db()),
      applyRecords: async (put: readonly SyncRecord[], del: readonly string[]) =>
        sync.applySyncRecords(await db(), put, del),
      get: async <T>(id: 'config' | 'state') => sync.getSyncValue<T>(await db(), id),
      set: async (id: 'config' | 'state', value: unknown) => sync.setSyncValue(await db(), id, value),
      clear: async () => sync.clearSync(await db()),
      sealSecret: (value: unknown) => keyring.use(async (_d, keys) => keys.cipher.encryptJson(value, SYNC_SECRET)),
      openSecret: <T>(sealed: Sealed) =>
        keyring.use(async (_d, keys) => keys.cipher.decryptJson<T>(sealed.iv, sealed.data, SYNC_SECRET)),
      /** A version that lost a conflict, into the trash (nothing is lost). */
      trashVersion: async (session: Session, body: SessionBody, now: number, trashId: string) =>
        sync.putTrashVersion(await db(), session, body, now, trashId),
    },
    /** Closes the connection (tests that reopen the same database, as a restarted worker does). */
    async close(): Promise<void> {
      const c = connection;
      connection = undefined;
      (await c?.catch(() => undefined))?.close();
    },
  };
}

export type Store = ReturnType<typeof createStore>;
