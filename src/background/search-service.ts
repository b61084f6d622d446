// The worker's search index: loaded on the first search (not at start, so opening the popup stays
// light), then kept in step with every saved, changed or deleted session.
import { SearchIndex, type SearchResult } from '../core/search.ts';
import type { WorkerContext } from './context.ts';

export class SearchService {
  private index: Promise<SearchIndex> | undefined;
  private dirty = new Set<string>();

  constructor(private readonly ctx: WorkerContext) {
    ctx.store.onSessionsChanged((ids) => ids.forEach((id) => this.dirty.add(id)));
  }

  private async load(): Promise<SearchIndex> {
    const idx = new SearchIndex();
    this.dirty.clear();
    for (const { rec, createdAt } of await this.ctx.store.sessions.allSearchRecords()) idx.upsert(rec, createdAt);
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
