// The bench's marks (first rows on screen, search results shown, import and export started): the
// e2e build only. Call sites guard each call with `if (__TABULARIUM_E2E__)`, so in the store
// build the whole call, mark name included, is dropped by the minifier and no hook ships.
export function benchMark(name: string, detail?: unknown): void {
  performance.mark(name, detail === undefined ? undefined : { detail });
}

/** Once per page: the first time `name` is reached. */
export function benchMarkOnce(name: string): void {
  if (performance.getEntriesByName(name).length === 0) performance.mark(name);
}

/** The time from the `start` mark to now, under `name`. */
export function benchMeasure(name: string, start: string): void {
  performance.measure(name, start);
}
