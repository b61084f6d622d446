// The Details tab beside the table: the edit form while one is open, else the selected cookie.
import type { CookieRecord } from '../../core/cookies/cookie-record.ts';
import type { Flavour } from '../../core/flavour.ts';
import type { CookieStoreSummary } from '../../shared/messages/cookies-messages.ts';
import { render } from '../i18n.ts';
import { CookieDetails } from './cookie-details.tsx';
import { draftFromCookie } from './cookie-draft.ts';
import { CookieEditor } from './cookie-editor.tsx';
import type { InspectorRow } from './rows.ts';
import { storeName } from './store-words.ts';
import type { Selection } from './use-selection.ts';

interface Props {
  selection: Selection;
  stores: readonly CookieStoreSummary[];
  browser: Flavour;
  now: number;
  showValues: boolean;
  onCopy(row: InspectorRow): void;
  onSave(cookie: CookieRecord, replaces?: CookieRecord): Promise<void>;
  onDelete(cookie: CookieRecord): void;
}

export function CookiePane({ selection, stores, browser, now, showValues, onCopy, onSave, onDelete }: Props) {
  const { editing, selectedRow: row } = selection;
  if (editing)
    return (
      <CookieEditor
        key={editing.editing ? `edit-${editing.editing.name}` : 'new'}
        initial={editing.draft}
        {...(editing.editing ? { editing: editing.editing } : {})}
        stores={stores.map((s) => s.id)}
        browser={browser}
        onSave={onSave}
        onCancel={() => selection.edit(undefined)}
      />
    );
  if (!row) return null;
  const store = stores.find((s) => s.id === row.cookie.storeId);
  return (
    <CookieDetails
      row={row}
      now={now}
      revealed={showValues || selection.revealed.has(row.key)}
      onReveal={showValues ? undefined : () => selection.toggleRevealed(row.key)}
      onCopy={() => onCopy(row)}
      store={stores.length > 1 ? render(storeName(store ?? { id: row.cookie.storeId, incognito: false })) : undefined}
      onEdit={() => selection.edit({ draft: draftFromCookie(row.cookie, Date.now()), editing: row.cookie })}
      onDelete={() => onDelete(row.cookie)}
      onClose={selection.unselect}
    />
  );
}
