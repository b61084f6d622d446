// The popup: find, save, inspect and restore sessions. The search box comes first and has the
// focus; the list below fills what the few compact controls leave.
import { useCallback, useEffect, useState } from 'preact/hooks';
import { call } from '../../shared/client.ts';
import type { Res } from '../../shared/protocol.ts';
import { StatusLine, type Status } from '../components/status-line.tsx';
import { useFadingStatus } from '../components/use-fading-status.ts';
import { errorText } from '../error-text.ts';
import { t } from '../i18n.ts';
import { CookieKeepingToggle } from './cookie-keeping-toggle.tsx';
import { FilterBar } from './filter-bar.tsx';
import { FirstRunCard } from './first-run-card.tsx';
import { PopupContent } from './popup-content.tsx';
import { RecoveryBanner } from './recovery-banner.tsx';
import { RestoreProgress } from './restore-progress.tsx';
import { SaveHealthNotice } from './save-health-notice.tsx';
import { SaveBar } from './save-bar.tsx';
import { ToolRow } from './tool-row.tsx';
import { useSearch } from './use-search.ts';
import { useSessionActions } from './use-session-actions.ts';
import { useSessionFilters } from './use-session-filters.ts';
import { useSessions } from './use-sessions.ts';

/** `firstList`: the list main.tsx asked for before the first render, used for the first load. */
export function App({ firstList }: { firstList?: Promise<Res<'sessions.list'>> } = {}) {
  const [status, setStatus] = useFadingStatus();
  const fail = useCallback(
    (e: unknown) => setStatus({ kind: 'error', text: t('errorPrefix', errorText(e)) }),
    [setStatus],
  );
  const list = useSessions(firstList, fail);
  // The session the recovery banner offers is shown there, not a second time as a row.
  const [bannerIds, setBannerIds] = useState<readonly string[]>([]);
  const filters = useSessionFilters(list.sessions, bannerIds);
  const search = useSearch();
  const [detailId, setDetailId] = useState<string | undefined>(undefined);
  const [renamingId, setRenamingId] = useState<string | undefined>(undefined);
  const actions = useSessionActions({
    list,
    setStatus,
    fail,
    onDeleted: () => setDetailId(undefined),
    onRename: setRenamingId,
  });
  const { progress } = actions;
  // Replace closed the popup's own window with the others: once it opens again, Undo is offered.
  // Asked after the first paint, so the list comes first.
  useEffect(() => {
    call('sessions.lastReplace', {}).then(
      ({ replaced }) => replaced && actions.offerUndoReplace(replaced),
      () => undefined,
    );
  }, []);

  return (
    <main class="popup" aria-label={t('popupTitle')}>
      <SaveHealthNotice />
      {detailId === undefined && <FilterBar search={search} filters={filters} />}
      <RecoveryBanner
        onPending={setBannerIds}
        onDone={(s: Status) => {
          setStatus(s);
          void list.reload();
        }}
        onError={fail}
      />
      <FirstRunCard onError={fail} />
      <CookieKeepingToggle onError={fail} onInfo={(text) => setStatus({ kind: 'info', text })} />
      <SaveBar onSaved={actions.saved} onError={fail} />
      <ToolRow onError={fail} />
      <StatusLine status={status} />
      {progress && progress.total > 0 && (
        <RestoreProgress done={progress.done} total={progress.total} onCancel={actions.cancel} />
      )}
      <PopupContent
        detailId={detailId}
        showDetail={setDetailId}
        search={search}
        list={list}
        filters={filters}
        actions={actions}
        renamingId={renamingId}
        onRenameDone={() => setRenamingId(undefined)}
        onChanged={(message) => {
          if (message) setStatus({ kind: 'info', text: message });
          void list.reload();
        }}
        onError={fail}
      />
    </main>
  );
}
