// Live cookie keeping: follows cookies.onChanged for the sites of open tabs and keeps their session
// cookies (or all their cookies) in the live state, one encrypted record per cookie, so crash
// recovery can bring the logins back. Events are filtered as they arrive and written at most
// ~150 ms later in a batch, like the tracker's. At each worker start, and whenever a site opens,
// the browser's cookies for the open sites are read and diffed against what is stored: changes
// made while the worker slept are not lost. The changes arrive from the cookie pipeline, which
// listens to the browser only while keeping (or an inspector) needs it. A write that fails is kept
// and merged under the next one (core/pending-writes.ts), retried with a backoff, and the person is
// told (write-health.ts) until it gets through.
// While the cookie vault is locked, keeping pauses: nothing is queued, in memory or on disk;
// unlocking catches up.
import {
  cookieConcernsSites,
  diffCookies,
  keepFilter,
  sitesOfWindows,
  type SitesByStore,
} from '../../core/cookies/keeping-rules.ts';
import { cookieKey, type CookieRecord } from '../../core/cookies/cookie-record.ts';
import { isEmpty, mergeChanges, noChanges, retryDelay, type Changes } from '../../core/pending-writes.ts';
import type { RawCookieChange } from '../../platform/cookies.ts';
import type { CaptureResult, CookieKeepingStatus } from '../../shared/messages/keeping-messages.ts';
import type { WorkerContext } from '../context.ts';
import { FLUSH_DELAY_MS } from '../tracker.ts';
import { isStorageFailure } from '../write-health.ts';

/** Past this many unwritten events, drop them and re-read the open sites instead. */
const MAX_PENDING = 5000;

interface Known {
  keep: boolean;
  all: boolean;
  allowed: boolean;
  /** The cookie vault is locked: nothing can be sealed, so nothing is kept. */
  locked: boolean;
}

export class CookieKeeper {
  private pending: RawCookieChange[] = [];
  /** The keys of the cookies set by pending events: their removal must not be dropped. */
  private pendingKeys = new Set<string>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private known: Known | undefined;
  /** The live cookies by cookieKey() as stored once `unwritten` is written; loaded once per worker life. */
  private stored: Map<string, CookieRecord> | undefined;
  /** What a failed write did not store: written with the next changes, which win over it. */
  private unwritten: Changes<CookieRecord> = noChanges();
  /** Failed writes in a row, for the backoff of the next try. */
  private failures = 0;
  private sites: SitesByStore | undefined;
  private needCatchUp = true;
  private running: Promise<unknown> = Promise.resolve();

  constructor(private readonly ctx: WorkerContext) {}

  /** Whether the browser's cookie changes are wanted: not when keeping is known to be off. */
  listening(): boolean {
    return !this.known || (this.known.keep && this.known.allowed && !this.known.locked);
  }

  /** Whether keeping runs, and if not why, with the number of cookies kept. */
  async status(): Promise<CookieKeepingStatus> {
    const settings = await this.ctx.settings.load();
    const permission = await this.ctx.cookieJars.keepingAllowed();
    const liveCookies = await this.ctx.store.liveCookies.count();
    const locked = await this.ctx.vault.locked();
    const active = settings.keepCookies && permission && !locked;
    const status: CookieKeepingStatus = {
      keep: settings.keepCookies,
      all: settings.keepAllCookies,
      permission,
      active,
      liveCookies,
    };
    if (!settings.keepCookies) status.off = 'setting';
    else if (!permission) status.off = 'permission';
    else if (locked) status.off = 'locked';
    if (locked) status.locked = true;
    return status;
  }

  /** Switches keeping; catches up at once, so the next status counts what is kept. */
  async set(patch: { keep?: boolean; all?: boolean }): Promise<CookieKeepingStatus> {
    const before = await this.ctx.settings.load();
    const next = await this.ctx.settings.save({
      ...(patch.keep === undefined ? {} : { keepCookies: patch.keep }),
      ...(patch.all === undefined ? {} : { keepAllCookies: patch.all }),
    });
    if (before.keepCookies && !next.keepCookies) await this.forget();
    this.refresh();
    if (next.keepCookies) await this.flush().catch(() => undefined);
    return this.status();
  }

  /** Deletes every stored cookie value: all saved sessions' jars and the live copy. */
  async clearAll(): Promise<CookieKeepingStatus> {
    await this.forget(() => this.ctx.store.jars.clearAllValues());
    return this.status();
  }

  /** One raw change from the browser: filtered at once, written with the next batch. */
  changed(raw: RawCookieChange): void {
    const k = this.known;
    if (k && (!k.keep || !k.allowed || k.locked)) return;
    if (!raw.removed) {
      // A persistent cookie is not kept unless everything is; a site that is not open is not
      // kept either (a site that opens a moment later is read whole when it does).
      if (k && !k.all && !raw.cookie.session) return;
      if (this.sites && !cookieConcernsSites(raw.cookie, this.sites.get(raw.cookie.storeId))) return;
    } else if (this.stored && !this.stored.has(cookieKey(raw.cookie)) && !this.pendingKeys.has(cookieKey(raw.cookie))) {
      // Neither kept nor about to be: nothing to remove.
      return;
    }
    this.pending.push(raw);
    if (!raw.removed) this.pendingKeys.add(cookieKey(raw.cookie));
    if (this.pending.length > MAX_PENDING) {
      this.takePending();
      this.needCatchUp = true;
    }
    this.schedule();
  }

  /** The open tabs changed address or closed: sites may have come or gone. */
  tabsChanged(): void {
    if (this.known && !this.known.keep) return;
    this.schedule();
  }

  /** A permission came or went, or the setting changed: look at everything again. */
  refresh(): void {
    this.needCatchUp = true;
    this.known = undefined;
    this.schedule();
  }

  private schedule(delay = FLUSH_DELAY_MS): void {
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      void this.flush().catch((e: unknown) => console.error('[tabularium] cookie keeping failed', e));
    }, delay);
  }

  private takePending(): RawCookieChange[] {
    this.pendingKeys = new Set();
    return this.pending.splice(0);
  }

  /** Events taken for a flush that failed before it could use them: back before the newer ones. */
  private putBack(events: RawCookieChange[]): void {
    this.pending.unshift(...events);
    for (const e of events) if (!e.removed) this.pendingKeys.add(cookieKey(e.cookie));
  }

  /** Writes pending changes (and reads newly opened sites) now; one at a time. */
  flush(opts: { rewrite?: boolean; catchUp?: boolean } = {}): Promise<CaptureResult> {
    const next = this.running.then(() => this.flushNow(opts));
    this.running = next.catch(() => undefined);
    return next;
  }

  private async flushNow({
    rewrite = false,
    catchUp = false,
  }: {
    rewrite?: boolean;
    catchUp?: boolean;
  }): Promise<CaptureResult> {
    const events = this.takePending();
    let taken = false;
    try {
      const result = await this.capture(events, rewrite, catchUp, () => (taken = true));
      if (this.failures > 0) {
        this.failures = 0;
        this.ctx.health.succeeded('cookies');
      }
      return result;
    } catch (e) {
      if (!taken) this.putBack(events);
      if (isStorageFailure(e)) {
        this.failures++;
        this.ctx.health.failed('cookies', e);
        this.schedule(retryDelay(this.failures));
      }
      throw e;
    }
  }

  /**
   * Applies `events` and the newly opened sites' cookies to the intended live copy and writes the
   * difference. `taken` marks the moment the events are in that copy: after it, a failed write
   * keeps the difference in `unwritten` instead of the events.
   */
  private async capture(
    events: RawCookieChange[],
    rewrite: boolean,
    catchUp: boolean,
    taken: () => void,
  ): Promise<CaptureResult> {
    const { tracker, store, cookieJars, cookiePipeline } = this.ctx;
    // The fresh-run recovery reads the previous run's live cookies before anything here writes.
    await tracker.start();
    const settings = await this.ctx.settings.load();
    const allowed = settings.keepCookies && (await cookieJars.keepingAllowed());
    const locked = allowed && (await this.ctx.vault.locked());
    this.known = { keep: settings.keepCookies, all: settings.keepAllCookies, allowed, locked };
    // Off by setting, or locked: the browser stops waking the worker for cookies (unless an
    // inspector watches). Denied or revoked: the API may come back with the permission.
    cookiePipeline.update();
    if (!allowed || locked) {
      this.needCatchUp = true;
      this.sites = undefined;
      // Locked: what is stored is read again after unlocking.
      if (locked) this.stored = undefined;
      return { sites: 0, cookies: this.stored?.size ?? 0, written: 0 };
    }
    let ioMs = 0;
    if (!this.stored) {
      const t = __TABULARIUM_E2E__ ? performance.now() : 0;
      this.stored = new Map((await store.liveCookies.read()).map((c) => [cookieKey(c), c]));
      if (__TABULARIUM_E2E__) ioMs += performance.now() - t;
    }
    // Private windows' cookies stay in the browser unless the setting keeps private windows.
    const windows = await tracker.storableSnapshot();
    const sites = sitesOfWindows(this.ctx.platform.cookies.browser, windows);
    const keep = keepFilter(sites, settings.keepAllCookies);
    const want = new Map(this.stored);
    // Events first, in the order they happened…
    for (const e of events) {
      const key = cookieKey(e.cookie);
      if (e.removed || !keep(e.cookie)) want.delete(key);
      else want.set(key, e.cookie);
    }
    // …then what the browser holds now for sites that just opened (or all, at a catch-up): newer.
    const fresh = this.needCatchUp || rewrite || catchUp ? sites : newSites(this.sites, sites);
    if (fresh.size > 0) {
      const t = __TABULARIUM_E2E__ ? performance.now() : 0;
      const got = await cookieJars.readCookiesOfSites(fresh, settings.keepAllCookies);
      if (__TABULARIUM_E2E__) ioMs += performance.now() - t;
      for (const [key, c] of want) if (cookieConcernsSites(c, fresh.get(c.storeId))) want.delete(key);
      for (const c of got) want.set(cookieKey(c), c);
    }
    // Sites that closed, or cookies no longer kept (the setting narrowed): gone from the live copy.
    for (const [key, c] of want) if (!keep(c)) want.delete(key);
    // What to write so the stored copy becomes `want` (a rewrite re-encrypts every kept cookie).
    const diff = diffCookies(this.stored, [...want.values()]);
    const write = mergeChanges(
      this.unwritten,
      { put: rewrite ? [...want.values()] : diff.put, del: diff.del },
      cookieKey,
    );
    // The intended copy moves on now; what is not written yet waits in `unwritten`.
    this.stored = want;
    this.sites = sites;
    this.needCatchUp = false;
    this.unwritten = write;
    taken();
    const tStore = __TABULARIUM_E2E__ ? performance.now() : 0;
    if (!isEmpty(write)) await store.liveCookies.apply(write.put, write.del);
    const storeMs = __TABULARIUM_E2E__ ? performance.now() - tStore : 0;
    this.unwritten = noChanges();
    return {
      sites: [...sites.values()].reduce((n, s) => n + s.size, 0),
      cookies: want.size,
      written: write.put.length + write.del.length,
      ms: { read: ioMs, store: storeMs },
    };
  }

  /**
   * Runs `work` between two captures (a switch of the cookie vault's keys), then forgets what it
   * knew, so the next capture reads the stored cookies again under the keys in force.
   */
  alone<T>(work: () => Promise<T>): Promise<T> {
    const next = this.running.then(async () => {
      this.pending = [];
      this.stored = undefined;
      this.needCatchUp = true;
      this.known = undefined;
      return work();
    });
    this.running = next.catch(() => undefined);
    return next;
  }

  /**
   * Keeping was switched off or the values cleared: forget the live copy (and stop listening when
   * off). `clear` runs in turn with the flushes, so none of them writes a cookie back behind it.
   */
  forget(clear?: () => Promise<void>): Promise<void> {
    const next = this.running.then(async () => {
      this.takePending();
      this.unwritten = noChanges();
      this.stored = new Map();
      this.needCatchUp = true;
      this.known = undefined;
      const settings = await this.ctx.settings.load();
      if (clear) await clear();
      if (!settings.keepCookies) {
        this.known = { keep: false, all: settings.keepAllCookies, allowed: false, locked: false };
        this.ctx.cookiePipeline.update();
        await this.ctx.store.liveCookies.clear();
      }
    });
    this.running = next.catch(() => undefined);
    return next;
  }
}

function newSites(before: SitesByStore | undefined, now: SitesByStore): SitesByStore {
  const out: SitesByStore = new Map();
  for (const [store, set] of now) {
    const old = before?.get(store);
    const added = [...set].filter((s) => !old?.has(s));
    if (added.length) out.set(store, new Set(added));
  }
  return out;
}
