// The popup's first line: the search box (focused on open), then which kind, which tag, what order.
import { useEffect } from 'preact/hooks';
import { call } from '../../shared/client.ts';
import { t } from '../i18n.ts';
import { KindSelect } from './kind-filter.tsx';
import { SortSelect } from './sort-select.tsx';
import { TagSelect } from './tag-filter.tsx';
import type { SearchState } from './use-search.ts';
import type { SessionFilters } from './use-session-filters.ts';

export function FilterBar({ search, filters }: { search: SearchState; filters: SessionFilters }) {
  // Opening the popup is most often to find something: the keys go to the box at once.
  useEffect(() => search.box.current?.focus(), []);
  return (
    <div class="toolbar filters">
      <input
        ref={search.box}
        type="search"
        aria-label={t('searchSessions')}
        placeholder={t('searchSessions')}
        value={search.query}
        onInput={(e) => search.setQuery(e.currentTarget.value)}
        onKeyDown={search.onKeyDown}
        // Load the worker's search index as soon as the person heads for the box, not when
        // the popup opens (that keeps opening light) and not on the first keystroke.
        onFocus={() => void call('sessions.search', { query: '' }).catch(() => undefined)}
      />
      <KindSelect value={filters.kind} counts={filters.counts} onChange={filters.setKind} />
      {filters.tags.length > 0 && <TagSelect value={filters.tag} tags={filters.tags} onChange={filters.setTag} />}
      <SortSelect value={filters.sort} onChange={filters.setSort} />
    </div>
  );
}
