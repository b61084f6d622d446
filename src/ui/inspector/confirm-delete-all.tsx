// Deleting every cookie of the site logs the person out everywhere on it: asked once more, with
// Cancel focused.
import { counted, t } from '../i18n.ts';

interface Props {
  count: number;
  host: string;
  onConfirm(): void;
  onCancel(): void;
}

export function ConfirmDeleteAll({ count, host, onConfirm, onCancel }: Props) {
  return (
    <div class="confirm" role="alertdialog" aria-labelledby="confirm-text">
      <p id="confirm-text">{counted(count, 'inspConfirmDeleteAllOne', 'inspConfirmDeleteAllOther', host)}</p>
      <button type="button" class="danger" onClick={onConfirm}>
        {t('inspConfirmDelete')}
      </button>
      <button type="button" autoFocus onClick={onCancel}>
        {t('inspCancel')}
      </button>
    </div>
  );
}
