// One saved session in full: its windows and tabs, and everything a person does to it: restore
// all or part of it (into new windows, this window, or instead of the open ones), rename, tag,
// remove tabs, compare with what is open now.
import { useEffect, useState } from 'preact/hooks';
import type { GroupRecord, Session, SessionWithBody, TabRecord } from '../../core/model.ts';
import type { RestoreMode } from '../../core/restore-plan.ts';
import { currentWindowId } from '../../platform/page.ts';
import { call } from '../../shared/client.ts';
import type { Res } from '../../shared/protocol.ts';
import { Favicon } from '../components/favicon.tsx';
import { t } from '../i18n.ts';
import { TagEditor } from './tag-editor.tsx';

interface Props {
  id: string;
  onBack: () => void;
  onRestore: (s: Session, mode?: RestoreMode) => void;
  onDelete: (s: Session) => void;
  onChanged: (s: Session, message?: string) => void;
  onError: (e: unknown) => void;
}

type ModeChoice = 'new-windows' | 'current-window' | 'replace';

export function SessionDetail({ id, onBack, onRestore, onDelete, onChanged, onError }: Props) {
  const [data, setData] = useState<SessionWithBody | undefined>(undefined);
  const [name, setName] = useState('');
  const [mode, setMode] = useState<ModeChoice>('new-windows');
  const [confirming, setConfirming] = useState(false);
  const [diff, setDiff] = useState<Res<'sessions.compare'> | undefined>(undefined);

  const load = () =>
    call('sessions.get', { id }).then((d) => {
      setData(d);
      setName(d.session.name);
    }, onError);

  useEffect(() => {
    void load();
  }, [id]);

  if (!data) return <p class="empty" aria-busy="true" />;
  const { session, body } = data;

  const update = (s: Session, message?: string) => {
    setData((cur) => (cur ? { ...cur, session: s } : cur));
    onChanged(s, message);
  };

  const rename = async (e: Event) => {
    e.preventDefault();
    try {
      const r = await call('sessions.rename', { id, name });
      update(r.session, t('renamedMsg', r.session.name));
    } catch (err) {
      onError(err);
    }
  };

  const restore = async () => {
    if (mode === 'new-windows') return onRestore(session);
    const windowId = await currentWindowId();
    if (mode === 'current-window' && windowId !== undefined)
      return onRestore(session, { kind: 'current-window', windowId });
    if (mode === 'replace') {
      if (!confirming) return setConfirming(true);
      setConfirming(false);
      // An empty list means "every window open now": the worker knows them, the popup does not.
      return onRestore(session, { kind: 'replace', windowIds: [] });
    }
  };

  const openTab = async (windowIndex: number, tabIndex: number) => {
    const into = await currentWindowId();
    onRestore(session, {
      kind: 'one-tab',
      windowIndex,
      tabIndex,
      ...(into === undefined ? {} : { intoWindowId: into }),
    });
  };

  const removeTab = async (windowIndex: number, tabIndex: number) => {
    try {
      const r = await call('sessions.removeTabs', { id, tabs: [{ windowIndex, tabIndex }] });
      await load();
      onChanged(r.session);
    } catch (err) {
      onError(err);
    }
  };

  const compare = async () => {
    try {
      setDiff(await call('sessions.compare', { id }));
    } catch (err) {
      onError(err);
    }
  };

  return (
    <section class="detail" aria-labelledby="detail-title">
      <div class="detail-head">
        <button type="button" onClick={onBack}>{`← ${t('back')}`}</button>
        <h2 id="detail-title">{session.name}</h2>
      </div>
      <form class="row" onSubmit={(e) => void rename(e)}>
        <input type="text" aria-label={t('sessionName')} value={name} onInput={(e) => setName(e.currentTarget.value)} />
        <button type="submit">{t('saveName')}</button>
      </form>
      <TagEditor session={session} onChanged={(s) => update(s)} onError={onError} />
      <div class="row">
        <label class="inline">
          {t('restoreMode')}
          <select
            value={mode}
            onChange={(e) => {
              setMode(e.currentTarget.value as ModeChoice);
              setConfirming(false);
            }}
          >
            <option value="new-windows">{t('modeNewWindows')}</option>
            <option value="current-window">{t('modeCurrentWindow')}</option>
            <option value="replace">{t('modeReplace')}</option>
          </select>
        </label>
        <button
          type="button"
          class="primary"
          aria-label={t('restoreSession', session.name)}
          onClick={() => void restore()}
        >
          {t('restoreShort')}
        </button>
        <button
          type="button"
          class="danger"
          aria-label={t('deleteSession', session.name)}
          onClick={() => onDelete(session)}
        >
          {t('deleteShort')}
        </button>
      </div>
      {confirming && (
        <div class="banner" role="alertdialog" aria-label={t('confirmReplace')}>
          <p>{t('confirmReplace')}</p>
          <button type="button" class="danger" onClick={() => void restore()}>
            {t('confirmYes')}
          </button>
          <button type="button" onClick={() => setConfirming(false)}>
            {t('confirmNo')}
          </button>
        </div>
      )}
      <div class="row">
        <button type="button" onClick={() => void compare()}>
          {t('compareNow')}
        </button>
      </div>
      {diff && <CompareView diff={diff} />}
      {body.windows.map((w, wi) => (
        <section key={wi} class="window" aria-label={t('windowHeading', wi + 1, w.tabs.length)}>
          <div class="window-head">
            <h3>{t('windowHeading', wi + 1, w.tabs.length)}</h3>
            <button type="button" onClick={() => onRestore(session, { kind: 'one-window', windowIndex: wi })}>
              {t('openWindow', wi + 1)}
            </button>
          </div>
          <ul class="tabs">
            {w.tabs.map((tab, ti) => (
              <TabRow
                key={ti}
                tab={tab}
                group={tab.groupIndex === undefined ? undefined : w.groups[tab.groupIndex]}
                onOpen={() => void openTab(wi, ti)}
                onRemove={() => void removeTab(wi, ti)}
              />
            ))}
          </ul>
        </section>
      ))}
    </section>
  );
}

function TabRow({
  tab,
  group,
  onOpen,
  onRemove,
}: {
  tab: TabRecord;
  group: GroupRecord | undefined;
  onOpen: () => void;
  onRemove: () => void;
}) {
  const title = tab.title || tab.url;
  return (
    <li class="tab">
      <Favicon pageUrl={tab.url} />
      <span class="tab-text">
        <span class="tab-title" title={tab.url}>
          {title}
        </span>
        {tab.pinned && <span class="chip">{t('pinned')}</span>}
        {group && <span class={`chip group-${group.color}`}>{group.title || group.color}</span>}
      </span>
      <button type="button" class="small" aria-label={t('openTab', title)} onClick={onOpen}>
        ↗
      </button>
      <button type="button" class="small danger" aria-label={t('removeTab', title)} onClick={onRemove}>
        ×
      </button>
    </li>
  );
}

function CompareView({ diff }: { diff: Res<'sessions.compare'> }) {
  return (
    <div class="compare" role="status">
      <p>{t('compareResult', diff.added.length, diff.removed.length)}</p>
      {diff.added.length > 0 && (
        <details>
          <summary>{t('compareAdded')}</summary>
          <ul>
            {diff.added.map((x, i) => (
              <li key={i}>{x.title || x.url}</li>
            ))}
          </ul>
        </details>
      )}
      {diff.removed.length > 0 && (
        <details>
          <summary>{t('compareRemoved')}</summary>
          <ul>
            {diff.removed.map((x, i) => (
              <li key={i}>{x.title || x.url}</li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
