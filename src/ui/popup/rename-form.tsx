// The session's name, editable; the draft lives with the session (useSessionDetail).
import { t } from '../i18n.ts';

interface Props {
  name: string;
  onInput: (name: string) => void;
  onSubmit: (e: Event) => Promise<void>;
}

export function RenameForm({ name, onInput, onSubmit }: Props) {
  return (
    <form class="row" onSubmit={(e) => void onSubmit(e)}>
      <input type="text" aria-label={t('sessionName')} value={name} onInput={(e) => onInput(e.currentTarget.value)} />
      <button type="submit">{t('saveName')}</button>
    </form>
  );
}
