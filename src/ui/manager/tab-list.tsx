// The chosen session's windows and tabs, windowed (a session may hold 50,000 tabs). Each tab is a
// checkbox named by its title; one row at a time is in the Tab order (arrow keys move it).
// Space checks, Shift+Space and Shift+click check a range, Ctrl/Cmd+A checks every tab, Enter
// opens the checked tabs, ArrowLeft goes back to the sessions.
import { useEffect, useRef, useState } from 'preact/hooks';
import { Favicon } from '../components/favicon.tsx';
import { t } from '../i18n.ts';
import { countedText } from './counted-text.ts';
import { isChecked, setRange, toggle, toggleAll, type Selection } from './selection.ts';
import type { TabRow } from './tab-rows.ts';
import type { TabRef } from '../../shared/messages/manager-messages.ts';
import { useVirtualWindow } from './use-virtual-window.ts';

export const TAB_ROW = 32;

interface Props {
  label: string;
  rows: TabRow[];
  refs: TabRef[];
  selection: Selection;
  onSelection: (s: Selection) => void;
  onOpen: () => void;
  onLeave: () => void;
  /** Focus the current tab once the rows are there (ArrowRight from the sessions came first). */
  focusWanted: boolean;
  onFocused: () => void;
}

function hostOf(url: string): string {
  try {
    return new URL(url).host || url;
  } catch {
    return url;
  }
}

export function TabList({ label, rows, refs, selection, onSelection, onOpen, onLeave, focusWanted, onFocused }: Props) {
  const win = useVirtualWindow(rows.length, TAB_ROW);
  const [active, setActive] = useState(() => rows.findIndex((r) => r.kind === 'tab'));
  // Where a range starts: the last tab checked or unchecked one by one.
  const anchor = useRef(0);

  // The row the keys act on: kept here, not read from the event, so keys pressed faster than the
  // focus moves (a row scrolled into view renders a frame later) still act on the right row.
  const current = useRef(active);
  const focusRow = (index: number) => {
    current.current = index;
    setActive(index);
    win.reveal(index);
    const find = () => win.box.current?.querySelector<HTMLElement>(`[data-row="${index}"]`);
    const el = find();
    if (el) el.focus();
    else requestAnimationFrame(() => find()?.focus());
  };

  useEffect(() => {
    if (!focusWanted || rows.length === 0) return;
    onFocused();
    focusRow(active >= 0 ? active : nextTabRow(-1, 1));
  }, [focusWanted, rows]);

  const check = (row: TabRow & { kind: 'tab' }, range: boolean) => {
    const on = !isChecked(selection, row.ref);
    if (range) onSelection(setRange(selection, refs, anchor.current, row.order, on));
    else onSelection(toggle(selection, row.ref, on));
    anchor.current = row.order;
  };

  const nextTabRow = (from: number, step: number) => {
    for (let i = from + step; i >= 0 && i < rows.length; i += step) if (rows[i]!.kind === 'tab') return i;
    return from;
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (!(e.target as HTMLElement).closest('[data-row]')) return;
    const index = current.current;
    const row = rows[index];
    if (!row || row.kind !== 'tab') return;
    if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'a') {
      e.preventDefault();
      onSelection(toggleAll(selection, refs));
    } else if (e.key === ' ') {
      e.preventDefault();
      check(row, e.shiftKey);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      onOpen();
    } else if (e.key === 'ArrowLeft') {
      e.preventDefault();
      onLeave();
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const next = nextTabRow(index, e.key === 'ArrowDown' ? 1 : -1);
      focusRow(next);
      // Shift+arrow extends the range to the row it lands on, as lists of files do.
      const to = rows[next];
      if (e.shiftKey && to?.kind === 'tab') onSelection(setRange(selection, refs, anchor.current, to.order, true));
    } else if (e.key === 'Home' || e.key === 'End') {
      e.preventDefault();
      focusRow(e.key === 'Home' ? nextTabRow(-1, 1) : nextTabRow(rows.length, -1));
    } else if (e.key === 'PageDown' || e.key === 'PageUp') {
      e.preventDefault();
      const page = Math.max(1, Math.floor((win.box.current?.clientHeight ?? 320) / TAB_ROW) - 1);
      const target = Math.max(0, Math.min(rows.length - 1, index + (e.key === 'PageDown' ? page : -page)));
      focusRow(rows[target]?.kind === 'tab' ? target : nextTabRow(target, 1));
    }
  };

  // One row in the Tab order: the current one, or the first tab on screen when it scrolled away.
  let tabbable = active;
  if (!(active >= win.first && active < win.last && rows[active]?.kind === 'tab')) {
    tabbable = rows.findIndex((r, i) => i >= win.first && r.kind === 'tab');
  }
  return (
    <div class="scroll" ref={win.box} onScroll={win.onScroll} onKeyDown={onKeyDown}>
      <div role="group" aria-label={label} class="tabs" style={{ height: `${win.total}px` }}>
        {rows.slice(win.first, win.last).map((row, i) => {
          const index = win.first + i;
          const top = `${index * TAB_ROW}px`;
          if (row.kind === 'window') {
            return (
              <div key={`w${row.windowIndex}`} class="window-head" style={{ top }}>
                {countedText(row.tabs, 'managerWindowTabsOne', 'managerWindowTabsOther', row.windowIndex + 1)}
              </div>
            );
          }
          const on = isChecked(selection, row.ref);
          const title = row.tab.title || row.tab.url;
          return (
            <div
              key={`${row.ref.windowIndex}:${row.ref.tabIndex}`}
              role="checkbox"
              aria-checked={on}
              aria-label={title}
              class={`tab-row${on ? ' on' : ''}`}
              style={{ top }}
              data-row={index}
              tabIndex={index === tabbable ? 0 : -1}
              onFocus={() => {
                current.current = index;
                setActive(index);
              }}
              onClick={(e) => check(row, e.shiftKey)}
            >
              <span class="box" aria-hidden="true" />
              <Favicon pageUrl={row.tab.url} />
              <span class="title">{title}</span>
              <span class="host">{hostOf(row.tab.url)}</span>
            </div>
          );
        })}
      </div>
      {rows.length === 0 && <p class="empty">{t('managerChooseSession')}</p>}
    </div>
  );
}
