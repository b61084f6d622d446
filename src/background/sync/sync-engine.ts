// One sync run against the folder: list it (one PROPFIND), compare ETags and local changes with
// what was last synced, read only the files that changed, decide per session (core/sync/merge.ts),
// then apply here and push there. Everything that can fail on the server (listing, reads) happens
// before any local session changes, so a failing server changes nothing here. A server that lost
// what this device synced stops the run before anything is deleted: the device asks.
import { firstStep, resolve, sameVersion, type LocalSide, type Resolution } from '../../core/sync/merge.ts';
import type { CookieRecord } from '../../core/cookies/cookie-record.ts';
import type { Session, SessionWithBody } from '../../core/model.ts';
import { fileName, keysFit, openFile, parseKeyFile, sealFile, type SyncKeys } from '../../core/sync/sync-crypto.ts';
import {
  KEY_FILE,
  MANIFEST_PREFIX,
  SESSION_PREFIX,
  TOMBSTONE_KEEP_MS,
  type DeviceManifest,
  type SessionFile,
  type SyncRecord,
  type Version,
} from '../../core/sync/sync-model.ts';
import { SyncProblem } from '../../core/sync/sync-problem.ts';
import { forUpload, kindSyncs, type SyncChoices } from '../../core/sync/sync-select.ts';
import { msg } from '../../core/user-error.ts';
import type { Store } from '../../store/store.ts';
import type { WebDavClient } from './webdav-client.ts';

export interface EngineParts {
  store: Store;
  client: WebDavClient;
  keys: SyncKeys;
  device: string;
  choices: SyncChoices;
  /** The key file's ETag when this device last checked it: unchanged, it is not read again. */
  keyEtag?: string;
  now(): number;
  newId(): string;
  /** Requests at once (reads and writes of session files). */
  parallel?: number;
  /** Present when cookie jars sync: the person chose so and the cookie vault lock is on. */
  jars?: JarTransfer;
}

/** This device's cookie jars, for the cookies that travel inside session files. */
export interface JarTransfer {
  read(jarId: string): Promise<CookieRecord[] | undefined>;
  /** Stores the cookies as a new jar; its id. */
  keep(cookies: readonly CookieRecord[]): Promise<string>;
  drop(jarId: string): Promise<void>;
}

export interface RunResult {
  up: number;
  down: number;
  trashed: number;
  keyEtag?: string;
  /** Versions put in the trash: their trash ids and names. */
  kept: { id: string; name: string }[];
  /** Another device wrote a file while this one did (412): run again soon. */
  again: boolean;
}

interface Entry {
  name: string;
  id?: string;
  local?: Session;
  record?: SyncRecord;
  remoteEtag?: string;
}

interface Fetched {
  entry: Entry;
  file: SessionFile;
  etag: string | undefined;
}

export function serverLost(): SyncProblem {
  return new SyncProblem('server-lost', msg('syncErrServerLost'));
}

/** Runs `work` over `items`, `n` at a time; the first failure rejects after the running ones end. */
async function pool<T, R>(items: readonly T[], n: number, work: (t: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array<R>(items.length);
  let next = 0;
  let failed: unknown;
  const lane = async () => {
    while (failed === undefined && next < items.length) {
      const i = next++;
      try {
        out[i] = await work(items[i]!);
      } catch (e) {
        failed ??= e;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(n, items.length) }, lane));
  if (failed !== undefined) throw failed;
  return out;
}

function isSessionFile(x: unknown, id?: string): x is SessionFile {
  const f = x as Partial<SessionFile> | null;
  if (!f || f.format !== 'tabularium-sync-session' || typeof f.id !== 'string') return false;
  if (id !== undefined && f.id !== id) return false;
  if (typeof f.updatedAt !== 'number' || typeof f.device !== 'string' || typeof f.deleted !== 'boolean') return false;
  if (f.deleted) return true;
  if (f.cookies !== undefined && !Array.isArray(f.cookies)) return false;
  return (
    !!f.session &&
    !!f.body &&
    f.session.id === f.id &&
    f.body.id === f.id &&
    typeof f.session.name === 'string' &&
    Array.isArray(f.body.windows)
  );
}

export async function runSync(p: EngineParts): Promise<RunResult> {
  const { store, client, keys, device, choices } = p;
  const parallel = p.parallel ?? 8;
  const now = p.now();
  const listing = await client.list();
  const records = await store.sync.records();
  const result: RunResult = {
    up: 0,
    down: 0,
    trashed: 0,
    again: false,
    kept: [],
    ...(p.keyEtag ? { keyEtag: p.keyEtag } : {}),
  };

  // The key file gone means the folder was emptied or replaced: ask before anything is deleted.
  if (!listing.has(KEY_FILE)) throw serverLost();
  const keyEtag = listing.get(KEY_FILE);
  if (keyEtag === undefined || keyEtag !== p.keyEtag) {
    const got = await client.get(KEY_FILE);
    const file = got && parseKeyFile(new TextDecoder().decode(got.bytes));
    if (!got) throw serverLost();
    if (!file) throw new SyncProblem('garbage', msg('syncErrGarbage'));
    if (!(await keysFit(file, keys))) throw new SyncProblem('passphrase', msg('syncErrPassphraseChanged'));
    result.keyEtag = keyEtag;
  }

  // Every session this device syncs, by file name.
  const all = await store.sessions.list();
  const locals = all.filter((s) => kindSyncs(s.kind, choices));
  // A session of a kind this device no longer syncs (autosaves turned off) stays on the server and
  // on other devices: its absence from `locals` is no deletion.
  const unsynced = new Set(all.filter((s) => !kindSyncs(s.kind, choices)).map((s) => s.id));
  const entries = new Map<string, Entry>();
  const byId = new Map<string, Entry>();
  for (const record of records) {
    const e: Entry = { name: record.file, id: record.id, record };
    entries.set(record.file, e);
    byId.set(record.id, e);
  }
  for (const s of locals) {
    let e = byId.get(s.id);
    if (!e) {
      const name = await fileName(keys, SESSION_PREFIX, s.id);
      e = entries.get(name) ?? { name, id: s.id };
      entries.set(name, e);
      byId.set(s.id, e);
    }
    e.local = s;
  }
  for (const [name, etag] of listing) {
    if (!name.startsWith(SESSION_PREFIX)) continue;
    const e = entries.get(name) ?? { name };
    e.remoteEtag = etag ?? '';
    entries.set(name, e);
  }

  const side = (e: Entry): LocalSide | undefined => (e.local ? { updatedAt: e.local.updatedAt } : undefined);
  const pushes: { entry: Entry; etag: string | undefined; trashRemote?: Fetched }[] = [];
  const fetches: Entry[] = [];
  const forget: string[] = [];
  for (const e of entries.values()) {
    if (e.id !== undefined && unsynced.has(e.id)) continue;
    const step = firstStep(side(e), e.record, e.remoteEtag);
    if (step === 'lost') throw serverLost();
    if (step === 'push') pushes.push({ entry: e, etag: e.record?.etag });
    else if (step === 'fetch') fetches.push(e);
    else if (step === 'forget' && e.record) forget.push(e.record.id);
  }

  // Read every changed file before changing anything here.
  const fetched = (
    await pool(fetches, parallel, async (entry): Promise<Fetched | undefined> => {
      const got = await client.get(entry.name);
      if (!got) return undefined;
      let file: unknown;
      try {
        file = await openFile(keys, entry.name, got.bytes);
      } catch {
        // Not ours (another tool's file, a damaged one): left alone, and read again next time.
        console.warn('[tabularium] sync: a file that does not open:', entry.name);
        return undefined;
      }
      if (!isSessionFile(file, entry.id)) return undefined;
      // A file named for another session's id is not this session's.
      if ((await fileName(keys, SESSION_PREFIX, file.id)) !== entry.name) return undefined;
      return { entry, file, etag: entry.remoteEtag || got.etag };
    })
  ).filter((f): f is Fetched => !!f);

  // A new file may be a session this device has under its id (saved before the record was).
  const localById = new Map(locals.map((s) => [s.id, s]));
  const putRecords: SyncRecord[] = [];
  const record = (id: string, name: string, v: Version, etag: string | undefined, skipped = false): void => {
    putRecords.push({
      id,
      file: name,
      etag,
      updatedAt: v.updatedAt,
      device: v.device,
      deleted: v.deleted,
      ...(skipped ? { skipped } : {}),
    });
  };

  try {
    for (const f of fetched) {
      const { entry, file } = f;
      entry.id ??= file.id;
      if (unsynced.has(file.id)) continue;
      entry.local ??= localById.get(file.id);
      const version: Version = { updatedAt: file.updatedAt, device: file.device, deleted: file.deleted };
      if (!file.deleted && file.session && !kindSyncs(file.session.kind, choices) && !entry.local) {
        record(file.id, entry.name, version, f.etag, true);
        continue;
      }
      if (entry.record && sameVersion(entry.record, version)) {
        // This device's own write, whose ETag it learns now.
        record(file.id, entry.name, version, f.etag);
        if (entry.local && entry.local.updatedAt !== entry.record.updatedAt) pushes.push({ entry, etag: f.etag });
        continue;
      }
      const r: Resolution = resolve(side(entry), entry.record, version, device, now);
      if (r.kind === 'record') {
        record(file.id, entry.name, version, f.etag);
      } else if (r.kind === 'take') {
        await take(p, entry, file, r.trashLocal, now, result);
        record(file.id, entry.name, version, f.etag);
      } else {
        pushes.push({ entry, etag: f.etag, ...(r.trashRemote ? { trashRemote: f } : {}) });
      }
    }

    // Push: sessions changed here, and conflicts this device won.
    const bodies = await store.sessions.getMany(pushes.map((x) => x.entry.local?.id ?? ''));
    await pool(
      pushes.map((x, i) => ({ ...x, item: bodies[i] })),
      parallel,
      async ({ entry, etag, trashRemote, item }) => {
        const id = entry.id ?? entry.local?.id;
        if (!id) return;
        const v: Version = item
          ? { updatedAt: item.session.updatedAt, device, deleted: false }
          : { updatedAt: Math.max(now, (entry.record?.updatedAt ?? 0) + 1), device, deleted: true };
        const up = item ? forUpload(item, choices) : undefined;
        const jarId = item?.session.cookieJarId;
        const cookies = jarId && p.jars ? await p.jars.read(jarId) : undefined;
        const content: SessionFile = {
          format: 'tabularium-sync-session',
          id,
          ...v,
          ...(up ? { session: up.session, body: up.body } : {}),
          ...(cookies?.length ? { cookies } : {}),
        };
        let newEtag: string | undefined;
        try {
          newEtag = await client.put(entry.name, await sealFile(keys, entry.name, content), etag);
        } catch (e) {
          // Another device wrote it meanwhile: the next run reads its version and decides again.
          if (e instanceof SyncProblem && e.problem === 'precondition') {
            result.again = true;
            return;
          }
          throw e;
        }
        if (trashRemote?.file.session && trashRemote.file.body) {
          const trashId = p.newId();
          await store.sync.trashVersion(trashRemote.file.session, trashRemote.file.body, now, trashId);
          result.trashed++;
          result.kept.push({ id: trashId, name: trashRemote.file.session.name });
        }
        record(id, entry.name, v, newEtag);
        result.up++;
      },
    );

    // Tombstones older than 30 days: every device had a month to hear of them.
    const expired = [...entries.values()].filter(
      (e) =>
        e.record?.deleted &&
        e.record.etag &&
        e.remoteEtag === e.record.etag &&
        now - e.record.updatedAt > TOMBSTONE_KEEP_MS,
    );
    await pool(expired, parallel, async (e) => {
      await client.delete(e.name, e.record!.etag);
      forget.push(e.record!.id);
    });

    if (result.up > 0) {
      const manifest: DeviceManifest = {
        format: 'tabularium-sync-manifest',
        device,
        at: now,
        sessions: locals.length,
      };
      const name = await fileName(keys, MANIFEST_PREFIX, device);
      await client.putAny(name, await sealFile(keys, name, manifest), 'application/octet-stream');
      await learnEtags(client, putRecords);
    }
  } finally {
    const kept = new Set(putRecords.map((r) => r.id));
    await store.sync.applyRecords(
      putRecords,
      forget.filter((id) => !kept.has(id)),
    );
  }
  return result;
}

/**
 * The ETags of files this run wrote whose PUT answer carried none (Apache's does not): one
 * listing now, instead of reading each file back on the next run. Failing, the next run reads them.
 */
async function learnEtags(client: WebDavClient, records: SyncRecord[]): Promise<void> {
  if (!records.some((r) => r.etag === undefined)) return;
  try {
    const listing = await client.list();
    for (const r of records) if (r.etag === undefined) r.etag = listing.get(r.file);
  } catch {
    // The next run reads them back (firstStep 'fetch' of a record without an ETag).
  }
}

/** Applies the server's version here; this device's losing version goes to the trash first. */
async function take(
  p: EngineParts,
  entry: Entry,
  file: SessionFile,
  trashLocal: boolean,
  now: number,
  result: RunResult,
): Promise<void> {
  const { store } = p;
  if (file.deleted) {
    // A deletion there is a deletion here: to the trash, where Undo finds it.
    if (entry.local) {
      await store.sessions.delete(entry.local.id, now);
      result.down++;
      result.kept.push({ id: entry.local.id, name: entry.local.name });
    }
    return;
  }
  const { cookieJarId: _jar, ...rest } = file.session!;
  // Cookies that came with it become a jar here; without them, the jar this device saved the
  // session with stays (unless that version goes to the trash, which keeps it).
  const localJar = !trashLocal ? entry.local?.cookieJarId : undefined;
  const newJar = p.jars && file.cookies?.length ? await p.jars.keep(file.cookies) : undefined;
  const jar = newJar ?? localJar;
  const session: Session = { ...(rest as Session), ...(jar ? { cookieJarId: jar } : {}) };
  const item: SessionWithBody = { session, body: file.body! };
  if (trashLocal && entry.local) {
    // The stored version goes to the trash in the same transaction (see importSessions).
    const replaced = await store.sessions.importAll([item], now, p.newId);
    result.trashed += replaced.length;
    for (const r of replaced) result.kept.push({ id: r.trashId, name: r.name });
  } else {
    await store.sessions.save(item.session, item.body);
  }
  // The jar the new cookies replace: nothing points at it any more.
  if (newJar && localJar) await p.jars!.drop(localJar).catch(() => undefined);
  result.down++;
}
