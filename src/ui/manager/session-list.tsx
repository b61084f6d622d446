// The sessions on the left, windowed: only the rows on screen are in the DOM. Arrow keys move
// between them, Enter or a click chooses one, ArrowRight goes to its tabs.
import { useLayoutEffect } from 'preact/hooks';
import type { Session } from '../../core/model.ts';
import { relativeTime } from '../../core/format-time.ts';
import { benchMarkOnce } from '../bench-mark.ts';
import { countsText, t } from '../i18n.ts';
import { countedText } from './counted-text.ts';
import { useVirtualWindow } from './use-virtual-window.ts';

export const SESSION_ROW = 52;
export const FIRST_ROWS_MARK = 'tabularium:manager-first-rows';

interface Props {
  sessions: Session[];
  chosenId: string | undefined;
  checkedIn: Map<string, number>;
  onChoose: (s: Session) => void;
  /** ArrowRight: into the chosen session's tabs. */
  onEnterTabs: () => void;
}

export function SessionList({ sessions, chosenId, checkedIn, onChoose, onEnterTabs }: Props) {
  const win = useVirtualWindow(sessions.length, SESSION_ROW);

  useLayoutEffect(() => {
    // For the benchmark: when the first rows were on screen.
    if (__TABULARIUM_E2E__ && sessions.length > 0) benchMarkOnce(FIRST_ROWS_MARK);
  }, [sessions.length > 0]);

  const focusRow = (index: number) => {
    win.reveal(index);
    const find = () => win.box.current?.querySelector<HTMLElement>(`[data-index="${index}"]`);
    const el = find();
    if (el) el.focus();
    else requestAnimationFrame(() => find()?.focus());
  };

  const onKeyDown = (e: KeyboardEvent) => {
    const row = (e.target as HTMLElement).closest<HTMLElement>('[data-index]');
    if (!row) return;
    const index = Number(row.dataset.index);
    const moves: Record<string, number> = {
      ArrowDown: index + 1,
      ArrowUp: index - 1,
      Home: 0,
      End: sessions.length - 1,
      PageDown: index + 10,
      PageUp: index - 10,
    };
    if (e.key === 'ArrowRight') {
      e.preventDefault();
      const s = sessions[index];
      if (s && s.id !== chosenId) onChoose(s);
      onEnterTabs();
    } else if (e.key in moves) {
      e.preventDefault();
      const next = Math.max(0, Math.min(sessions.length - 1, moves[e.key]!));
      focusRow(next);
      // Moving through the list shows each session's tabs, as a file manager's tree does.
      const s = sessions[next];
      if (s) onChoose(s);
    }
  };

  const now = Date.now();
  const chosenIndex = sessions.findIndex((s) => s.id === chosenId);
  const tabbable = chosenIndex >= win.first && chosenIndex < win.last ? chosenIndex : win.first;
  return (
    <div class="scroll" ref={win.box} onScroll={win.onScroll} onKeyDown={onKeyDown}>
      <ul aria-label={t('savedSessions')} class="sessions" style={{ height: `${win.total}px` }}>
        {sessions.slice(win.first, win.last).map((s, i) => {
          const index = win.first + i;
          const checked = checkedIn.get(s.id) ?? 0;
          return (
            <li
              key={s.id}
              style={{ top: `${index * SESSION_ROW}px` }}
              aria-setsize={sessions.length}
              aria-posinset={index + 1}
            >
              <button
                type="button"
                class={`session-item${s.id === chosenId ? ' chosen' : ''}`}
                aria-current={s.id === chosenId ? 'true' : undefined}
                data-index={index}
                tabIndex={index === tabbable ? 0 : -1}
                onClick={() => onChoose(s)}
              >
                <span class="name">{s.name}</span>
                <span class="meta">
                  {countsText(s.counts.windows, s.counts.tabs)} · {relativeTime(s.createdAt, now)}
                  {checked > 0 && (
                    <span class="checked-count">
                      {' '}
                      · {countedText(checked, 'managerCheckedOne', 'managerCheckedOther')}
                    </span>
                  )}
                </span>
              </button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
