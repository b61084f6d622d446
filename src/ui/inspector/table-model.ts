// Sorting and filtering of the cookie table: pure, so the rules are unit-tested and a filter
// keystroke over thousands of rows stays a plain array pass.
import type { Severity } from '../../core/cookies/audit-finding.ts';
import type { InspectorRow } from './rows.ts';

export type SortKey = 'name' | 'value' | 'domain' | 'path' | 'expires' | 'flags' | 'size' | 'token' | 'risk';
export type SortDir = 'ascending' | 'descending';

export interface Sort {
  key: SortKey;
  dir: SortDir;
}

export interface RowFilter {
  query: string;
  sessionOnly: boolean;
  tokensOnly: boolean;
  /** Only cookies the audit found something about. */
  findingsOnly: boolean;
}

export const NO_FILTER: RowFilter = { query: '', sessionOnly: false, tokensOnly: false, findingsOnly: false };

/** Whether the filter hides anything: "no match" is then the filter's doing, not the site's. */
export function isFiltering(f: RowFilter): boolean {
  return f.query.trim() !== '' || f.sessionOnly || f.tokensOnly || f.findingsOnly;
}

export function filterRows(rows: readonly InspectorRow[], f: RowFilter): InspectorRow[] {
  const q = f.query.trim().toLowerCase();
  if (!isFiltering(f)) return rows.slice();
  return rows.filter(
    (r) =>
      (!f.sessionOnly || r.cookie.session) &&
      (!f.tokensOnly || r.token !== undefined) &&
      (!f.findingsOnly || r.findings.length > 0) &&
      (!q || r.haystack.includes(q)),
  );
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });
const RISK: Record<Severity, number> = { High: 0, Medium: 1, Low: 2, Info: 3 };

function text(r: InspectorRow, key: SortKey): string {
  switch (key) {
    case 'name':
      return r.cookie.name;
    case 'value':
      return r.cookie.value;
    case 'domain':
      return r.cookie.domain.replace(/^\./, '');
    case 'path':
      return r.cookie.path;
    case 'flags':
      return r.flags.join(' ');
    default:
      return '';
  }
}

function num(r: InspectorRow, key: SortKey): number {
  switch (key) {
    // Session cookies first when ascending: they end soonest (with the browser).
    case 'expires':
      return r.cookie.session ? -Infinity : (r.cookie.expirationDate ?? 0);
    case 'size':
      return r.size;
    // Tokens first when ascending: they matter most.
    case 'token':
      return r.token === undefined ? 1 : 0;
    // Worst first when ascending; clean cookies last.
    case 'risk':
      return r.worst === undefined ? 4 : RISK[r.worst];
    default:
      return 0;
  }
}

const NUMERIC = new Set<SortKey>(['expires', 'size', 'token', 'risk']);

export function compareRows(a: InspectorRow, b: InspectorRow, key: SortKey): number {
  const primary = NUMERIC.has(key) ? num(a, key) - num(b, key) : collator.compare(text(a, key), text(b, key));
  // Ties fall back to name, then domain, then path, so the order never jumps between renders.
  return (
    primary ||
    collator.compare(a.cookie.name, b.cookie.name) ||
    collator.compare(a.cookie.domain, b.cookie.domain) ||
    collator.compare(a.cookie.path, b.cookie.path) ||
    (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)
  );
}

export function sortRows(rows: readonly InspectorRow[], s: Sort): InspectorRow[] {
  const sign = s.dir === 'ascending' ? 1 : -1;
  return rows.slice().sort((a, b) => sign * compareRows(a, b, s.key));
}

/** Clicking a header: a new column sorts ascending, the same column flips. */
export function nextSort(cur: Sort, key: SortKey): Sort {
  if (cur.key !== key) return { key, dir: 'ascending' };
  return { key, dir: cur.dir === 'ascending' ? 'descending' : 'ascending' };
}

/** Which rows of a windowed list are in the DOM: the visible ones plus a margin. */
export function visibleRange(
  count: number,
  scrollTop: number,
  viewport: number,
  rowHeight: number,
  overscan = 8,
): { first: number; last: number } {
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan);
  const last = Math.min(count, Math.ceil((scrollTop + viewport) / rowHeight) + overscan);
  return { first, last: Math.max(first, last) };
}
