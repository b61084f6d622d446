// The worker's search index: loaded on the first search (not at start, so opening the popup stays
// light), then kept in step with every saved, changed or deleted session. An index that misses
// sessions (a migration that stopped early, a lost record) rebuilds them as it loads.
import { SearchIndex, type SearchResult } from '../core/search.ts';
import type { WorkerContext } from './context.ts';

export class SearchService {
  private index: Promise<SearchIndex> | undefined;
  private dirty = new Set<string>();

  constructor(private readonly ctx: WorkerContext) {
    ctx.store.onSessionsChanged((ids) => ids.forEach((id) => this.dirty.add(id)));
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
  }
}
