// The windows, groups and tabs of a moment, each tab with its favicon and title, marked when it is
// closed now; each window and tab can come back on its own.
// A moment may hold thousands of tabs and a slider step shows another one: only the rows on screen
// are in the DOM (as the session tab list, ../use-virtual-window.ts), each window a list of its
// tabs positioned by row, and a row showing the same tab as before is not rendered again.
import { useMemo } from 'preact/hooks';
import { Favicon } from '../../components/favicon.tsx';
import { t } from '../../i18n.ts';
import { useVirtualWindow } from '../use-virtual-window.ts';
import { memo } from './memo.ts';
import { windowRows, type MomentModel, type MomentTab } from './moment-model.ts';

/** One row: a window's heading or a tab (history.css draws them this high). */
export const MOMENT_ROW = 28;

interface TabRowProps {
  tab: MomentTab;
  windowIndex: number;
  tabIndex: number;
  setSize: number;
  onRestoreTab: (windowIndex: number, tabIndex: number) => void;
}

const sameTab = (a: MomentTab, b: MomentTab) =>
  a === b ||
  (a.url === b.url &&
    a.title === b.title &&
    a.pinned === b.pinned &&
    a.closedNow === b.closedNow &&
    a.group?.title === b.group?.title &&
    a.group?.color === b.group?.color);

// Each step builds the moment anew: a row compares what it shows, not the objects.
const MomentTabRow = memo(
  ({ tab, windowIndex, tabIndex, setSize, onRestoreTab }: TabRowProps) => (
    <li
      class={tab.closedNow ? 'closed-now' : undefined}
      style={{ top: `${tabIndex * MOMENT_ROW}px` }}
      aria-posinset={tabIndex + 1}
      aria-setsize={setSize}
    >
      <Favicon pageUrl={tab.url} />
      {tab.group && <span class={`group-chip group-${tab.group.color}`}>{tab.group.title || t('historyGroup')}</span>}
      {tab.pinned && <span class="muted">{t('historyPinned')}</span>}
      <span class="tab-title" title={tab.url}>
        {tab.title}
      </span>
      {tab.closedNow && <span class="muted">{t('historyClosedNow')}</span>}
      <button
        type="button"
        class="link"
        aria-label={t('historyReopenTab', tab.title)}
        onClick={() => onRestoreTab(windowIndex, tabIndex)}
      >
        {t('historyReopen')}
      </button>
    </li>
  ),
  (a, b) =>
    a.windowIndex === b.windowIndex &&
    a.tabIndex === b.tabIndex &&
    a.setSize === b.setSize &&
    a.onRestoreTab === b.onRestoreTab &&
    sameTab(a.tab, b.tab),
);

export function MomentWindows({
  model,
  onRestoreWindow,
  onRestoreTab,
}: {
  model: MomentModel;
  onRestoreWindow: (windowIndex: number) => void;
  onRestoreTab: (windowIndex: number, tabIndex: number) => void;
}) {
  const rows = useMemo(() => windowRows(model), [model]);
  const win = useVirtualWindow(rows.total, MOMENT_ROW);
  return (
    <div class="scroll moment-scroll" ref={win.box} onScroll={win.onScroll}>
      <ol class="moment-windows" style={{ height: `${win.total}px` }}>
        {model.windows.map((w, wi) => {
          const start = rows.starts[wi]!;
          const end = start + 1 + w.tabs.length;
          if (end <= win.first || start >= win.last) return null;
          // The window's tabs on screen: row `start + 1 + ti` is tab ti.
          const from = Math.max(0, win.first - start - 1);
          const to = Math.min(w.tabs.length, win.last - start - 1);
          const name = t('historyWindow', String(wi + 1));
          return (
            <li
              key={wi}
              style={{ top: `${start * MOMENT_ROW}px`, height: `${(end - start) * MOMENT_ROW}px` }}
              aria-posinset={wi + 1}
              aria-setsize={model.windows.length}
            >
              <div class="moment-window-head">
                <h3>{name}</h3>
                <button type="button" class="link" onClick={() => onRestoreWindow(wi)}>
                  {t('historyRestoreWindow', String(wi + 1))}
                </button>
              </div>
              <ul aria-label={name} style={{ height: `${w.tabs.length * MOMENT_ROW}px` }}>
                {w.tabs.slice(from, Math.max(from, to)).map((tab, i) => (
                  <MomentTabRow
                    key={from + i}
                    tab={tab}
                    windowIndex={wi}
                    tabIndex={from + i}
                    setSize={w.tabs.length}
                    onRestoreTab={onRestoreTab}
                  />
                ))}
              </ul>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
