// What the worker's logic needs from the outside world, passed in so tests can hand in fakes.
import type { Platform } from '../platform/types.ts';
import type { DB } from '../store/db.ts';

import type { CookieEnv } from './cookie-env.ts';
import type { SearchService } from './search-service.ts';
import type { Tracker } from './tracker.ts';

export interface Deps {
  db(): Promise<DB>;
  platform: Platform;
  now(): number;
  newId(): string;
  /** Cookie and permission APIs for cookie keeping; the real ones when absent (tests pass fakes). */
  cookieEnv?: CookieEnv;
}

export interface RestoreUnderway {
  controller: AbortController;
  done: number;
  total: number;
}

/** The worker's long-lived parts, created once per worker start. */
export interface Services {
  deps: Deps;
  tracker: Tracker;
  search: SearchService;
  /**
   * Restores under way, by restoreId: a page can cancel one, and a popup opened while one runs
   * shows its progress.
   */
  restores: Map<string, RestoreUnderway>;
  /** The last duration of each message's handler, in ms (diagnostics and the bench). */
  handlerMs: Record<string, number>;
  /** Re-reads settings and applies them (alarm period). */
  settingsChanged(): Promise<void>;
}
