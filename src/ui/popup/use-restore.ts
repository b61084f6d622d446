// Runs a restore through the worker with a progress line and a way to cancel it.
import { useEffect, useState } from 'preact/hooks';
import type { RestoreMode } from '../../core/restore-plan.ts';
import { call, onWorkerEvent } from '../../shared/client.ts';
import type { RestoreReport } from '../../shared/protocol.ts';

export interface RestoreProgressState {
  restoreId: string;
  done: number;
  total: number;
}

export function useRestore() {
  const [progress, setProgress] = useState<RestoreProgressState | undefined>(undefined);

  useEffect(() => onWorkerEvent((e) => {
    if (e.tabulariumEvent === 'restore.progress') {
      setProgress((cur) => (cur && cur.restoreId === e.restoreId ? { ...cur, done: e.done, total: e.total } : cur));
    } else if (e.tabulariumEvent === 'restore.ended') {
      setProgress((cur) => (cur && cur.restoreId === e.restoreId ? undefined : cur));
    }
  }), []);

  // The popup closes when a restored window takes the focus; opened again while that restore
  // still runs, it shows the same progress and can still cancel it.
  useEffect(() => {
    void call('sessions.restoresUnderway', {}).then(({ restores: [running] }) => {
      if (running) setProgress((cur) => cur ?? running);
    }, () => undefined);
  }, []);

  const restore = async (id: string, mode?: RestoreMode): Promise<RestoreReport> => {
    const restoreId = crypto.randomUUID();
    setProgress({ restoreId, done: 0, total: 0 });
    try {
      return await call('sessions.restore', { id, restoreId, ...(mode ? { mode } : {}) });
    } finally {
      setProgress(undefined);
    }
  };

  const cancel = () => {
    if (progress) void call('sessions.cancelRestore', { restoreId: progress.restoreId });
  };

  return { restore, cancel, progress };
}
