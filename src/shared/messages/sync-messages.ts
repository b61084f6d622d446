// Messages of end-to-end encrypted sync through the person's own WebDAV folder (issue 18): its
// status, turning it on (server, account, sync passphrase) and off, syncing now, the popup's pull
// when it opens, what syncs, and the answer a device gives when the server came back empty.
import type { SyncProblemCode } from '../../core/sync/sync-problem.ts';
import type { UserMessage } from '../../core/user-error.ts';

/** What syncs beyond saved and imported sessions (which always do), and whether tokens travel. */
export interface SyncOptions {
  autosaves: boolean;
  closedWindows: boolean;
  recovered: boolean;
  /** Session tokens in addresses (`;jsessionid=…`, `?access_token=…`) go to the server too. */
  keepUrlTokens: boolean;
  /** Saved sessions' cookies go with them (inside the encrypted files); only while the vault lock is on. */
  cookieJars: boolean;
}

/**
 * - `off`: not set up.
 * - `idle`: set up; `lastSyncAt` says when the last good sync ended.
 * - `syncing`: a sync is under way.
 * - `failing`: the last sync failed (`problem`); retried at `retryAt`, nothing changed locally.
 * - `ask`: the server lost what this device synced (empty, or files deleted): nothing is deleted
 *   here until the person answers (`sync.resolve` upload, or `sync.turnOff`).
 * - `locked`: the cookie vault is locked, and the sync credentials with it.
 */
export type SyncState = 'off' | 'idle' | 'syncing' | 'failing' | 'ask' | 'locked';

/** Why the last sync failed, for tests and for the page to pick its actions. */
export type { SyncProblemCode };

export interface SyncStatus {
  state: SyncState;
  /** The folder's address and the user name, once set up (never the password or passphrase). */
  server?: string;
  user?: string;
  /** When the last good sync ended. */
  lastSyncAt?: number;
  problem?: { code: SyncProblemCode; userMessage: UserMessage };
  /** When the next try after a failure is due. */
  retryAt?: number;
  options: SyncOptions;
  /** The cookie vault lock is on: only then can `options.cookieJars` take effect. */
  vaultLockOn: boolean;
  /** Minutes between pulls (the alarm); changes are pushed within 10 s anyway. */
  intervalMinutes: number;
  /** What the last good sync moved: sessions sent, received, and versions put in the trash. */
  last?: { up: number; down: number; trashed: number };
  /**
   * Versions sync put in the trash lately (newest first, at most 20): this device's version that
   * lost a conflict, the other device's that lost, or a session another device deleted. Each comes
   * back with `sessions.undoDelete` under its `id` (until the trash is purged).
   */
  kept?: { id: string; name: string; at: number }[];
}

export interface SyncTurnOnRequest {
  /** The WebDAV folder, e.g. `https://cloud.example/remote.php/dav/files/me/Tabularium/`. */
  server: string;
  user: string;
  /** An app password: stored encrypted (under the vault lock when it is on). */
  password: string;
  /** Never stored: the keys derived from it are (encrypted, like the password). */
  passphrase: string;
}

type Empty = Record<string, never>;

export interface SyncMessages {
  'sync.status': { req: Empty; res: SyncStatus };
  /**
   * Checks the server and the passphrase (a wrong one on a second device is refused and changes
   * nothing anywhere), stores the settings, then runs the first sync. The page asks for the host
   * permission of the server's origin first, from the click.
   */
  'sync.turnOn': { req: SyncTurnOnRequest; res: SyncStatus };
  /** Runs a sync and answers when it ended (well or not). */
  'sync.now': { req: Empty; res: SyncStatus };
  /** The popup opened: pull soon (not awaited; at most one pull per 10 s). */
  'sync.pull': { req: Empty; res: SyncStatus };
  'sync.setOptions': { req: Partial<SyncOptions> & { intervalMinutes?: number }; res: SyncStatus };
  /** After the server came back empty: upload this device's sessions again. */
  'sync.resolve': { req: { action: 'upload' }; res: SyncStatus };
  /** Forgets the server, credentials and sync records here; the server's files stay. */
  'sync.turnOff': { req: Empty; res: SyncStatus };
}
