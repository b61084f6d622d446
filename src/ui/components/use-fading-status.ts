// A status line that clears itself: news goes after a few seconds, an offer (Undo) a little later;
// an error stays until something else is said.
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { Status } from './status-line.tsx';

export const STATUS_MS = 6_000;
export const STATUS_WITH_ACTION_MS = 15_000;

export function useFadingStatus(): [Status | undefined, (s: Status | undefined) => void] {
  const [status, setStatus] = useState<Status | undefined>(undefined);
  useEffect(() => {
    if (!status || status.kind === 'error') return;
    const timer = setTimeout(() => setStatus(undefined), status.action ? STATUS_WITH_ACTION_MS : STATUS_MS);
    return () => clearTimeout(timer);
  }, [status]);
  return [status, useCallback((s: Status | undefined) => setStatus(s), [])];
}
