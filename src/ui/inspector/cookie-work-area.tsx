// The table and, beside it, the chosen cookie's details or edit form.
import type { SiteCookies } from '../../shared/messages/cookies-messages.ts';
import { CookiePane } from './cookie-pane.tsx';
import { CookieTable } from './cookie-table.tsx';
import type { CookieActions } from './use-cookie-actions.ts';
import type { Selection } from './use-selection.ts';
import type { TableView } from './use-table-view.ts';

interface Props {
  view: TableView;
  selection: Selection;
  actions: CookieActions;
  data: SiteCookies | undefined;
  now: number;
}

export function CookieWorkArea({ view, selection, actions, data, now }: Props) {
  return (
    <div class="work">
      <CookieTable
        rows={view.shown}
        sort={view.sort}
        onSort={view.sortBy}
        selected={selection.selected}
        onSelect={(r) => selection.select(r.key)}
        checked={selection.checked}
        onCheck={(r, on) => selection.check(r.key, on)}
        onCheckAll={(on) => selection.checkOnly(on ? view.shown.map((r) => r.key) : [])}
        revealed={selection.revealed}
        onReveal={(r) => selection.toggleRevealed(r.key)}
        onCopy={(r) => void actions.copy(r)}
        now={now}
      />
      <CookiePane
        selection={selection}
        stores={data?.stores.map((s) => s.id) ?? []}
        browser={data?.browser ?? 'chrome'}
        now={now}
        onSave={actions.save}
        onDelete={(c) => void actions.remove(c)}
      />
    </div>
  );
}
