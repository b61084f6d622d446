// A scroll box showing only its visible rows (virtual-window.ts): its scroll position and height,
// and `reveal` to bring a row into view before focusing it.
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { scrollToRow, virtualWindow } from './virtual-window.ts';

export function useVirtualWindow(count: number, rowHeight: number) {
  const box = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(800);

  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    setHeight(el.clientHeight || 800);
    const ro = new ResizeObserver(() => setHeight(el.clientHeight || 800));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  const reveal = (index: number) => {
    const el = box.current;
    if (!el) return;
    const top = scrollToRow(index, rowHeight, el.scrollTop, el.clientHeight || height);
    if (top !== el.scrollTop) el.scrollTop = top;
    setScrollTop(el.scrollTop);
  };

  const toTop = () => {
    if (box.current) box.current.scrollTop = 0;
    setScrollTop(0);
  };

  return {
    box,
    ...virtualWindow(count, rowHeight, scrollTop, height),
    onScroll: (e: Event) => setScrollTop((e.currentTarget as HTMLElement).scrollTop),
    reveal,
    toTop,
  };
}
