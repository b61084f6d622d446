// Events the worker sends to whichever extension pages are open (no reply expected).

export interface RestoreProgressEvent {
  tabulariumEvent: 'restore.progress';
  restoreId: string;
  done: number;
  total: number;
}

/** A restore ended (done, cancelled or failed): pages that only watched it drop its progress. */
export interface RestoreEndedEvent {
  tabulariumEvent: 'restore.ended';
  restoreId: string;
}

export type WorkerEvent = RestoreProgressEvent | RestoreEndedEvent;

export function isWorkerEvent(x: unknown): x is WorkerEvent {
  return (
    typeof x === 'object' && x !== null && typeof (x as { tabulariumEvent?: unknown }).tabulariumEvent === 'string'
  );
}
