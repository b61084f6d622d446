// The popup: save, find and restore sessions.
import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import type { Session } from '../../core/model.ts';
import { call } from '../../shared/client.ts';
import { t } from '../i18n.ts';
import { KindSelect, type KindFilter } from './kind-filter.tsx';
import { RecoveryBanner } from './recovery-banner.tsx';
import { SaveBar } from './save-bar.tsx';
import { ToolRow } from './tool-row.tsx';
import { SessionList } from './session-list.tsx';
import { StatusLine, type Status } from '../components/status-line.tsx';

export function App() {
  const [sessions, setSessions] = useState<Session[] | undefined>(undefined);
  const [query, setQuery] = useState('');
  const [kind, setKind] = useState<KindFilter>('all');
  const [status, setStatus] = useState<Status | undefined>(undefined);

  const fail = (e: unknown) => setStatus({ kind: 'error', text: t('errorPrefix', e instanceof Error ? e.message : String(e)) });

  const reload = useCallback(async () => {
    try {
      setSessions((await call('sessions.list', {})).sessions);
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

  const visible = useMemo(() => {
    if (!sessions) return [];
    const q = query.trim().toLowerCase();
    return sessions.filter((s) => (kind === 'all' || s.kind === kind) && (!q || s.name.toLowerCase().includes(q) || s.tags.some((tag) => tag.toLowerCase().includes(q))));
  }, [sessions, query, kind]);

  const onSaved = (s: Session) => {
    setStatus({ kind: 'info', text: t('savedSessionMsg', s.name) });
    void reload();
  };

  const onRestore = async (s: Session) => {
    try {
      const r = await call('sessions.restore', { id: s.id });
      const failed = r.failed.length ? ` ${t('restoreFailures', r.failed.length)}` : '';
      setStatus({ kind: r.failed.length ? 'error' : 'info', text: t('restoredMsg', r.tabs, r.windows) + failed });
    } catch (e) {
      fail(e);
    }
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

  return (
    <main class="popup" aria-label={t('popupTitle')}>
      <RecoveryBanner onDone={(text) => { setStatus({ kind: 'info', text }); void reload(); }} onError={fail} />
      <SaveBar onSaved={onSaved} onError={fail} />
      <ToolRow onError={fail} />
      <div class="toolbar filters">
        <input type="search" aria-label={t('searchSessions')} placeholder={t('searchSessions')} value={query} onInput={(e) => setQuery(e.currentTarget.value)} />
        <KindSelect value={kind} counts={counts} onChange={setKind} />
      </div>
      <StatusLine status={status} />
      <SessionList sessions={visible} loading={sessions === undefined} filtered={query.trim() !== ''} onRestore={onRestore} onDelete={onDelete} onKeep={onKeep} />
    </main>
  );
}
