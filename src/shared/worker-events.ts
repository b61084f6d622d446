// Events the worker sends to whichever extension pages are open (no reply expected).
import type { HealthStatus } from './messages/health-messages.ts';

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

/** Writes started failing, failed for another reason, or work again (then `failing` is absent). */
export interface HealthChangedEvent extends HealthStatus {
  tabulariumEvent: 'health.changed';
}

export type WorkerEvent = RestoreProgressEvent | RestoreEndedEvent | HealthChangedEvent;

export function isWorkerEvent(x: unknown): x is WorkerEvent {
  return (
    typeof x === 'object' && x !== null && typeof (x as { tabulariumEvent?: unknown }).tabulariumEvent === 'string'
  );
}
