// The worker's search index: loaded on the first search (not at start, so opening the popup stays
// light), then kept in step with every saved, changed or deleted session. An index that misses
// sessions (a migration that stopped early, a lost record) rebuilds them as it loads.
//
// The index is a copy of every tab's title and URL (~14 MiB for 50,000 tabs) that only a person
// typing in the popup needs: it is let go once no search has come for SEARCH_IDLE_MS, and loaded
// again by the next one (the popup asks for it when its search box gets the focus).
import { SearchIndex, type SearchResult } from '../core/search.ts';
import type { WorkerContext } from './context.ts';

/** How long the index outlives the last search. */
export const SEARCH_IDLE_MS = 30_000;

/** The timer the idle release runs on: the global one, or a test's. */
export interface IdleTimer {
  set(fn: () => void, ms: number): unknown;
}

const globalTimer: IdleTimer = { set: (fn, ms) => setTimeout(fn, ms) };

export class SearchService {
  private index: Promise<SearchIndex> | undefined;
  private dirty = new Set<string>();
  private lastUse = 0;
  private busy = 0;
  private idle: unknown;

  constructor(
    private readonly ctx: WorkerContext,
    private readonly timer: IdleTimer = globalTimer,
  ) {
    ctx.store.onSessionsChanged((ids) => ids.forEach((id) => this.dirty.add(id)));
  }

  /** Whether the index is held now (for tests and diagnostics). */
  get loaded(): boolean {
    return this.index !== undefined;
  }

  private async load(): Promise<SearchIndex> {
    const { sessions } = this.ctx.store;
    const idx = new SearchIndex();
    this.dirty.clear();
    const { records, missing } = await sessions.allSearchRecords();
    for (const { rec, createdAt } of records) idx.upsert(rec, createdAt);
    if (missing.length) {
      try {
        // Written back, so the next worker does not rebuild them again.
        const { rebuilt, damaged } = await sessions.rebuildSearch(missing);
        for (const { rec, createdAt } of rebuilt) idx.upsert(rec, createdAt);
        if (damaged.length) console.warn('[tabularium] sessions left out of search (damaged):', damaged);
      } catch (e) {
        // A failed repair (a full disk) must not take search away: the next load tries again.
        console.error('[tabularium] rebuilding the search index failed', e);
      }
    }
    return idx;
  }

  async search(query: string, limit = 50, tabsPerSession = 3): Promise<SearchResult[]> {
    this.busy++;
    try {
      this.index ??= this.load().catch((e: unknown) => {
        this.index = undefined;
        throw e;
      });
      const idx = await this.index;
      if (this.dirty.size) {
        const ids = [...this.dirty];
        this.dirty.clear();
        const recs = await this.ctx.store.sessions.searchRecords(ids);
        ids.forEach((id, i) => {
          const r = recs[i];
          if (r) idx.upsert(r.rec, r.createdAt);
          else idx.remove(id);
        });
      }
      return idx.search(query, { limit, tabsPerSession });
    } finally {
      this.busy--;
      this.lastUse = this.ctx.now();
      this.idle ??= this.timer.set(() => this.idleCheck(), SEARCH_IDLE_MS);
    }
  }

  /** One timer at a time: it fires, then sleeps again for what is left since the last search. */
  private idleCheck(): void {
    this.idle = undefined;
    const left = this.lastUse + SEARCH_IDLE_MS - this.ctx.now();
    if (left > 0 || this.busy > 0) {
      this.idle = this.timer.set(() => this.idleCheck(), Math.max(left, 1000));
      return;
    }
    // Changes noted since are in what the next load reads.
    this.index = undefined;
    this.dirty.clear();
  }
}
