// Restore or delete the whole session: the "Restore into" choice, its buttons, and the question
// Replace asks first.
import type { Session } from '../../core/model.ts';
import type { RestoreMode } from '../../core/restore-plan.ts';
import { t } from '../i18n.ts';
import { type ModeChoice, useRestoreMode } from './use-restore-mode.ts';

interface Props {
  session: Session;
  onRestore: (s: Session, mode?: RestoreMode) => void;
  onDelete: (s: Session) => void;
}

export function RestoreControls({ session, onRestore, onDelete }: Props) {
  const { mode, choose, confirming, cancel, restore } = useRestoreMode(session, onRestore);
  return (
    <>
      <div class="row">
        <label class="inline">
          {t('restoreMode')}
          <select value={mode} onChange={(e) => choose(e.currentTarget.value as ModeChoice)}>
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
          <button type="button" onClick={cancel}>
            {t('confirmNo')}
          </button>
        </div>
      )}
    </>
  );
}
