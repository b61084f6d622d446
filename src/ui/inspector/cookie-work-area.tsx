// The table and, beside it, the side pane: the site's findings, the change log, and the chosen
// cookie's details or edit form.
import type { CookieChange } from '../../core/cookies/cookie-log-pairing.ts';
import type { SiteCookies } from '../../shared/messages/cookies-messages.ts';
import { CookieLogView } from './cookie-log-view.tsx';
import { CookiePane } from './cookie-pane.tsx';
import { CookieTable } from './cookie-table.tsx';
import { tableEmpty } from './page-state.ts';
import { SidePane, type SidePaneTab, type SideTab } from './side-pane.tsx';
import { SiteSummary } from './site-summary.tsx';
import { isFiltering, NO_FILTER } from './table-model.ts';
import type { AuditedRows } from './use-audited-rows.ts';
import type { CookieActions } from './use-cookie-actions.ts';
import type { Selection } from './use-selection.ts';
import type { TableView } from './use-table-view.ts';

interface Props {
  view: TableView;
  audited: AuditedRows;
  selection: Selection;
  actions: CookieActions;
  data: SiteCookies | undefined;
  log: readonly CookieChange[];
  showValues: boolean;
  tab: SideTab;
  onTab(tab: SideTab): void;
  now: number;
}

export function CookieWorkArea(p: Props) {
  const { view, selection, actions, data, now, showValues } = p;
  const hasDetails = !!selection.editing || !!selection.selectedRow;
  const tabs: SidePaneTab[] = [
    {
      id: 'findings',
      content: () => <SiteSummary audit={p.audited.audit} audited={p.audited.audited} rows={p.audited.rows} />,
    },
    {
      id: 'changes',
      badge: p.log.length,
      content: () => <CookieLogView log={p.log} showValues={showValues} now={now} />,
    },
  ];
  if (hasDetails)
    tabs.unshift({
      id: 'details',
      content: () => (
        <CookiePane
          selection={selection}
          stores={data?.stores ?? []}
          browser={data?.browser ?? 'chrome'}
          now={now}
          showValues={showValues}
          onCopy={(r) => void actions.copy(r)}
          onSave={actions.save}
          onDelete={(c) => void actions.remove(c)}
        />
      ),
    });
  const active = p.tab === 'details' && !hasDetails ? 'findings' : p.tab;
  return (
    <div class="work">
      <CookieTable
        rows={view.shown}
        sort={view.sort}
        onSort={view.sortBy}
        selected={selection.selected}
        onSelect={(r) => {
          selection.select(r.key);
          p.onTab('details');
        }}
        checked={selection.checked}
        onCheck={(r, on) => selection.check(r.key, on)}
        onCheckAll={(on) => selection.checkOnly(on ? view.shown.map((r) => r.key) : [])}
        showValues={showValues}
        revealed={selection.revealed}
        empty={tableEmpty(data !== undefined, p.audited.rows.length, view.shown.length, isFiltering(view.filter))}
        onClearFilter={() => view.changeFilter(NO_FILTER)}
        now={now}
      />
      <SidePane tabs={tabs} active={active} onActive={p.onTab} />
    </div>
  );
}
