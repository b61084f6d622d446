// What a failed WebDAV exchange means for the person, and when to try again. The client turns
// every failure into a SyncProblem (HTTP status, network error, timeout, an answer that is not
// WebDAV); the page shows its message, and the engine retries with a backoff and changes nothing
// locally meanwhile.
import { msg, UserError, type UserMessage } from '../user-error.ts';

export type SyncProblemCode =
  | 'offline'
  | 'timeout'
  | 'auth'
  | 'forbidden'
  | 'not-found'
  | 'conflict'
  | 'precondition'
  | 'locked'
  | 'full'
  | 'garbage'
  | 'server'
  | 'passphrase'
  | 'server-lost'
  | 'no-permission'
  | 'vault-locked';

/** A failure of sync, with what the person reads. */
export class SyncProblem extends UserError {
  constructor(
    readonly problem: SyncProblemCode,
    message: UserMessage,
    readonly httpStatus?: number,
  ) {
    super(problem === 'passphrase' ? 'refused' : 'unavailable', message);
    this.name = 'SyncProblem';
  }
}

/** The problem an HTTP status stands for (RFC 4918 and RFC 9110). */
export function problemForStatus(status: number): SyncProblem {
  const p = (code: SyncProblemCode, m: UserMessage) => new SyncProblem(code, m, status);
  switch (status) {
    case 401:
      return p('auth', msg('syncErrAuth', status));
    case 403:
      return p('forbidden', msg('syncErrForbidden', status));
    case 404:
      return p('not-found', msg('syncErrNotFound', status));
    case 405:
    case 409:
      return p('conflict', msg('syncErrConflict', status));
    case 412:
      return p('precondition', msg('syncErrPrecondition', status));
    case 423:
      return p('locked', msg('syncErrLocked', status));
    case 413:
    case 507:
      return p('full', msg('syncErrFull', status));
    default:
      return status >= 500 ? p('server', msg('syncErrServer', status)) : p('garbage', msg('syncErrUnexpected', status));
  }
}

export function offlineProblem(): SyncProblem {
  return new SyncProblem('offline', msg('syncErrOffline'));
}

export function timeoutProblem(seconds: number): SyncProblem {
  return new SyncProblem('timeout', msg('syncErrTimeout', seconds));
}

export function garbageProblem(): SyncProblem {
  return new SyncProblem('garbage', msg('syncErrGarbage'));
}

/** Backoff after `failures` failures in a row: 15 s doubling, at most the pull interval. */
export function retryDelayMs(failures: number, intervalMinutes: number): number {
  const cap = Math.max(30_000, intervalMinutes * 60_000);
  return Math.min(cap, 15_000 * 2 ** Math.max(0, Math.min(failures - 1, 16)));
}
