// Beside the table, always in view: the audit's findings, the live change log, and the chosen
// cookie's details, as tabs. The table keeps its width whichever tab shows, so opening details
// never hides a column.
import type { ComponentChildren } from 'preact';
import { t } from '../i18n.ts';
import type { MessageKey } from '../message-keys.ts';

export type SideTab = 'details' | 'findings' | 'changes';

const LABEL: Record<SideTab, MessageKey> = {
  details: 'inspTabDetails',
  findings: 'inspTabFindings',
  changes: 'inspTabChanges',
};

export interface SidePaneTab {
  id: SideTab;
  /** A number beside the tab's name (new changes, findings), when there is one to give. */
  badge?: number;
  content: () => ComponentChildren;
}

interface Props {
  tabs: readonly SidePaneTab[];
  active: SideTab;
  onActive(tab: SideTab): void;
}

export function SidePane({ tabs, active, onActive }: Props) {
  const current = tabs.find((x) => x.id === active) ?? tabs[0]!;
  // Arrow keys move between tabs, as in any tab list; only the chosen tab is in the Tab order.
  const onKeyDown = (e: KeyboardEvent) => {
    const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    e.preventDefault();
    const i = tabs.indexOf(current);
    const next = tabs[(i + step + tabs.length) % tabs.length]!;
    onActive(next.id);
    document.getElementById(`side-tab-${next.id}`)?.focus();
  };
  return (
    <aside class="side">
      <div class="tabs" role="tablist" aria-label={t('inspSideTabs')} onKeyDown={onKeyDown}>
        {tabs.map((x) => (
          <button
            key={x.id}
            type="button"
            role="tab"
            id={`side-tab-${x.id}`}
            aria-selected={x === current}
            aria-controls={`side-panel-${x.id}`}
            tabIndex={x === current ? 0 : -1}
            onClick={() => onActive(x.id)}
          >
            {t(LABEL[x.id])}
            {x.badge ? <span class="badge">{x.badge}</span> : null}
          </button>
        ))}
      </div>
      <div class="tab-panel" role="tabpanel" id={`side-panel-${current.id}`} aria-labelledby={`side-tab-${current.id}`}>
        {current.content()}
      </div>
    </aside>
  );
}
