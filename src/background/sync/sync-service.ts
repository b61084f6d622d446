// Sync through the person's WebDAV folder: setting it up (the server, the account and the sync
// passphrase, checked against the folder's key file), when it runs (a change is pushed within
// 10 s, debounced; the alarm pulls every interval; the popup asks for a pull when it opens; a
// failure is retried with a backoff), and what the settings page reads. One run at a time.
//
// Stored in the `sync` store: `config` (server, user, device id, choices, interval, the key
// file's text and ETag, and the secret — password and key bits — sealed with the cookie keys in
// force, so under the vault lock when it is on) and `state` (last sync, problem, backoff).
import { base64ToBytes, bytesToBase64 } from '../../core/formats/base64.ts';
import { Debounce, realTimers, type Timers } from '../../core/sync/debounce.ts';
import { changedHere } from '../../core/sync/merge.ts';
import {
  keysFromBits,
  newKeyFile,
  openKeyFile,
  parseKeyFile,
  type KeyFile,
  type SyncKeys,
} from '../../core/sync/sync-crypto.ts';
import { KEY_FILE } from '../../core/sync/sync-model.ts';
import { retryDelayMs, SyncProblem, type SyncProblemCode } from '../../core/sync/sync-problem.ts';
import { kindSyncs, normalizeChoices, type SyncChoices } from '../../core/sync/sync-select.ts';
import { counted, msg, UserError, type UserMessage } from '../../core/user-error.ts';
import type { SyncOptions, SyncStatus, SyncTurnOnRequest } from '../../shared/messages/sync-messages.ts';
import { StoreError } from '../../store/errors.ts';
import type { WorkerContext } from '../context.ts';
import { runSync, serverLost, type JarTransfer } from './sync-engine.ts';
import { folderUrl, WebDavClient, type Fetch } from './webdav-client.ts';

type Reason = 'push' | 'pull' | 'now' | 'alarm' | 'retry';

export const SYNC_ALARM = 'sync';
export const SYNC_RETRY_ALARM = 'sync-retry';
export const DEFAULT_SYNC_MINUTES = 5;
/** A change reaches the server within 10 s: 2 s after the last of a burst, 8 s after its first. */
const QUIET_MS = 2_000;
const MAX_WAIT_MS = 8_000;
/** The popup's pull: at most one per this long. */
const PULL_EVERY_MS = 10_000;
const MIN_PASSPHRASE_CHARS = 8;
/** Runs again at once after a 412, at most this many times in a row. */
const MAX_AGAIN = 3;
const AGAIN_AFTER_MS = 1_500;

interface Sealed {
  iv: Uint8Array;
  data: ArrayBuffer;
}

interface SyncConfig {
  server: string;
  user: string;
  device: string;
  choices: SyncChoices;
  intervalMinutes: number;
  /** The folder's key-check file (not secret), to put it back if the server loses it. */
  keyFile: string;
  keyEtag?: string;
  secret: Sealed;
}

interface SyncSecret {
  password: string;
  bits: string;
}

interface SyncStateRecord {
  lastSyncAt?: number;
  problem?: { code: SyncProblemCode; userMessage: UserMessage };
  retryAt?: number;
  failures: number;
  last?: { up: number; down: number; trashed: number };
  kept?: { id: string; name: string; at: number }[];
}

const MAX_KEPT = 20;

export interface SyncServiceOptions {
  fetch?: Fetch;
  timers?: Timers;
  timeoutMs?: number;
  /** PBKDF2 iterations of a new folder's key file (tests use fewer; the file says what it used). */
  kdfIterations?: number;
}

export function originPattern(server: string): string {
  const u = new URL(server);
  return `${u.protocol}//${u.hostname}/*`;
}

export class SyncService {
  private running: Promise<void> | undefined;
  private pending: Reason | undefined;
  /** A run is talking to the server (a push with nothing to push never does). */
  private talking = false;
  /** The last run met a 412 and left something to push. */
  private lastAgain = false;
  private again = 0;
  private lastPull = 0;
  private retryTimer: unknown;
  private readonly timers: Timers;
  private readonly debounce: Debounce;

  constructor(
    private readonly ctx: WorkerContext,
    private readonly opts: SyncServiceOptions = {},
  ) {
    this.timers = opts.timers ?? realTimers;
    this.debounce = new Debounce(this.timers, QUIET_MS, MAX_WAIT_MS, () => void this.run('push'));
    ctx.store.onSessionsChanged(() => this.debounce.poke());
  }

  private config = () => this.ctx.store.sync.get<SyncConfig>('config');
  private async state(): Promise<SyncStateRecord> {
    return (await this.ctx.store.sync.get<SyncStateRecord>('state')) ?? { failures: 0 };
  }

  async status(): Promise<SyncStatus> {
    const [config, state, vault] = await Promise.all([this.config(), this.state(), this.ctx.vault.status()]);
    const options: SyncOptions = normalizeChoices(config?.choices);
    const intervalMinutes = config?.intervalMinutes ?? DEFAULT_SYNC_MINUTES;
    const vaultLockOn = vault.state !== 'off';
    if (!config) return { state: 'off', options, vaultLockOn, intervalMinutes };
    const code = state.problem?.code;
    return {
      state: this.talking
        ? 'syncing'
        : code === 'server-lost'
          ? 'ask'
          : code === 'vault-locked'
            ? 'locked'
            : code
              ? 'failing'
              : 'idle',
      server: config.server,
      user: config.user,
      options,
      vaultLockOn,
      intervalMinutes,
      ...(state.lastSyncAt === undefined ? {} : { lastSyncAt: state.lastSyncAt }),
      ...(state.problem ? { problem: state.problem } : {}),
      ...(state.retryAt === undefined ? {} : { retryAt: state.retryAt }),
      ...(state.last ? { last: state.last } : {}),
      ...(state.kept?.length ? { kept: state.kept } : {}),
    };
  }

  /**
   * Sets sync up: the folder (made when missing), its key file (made with this passphrase when
   * missing, else the passphrase must open it: a wrong one is refused and nothing is stored or
   * written), then the first sync.
   */
  async turnOn(req: SyncTurnOnRequest): Promise<SyncStatus> {
    let server: string;
    try {
      server = folderUrl(req.server);
    } catch {
      throw new UserError('invalid', msg('syncErrAddress'));
    }
    if (!req.user) throw new UserError('invalid', msg('syncErrNoUser'));
    if ([...req.passphrase].length < MIN_PASSPHRASE_CHARS) {
      throw new UserError(
        'invalid',
        counted(MIN_PASSPHRASE_CHARS, 'syncErrPassphraseShortOne', 'syncErrPassphraseShortOther'),
      );
    }
    if (!(await this.allowed(server))) throw new SyncProblem('no-permission', msg('syncErrNoPermission'));
    const client = this.client(server, req.user, req.password);
    if (!(await client.exists())) await client.makeFolder();
    let keyFile: KeyFile;
    let bits: Uint8Array;
    const existing = await this.readKeyFile(client);
    if (existing) {
      keyFile = existing;
      bits = await openKeyFile(existing, req.passphrase);
    } else {
      const made = await newKeyFile(req.passphrase, this.opts.kdfIterations);
      if (await client.create(KEY_FILE, JSON.stringify(made.file), 'application/json')) {
        keyFile = made.file;
        bits = made.bits;
      } else {
        // Another device made it meanwhile: its passphrase must be this one.
        const theirs = await this.readKeyFile(client);
        if (!theirs) throw serverLost();
        keyFile = theirs;
        bits = await openKeyFile(theirs, req.passphrase);
      }
    }
    const prev = await this.config();
    const secret: SyncSecret = { password: req.password, bits: bytesToBase64(bits) };
    const sealed = await this.ctx.store.sync.sealSecret(secret);
    const keyText = JSON.stringify(keyFile);
    // Another folder or another passphrase: what was synced before says nothing about this one.
    if (!prev || prev.server !== server || prev.keyFile !== keyText) {
      await this.ctx.store.sync.clear();
    }
    const config: SyncConfig = {
      server,
      user: req.user,
      device: prev?.device ?? this.ctx.newId(),
      choices: normalizeChoices(prev?.choices),
      intervalMinutes: prev?.intervalMinutes ?? DEFAULT_SYNC_MINUTES,
      keyFile: keyText,
      secret: sealed,
    };
    await this.ctx.store.sync.set('config', config);
    await this.ctx.store.sync.set('state', { failures: 0 } satisfies SyncStateRecord);
    await this.ctx.platform.alarms.ensure(SYNC_ALARM, config.intervalMinutes);
    return this.now();
  }

  /** Forgets the server, credentials and records here; the sessions and the server's files stay. */
  async turnOff(): Promise<SyncStatus> {
    this.debounce.cancel();
    if (this.retryTimer !== undefined) this.timers.clear(this.retryTimer);
    await this.running;
    await this.ctx.store.sync.clear();
    return this.status();
  }

  /**
   * Runs a sync and answers when it ended. A push refused because another write landed this same
   * second (Apache's weak ETag, see strongEtag) is tried again here, so "Sync now" ends pushed.
   */
  async now(): Promise<SyncStatus> {
    await this.run('now');
    for (let i = 0; i < MAX_AGAIN && this.lastAgain; i++) {
      await new Promise((r) => setTimeout(r, AGAIN_AFTER_MS));
      await this.run('now');
    }
    return this.status();
  }

  /** The popup opened: a pull, not awaited, at most one per PULL_EVERY_MS. */
  async pull(): Promise<SyncStatus> {
    const t = this.ctx.now();
    if (t - this.lastPull >= PULL_EVERY_MS && !this.running) {
      this.lastPull = t;
      void this.run('pull');
    }
    return this.status();
  }

  async setOptions(patch: Partial<SyncOptions> & { intervalMinutes?: number }): Promise<SyncStatus> {
    const config = await this.config();
    if (!config) return this.status();
    const { intervalMinutes, ...choices } = patch;
    const next: SyncConfig = {
      ...config,
      choices: normalizeChoices({ ...config.choices, ...choices }),
      intervalMinutes:
        intervalMinutes === undefined ? config.intervalMinutes : Math.min(24 * 60, Math.max(1, intervalMinutes)),
    };
    await this.ctx.store.sync.set('config', next);
    // Files of kinds this device skipped are read again, now that it may want them.
    const skipped = (await this.ctx.store.sync.records()).filter((r) => r.skipped).map((r) => r.id);
    await this.ctx.store.sync.applyRecords([], skipped);
    await this.ctx.platform.alarms.ensure(SYNC_ALARM, next.intervalMinutes);
    this.debounce.poke();
    return this.status();
  }

  /** After the server lost what this device synced: put the key file back and upload everything. */
  async resolve(_req: { action: 'upload' }): Promise<SyncStatus> {
    const config = await this.config();
    if (!config) return this.status();
    const secret = await this.secret(config);
    const client = this.client(config.server, config.user, secret.password);
    if (!(await client.exists())) await client.makeFolder();
    if (!(await this.readKeyFile(client))) await client.create(KEY_FILE, config.keyFile, 'application/json');
    await this.ctx.store.sync.clear();
    await this.ctx.store.sync.set('config', { ...config, keyEtag: undefined });
    await this.ctx.store.sync.set('state', { failures: 0 } satisfies SyncStateRecord);
    return this.now();
  }

  async alarm(name: string): Promise<void> {
    if (name === SYNC_ALARM) await this.run('alarm');
    else if (name === SYNC_RETRY_ALARM) {
      const state = await this.state();
      if (state.problem && state.problem.code !== 'server-lost' && (state.retryAt ?? 0) <= this.ctx.now() + 1000) {
        await this.run('retry');
      }
    }
  }

  /** At every worker start: the pull alarm (alarms can be lost across restarts). */
  async start(): Promise<void> {
    const config = await this.config();
    if (config) await this.ctx.platform.alarms.ensure(SYNC_ALARM, config.intervalMinutes);
  }

  /**
   * One run at a time. A run asked for meanwhile runs once after it, with the strongest reason
   * asked (a push checks local changes first; any other reason lists the folder), and the caller
   * waits for that one too.
   */
  private run(reason: Reason): Promise<void> {
    if (this.running) {
      if (reason !== 'push' || !this.pending) this.pending = reason;
      return this.running.then(() => this.running);
    }
    this.running = this.runOnce(reason)
      .catch((e: unknown) => console.error('[tabularium] sync', e))
      .finally(() => {
        this.running = undefined;
        const next = this.pending;
        this.pending = undefined;
        if (next) void this.run(next);
      });
    return this.running;
  }

  private async runOnce(reason: Reason): Promise<void> {
    const config = await this.config();
    if (!config) return;
    const state = await this.state();
    // A push with nothing changed here costs no request (the sessions-changed events of sync's
    // own writes end here).
    if (reason === 'push' && !(await this.changedHere(config))) return;
    // While the server lost files, only the person's answer (or Sync now) goes on.
    if (state.problem?.code === 'server-lost' && reason !== 'now') return;
    let keys: SyncKeys;
    let client: WebDavClient;
    try {
      if (!(await this.allowed(config.server))) throw new SyncProblem('no-permission', msg('syncErrNoPermission'));
      const secret = await this.secret(config);
      keys = await keysFromBits(base64ToBytes(secret.bits));
      client = this.client(config.server, config.user, secret.password);
    } catch (e) {
      await this.failed(config, state, e);
      return;
    }
    this.talking = true;
    const choices = normalizeChoices(config.choices);
    try {
      const result = await runSync({
        store: this.ctx.store,
        client,
        keys,
        device: config.device,
        choices,
        ...((await this.jarsTravel(choices)) ? { jars: this.jarTransfer() } : {}),
        ...(config.keyEtag === undefined ? {} : { keyEtag: config.keyEtag }),
        now: this.ctx.now,
        newId: this.ctx.newId,
      });
      if (result.keyEtag !== config.keyEtag)
        await this.ctx.store.sync.set('config', { ...config, keyEtag: result.keyEtag });
      const at = this.ctx.now();
      const kept = [...result.kept.map((k) => ({ ...k, at })), ...(state.kept ?? [])].slice(0, MAX_KEPT);
      await this.ctx.store.sync.set('state', {
        lastSyncAt: at,
        failures: 0,
        last: { up: result.up, down: result.down, trashed: result.trashed },
        ...(kept.length ? { kept } : {}),
      } satisfies SyncStateRecord);
      if (this.retryTimer !== undefined) this.timers.clear(this.retryTimer);
      this.lastAgain = result.again;
      if (result.again && this.again < MAX_AGAIN) {
        this.again++;
        // Apache's ETag of a file written this second is weak and fails If-Match until the second
        // is over: the run after a 412 waits that long.
        this.timers.set(() => void this.run('retry'), AGAIN_AFTER_MS);
      } else this.again = 0;
    } catch (e) {
      await this.failed(config, state, e);
    } finally {
      this.talking = false;
    }
  }

  /** Whether anything this device syncs changed here since it was last synced (no request). */
  private async changedHere(config: SyncConfig): Promise<boolean> {
    const choices = normalizeChoices(config.choices);
    const [locals, records] = await Promise.all([this.ctx.store.sessions.list(), this.ctx.store.sync.records()]);
    const byId = new Map(records.map((r) => [r.id, r]));
    const seen = new Set<string>();
    for (const s of locals) {
      seen.add(s.id);
      if (!kindSyncs(s.kind, choices)) continue;
      if (changedHere({ updatedAt: s.updatedAt }, byId.get(s.id))) return true;
    }
    return records.some((r) => !seen.has(r.id) && changedHere(undefined, r));
  }

  private async failed(config: SyncConfig, prev: SyncStateRecord, e: unknown): Promise<void> {
    this.lastAgain = false;
    const problem = problemOf(e);
    const failures = prev.failures + 1;
    const ask = problem.code === 'server-lost';
    const delay = retryDelayMs(failures, config.intervalMinutes);
    const retryAt = ask ? undefined : this.ctx.now() + delay;
    await this.ctx.store.sync.set('state', {
      ...(prev.lastSyncAt === undefined ? {} : { lastSyncAt: prev.lastSyncAt }),
      ...(prev.last ? { last: prev.last } : {}),
      ...(prev.kept ? { kept: prev.kept } : {}),
      problem,
      failures,
      ...(retryAt === undefined ? {} : { retryAt }),
    } satisfies SyncStateRecord);
    if (ask || problem.code === 'vault-locked') return;
    // Within this worker life a timer; should the worker sleep first, the alarm.
    if (this.retryTimer !== undefined) this.timers.clear(this.retryTimer);
    this.retryTimer = this.timers.set(() => {
      this.retryTimer = undefined;
      void this.run('retry');
    }, delay);
    await this.ctx.platform.alarms.ensure(SYNC_RETRY_ALARM, Math.max(0.5, delay / 60_000)).catch(() => undefined);
  }

  private async secret(config: SyncConfig): Promise<SyncSecret> {
    try {
      return await this.ctx.store.sync.openSecret<SyncSecret>(config.secret);
    } catch (e) {
      if (e instanceof StoreError && e.code === 'locked')
        throw new SyncProblem('vault-locked', msg('syncErrVaultLocked'));
      // Sealed under keys that are gone (the vault lock switched): set up again.
      throw new SyncProblem('auth', msg('syncErrSecretLost'));
    }
  }

  /**
   * Cookie jars travel only when chosen and while the vault lock is on: with it off, a jar on this
   * disk is sealed by a key the browser keeps, and the person never decided who may read cookies.
   */
  private async jarsTravel(choices: SyncChoices): Promise<boolean> {
    return choices.cookieJars && (await this.ctx.vault.status()).state !== 'off';
  }

  private jarTransfer(): JarTransfer {
    const { store, newId, now } = this.ctx;
    return {
      read: (id) => store.jars.get(id),
      async keep(cookies) {
        const id = newId();
        await store.jars.save(id, cookies, now());
        return id;
      },
      drop: (id) => store.jars.delete(id),
    };
  }

  private async readKeyFile(client: WebDavClient): Promise<KeyFile | undefined> {
    const got = await client.get(KEY_FILE);
    if (!got) return undefined;
    const file = parseKeyFile(new TextDecoder().decode(got.bytes));
    if (!file) throw new SyncProblem('garbage', msg('syncErrNotOurs'));
    return file;
  }

  private async allowed(server: string): Promise<boolean> {
    return this.ctx.platform.permissions.contains({ origins: [originPattern(server)] }).catch(() => false);
  }

  private client(server: string, user: string, password: string): WebDavClient {
    return new WebDavClient({
      base: server,
      user,
      password,
      ...(this.opts.fetch ? { fetch: this.opts.fetch } : {}),
      ...(this.opts.timeoutMs ? { timeoutMs: this.opts.timeoutMs } : {}),
    });
  }
}

function problemOf(e: unknown): { code: SyncProblemCode; userMessage: UserMessage } {
  if (e instanceof SyncProblem) return { code: e.problem, userMessage: e.userMessage };
  if (e instanceof UserError) return { code: 'server', userMessage: msg('syncErrLocal', e.userMessage) };
  console.error('[tabularium] sync failed', e);
  return { code: 'server', userMessage: msg('syncErrLocal', String(e)) };
}
