// The popup: save, find, inspect and restore sessions.
import { useCallback, useEffect, useState } from 'preact/hooks';
import { call } from '../../shared/client.ts';
import type { Res } from '../../shared/protocol.ts';
import { StatusLine, type Status } from '../components/status-line.tsx';
import { errorText } from '../error-text.ts';
import { t } from '../i18n.ts';
import { CookieKeepingToggle } from './cookie-keeping-toggle.tsx';
import { FilterBar } from './filter-bar.tsx';
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
  const [status, setStatus] = useState<Status | undefined>(undefined);
  const fail = useCallback((e: unknown) => setStatus({ kind: 'error', text: t('errorPrefix', errorText(e)) }), []);
  const list = useSessions(firstList, fail);
  const filters = useSessionFilters(list.sessions);
  const search = useSearch();
  const [detailId, setDetailId] = useState<string | undefined>(undefined);
  const actions = useSessionActions({ list, setStatus, fail, onDeleted: () => setDetailId(undefined) });
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
      <RecoveryBanner
        onDone={(s) => {
          setStatus(s);
          void list.reload();
        }}
        onError={fail}
      />
      <SaveBar onSaved={actions.saved} onError={fail} />
      <ToolRow onError={fail} />
      <CookieKeepingToggle onError={fail} onInfo={(text) => setStatus({ kind: 'info', text })} />
      {detailId === undefined && <FilterBar search={search} filters={filters} />}
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
        onChanged={(message) => {
          if (message) setStatus({ kind: 'info', text: message });
          void list.reload();
        }}
        onError={fail}
      />
    </main>
  );
}
