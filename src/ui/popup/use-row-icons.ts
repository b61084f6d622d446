// Favicons for the rows on screen: asked for after the rows are painted (the list comes first), a
// few sessions at a time, each session once per list version.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { call } from '../../shared/client.ts';

export function useRowIcons(version: number) {
  const [icons, setIcons] = useState<ReadonlyMap<string, readonly string[]>>(new Map());
  const asked = useRef(new Set<string>());
  useEffect(() => {
    asked.current.clear();
  }, [version]);

  const want = useCallback((ids: readonly string[]) => {
    const missing = ids.filter((id) => !asked.current.has(id));
    if (missing.length === 0) return;
    missing.forEach((id) => asked.current.add(id));
    // Idle time after the paint: the first rows are never held back by their icons.
    const ask = () =>
      call('sessions.icons', { ids: missing }).then(
        (r) => setIcons((cur) => new Map([...cur, ...Object.entries(r.icons)])),
        // Rows without favicons still say everything: a failure here is not worth a word.
        () => undefined,
      );
    if (typeof requestIdleCallback === 'function') requestIdleCallback(() => void ask(), { timeout: 300 });
    else setTimeout(() => void ask(), 50);
  }, []);

  return { icons, want };
}
