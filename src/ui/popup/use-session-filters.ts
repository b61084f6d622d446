// Which of the sessions the list shows: one kind, one tag, in the chosen order.
import { useMemo, useState } from 'preact/hooks';
import type { Session } from '../../core/model.ts';
import type { KindFilter } from './kind-filter.tsx';
import { sortSessions, type SortOrder } from './sort-select.tsx';
import { tagCounts } from './tag-filter.tsx';

/** `hidden`: sessions shown elsewhere (the one the recovery banner offers), left out of the list. */
export function useSessionFilters(all: Session[] | undefined, hidden: readonly string[] = []) {
  const sessions = useMemo(
    () => (hidden.length && all ? all.filter((s) => !hidden.includes(s.id)) : all),
    [all, hidden],
  );
  const [kind, setKind] = useState<KindFilter>('all');
  const [tagChoice, setTag] = useState('');
  const [sort, setSort] = useState<SortOrder>('newest');

  const counts = useMemo(() => {
    const m = new Map<KindFilter, number>([['all', sessions?.length ?? 0]]);
    for (const s of sessions ?? []) m.set(s.kind, (m.get(s.kind) ?? 0) + 1);
    return m;
  }, [sessions]);

  const tags = useMemo(() => tagCounts(sessions ?? []), [sessions]);
  // A tag no session carries any more (its last one was untagged or deleted) filters nothing.
  const tag = tags.some(([x]) => x === tagChoice) ? tagChoice : '';
  const visible = useMemo(
    () =>
      sortSessions(
        (sessions ?? []).filter((s) => (kind === 'all' || s.kind === kind) && (!tag || s.tags.includes(tag))),
        sort,
      ),
    [sessions, kind, tag, sort],
  );

  const clear = () => {
    setKind('all');
    setTag('');
  };
  return {
    kind,
    setKind,
    counts,
    tag,
    setTag,
    tags,
    sort,
    setSort,
    visible,
    filtered: kind !== 'all' || !!tag,
    clear,
  };
}

export type SessionFilters = ReturnType<typeof useSessionFilters>;
