// Beside the table: the edit form while one is open, else the selected cookie's details.
import type { CookieRecord } from '../../core/cookies/cookie-record.ts';
import { CookieDetails } from './cookie-details.tsx';
import { draftFromCookie } from './cookie-draft.ts';
import { CookieEditor } from './cookie-editor.tsx';
import type { Selection } from './use-selection.ts';
import type { Flavour } from '../../core/flavour.ts';

interface Props {
  selection: Selection;
  stores: readonly string[];
  browser: Flavour;
  now: number;
  onSave(cookie: CookieRecord, replaces?: CookieRecord): Promise<void>;
  onDelete(cookie: CookieRecord): void;
}

export function CookiePane({ selection, stores, browser, now, onSave, onDelete }: Props) {
  const { editing, selectedRow: row } = selection;
  if (editing)
    return (
      <CookieEditor
        key={editing.editing ? `edit-${editing.editing.name}` : 'new'}
        initial={editing.draft}
        {...(editing.editing ? { editing: editing.editing } : {})}
        stores={stores}
        browser={browser}
        onSave={onSave}
        onCancel={() => selection.edit(undefined)}
      />
    );
  if (!row) return null;
  return (
    <CookieDetails
      row={row}
      now={now}
      revealed={selection.revealed.has(row.key)}
      onEdit={() => selection.edit({ draft: draftFromCookie(row.cookie, Date.now()), editing: row.cookie })}
      onDelete={() => onDelete(row.cookie)}
      onClose={selection.unselect}
    />
  );
}
