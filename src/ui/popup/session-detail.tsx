// One saved session in full: its windows and tabs, and everything a person does to it: restore
// all or part of it (into new windows, this window, or instead of the open ones), rename, tag,
// remove tabs, compare with what is open now.
import type { Session } from '../../core/model.ts';
import type { RestoreMode } from '../../core/restore-plan.ts';
import { t } from '../i18n.ts';
import { CompareView } from './compare-view.tsx';
import { RenameForm } from './rename-form.tsx';
import { RestoreControls } from './restore-controls.tsx';
import { SessionWindows } from './session-windows.tsx';
import { TagEditor } from './tag-editor.tsx';
import { useSessionCompare } from './use-session-compare.ts';
import { useSessionDetail } from './use-session-detail.ts';

interface Props {
  id: string;
  onBack: () => void;
  onRestore: (s: Session, mode?: RestoreMode) => void;
  onDelete: (s: Session) => void;
  /** Opens some of the session's tabs in this window ("Open the 4 missing tabs"). */
  onOpenTabs: (s: Session, tabs: [number, number][]) => void;
  onChanged: (s: Session, message?: string) => void;
  onError: (e: unknown) => void;
}

export function SessionDetail({ id, onBack, onRestore, onDelete, onOpenTabs, onChanged, onError }: Props) {
  const { data, name, setName, update, rename, removeTab } = useSessionDetail({ id, onChanged, onError });
  const { diff, compare } = useSessionCompare(id, onError);

  if (!data) return <p class="empty" aria-busy="true" />;
  const { session, body } = data;

  return (
    <section class="detail" aria-labelledby="detail-title">
      <div class="detail-head">
        <button type="button" onClick={onBack}>{`← ${t('back')}`}</button>
        {/* The name shows once, in its field; the heading names the section for screen readers. */}
        <h2 id="detail-title" class="visually-hidden">
          {session.name}
        </h2>
        <RenameForm name={name} onInput={setName} onSubmit={rename} />
      </div>
      <TagEditor session={session} onChanged={(s) => update(s)} onError={onError} />
      <RestoreControls session={session} onRestore={onRestore} onDelete={onDelete} />
      <div class="row">
        <button type="button" onClick={() => void compare()}>
          {t('compareNow')}
        </button>
      </div>
      {diff && <CompareView diff={diff} windows={body.windows} onOpenMissing={(tabs) => onOpenTabs(session, tabs)} />}
      <SessionWindows
        session={session}
        windows={body.windows}
        urlTokenTabs={data.urlTokenTabs}
        onRestore={onRestore}
        onRemoveTab={removeTab}
      />
    </section>
  );
}
