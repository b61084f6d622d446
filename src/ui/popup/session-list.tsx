// The saved sessions, windowed: only the rows on screen are in the DOM, so thousands of sessions
// open as fast as ten.
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Session } from '../../core/model.ts';
import { t } from '../i18n.ts';
import { SessionRow, ROW_HEIGHT } from './session-row.tsx';

const OVERSCAN = 6;

interface Props {
  sessions: Session[];
  loading: boolean;
  filtered: boolean;
  onRestore: (s: Session) => void;
  onDelete: (s: Session) => void;
  onKeep: (s: Session) => void;
}

export function SessionList({ sessions, loading, filtered, onRestore, onDelete, onKeep }: Props) {
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

  if (!loading && sessions.length === 0) {
    return <p class="empty">{filtered ? t('noMatches') : t('noSessions')}</p>;
  }
  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(sessions.length, Math.ceil((scrollTop + height) / ROW_HEIGHT) + OVERSCAN);
  const now = Date.now();

  return (
    <div class="list" ref={box} onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}>
      <ul aria-label={t('savedSessions')} style={{ height: `${sessions.length * ROW_HEIGHT}px` }}>
        {sessions.slice(first, last).map((s, i) => (
          <SessionRow key={s.id} session={s} top={(first + i) * ROW_HEIGHT} now={now} position={first + i + 1} size={sessions.length} onRestore={onRestore} onDelete={onDelete} onKeep={onKeep} />
        ))}
      </ul>
    </div>
  );
}
