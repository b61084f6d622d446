import { counted, t } from '../i18n.ts';

export function RestoreProgress({ done, total, onCancel }: { done: number; total: number; onCancel: () => void }) {
  const text = counted(total, 'restoringOne', 'restoringOther', done);
  return (
    <div class="progress" role="status">
      <progress max={total} value={done} aria-label={text} />
      <span>{text}</span>
      <button type="button" onClick={onCancel}>
        {t('cancel')}
      </button>
    </div>
  );
}
