// One performance mark when the first rows reach the screen: the bench reads it (e2e build only).
import { useLayoutEffect, useRef } from 'preact/hooks';
import { benchMark } from '../bench-mark.ts';

export const FIRST_ROWS_MARK = 'tabularium:inspector-first-rows';

export function useFirstRowsMark(shown: readonly unknown[]): void {
  const marked = useRef(false);
  // Set in the frame that paints them: a layout effect runs right after the DOM changed, and its
  // rAF callback runs just before that frame is painted.
  useLayoutEffect(() => {
    if (marked.current || shown.length === 0) return;
    marked.current = true;
    if (__TABULARIUM_E2E__) requestAnimationFrame(() => benchMark(FIRST_ROWS_MARK));
  }, [shown]);
}
