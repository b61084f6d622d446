// Above the tabs: how many are checked (in every session), and what to do with them.
import { useState } from 'preact/hooks';
import type { Session } from '../../core/model.ts';
import { t } from '../i18n.ts';
import { countedText } from './counted-text.ts';
import type { MoveTarget } from '../../shared/messages/manager-messages.ts';

const NEW = '\u0000new';

interface Props {
  count: number;
  sessions: Session[];
  busy: boolean;
  onOpen: () => void;
  onMove: (to: MoveTarget) => void;
  onDelete: () => void;
  onClear: () => void;
}

export function SelectionBar({ count, sessions, busy, onOpen, onMove, onDelete, onClear }: Props) {
  const [moving, setMoving] = useState(false);
  const [target, setTarget] = useState(NEW);
  const [name, setName] = useState('');
  const none = count === 0 || busy;

  const submit = (e: Event) => {
    e.preventDefault();
    onMove(target === NEW ? { newName: name } : { sessionId: target });
    setMoving(false);
    setName('');
  };

  return (
    <div class="selection-bar">
      <div class="toolbar">
        <span class="count" aria-live="polite">
          {countedText(count, 'managerSelectedOne', 'managerSelectedOther')}
        </span>
        <button type="button" class="primary" disabled={none} onClick={onOpen}>
          {t('managerOpenSelected')}
        </button>
        <button type="button" disabled={none} aria-expanded={moving} onClick={() => setMoving((m) => !m)}>
          {t('managerMoveTo')}
        </button>
        <button type="button" class="danger" disabled={none} onClick={onDelete}>
          {t('managerDelete')}
        </button>
        <button type="button" disabled={count === 0} onClick={onClear}>
          {t('managerClearSelection')}
        </button>
      </div>
      {moving && count > 0 && (
        <form class="toolbar move-form" onSubmit={submit}>
          <select aria-label={t('managerMoveTarget')} value={target} onChange={(e) => setTarget(e.currentTarget.value)}>
            <option value={NEW}>{t('managerNewSession')}</option>
            {sessions.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
          {target === NEW && (
            <input
              type="text"
              aria-label={t('managerNewSessionName')}
              placeholder={t('managerNewSessionName')}
              value={name}
              onInput={(e) => setName(e.currentTarget.value)}
              required
            />
          )}
          <button type="submit" disabled={busy}>
            {t('managerMove')}
          </button>
          <button type="button" onClick={() => setMoving(false)}>
            {t('cancel')}
          </button>
        </form>
      )}
    </div>
  );
}
