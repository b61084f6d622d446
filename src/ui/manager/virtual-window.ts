// Which rows of a long list of fixed-height rows are on screen (plus a margin), so only those are in
// the DOM: 50,000 tabs render as ~40 elements.

export interface VirtualWindow {
  /** First row rendered (inclusive). */
  first: number;
  /** Last row rendered (exclusive). */
  last: number;
  /** The list's full height, for its scrollbar. */
  total: number;
}

export function virtualWindow(count: number, rowHeight: number, scrollTop: number, viewport: number, overscan = 6) {
  const total = count * rowHeight;
  const top = Math.max(0, Math.min(scrollTop, Math.max(0, total - viewport)));
  const first = Math.max(0, Math.floor(top / rowHeight) - overscan);
  const last = Math.min(count, Math.ceil((top + viewport) / rowHeight) + overscan);
  return { first, last: Math.max(first, last), total } satisfies VirtualWindow;
}

/** The scrollTop that brings row `index` fully into view, moving as little as possible. */
export function scrollToRow(index: number, rowHeight: number, scrollTop: number, viewport: number): number {
  const top = index * rowHeight;
  if (top < scrollTop) return top;
  if (top + rowHeight > scrollTop + viewport) return top + rowHeight - viewport;
  return scrollTop;
}
