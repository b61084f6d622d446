// Events the worker sends to whichever extension pages are open (no reply expected).

export interface RestoreProgressEvent {
  tabulariumEvent: 'restore.progress';
  restoreId: string;
  done: number;
  total: number;
}

export type WorkerEvent = RestoreProgressEvent;

export function isWorkerEvent(x: unknown): x is WorkerEvent {
  return typeof x === 'object' && x !== null && typeof (x as { tabulariumEvent?: unknown }).tabulariumEvent === 'string';
}
