// The data of sync, as plain types: what a device remembers of each synced session, what a
// session file on the server holds once decrypted, and a device's manifest.
import type { CookieRecord } from '../cookies/cookie-record.ts';
import type { Session, SessionBody } from '../model.ts';

/** Deleted sessions' tombstones stay on the server this long, so every device hears of them. */
export const TOMBSTONE_KEEP_MS = 30 * 24 * 3600_000;

/** The cleartext key-check file: salt, KDF parameters and an encrypted check value. */
export const KEY_FILE = 'tabularium-sync.json';
/** Session files are `s-<HMAC(session id)>`; device manifests `m-<HMAC(device id)>`. */
export const SESSION_PREFIX = 's-';
export const MANIFEST_PREFIX = 'm-';

/** One version of a session: who made it and when (last writer wins by this pair). */
export interface Version {
  updatedAt: number;
  device: string;
  deleted: boolean;
}

/**
 * What this device last synced of a session: the file, its ETag on the server and the version it
 * holds. A local session whose updatedAt differs changed here; a file whose ETag differs changed
 * there.
 */
export interface SyncRecord extends Version {
  id: string;
  file: string;
  /** Unknown right after a PUT whose answer carried none (filled by the next listing). */
  etag?: string;
  /** A kind this device does not sync (an autosave with autosaves off): remembered, not applied. */
  skipped?: boolean;
}

/** A session file's content, decrypted. A tombstone has no session or body. */
export interface SessionFile extends Version {
  format: 'tabularium-sync-session';
  id: string;
  session?: Session;
  body?: SessionBody;
  /** The session's cookie jar, when cookie jars sync (see sync-select.ts). */
  cookies?: CookieRecord[];
}

/** A device's manifest: which device, when it last pushed and how many files it knows. */
export interface DeviceManifest {
  format: 'tabularium-sync-manifest';
  device: string;
  at: number;
  sessions: number;
}
