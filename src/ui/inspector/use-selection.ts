// What the person picked in the table: the cookie shown beside it (or being edited), the checked
// ones (for export), and the ones whose value is revealed. Rows are tracked by cookie identity, so
// a selection outlives the cookie's updates.
import { useMemo, useState } from 'preact/hooks';
import type { CookieRecord } from '../../core/cookies/cookie-record.ts';
import type { CookieDraft } from './cookie-draft.ts';
import type { InspectorRow } from './rows.ts';

/** The edit form's content; `editing` is the cookie it edits, absent for a new one. */
export interface Editing {
  draft: CookieDraft;
  editing?: CookieRecord;
}

function toggled(set: ReadonlySet<string>, key: string, on: boolean): ReadonlySet<string> {
  const next = new Set(set);
  if (on) next.add(key);
  else next.delete(key);
  return next;
}

export function useSelection(rows: readonly InspectorRow[]) {
  const [selected, setSelected] = useState<string | undefined>(undefined);
  const [editing, setEditing] = useState<Editing | undefined>(undefined);
  const [checked, setChecked] = useState<ReadonlySet<string>>(new Set());
  const [revealed, setRevealed] = useState<ReadonlySet<string>>(new Set());
  const checkedCookies = useMemo(() => rows.filter((r) => checked.has(r.key)).map((r) => r.cookie), [rows, checked]);

  return {
    selected,
    selectedRow: rows.find((r) => r.key === selected),
    /** Shows the cookie beside the table, closing the edit form. */
    select: (key: string) => {
      setSelected(key);
      setEditing(undefined);
    },
    unselect: () => setSelected(undefined),
    editing,
    edit: setEditing,
    checked,
    checkedCookies,
    check: (key: string, on: boolean) => setChecked((s) => toggled(s, key, on)),
    checkOnly: (keys: readonly string[]) => setChecked(new Set(keys)),
    revealed,
    toggleRevealed: (key: string) => setRevealed((s) => toggled(s, key, !s.has(key))),
  };
}

export type Selection = ReturnType<typeof useSelection>;
