// The popup: save, find, inspect and restore sessions.
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Session } from '../../core/model.ts';
import type { RestoreMode } from '../../core/restore-plan.ts';
import { currentWindowId } from '../../platform/page.ts';
import { call } from '../../shared/client.ts';
import type { Res, RestoreReport } from '../../shared/protocol.ts';
import { cookieRestoreText, overwriteNewerAction } from '../components/cookie-keeping.ts';
import { StatusLine, type Status } from '../components/status-line.tsx';
import { t } from '../i18n.ts';
import { CookieKeepingToggle } from './cookie-keeping-toggle.tsx';
import { KindSelect, type KindFilter } from './kind-filter.tsx';
import { tagCounts, TagSelect } from './tag-filter.tsx';
import { RecoveryBanner } from './recovery-banner.tsx';
import { RestoreProgress } from './restore-progress.tsx';
import { SaveBar } from './save-bar.tsx';
import { SessionList } from './session-list.tsx';
import { sortSessions, SortSelect, type SortOrder } from './sort-select.tsx';
import { ToolRow } from './tool-row.tsx';
import { useRestore } from './use-restore.ts';
import { useLazy } from '../components/use-lazy.ts';
import { errorText } from '../error-text.ts';

/** `firstList`: the list main.tsx asked for before the first render, used for the first load. */
export function App({ firstList }: { firstList?: Promise<Res<'sessions.list'>> } = {}) {
  const [sessions, setSessions] = useState<Session[] | undefined>(undefined);
  const [query, setQuery] = useState('');
  const [kind, setKind] = useState<KindFilter>('all');
  const [tagChoice, setTag] = useState('');
  const [sort, setSort] = useState<SortOrder>('newest');
  const [status, setStatus] = useState<Status | undefined>(undefined);
  const [detailId, setDetailId] = useState<string | undefined>(undefined);
  // Bumped after every change, so open search results refresh.
  const [version, setVersion] = useState(0);
  const searchBox = useRef<HTMLInputElement>(null);
  const listBox = useRef<HTMLDivElement>(null);
  const { restore, cancel, progress } = useRestore();

  const fail = (e: unknown) => setStatus({ kind: 'error', text: t('errorPrefix', errorText(e)) });

  const pendingFirst = useRef(firstList);
  const reload = useCallback(async () => {
    const asked = pendingFirst.current ?? call('sessions.list', {});
    pendingFirst.current = undefined;
    try {
      setSessions((await asked).sessions);
      setVersion((v) => v + 1);
    } catch (e) {
      fail(e);
    }
  }, []);

  useEffect(() => {
    void reload();
  }, [reload]);

  const counts = useMemo(() => {
    const m = new Map<KindFilter, number>([['all', sessions?.length ?? 0]]);
    for (const s of sessions ?? []) m.set(s.kind, (m.get(s.kind) ?? 0) + 1);
    return m;
  }, [sessions]);

  const tags = useMemo(() => tagCounts(sessions ?? []), [sessions]);
  // A tag no session carries any more (its last one was untagged or deleted) filters nothing.
  const tag = tags.some(([x]) => x === tagChoice) ? tagChoice : '';
  const visible = useMemo(
    () =>
      sortSessions(
        (sessions ?? []).filter((s) => (kind === 'all' || s.kind === kind) && (!tag || s.tags.includes(tag))),
        sort,
      ),
    [sessions, kind, tag, sort],
  );

  const onSaved = (s: Session) => {
    setStatus({ kind: 'info', text: t('savedSessionMsg', s.name) });
    void reload();
  };

  const report = (r: RestoreReport, sessionId?: string) => {
    if (r.cancelled) return setStatus({ kind: 'info', text: t('restoreCancelled', r.tabs) });
    const failed = r.failed.length ? ` ${t('restoreFailures', r.failed.length)}` : '';
    const action = sessionId ? overwriteNewerAction(r.cookies, sessionId, setStatus) : undefined;
    setStatus({
      kind: r.failed.length ? 'error' : 'info',
      text: `${t('restoredMsg', r.tabs, r.windows)}${failed} ${cookieRestoreText(r.cookies)}`.trim(),
      ...(action ? { action } : {}),
    });
  };

  const onRestore = async (s: Session, mode?: RestoreMode) => {
    try {
      report(await restore(s.id, mode), s.id);
    } catch (e) {
      fail(e);
    }
  };

  const onOpenTab = async (s: Session, windowIndex: number, tabIndex: number) => {
    const into = await currentWindowId();
    await onRestore(s, {
      kind: 'one-tab',
      windowIndex,
      tabIndex,
      ...(into === undefined ? {} : { intoWindowId: into }),
    });
  };

  const onKeep = async (s: Session) => {
    try {
      await call('sessions.promote', { id: s.id });
      setStatus({ kind: 'info', text: t('keptSession', s.name) });
      await reload();
    } catch (e) {
      fail(e);
    }
  };

  const onDelete = async (s: Session) => {
    try {
      await call('sessions.delete', { id: s.id });
      setSessions((cur) => cur?.filter((x) => x.id !== s.id));
      setVersion((v) => v + 1);
      setDetailId(undefined);
      setStatus({
        kind: 'info',
        text: t('deletedSession', s.name),
        action: {
          label: t('undo'),
          run: async () => {
            try {
              await call('sessions.undoDelete', { id: s.id });
              setStatus(undefined);
              await reload();
            } catch (e) {
              fail(e);
            }
          },
        },
      });
    } catch (e) {
      fail(e);
    }
  };

  const onSearchKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape' && query) {
      // Escape clears the search first; a second Escape closes the popup as usual.
      e.preventDefault();
      setQuery('');
    } else if (e.key === 'ArrowDown') {
      e.preventDefault();
      listBox.current?.querySelector<HTMLElement>('[data-nav]')?.focus();
    }
  };

  const searching = query.trim() !== '';
  // Detail and search load on first use: the list is what the popup opens to.
  const SessionDetail = useLazy(detailId !== undefined, () =>
    import('./session-detail.tsx').then((m) => m.SessionDetail),
  );
  const SearchResults = useLazy(searching, () => import('./search-results.tsx').then((m) => m.SearchResults));

  return (
    <main class="popup" aria-label={t('popupTitle')}>
      <RecoveryBanner
        onDone={(text) => {
          setStatus({ kind: 'info', text });
          void reload();
        }}
        onError={fail}
      />
      <SaveBar onSaved={onSaved} onError={fail} />
      <ToolRow onError={fail} />
      <CookieKeepingToggle onError={fail} />
      {detailId === undefined && (
        <div class="toolbar filters">
          <input
            ref={searchBox}
            type="search"
            aria-label={t('searchSessions')}
            placeholder={t('searchSessions')}
            value={query}
            onInput={(e) => setQuery(e.currentTarget.value)}
            onKeyDown={onSearchKey}
            // Load the worker's search index as soon as the person heads for the box, not when
            // the popup opens (that keeps opening light) and not on the first keystroke.
            onFocus={() => void call('sessions.search', { query: '' }).catch(() => undefined)}
          />
          <KindSelect value={kind} counts={counts} onChange={setKind} />
          {tags.length > 0 && <TagSelect value={tag} tags={tags} onChange={setTag} />}
          <SortSelect value={sort} onChange={setSort} />
        </div>
      )}
      <StatusLine status={status} />
      {progress && progress.total > 0 && (
        <RestoreProgress done={progress.done} total={progress.total} onCancel={cancel} />
      )}
      <div class="content" ref={listBox}>
        {detailId !== undefined ? (
          SessionDetail && (
            <SessionDetail
              id={detailId}
              onBack={() => setDetailId(undefined)}
              onRestore={(s, mode) => void onRestore(s, mode)}
              onDelete={(s) => void onDelete(s)}
              onChanged={(_s, message) => {
                if (message) setStatus({ kind: 'info', text: message });
                void reload();
              }}
              onError={fail}
            />
          )
        ) : searching ? (
          SearchResults && (
            <SearchResults
              query={query}
              version={version}
              onRestore={(s) => void onRestore(s)}
              onDelete={(s) => void onDelete(s)}
              onOpenTab={(s, w, i) => void onOpenTab(s, w, i)}
              onDetails={(s) => setDetailId(s.id)}
              onError={fail}
              onExitTop={() => searchBox.current?.focus()}
              onEscape={() => {
                setQuery('');
                searchBox.current?.focus();
              }}
            />
          )
        ) : (
          <SessionList
            sessions={visible}
            loading={sessions === undefined}
            filtered={kind !== 'all' || !!tag}
            onRestore={(s) => void onRestore(s)}
            onDelete={(s) => void onDelete(s)}
            onKeep={(s) => void onKeep(s)}
            onDetails={(s) => setDetailId(s.id)}
            onExitTop={() => searchBox.current?.focus()}
          />
        )}
      </div>
    </main>
  );
}
