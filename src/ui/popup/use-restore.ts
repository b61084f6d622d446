// Runs a restore through the worker with a progress line and a way to cancel it.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { RestoreMode } from '../../core/restore-plan.ts';
import { call, onWorkerEvent } from '../../shared/client.ts';
import type { RestoreReport } from '../../shared/protocol.ts';

export interface RestoreProgressState {
  restoreId: string;
  done: number;
  total: number;
}

/**
 * The restore this page shows: the one it started, or one already running when it opened (the
 * person closed the popup, or Firefox's new window took the focus and closed it). Several may run
 * at once; when the shown one ends, the next one still running is shown.
 */
export function useRestore() {
  const [progress, setProgress] = useState<RestoreProgressState | undefined>(undefined);
  // Ended restores, so a late answer about one of them is not shown again.
  const ended = useRef(new Set<string>());

  const showNextUnderway = useCallback(() => {
    void call('sessions.restoresUnderway', {}).then(
      ({ restores }) => {
        const running = restores.find((r) => !ended.current.has(r.restoreId));
        if (running) setProgress((cur) => cur ?? running);
      },
      () => undefined,
    );
  }, []);

  const forget = useCallback(
    (restoreId: string) => {
      ended.current.add(restoreId);
      setProgress((cur) => (cur?.restoreId === restoreId ? undefined : cur));
      // Another restore may still run: it is shown if nothing else is.
      showNextUnderway();
    },
    [showNextUnderway],
  );

  useEffect(
    () =>
      onWorkerEvent((e) => {
        if (e.tabulariumEvent === 'restore.progress') {
          if (ended.current.has(e.restoreId)) return;
          // Nothing shown yet (opened mid-restore): this one is.
          setProgress((cur) =>
            !cur
              ? { restoreId: e.restoreId, done: e.done, total: e.total }
              : cur.restoreId === e.restoreId
                ? { ...cur, done: e.done, total: e.total }
                : cur,
          );
        } else if (e.tabulariumEvent === 'restore.ended') {
          forget(e.restoreId);
        }
      }),
    [forget],
  );

  useEffect(showNextUnderway, [showNextUnderway]);

  const restore = async (id: string, mode?: RestoreMode): Promise<RestoreReport> => {
    const restoreId = crypto.randomUUID();
    setProgress({ restoreId, done: 0, total: 0 });
    try {
      return await call('sessions.restore', { id, restoreId, ...(mode ? { mode } : {}) });
    } finally {
      forget(restoreId);
    }
  };

  const cancel = () => {
    if (progress) void call('sessions.cancelRestore', { restoreId: progress.restoreId });
  };

  return { restore, cancel, progress };
}
