// Live cookie keeping: follows cookies.onChanged for the sites of open tabs and keeps their session
// cookies (or all their cookies) in the live state, one encrypted record per cookie, so crash
// recovery can bring the logins back. Events are filtered as they arrive and written at most
// ~150 ms later in a batch, like the tracker's. At each worker start, and whenever a site opens,
// the browser's cookies for the open sites are read and diffed against what is stored: changes
// made while the worker slept are not lost. When keeping is off the browser listener is removed,
// so ordinary browsing does not wake the worker for every cookie the web sets.
import { cookieConcernsSites, keepFilter, sitesOfWindows, type SitesByStore } from '../core/cookie-keeping.ts';
import { cookieKey, type CookieRecord } from '../core/cookies/cookie-record.ts';
import type { RawCookieChange } from '../platform/cookies.ts';
import type { CaptureResult } from '../shared/messages/cookie-keeping.ts';
import { getCipher } from '../store/crypto.ts';
import { clearLiveCookies, putLiveCookies, readLiveCookies, removeLiveCookies } from '../store/live-cookies-repo.ts';
import { keepingAllowed, cookieEnvOf, type CookieEnv } from './cookie-env.ts';
import { readCookiesOfSites } from './cookie-jar.ts';
import type { Services } from './deps.ts';
import { loadSettings } from './settings.ts';
import { FLUSH_DELAY_MS } from './tracker.ts';

/** Past this many unwritten events, drop them and re-read the open sites instead. */
const MAX_PENDING = 5000;

interface Known {
  keep: boolean;
  all: boolean;
  allowed: boolean;
}

export interface KeeperStats {
  events: number;
  dropped: number;
  flushes: number;
  written: number;
  /** The last capture's own time (read, diff, encrypt, write), in ms. */
  lastCaptureMs: number;
}

export class CookieKeeper {
  private pending: RawCookieChange[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private unsubscribe: (() => void) | undefined;
  private known: Known | undefined;
  /** The stored live cookies by cookieKey(), loaded once per worker life. */
  private stored: Map<string, CookieRecord> | undefined;
  private sites: SitesByStore | undefined;
  private needCatchUp = true;
  private running: Promise<unknown> = Promise.resolve();
  readonly env: CookieEnv;
  readonly stats: KeeperStats = { events: 0, dropped: 0, flushes: 0, written: 0, lastCaptureMs: 0 };

  constructor(private readonly s: Services) {
    this.env = cookieEnvOf(s.deps);
  }

  /** Subscribes to the browser's cookie changes if the API is there (it appears with the permission). */
  subscribe(): void {
    if (this.unsubscribe || !this.env.cookies.available()) return;
    this.unsubscribe = this.env.cookies.onChanged((c) => this.changed(c));
  }

  private unsubscribeNow(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
  }

  /** One raw change from the browser: filtered at once, written with the next batch. */
  changed(raw: RawCookieChange): void {
    const k = this.known;
    if (k && (!k.keep || !k.allowed)) return;
    if (!raw.removed) {
      // A persistent cookie is not kept unless everything is; a site that is not open is not
      // kept either (a site that opens a moment later is read whole when it does).
      if (k && !k.all && !raw.cookie.session) return this.drop();
      if (this.sites && !cookieConcernsSites(raw.cookie, this.sites.get(raw.cookie.storeId))) return this.drop();
    } else if (this.stored && !this.stored.has(cookieKey(raw.cookie))) {
      return this.drop();
    }
    this.stats.events++;
    this.pending.push(raw);
    if (this.pending.length > MAX_PENDING) {
      this.pending = [];
      this.needCatchUp = true;
    }
    this.schedule();
  }

  private drop(): void {
    this.stats.dropped++;
  }

  /** The open tabs changed address or closed: sites may have come or gone. */
  tabsChanged(): void {
    if (this.known && !this.known.keep) return;
    this.schedule();
  }

  /** A permission came or went, or the setting changed: look at everything again. */
  refresh(): void {
    this.subscribe();
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
    const { deps, tracker } = this.s;
    // The fresh-run recovery reads the previous run's live cookies before anything here writes.
    await tracker.start();
    const settings = await loadSettings(deps);
    const allowed = settings.keepCookies && (await keepingAllowed(this.env));
    this.known = { keep: settings.keepCookies, all: settings.keepAllCookies, allowed };
    const events = this.pending.splice(0);
    if (!allowed) {
      // Off by setting: stop the browser waking the worker for cookies. Denied or revoked: the
      // API may come back with the permission (refresh() subscribes again).
      if (!settings.keepCookies) this.unsubscribeNow();
      this.needCatchUp = true;
      this.sites = undefined;
      return { sites: 0, cookies: this.stored?.size ?? 0, written: 0 };
    }
    this.subscribe();
    const t0 = performance.now();
    let ioMs = 0;
    const db = await deps.db();
    const cipher = await getCipher(db);
    if (!this.stored) {
      const t = performance.now();
      this.stored = new Map((await readLiveCookies(db, cipher)).map((c) => [cookieKey(c), c]));
      ioMs += performance.now() - t;
    }
    const windows = await tracker.snapshot();
    const sites = sitesOfWindows(this.env.cookies.browser, windows);
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
      const t = performance.now();
      const got = await readCookiesOfSites(this.env, fresh, settings.keepAllCookies);
      ioMs += performance.now() - t;
      for (const [key, c] of want) if (cookieConcernsSites(c, fresh.get(c.storeId))) want.delete(key);
      for (const c of got) want.set(cookieKey(c), c);
    }
    // Sites that closed, or cookies no longer kept (the setting narrowed): gone from the live copy.
    for (const [key, c] of want) if (!keep(c)) want.delete(key);
    const put = [...want.entries()]
      .filter(([key, c]) => rewrite || !sameRecord(this.stored!.get(key), c))
      .map(([, c]) => c);
    const del = [...this.stored.keys()].filter((key) => !want.has(key));
    const tStore = performance.now();
    await putLiveCookies(db, cipher, put);
    await removeLiveCookies(db, del);
    const storeMs = performance.now() - tStore;
    this.stored = want;
    this.sites = sites;
    this.needCatchUp = false;
    this.stats.flushes++;
    this.stats.written += put.length + del.length;
    this.stats.lastCaptureMs = performance.now() - t0 - ioMs;
    return {
      sites: [...sites.values()].reduce((n, s) => n + s.size, 0),
      cookies: want.size,
      written: put.length + del.length,
      ms: { read: ioMs, store: storeMs },
    };
  }

  /**
   * Keeping was switched off or the values cleared: forget the live copy (and stop listening when
   * off). `clear` runs in turn with the flushes, so none of them writes a cookie back behind it.
   */
  forget(clear?: () => Promise<void>): Promise<void> {
    const next = this.running.then(async () => {
      this.pending = [];
      this.stored = new Map();
      this.needCatchUp = true;
      this.known = undefined;
      const settings = await loadSettings(this.s.deps);
      if (clear) await clear();
      if (!settings.keepCookies) {
        this.unsubscribeNow();
        await clearLiveCookies(await this.s.deps.db());
      }
    });
    this.running = next.catch(() => undefined);
    return next;
  }
}

function sameRecord(a: CookieRecord | undefined, b: CookieRecord): boolean {
  return !!a && JSON.stringify(a) === JSON.stringify(b);
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

const keepers = new WeakMap<Services, CookieKeeper>();

/** The worker's one keeper (created on first use). */
export function keeperFor(s: Services): CookieKeeper {
  let k = keepers.get(s);
  if (!k) keepers.set(s, (k = new CookieKeeper(s)));
  return k;
}
