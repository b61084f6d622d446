// The manager's Sessions view: the sessions on the left (search, kind, tag, order), the chosen
// one's windows and tabs on the right; tabs checked in any session stay checked while others are
// looked at, and are opened, moved or deleted together.
import { useCallback, useMemo, useState } from 'preact/hooks';
import type { Session } from '../../core/model.ts';
import { call } from '../../shared/client.ts';
import type { MoveTarget } from '../../shared/messages/manager-messages.ts';
import type { Res } from '../../shared/protocol.ts';
import { StatusLine, type Status } from '../components/status-line.tsx';
import { errorText } from '../error-text.ts';
import { t } from '../i18n.ts';
import { KindSelect } from '../popup/kind-filter.tsx';
import { SortSelect } from '../popup/sort-select.tsx';
import { TagSelect } from '../popup/tag-filter.tsx';
import { useSessionFilters } from '../popup/use-session-filters.ts';
import { useSessions } from '../popup/use-sessions.ts';
import { countedText } from './counted-text.ts';
import { SelectionBar } from './selection-bar.tsx';
import { countBySession, EMPTY, without, type Selection } from './selection.ts';
import { SessionList } from './session-list.tsx';
import { TabList } from './tab-list.tsx';
import { useChosenSession } from './use-chosen-session.ts';
import { useSessionSearch } from './use-session-search.ts';

export function SessionsView({ firstList }: { firstList?: Promise<Res<'sessions.list'>> }) {
  const [status, setStatus] = useState<Status | undefined>(undefined);
  const fail = useCallback((e: unknown) => setStatus({ kind: 'error', text: errorText(e) }), []);
  const list = useSessions(firstList, fail);
  const filters = useSessionFilters(list.sessions);
  const [query, setQuery] = useState('');
  const found = useSessionSearch(query, list.version, fail);
  const visible = useMemo(() => {
    if (!found) return filters.visible;
    const shown = new Map(filters.visible.map((s) => [s.id, s]));
    return found.flatMap((id) => shown.get(id) ?? []);
  }, [found, filters.visible]);

  const [chosenId, setChosenId] = useState<string | undefined>(undefined);
  const chosen = useChosenSession(chosenId, list.version, fail);
  const [selection, setSelection] = useState<Selection>(EMPTY);
  const checkedIn = useMemo(() => countBySession(selection), [selection]);
  const [busy, setBusy] = useState(false);

  // The tabs of a session just chosen are not loaded yet: the list focuses itself once they are.
  const [focusTabs, setFocusTabs] = useState(false);
  const focusSessions = () =>
    requestAnimationFrame(() => document.querySelector<HTMLElement>('.sessions [tabindex="0"]')?.focus());

  /** After a move or delete: the written sessions are read again, and their tabs unchecked. */
  const changed = async (sessions: Session[]) => {
    setSelection((sel) =>
      without(
        sel,
        sessions.map((s) => s.id),
      ),
    );
    await list.reload();
  };

  const act = async (work: () => Promise<void>) => {
    setBusy(true);
    try {
      await work();
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  };

  const tabs = () => [...selection.values()];

  const open = () =>
    selection.size > 0 &&
    act(async () => {
      const r = await call('manager.openTabs', { tabs: tabs() });
      setStatus({ kind: 'info', text: countedText(r.tabs, 'managerOpenedOne', 'managerOpenedOther') });
    });

  const move = (to: MoveTarget) =>
    act(async () => {
      const n = selection.size;
      const r = await call('manager.moveTabs', { tabs: tabs(), to });
      await changed(r.changed);
      setStatus({ kind: 'info', text: countedText(n, 'managerMovedOne', 'managerMovedOther', r.target.name) });
    });

  const undo = (undoId: string) =>
    act(async () => {
      const r = await call('manager.undoDeleteTabs', { undoId });
      await changed(r.changed);
      setStatus({ kind: 'info', text: t('managerUndone') });
    });

  const remove = () =>
    act(async () => {
      const n = selection.size;
      const r = await call('manager.deleteTabs', { tabs: tabs() });
      await changed(r.changed);
      setStatus({
        kind: 'info',
        text: countedText(n, 'managerDeletedOne', 'managerDeletedOther'),
        action: { label: t('undo'), run: () => void undo(r.undoId) },
      });
    });

  const choose = (s: Session) => setChosenId(s.id);

  return (
    <div class="panes">
      <section class="pane left" aria-label={t('savedSessions')}>
        <div class="toolbar filters">
          <input
            type="search"
            aria-label={t('searchSessions')}
            placeholder={t('searchSessions')}
            value={query}
            autoFocus
            onInput={(e) => setQuery(e.currentTarget.value)}
            onKeyDown={(e) => {
              if (e.key === 'ArrowDown') {
                e.preventDefault();
                const first = visible[0];
                if (first && !chosenId) setChosenId(first.id);
                focusSessions();
              }
            }}
            onFocus={() => void call('sessions.search', { query: '' }).catch(() => undefined)}
          />
          <KindSelect value={filters.kind} counts={filters.counts} onChange={filters.setKind} />
          {filters.tags.length > 0 && <TagSelect value={filters.tag} tags={filters.tags} onChange={filters.setTag} />}
          <SortSelect value={filters.sort} onChange={filters.setSort} />
        </div>
        {list.sessions && visible.length === 0 ? (
          <p class="empty">{query || filters.filtered ? t('noMatches') : t('noSessions')}</p>
        ) : (
          <SessionList
            sessions={visible}
            chosenId={chosenId}
            checkedIn={checkedIn}
            onChoose={choose}
            onEnterTabs={() => setFocusTabs(true)}
          />
        )}
      </section>
      <section
        class="pane right"
        aria-label={chosen.detail ? t('managerTabsOf', chosen.detail.session.name) : t('managerChooseSession')}
      >
        <SelectionBar
          count={selection.size}
          sessions={list.sessions ?? []}
          busy={busy}
          onOpen={() => void open()}
          onMove={(to) => void move(to)}
          onDelete={() => void remove()}
          onClear={() => setSelection(EMPTY)}
        />
        <StatusLine status={status} />
        {chosen.detail ? (
          <>
            <h2 class="session-title">{chosen.detail.session.name}</h2>
            <TabList
              key={chosen.detail.session.id}
              label={t('managerTabsOf', chosen.detail.session.name)}
              rows={chosen.rows}
              refs={chosen.refs}
              selection={selection}
              onSelection={setSelection}
              onOpen={() => void open()}
              onLeave={focusSessions}
              focusWanted={focusTabs}
              onFocused={() => setFocusTabs(false)}
            />
          </>
        ) : (
          <p class="empty">{t('managerChooseSession')}</p>
        )}
        <p class="hint">{t('managerKeysHint')}</p>
      </section>
    </div>
  );
}
