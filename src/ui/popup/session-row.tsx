// One saved session in the list: its name above, when and how big below (smaller, muted), then
// its actions: Keep (automatic snapshots), Restore, the other ways to restore, Delete.
import { absoluteTime, relativeTime } from '../../core/format-time.ts';
import type { Session } from '../../core/model.ts';
import type { RestoreMode } from '../../core/restore-plan.ts';
import { Favicon } from '../components/favicon.tsx';
import { countsText, t } from '../i18n.ts';
import { kindLabel } from './kind-filter.tsx';
import { InlineRename } from './inline-rename.tsx';
import { RestoreMenu } from './restore-menu.tsx';

export const ROW_HEIGHT = 44;
/** Favicons shown on a row at most. */
export const ROW_ICONS = 5;

export interface RowHandlers {
  onRestore: (s: Session, mode?: RestoreMode) => void;
  onDelete: (s: Session) => void;
  onKeep: (s: Session) => void;
  onDetails: (s: Session) => void;
  /** The name typed in place (after a save's Rename); undefined when left as it was. */
  onRenamed: (s: Session, name: string | undefined) => void;
}

interface Props extends RowHandlers {
  session: Session;
  top: number;
  now: number;
  position: number;
  size: number;
  renaming: boolean;
  /** Addresses of the session's main sites, for their favicons (known once asked for). */
  icons: readonly string[] | undefined;
}

export function SessionRow(props: Props) {
  const { session: s, top, now, position, size, renaming, icons } = props;
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
        if (e.key === 'Enter' && e.target === e.currentTarget) props.onRestore(s);
      }}
    >
      <div class="info">
        {renaming ? (
          <InlineRename session={s} onDone={(name) => props.onRenamed(s, name)} />
        ) : (
          <button type="button" class="name link" title={s.name} onClick={() => props.onDetails(s)}>
            {s.name}
          </button>
        )}
        <div class="meta">
          {icons && icons.length > 0 && (
            <span class="icons" aria-hidden="true">
              {icons.slice(0, ROW_ICONS).map((u) => (
                <Favicon key={u} pageUrl={u} />
              ))}
            </span>
          )}
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
        <button
          type="button"
          class="compact"
          aria-label={t('keepSession', s.name)}
          title={t('keepTitle')}
          onClick={() => props.onKeep(s)}
        >
          {t('keepShort')}
        </button>
      )}
      <span class="split">
        <button
          type="button"
          class="primary compact"
          aria-label={t('restoreSession', s.name)}
          onClick={() => props.onRestore(s)}
        >
          {t('restoreShort')}
        </button>
        <RestoreMenu session={s} onRestore={props.onRestore} />
      </span>
      <button
        type="button"
        class="danger compact"
        aria-label={t('deleteSession', s.name)}
        title={t('deleteShort')}
        onClick={() => props.onDelete(s)}
      >
        {t('deleteShort')}
      </button>
    </li>
  );
}
