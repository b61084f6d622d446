// What the Sync section's status line says: "Synced 2 minutes ago" after a good sync, what is
// wrong and when it is tried again after a failure, "Syncing…" while a sync talks to the server.
import { relativeTime } from '../format-time.ts';
import { msg, type UserMessage } from '../user-error.ts';

export interface SyncStatusView {
  state: 'off' | 'idle' | 'syncing' | 'failing' | 'ask' | 'locked';
  lastSyncAt?: number;
  retryAt?: number;
  problem?: { userMessage: UserMessage };
}

/** The status line's message, or undefined while sync is off. */
export function syncStatusMessage(s: SyncStatusView, now: number, locale?: string): UserMessage | undefined {
  if (s.state === 'off') return undefined;
  if (s.state === 'syncing') return msg('syncSyncing');
  if (s.problem) {
    if (s.state === 'failing' && s.retryAt !== undefined) {
      return msg('syncProblemRetry', s.problem.userMessage, relativeTime(s.retryAt, now, locale));
    }
    return msg('syncProblem', s.problem.userMessage);
  }
  return s.lastSyncAt === undefined ? msg('syncNotYet') : msg('syncSynced', relativeTime(s.lastSyncAt, now, locale));
}
