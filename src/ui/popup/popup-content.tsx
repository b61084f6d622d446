// Below the toolbars: one session's detail, the search results, or the session list. Detail and
// search load on first use: the list is what the popup opens to.
import type { Session } from '../../core/model.ts';
import { useLazy } from '../components/use-lazy.ts';
import { SessionList } from './session-list.tsx';
import type { SearchState } from './use-search.ts';
import type { SessionActions } from './use-session-actions.ts';
import type { SessionFilters } from './use-session-filters.ts';
import type { SessionsState } from './use-sessions.ts';
import { useRowIcons } from './use-row-icons.ts';

interface Props {
  detailId: string | undefined;
  showDetail(id: string | undefined): void;
  search: SearchState;
  list: SessionsState;
  filters: SessionFilters;
  actions: SessionActions;
  renamingId: string | undefined;
  onRenameDone(): void;
  /** A session changed in its detail; `message` says how, for the status line. */
  onChanged(message?: string): void;
  onError(e: unknown): void;
}

export function PopupContent(props: Props) {
  const { detailId, showDetail, search, list, filters, actions, onChanged, onError } = props;
  const SessionDetail = useLazy(detailId !== undefined, () =>
    import('./session-detail.tsx').then((m) => m.SessionDetail),
  );
  const SearchResults = useLazy(search.searching, () => import('./search-results.tsx').then((m) => m.SearchResults));
  const details = (s: Session) => showDetail(s.id);
  const icons = useRowIcons(list.version);

  return (
    <div class="content" ref={search.list}>
      {detailId !== undefined ? (
        SessionDetail && (
          <SessionDetail
            id={detailId}
            onBack={() => showDetail(undefined)}
            onRestore={(s, mode) => void actions.restore(s, mode)}
            onDelete={(s) => void actions.remove(s)}
            onOpenTabs={(s, tabs) => void actions.openTabs(s, tabs)}
            onChanged={(_s, message) => onChanged(message)}
            onError={onError}
          />
        )
      ) : search.searching ? (
        SearchResults && (
          <SearchResults
            query={search.query}
            version={list.version}
            onRestore={(s) => void actions.restore(s)}
            onDelete={(s) => void actions.remove(s)}
            onOpenTab={(s, w, i) => void actions.openTab(s, w, i)}
            onDetails={details}
            onError={onError}
            onExitTop={search.focus}
            onEscape={search.clear}
          />
        )
      ) : (
        <SessionList
          sessions={filters.visible}
          loading={list.sessions === undefined}
          filtered={filters.filtered}
          onClearFilter={filters.clear}
          renamingId={props.renamingId}
          icons={icons.icons}
          onShown={icons.want}
          onRestore={(s, mode) => void actions.restore(s, mode)}
          onDelete={(s) => void actions.remove(s)}
          onKeep={(s) => void actions.keep(s)}
          onDetails={details}
          onRenamed={(s, name) => {
            props.onRenameDone();
            if (name !== undefined) void actions.rename(s, name);
            search.focus();
          }}
          onExitTop={search.focus}
        />
      )}
    </div>
  );
}
