import { t } from '../i18n.ts';

export function RestoreProgress({ done, total, onCancel }: { done: number; total: number; onCancel: () => void }) {
  return (
    <div class="progress" role="status">
      <progress max={total} value={done} aria-label={t('restoring', done, total)} />
      <span>{t('restoring', done, total)}</span>
      <button type="button" onClick={onCancel}>
        {t('cancel')}
      </button>
    </div>
  );
}
