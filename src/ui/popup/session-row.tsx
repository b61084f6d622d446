// One saved session in the list: name, when, how big, and its actions.
import { absoluteTime, relativeTime } from '../../core/format-time.ts';
import type { Session } from '../../core/model.ts';
import { countsText, t } from '../i18n.ts';
import { kindLabel } from './kind-filter.tsx';

export const ROW_HEIGHT = 56;

interface Props {
  session: Session;
  top: number;
  now: number;
  position: number;
  size: number;
  onRestore: (s: Session) => void;
  onDelete: (s: Session) => void;
  onKeep: (s: Session) => void;
  onDetails: (s: Session) => void;
}

export function SessionRow({ session: s, top, now, position, size, onRestore, onDelete, onKeep, onDetails }: Props) {
  return (
    <li
      class="session"
      style={{ top: `${top}px`, height: `${ROW_HEIGHT}px` }}
      aria-posinset={position}
      aria-setsize={size}
      tabIndex={0}
      data-nav
      data-index={position - 1}
      onKeyDown={(e) => {
        // Enter on the row itself restores; on one of its buttons, the button acts.
        if (e.key === 'Enter' && e.target === e.currentTarget) onRestore(s);
      }}
    >
      <div class="info">
        <button type="button" class="name link" title={s.name} onClick={() => onDetails(s)}>
          {s.name}
        </button>
        <div class="meta">
          <time dateTime={new Date(s.createdAt).toISOString()} title={absoluteTime(s.createdAt)}>
            {relativeTime(s.createdAt, now)}
          </time>
          {' · '}
          {countsText(s.counts.windows, s.counts.tabs)}
          {s.kind !== 'manual' && ` · ${kindLabel(s)}`}
          {s.tags.length > 0 && ` · ${s.tags.map((tag) => `#${tag}`).join(' ')}`}
        </div>
      </div>
      {s.kind !== 'manual' && s.kind !== 'imported' && (
        <button type="button" aria-label={t('keepSession', s.name)} onClick={() => onKeep(s)}>
          {t('keepShort')}
        </button>
      )}
      <button type="button" class="primary" aria-label={t('restoreSession', s.name)} onClick={() => onRestore(s)}>
        {t('restoreShort')}
      </button>
      <button type="button" class="danger" aria-label={t('deleteSession', s.name)} onClick={() => onDelete(s)}>
        {t('deleteShort')}
      </button>
    </li>
  );
}
