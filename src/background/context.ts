// The worker, put together once at its entry (index.ts) or by a test: the browser (Platform), the
// database (Store), the clock and every service, in one object. Services take the context and ask
// it for each other when they run, never at construction, so the order below only has to create
// each one once. Nothing else in the worker is global: a worker restart builds a new context.
import type { Platform } from '../platform/types.ts';
import type { Store } from '../store/store.ts';
import { AutosaveService } from './autosave-service.ts';
import { Badge } from './badge.ts';
import { CookieJars } from './cookies/cookie-jars.ts';
import { CookieKeeper } from './cookies/cookie-keeper.ts';
import { CookieLogHub } from './cookies/cookie-log-hub.ts';
import { CookiePipeline } from './cookies/cookie-pipeline.ts';
import { CookieVault, sessionSecretHolder } from './cookies/cookie-vault.ts';
import { SiteCookieService } from './cookies/site-cookie-service.ts';
import { ImportService } from './import-service.ts';
import { JournalService } from './journal-service.ts';
import { RecoveryService } from './recovery-service.ts';
import { LazyTabs } from './restore/lazy-tabs.ts';
import { RestoreService } from './restore/restore-service.ts';
import { SearchService } from './search-service.ts';
import { SessionService } from './session-service.ts';
import { SettingsService } from './settings-service.ts';
import { TabSelectionService } from './tab-selection-service.ts';
import { SyncService, type SyncServiceOptions } from './sync/sync-service.ts';
import { Tracker } from './tracker.ts';
import { WriteHealth } from './write-health.ts';

/** What the worker takes from outside: the real ones in index.ts, fakes in unit tests. */
export interface WorkerParts {
  platform: Platform;
  store: Store;
  now(): number;
  newId(): string;
  /** Sync's fetch, timers and KDF cost: unit tests inject them; the worker uses the real ones. */
  sync?: SyncServiceOptions;
}

export interface WorkerContext extends Omit<WorkerParts, 'sync'> {
  settings: SettingsService;
  /** The toolbar badge: write failures first, else the tabs waiting to be recovered. */
  badge: Badge;
  /** Whether the continuous writes (live state, kept cookies) get through; the popup's notice. */
  health: WriteHealth;
  tracker: Tracker;
  search: SearchService;
  sessions: SessionService;
  restores: RestoreService;
  lazyTabs: LazyTabs;
  recovery: RecoveryService;
  autosave: AutosaveService;
  cookieJars: CookieJars;
  /** The one cookies.onChanged subscription, feeding keeping and the live log. */
  cookiePipeline: CookiePipeline;
  keeper: CookieKeeper;
  cookieLog: CookieLogHub;
  siteCookies: SiteCookieService;
  /** The cookie vault lock: its switches, and whether cookies are locked now. */
  vault: CookieVault;
  imports: ImportService;
  /** Time travel: the journal of the tracker's writes. */
  journal: JournalService;
  /** The manager's open, move and delete of checked tabs across sessions. */
  tabSelection: TabSelectionService;
  /** End-to-end encrypted sync through the person's WebDAV folder. */
  sync: SyncService;
}

export function createWorker(parts: WorkerParts): WorkerContext {
  const { sync: syncOptions, ...rest } = parts;
  const ctx = { ...rest } as WorkerContext;
  ctx.settings = new SettingsService(ctx);
  ctx.badge = new Badge(ctx);
  ctx.health = new WriteHealth(ctx);
  ctx.tracker = new Tracker(ctx);
  ctx.search = new SearchService(ctx);
  ctx.sessions = new SessionService(ctx);
  ctx.restores = new RestoreService(ctx);
  ctx.lazyTabs = new LazyTabs(ctx);
  ctx.recovery = new RecoveryService(ctx);
  ctx.autosave = new AutosaveService(ctx);
  ctx.cookieJars = new CookieJars(ctx);
  ctx.keeper = new CookieKeeper(ctx);
  ctx.cookieLog = new CookieLogHub(ctx);
  ctx.cookiePipeline = new CookiePipeline(ctx);
  ctx.siteCookies = new SiteCookieService(ctx);
  ctx.imports = new ImportService(ctx);
  ctx.journal = new JournalService(ctx);
  ctx.vault = new CookieVault(ctx);
  ctx.tabSelection = new TabSelectionService(ctx);
  ctx.sync = new SyncService(ctx, syncOptions);
  // A worker life starts locked unless storage.session holds the unlocked secret of this browser run.
  parts.store.vault.attach(sessionSecretHolder(parts.platform.sessionArea));
  return ctx;
}
