// The saved sessions, windowed: only the rows on screen are in the DOM, so thousands of sessions
// open as fast as ten.
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Session } from '../../core/model.ts';
import { t } from '../i18n.ts';
import { SessionRow, ROW_HEIGHT, type RowHandlers } from './session-row.tsx';
import { benchMarkOnce } from '../bench-mark.ts';

const OVERSCAN = 6;
export const FIRST_ITEMS_MARK = 'tabularium:first-items';

interface Props extends RowHandlers {
  sessions: Session[];
  loading: boolean;
  filtered: boolean;
  /** Shows every session again (the kind and tag filters hid them all). */
  onClearFilter: () => void;
  /** The row being named in place, after a save. */
  renamingId: string | undefined;
  icons?: ReadonlyMap<string, readonly string[]>;
  /** The rows on screen changed: their favicons may be asked for. */
  onShown?: (ids: readonly string[]) => void;
  /** Focus leaves the list upwards (back to the search box). */
  onExitTop: () => void;
}

export function SessionList(props: Props) {
  const { sessions, loading, filtered, onExitTop } = props;
  const box = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(600);

  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setHeight(el.clientHeight || 600));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  useLayoutEffect(() => {
    // For the benchmark: when the first rows were on screen.
    if (__TABULARIUM_E2E__ && sessions.length > 0) benchMarkOnce(FIRST_ITEMS_MARK);
  }, [sessions.length > 0]);

  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(sessions.length, Math.ceil((scrollTop + height) / ROW_HEIGHT) + OVERSCAN);
  const shown = sessions.slice(first, last);
  const shownKey = shown.map((s) => s.id).join(',');
  useLayoutEffect(() => {
    if (shown.length) props.onShown?.(shown.map((s) => s.id));
  }, [shownKey]);

  if (!loading && sessions.length === 0) {
    // "Nothing matches these filters" is not "nothing saved yet": each says what to do.
    return filtered ? (
      <div class="empty">
        <p>{t('noMatchesFilter')}</p>
        <button type="button" onClick={props.onClearFilter}>
          {t('clearFilter')}
        </button>
      </div>
    ) : (
      <p class="empty">{t('noSessions')}</p>
    );
  }
  const now = Date.now();

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    const row = (e.target as HTMLElement).closest<HTMLElement>('[data-nav]');
    if (!row) return;
    e.preventDefault();
    const index = Number(row.dataset.index);
    if (e.key === 'ArrowUp' && index === 0) return onExitTop();
    const next = index + (e.key === 'ArrowDown' ? 1 : -1);
    if (next >= sessions.length) return;
    // The next row may not be rendered yet: scroll it into the window, then focus it.
    const el = box.current;
    if (el) {
      const top = next * ROW_HEIGHT;
      if (top < el.scrollTop) el.scrollTop = top;
      else if (top + ROW_HEIGHT > el.scrollTop + el.clientHeight) el.scrollTop = top + ROW_HEIGHT - el.clientHeight;
      setScrollTop(el.scrollTop);
    }
    requestAnimationFrame(() => box.current?.querySelector<HTMLElement>(`[data-index="${next}"]`)?.focus());
  };

  return (
    <div class="list" ref={box} onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)} onKeyDown={onKeyDown}>
      <ul aria-label={t('savedSessions')} style={{ height: `${sessions.length * ROW_HEIGHT}px` }}>
        {shown.map((s, i) => (
          <SessionRow
            key={s.id}
            session={s}
            top={(first + i) * ROW_HEIGHT}
            now={now}
            position={first + i + 1}
            size={sessions.length}
            renaming={props.renamingId === s.id}
            icons={props.icons?.get(s.id)}
            onRestore={props.onRestore}
            onDelete={props.onDelete}
            onKeep={props.onKeep}
            onDetails={props.onDetails}
            onRenamed={props.onRenamed}
          />
        ))}
      </ul>
    </div>
  );
}
