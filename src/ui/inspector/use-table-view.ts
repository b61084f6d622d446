// What the table shows of the rows: the filter and the sort the person chose.
import { useMemo, useState } from 'preact/hooks';
import type { InspectorRow } from './rows.ts';
import { filterRows, nextSort, NO_FILTER, sortRows, type RowFilter, type Sort, type SortKey } from './table-model.ts';

export interface TableView {
  filter: RowFilter;
  changeFilter(patch: Partial<RowFilter>): void;
  sort: Sort;
  sortBy(key: SortKey): void;
  /** The rows to show, filtered and in order. */
  shown: InspectorRow[];
}

export function useTableView(rows: InspectorRow[]): TableView {
  const [filter, setFilter] = useState<RowFilter>(NO_FILTER);
  const [sort, setSort] = useState<Sort>({ key: 'name', dir: 'ascending' });
  // Sorted apart from filtering: a filter keystroke does not sort thousands of rows again.
  const sorted = useMemo(() => sortRows(rows, sort), [rows, sort]);
  const shown = useMemo(() => filterRows(sorted, filter), [sorted, filter]);
  return {
    filter,
    changeFilter: (patch) => setFilter((f) => ({ ...f, ...patch })),
    sort,
    sortBy: (key) => setSort((s) => nextSort(s, key)),
    shown,
  };
}
